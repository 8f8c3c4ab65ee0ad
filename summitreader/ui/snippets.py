"""Search snippets as formatted text, without handing foreign HTML to a rich-text engine.

The index escapes article text and wraps hits in <mark>…</mark>; we split on those two tags,
unescape the rest, and build the formatting ourselves.
"""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument

_MARK = re.compile(r"(</?mark>)")


def snippet_segments(snippet: str) -> list[tuple[str, bool]]:
    """`a <mark>b</mark> c` → [("a ", False), ("b", True), (" c", False)]."""
    segments: list[tuple[str, bool]] = []
    marked = False
    for part in _MARK.split(snippet):
        if part == "<mark>":
            marked = True
        elif part == "</mark>":
            marked = False
        elif part:
            segments.append((html.unescape(part), marked))
    return segments


def snippet_document(
    snippet: str, *, base: QTextCharFormat, mark_background: str, mark_text: str | None = None
) -> QTextDocument:
    """A QTextDocument of the snippet with hits painted in `mark_background`."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDocumentMargin(0)
    cursor = QTextCursor(document)
    marked = QTextCharFormat(base)
    marked.setBackground(QColor(mark_background))
    if mark_text:
        marked.setForeground(QColor(mark_text))
    for text, is_hit in snippet_segments(snippet):
        cursor.insertText(
            " ".join(text.split()) if "\n" in text else text, marked if is_hit else base
        )
    return document
