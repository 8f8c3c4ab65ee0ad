"""The guard that keeps None alive while PySide6 6.12 on Python 3.11 drops references to it."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QPainter, QPixmap

from summitreader.ui.refcount_guard import BALLAST, keep_singletons_alive


def test_void_calls_cannot_exhaust_none(qapp) -> None:  # type: ignore[no-untyped-def]
    keep_singletons_alive()
    pixmap = QPixmap(4, 4)
    painter = QPainter(pixmap)
    for _ in range(1000):
        painter.setPen(QColor("red"))
    painter.end()
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) > BALLAST // 2
