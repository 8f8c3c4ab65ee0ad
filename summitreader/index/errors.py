"""Errors the index raises to its callers; each message is one line a user can read."""

from __future__ import annotations


class QueryError(ValueError):
    """The search text cannot be understood; the message says why in one line."""


class IndexBusyError(RuntimeError):
    """Another process kept the index's writer lock past the timeout."""


class IndexUnavailableError(RuntimeError):
    """The index on disk cannot be read (missing files, corruption); rebuilding it repairs it."""
