from __future__ import annotations

import re
import uuid
from dataclasses import replace

import pytest

from summitreader.annotate.model import (
    COLORS,
    CONTEXT_LENGTH,
    Annotation,
    edited,
    marked_deleted,
    new_annotation,
    normalize_tags,
    quote_context,
)

TEXT = (
    "Talks on the Tagus treaty broke down late on Tuesday.\n\n"
    "“We are further apart than ever,” the Portuguese minister said, leaving the hall.\n\n"
    "Markets barely moved."
)


def _span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def test_new_highlight_keeps_exact_text_and_context_either_side() -> None:
    start, end = _span("further apart than ever")
    note = new_annotation(7, "uid-7", TEXT, start, end, "hash1", note="  key line ", tags="#eu")

    assert uuid.UUID(note.id).version == 4
    assert (note.article_id, note.article_uid, note.content_hash) == (7, "uid-7", "hash1")
    assert note.exact == "further apart than ever"
    assert note.prefix == TEXT[start - CONTEXT_LENGTH : start]
    assert note.suffix == TEXT[end : end + CONTEXT_LENGTH]
    assert (note.start, note.end) == (start, end)
    assert note.note == "key line"
    assert note.tags == ("eu",)
    assert note.color == "yellow"
    assert not note.deleted and not note.orphan
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", note.created)
    assert note.modified == note.created


def test_context_is_shorter_at_the_edges_of_the_text() -> None:
    note = new_annotation(1, "u", TEXT, 0, 5, "h")
    assert note.prefix == ""
    end_note = new_annotation(1, "u", TEXT, len(TEXT) - 6, len(TEXT), "h")
    assert end_note.suffix == ""
    assert end_note.exact == "moved."


def test_highlight_span_is_trimmed_of_whitespace_around_it() -> None:
    start, end = _span("Tuesday.\n\n“We")
    note = new_annotation(1, "u", TEXT, start + len("Tuesday."), end, "h")
    assert note.exact == "“We"
    assert TEXT[note.start : note.end] == "“We"


def test_reading_position_bookmark_has_no_text_of_its_own() -> None:
    start, _ = _span("Markets")
    mark = new_annotation(1, "u", TEXT, start, start, "h", kind="bookmark")
    assert (mark.exact, mark.start, mark.end) == ("", start, start)
    assert mark.is_reading_position
    assert mark.suffix.startswith("Markets")


@pytest.mark.parametrize(
    ("start", "end", "kind"),
    [
        (-1, 3, "highlight"),
        (5, 3, "highlight"),
        (0, len(TEXT) + 1, "highlight"),
        (4, 4, "highlight"),
    ],
)
def test_spans_outside_the_text_or_empty_highlights_are_refused(
    start: int, end: int, kind: str
) -> None:
    with pytest.raises(ValueError):
        new_annotation(1, "u", TEXT, start, end, "h", kind=kind)


def test_whitespace_only_highlight_is_refused() -> None:
    start = TEXT.index("\n\n")
    with pytest.raises(ValueError, match="whitespace"):
        new_annotation(1, "u", TEXT, start, start + 2, "h")


def test_unknown_colour_and_kind_are_refused() -> None:
    with pytest.raises(ValueError, match="colour"):
        new_annotation(1, "u", TEXT, 0, 5, "h", color="orange")
    with pytest.raises(ValueError, match="kind"):
        new_annotation(1, "u", TEXT, 0, 5, "h", kind="underline")


def test_exact_must_match_the_span_length_in_code_points() -> None:
    note = new_annotation(1, "u", "Flag 🇵🇹 raised", 5, 7, "h")
    assert note.exact == "🇵🇹"
    with pytest.raises(ValueError, match="code points"):
        replace(note, end=8)


def test_five_named_colours() -> None:
    assert COLORS == ("yellow", "green", "blue", "pink", "purple")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("#eu, Summit talks", ("eu", "Summit-talks")),
        ("#eu #nato", ("eu", "nato")),
        (["EU", "eu", " ", "#Lisbon"], ("EU", "Lisbon")),
        ("", ()),
        (("  two   words ",), ("two-words",)),
    ],
)
def test_normalize_tags(
    given: str | list[str] | tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert normalize_tags(given) == expected


def test_edited_changes_only_the_body_and_moves_modified_on() -> None:
    note = replace(new_annotation(1, "u", TEXT, 0, 5, "h"), modified="2000-01-01T00:00:00.000Z")
    changed = edited(note, note="why it matters", tags=["a", "b"], color="blue")
    assert (changed.note, changed.tags, changed.color) == ("why it matters", ("a", "b"), "blue")
    assert changed.modified > note.modified
    assert (changed.id, changed.exact, changed.created) == (note.id, note.exact, note.created)
    assert edited(changed, color="pink").note == "why it matters"


def test_deletion_is_a_marker_that_can_be_cleared() -> None:
    note = new_annotation(1, "u", TEXT, 0, 5, "h")
    gone = marked_deleted(note)
    assert gone.deleted and gone.exact == note.exact
    assert not marked_deleted(gone, deleted=False).deleted


def test_quote_context_counts_code_points() -> None:
    text = "😀" * 40 + "target" + "😀" * 40
    prefix, exact, suffix = quote_context(text, 40, 46)
    assert (prefix, exact, suffix) == ("😀" * 32, "target", "😀" * 32)


def test_annotation_is_immutable() -> None:
    note: Annotation = new_annotation(1, "u", TEXT, 0, 5, "h")
    with pytest.raises(AttributeError):
        note.note = "x"  # type: ignore[misc]
