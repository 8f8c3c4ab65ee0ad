"""The Qt-free core: the `Library` facade and the records it hands out."""
