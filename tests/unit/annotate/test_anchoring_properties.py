"""Properties of re-anchoring over generated texts and edits (offsets are code points)."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summitreader.annotate.anchoring import reanchor
from summitreader.annotate.evidence import occurrences
from summitreader.annotate.model import new_annotation

WORDS = [
    "talks", "summit", "Lisbon", "Madrid", "minister", "said", "the", "a", "water", "treaty",
    "🇵🇹", "😀", "𝕏", "naïve", "Ribeiro", "“quote”", "—", "rain", "flows", "farmers", "EU",
]  # fmt: skip

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
paragraphs = st.lists(words, min_size=1, max_size=8).map("\n\n".join)
edit_text = st.lists(
    st.sampled_from([*"abc xyz\n.,", "😀", "𝕏", "🇵🇹", "é"]), min_size=1, max_size=40
).map("".join)


@st.composite
def annotated_texts(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(paragraphs)
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


def _edit(text: str, lo: int, hi: int, data: st.DataObject) -> tuple[str, int]:
    """Insert or delete somewhere inside text[lo:hi]; return the new text and the length change."""
    at = data.draw(st.integers(lo, hi))
    if data.draw(st.booleans()):
        inserted = data.draw(edit_text)
        return text[:at] + inserted + text[at:], len(inserted)
    stop = data.draw(st.integers(at, hi))
    return text[:at] + text[stop:], at - stop


@settings(max_examples=300, deadline=None)
@given(annotated_texts(), st.data())
def test_unchanged_unique_span_always_reanchors_exactly(
    case: tuple[str, int, int], data: st.DataObject
) -> None:
    text, start, end = case
    assume(text[start:end].strip())
    note = new_annotation(1, "u", text, start, end, "h")
    new_text, before_shift = _edit(text, 0, note.start, data)
    new_start = note.start + before_shift
    new_text, _ = _edit(new_text, new_start + len(note.exact), len(new_text), data)
    assume(len(occurrences(new_text, note.exact)) == 1)  # overlapping ones count too

    anchor = reanchor(note, new_text)

    assert anchor.method in {"position", "exact"}
    assert (anchor.start, anchor.end) == (new_start, new_start + len(note.exact))


@settings(max_examples=300, deadline=None)
@given(annotated_texts(), st.data())
def test_anchor_never_falls_outside_the_new_text(
    case: tuple[str, int, int], data: st.DataObject
) -> None:
    text, start, end = case
    assume(text[start:end].strip())
    note = new_annotation(1, "u", text, start, end, "h")
    new_text = text
    for _ in range(data.draw(st.integers(1, 3))):
        new_text, _ = _edit(new_text, 0, len(new_text), data)

    anchor = reanchor(note, new_text)

    assert 0 <= anchor.start <= anchor.end <= len(new_text)
    if not anchor.is_orphan:
        assert anchor.end > anchor.start
        if anchor.method in {"position", "exact"}:
            assert new_text[anchor.start : anchor.end] == note.exact


@settings(max_examples=200, deadline=None)
@given(paragraphs, st.data())
def test_reading_positions_stay_inside_the_text(text: str, data: st.DataObject) -> None:
    point = data.draw(st.integers(0, len(text)))
    mark = new_annotation(1, "u", text, point, point, "h", kind="bookmark")
    new_text, _ = _edit(text, 0, len(text), data)

    anchor = reanchor(mark, new_text)

    assert 0 <= anchor.start == anchor.end <= len(new_text)
