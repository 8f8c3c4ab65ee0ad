"""SummitReader: read one story across many news outlets, offline."""

__version__ = "0.1.0"
