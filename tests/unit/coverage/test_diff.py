"""Word diffs of quote variants."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summitreader.coverage import DiffSegment, diff_against, word_diff


def test_punctuation_and_case_are_not_differences() -> None:
    segments = word_diff(
        "Nobody has left the table for good,", "nobody has left the table for good."
    )
    assert [s.op for s in segments] == ["equal"]
    assert segments[0].b_text == "nobody has left the table for good."


def test_trim_is_a_delete_and_splice_a_replacement() -> None:
    full = "A river does not stop at a border, and neither can our responsibility. We came here"
    spliced = "A river does not stop at a border … We came here"
    segments = word_diff(full, spliced)
    assert segments == [
        DiffSegment(
            "equal", "A river does not stop at a border,", "A river does not stop at a border"
        ),
        DiffSegment("replace", "and neither can our responsibility.", "…"),
        DiffSegment("equal", "We came here", "We came here"),
    ]
    trimmed = word_diff(full, "We came here")
    assert [s.op for s in trimmed] == ["delete", "equal"]


def test_replaced_words() -> None:
    segments = word_diff("We spent two nights arguing", "We spent two days arguing")
    assert segments == [
        DiffSegment("equal", "We spent two", "We spent two"),
        DiffSegment("replace", "nights", "days"),
        DiffSegment("equal", "arguing", "arguing"),
    ]


def test_diff_against_flags_the_variants_own_words() -> None:
    marked = diff_against("We came here to share the water", "We came here to share nothing at all")
    assert marked == [
        ("We", False),
        ("came", False),
        ("here", False),
        ("to", False),
        ("share", False),
        ("nothing", True),
        ("at", True),
        ("all", True),
    ]


def test_diff_against_identical_text_flags_nothing() -> None:
    assert all(
        not differs for _, differs in diff_against("Rain always helps.", "Rain always helps.")
    )


words = st.lists(st.sampled_from(["river", "border", "water,", "We", "share", "…", "blame."]))


@given(words, words)
def test_segments_rebuild_both_texts(a: list[str], b: list[str]) -> None:
    segments = word_diff(" ".join(a), " ".join(b))
    assert " ".join(s.a_text for s in segments if s.a_text).split() == a
    assert " ".join(s.b_text for s in segments if s.b_text).split() == b
    assert [w for w, _ in diff_against(" ".join(a), " ".join(b))] == b
