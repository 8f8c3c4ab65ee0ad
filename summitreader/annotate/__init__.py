"""Highlights and bookmarks (W3C Web Annotation model) and finding them again in changed text."""

from __future__ import annotations

from summitreader.annotate.anchoring import Anchor, reanchor, reanchored
from summitreader.annotate.model import (
    COLORS,
    CONTEXT_LENGTH,
    KINDS,
    Annotation,
    edited,
    marked_deleted,
    new_annotation,
    normalize_tags,
    quote_context,
    utc_now,
)

__all__ = [
    "COLORS",
    "CONTEXT_LENGTH",
    "KINDS",
    "Anchor",
    "Annotation",
    "edited",
    "marked_deleted",
    "new_annotation",
    "normalize_tags",
    "quote_context",
    "reanchor",
    "reanchored",
    "utc_now",
]
