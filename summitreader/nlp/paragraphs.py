"""Paragraph spans of an article text (paragraphs are joined by blank lines)."""

from __future__ import annotations

import re

_BREAK_RE = re.compile(r"\n[ \t]*\n\s*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, trailing whitespace excluded."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _BREAK_RE.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed
