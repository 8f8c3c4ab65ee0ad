"""Code points ↔ UTF-16 and text ↔ document positions, with characters outside the BMP."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from summitreader.ui.offsets import (
    TextOffsets,
    code_point_from_utf16,
    utf16_from_code_point,
    utf16_length,
)


def test_utf16_counts_astral_characters_twice() -> None:
    text = "a😀b𝔘c"
    assert utf16_length(text) == 7
    assert utf16_from_code_point(text, 2) == 3
    assert utf16_from_code_point(text, 4) == 6
    assert code_point_from_utf16(text, 3) == 2
    assert code_point_from_utf16(text, 2) == 1  # inside the surrogate pair rounds down


def test_round_trip_every_offset() -> None:
    text = "Ça 🇵🇹 va — 𝒳 “quoted” 😀!"
    for offset in range(len(text) + 1):
        assert code_point_from_utf16(text, utf16_from_code_point(text, offset)) == offset


def test_document_positions_match_qt_blocks() -> None:
    paragraphs = ("Lisbon 😀 talks.", "“Water,” said Inês 𝔘.", "End")
    text = "\n\n".join(paragraphs)
    document = QTextDocument()
    cursor = QTextCursor(document)
    cursor.insertText("Headline")
    body_start = document.characterCount()
    for paragraph in paragraphs:
        cursor.insertBlock()
        cursor.insertText(paragraph)
    offsets = TextOffsets(paragraphs, body_start)
    for word in ("talks", "Water", "Inês", "𝔘", "End"):
        start = text.index(word)
        position = offsets.to_document(start)
        probe = QTextCursor(document)
        probe.setPosition(position)
        probe.setPosition(offsets.to_document(start + len(word)), QTextCursor.MoveMode.KeepAnchor)
        assert probe.selectedText() == word
        assert offsets.to_text(position) == start


def test_separator_maps_to_paragraph_end() -> None:
    offsets = TextOffsets(("ab", "cd"), 10)
    assert offsets.to_document(2) == 12
    assert offsets.to_document(3) == 12
    assert offsets.to_document(4) == 13
    assert offsets.to_document(99) == 15
