"""The one place code-point offsets meet Qt's UTF-16 positions.

The core measures spans in code points of an article's `text` (paragraphs joined by "\\n\\n");
Qt measures in UTF-16 units, and the reader's document holds one block per paragraph, so a
paragraph break is one position in the document but two code points in the text. Every
conversion between the two goes through `TextOffsets`; nothing else in the window does this sum.
"""

from __future__ import annotations

from bisect import bisect_right

PARAGRAPH_SEPARATOR = "\n\n"


def utf16_length(text: str) -> int:
    """UTF-16 units needed for `text`: characters outside the BMP take two."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf16_from_code_point(text: str, offset: int) -> int:
    """The UTF-16 position of code-point `offset` in `text` (clamped to the text)."""
    offset = max(0, min(offset, len(text)))
    return utf16_length(text[:offset])


def code_point_from_utf16(text: str, position: int) -> int:
    """The code-point offset of UTF-16 `position` (inside a surrogate pair: rounds down)."""
    units = 0
    for index, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > position:
            return index
        units += width
    return len(text)


class TextOffsets:
    """Maps code points of an article's text to positions in a document built from its paragraphs.

    The body starts at document position `body_start` (after the headline blocks); paragraph `i`
    is one block, and blocks are separated by one position.
    """

    def __init__(self, paragraphs: tuple[str, ...] | list[str], body_start: int = 0) -> None:
        self.paragraphs = tuple(paragraphs)
        self.body_start = body_start
        self._text_starts: list[int] = []
        self._block_starts: list[int] = []
        text_pos = 0
        doc_pos = body_start
        for paragraph in self.paragraphs:
            self._text_starts.append(text_pos)
            self._block_starts.append(doc_pos)
            text_pos += len(paragraph) + len(PARAGRAPH_SEPARATOR)
            doc_pos += utf16_length(paragraph) + 1
        self.text_length = max(0, text_pos - len(PARAGRAPH_SEPARATOR))
        self.body_end = max(body_start, doc_pos - 1)

    def to_document(self, offset: int) -> int:
        """The document position of a code-point offset; a separator maps to its paragraph's end."""
        if not self.paragraphs:
            return self.body_start
        offset = max(0, min(offset, self.text_length))
        index = bisect_right(self._text_starts, offset) - 1
        paragraph = self.paragraphs[index]
        within = min(offset - self._text_starts[index], len(paragraph))
        return self._block_starts[index] + utf16_from_code_point(paragraph, within)

    def span_to_document(self, start: int, end: int) -> tuple[int, int]:
        """A code-point span `(start, end)` as a document span."""
        return self.to_document(start), self.to_document(end)

    def to_text(self, position: int) -> int:
        """The code-point offset in the text of a document position inside the body."""
        if not self.paragraphs:
            return 0
        position = max(self.body_start, min(position, self.body_end))
        index = bisect_right(self._block_starts, position) - 1
        within = position - self._block_starts[index]
        return self._text_starts[index] + code_point_from_utf16(self.paragraphs[index], within)
