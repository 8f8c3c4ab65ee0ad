from __future__ import annotations

from dataclasses import replace

import pytest

from summitreader.annotate.anchoring import MARGIN, MIN_SCORE, Anchor, reanchor, reanchored
from summitreader.annotate.approximate import MIN_SIMILARITY
from summitreader.annotate.evidence import PROXIMITY_WEIGHT
from summitreader.annotate.model import Annotation, new_annotation

PARAGRAPHS = [
    "LISBON (Wire) — Talks on the Tagus water treaty broke down late on Tuesday after Spain "
    "refused to guarantee minimum summer flows.",
    "“We are further apart than we were in March,” Portugal’s environment minister, Ana Ribeiro, "
    "told reporters as she left the conference centre.",
    "Spanish officials said the demand would leave farmers in Extremadura without water in a dry "
    "year, and that any guarantee had to depend on rainfall.",
    "The European Commission urged both sides to return to the table before the autumn.",
]
TEXT = "\n\n".join(PARAGRAPHS)


def _note(phrase: str, text: str = TEXT, occurrence: int = 0) -> Annotation:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return new_annotation(1, "uid", text, start, start + len(phrase), "old")


def _at(anchor: Anchor, text: str) -> str:
    assert not anchor.is_orphan, anchor
    return text[anchor.start : anchor.end]


def test_unchanged_text_keeps_the_position() -> None:
    note = _note("further apart than we were in March")
    anchor = reanchor(note, TEXT)
    assert anchor == Anchor(note.start, note.end, "position", 1.0)


def test_edit_before_the_annotation_shifts_it_by_exact_match() -> None:
    note = _note("further apart than we were in March")
    new_text = "UPDATED with Spanish reaction.\n\n" + TEXT
    anchor = reanchor(note, new_text)
    assert anchor.method == "exact"
    assert anchor.start == note.start + len("UPDATED with Spanish reaction.\n\n")
    assert _at(anchor, new_text) == note.exact


def test_edit_after_the_annotation_keeps_the_position() -> None:
    note = _note("further apart than we were in March")
    new_text = TEXT.replace("before the autumn", "before the end of September")
    assert reanchor(note, new_text).method == "position"


def test_edit_inside_the_annotation_is_found_approximately() -> None:
    note = _note("Portugal’s environment minister, Ana Ribeiro, told reporters")
    new_text = TEXT.replace("Ana Ribeiro", "Ana Ribeira")  # the name corrected
    anchor = reanchor(note, new_text)
    assert anchor.method == "fuzzy"
    assert _at(anchor, new_text) == "Portugal’s environment minister, Ana Ribeira, told reporters"


def test_a_word_inserted_inside_and_text_shifted_before() -> None:
    note = _note("Spain refused to guarantee minimum summer flows")
    new_text = ("Correction appended. " + TEXT).replace(
        "refused to guarantee", "refused outright to guarantee"
    )
    anchor = reanchor(note, new_text)
    assert anchor.method == "fuzzy"
    assert _at(anchor, new_text) == "Spain refused outright to guarantee minimum summer flows"


def test_a_rewritten_passage_is_an_orphan_not_a_guess() -> None:
    note = _note("would leave farmers in Extremadura without water in a dry year")
    new_text = TEXT.replace(
        "would leave farmers in Extremadura without water in a dry year",
        "risked ruining growers across the south whenever rain failed",
    )
    assert reanchor(note, new_text).is_orphan


def test_a_deleted_passage_is_an_orphan() -> None:
    note = _note("Spanish officials said the demand would leave farmers")
    new_text = "\n\n".join(PARAGRAPHS[:2] + PARAGRAPHS[3:])
    anchor = reanchor(note, new_text)
    assert anchor.method is None
    assert 0 <= anchor.start <= anchor.end <= len(new_text)


def test_text_moved_to_another_paragraph_is_found() -> None:
    note = _note("The European Commission urged both sides to return to the table")
    moved = [PARAGRAPHS[3], PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]]
    new_text = "\n\n".join(moved)
    anchor = reanchor(note, new_text)
    assert anchor.method == "exact"
    assert anchor.start == 0
    assert _at(anchor, new_text) == note.exact


def test_a_repeated_paragraph_picks_the_copy_with_the_same_context() -> None:
    # Wire copy that repeats the quote later, in a different setting.
    text = TEXT + "\n\nEarlier: “We are further apart than we were in March,” she had warned."
    note = _note("further apart than we were in March", text, occurrence=1)
    new_text = "Lead-in added.\n\n" + text
    anchor = reanchor(note, new_text)
    assert anchor.method == "exact"
    assert anchor.start == new_text.rindex(note.exact)


def test_two_identical_copies_with_identical_context_make_an_orphan() -> None:
    paragraph = PARAGRAPHS[1]
    note = _note("further apart than we were in March", paragraph)
    # The annotated paragraph now appears twice, each time between the same neighbours, and the
    # old position no longer holds it: no way to tell which copy was meant.
    block = "Intro.\n\n" + paragraph + "\n\nOutro."
    new_text = "A new lead paragraph.\n\n" + block + "\n\n" + block
    anchor = reanchor(note, new_text)
    assert anchor.is_orphan
    assert anchor.score >= MIN_SCORE  # good enough, only not unique


def test_identical_copies_are_never_told_apart_by_distance_alone() -> None:
    assert MARGIN > PROXIMITY_WEIGHT


def test_a_short_phrase_repeated_with_unrelated_context_is_an_orphan() -> None:
    note = _note("Spain")  # occurs once; context is all that identifies it later
    new_text = "Spain and Portugal met again. Spain said little. Spain left early."
    assert reanchor(note, new_text).is_orphan


def test_an_exact_copy_with_half_its_context_passes_the_minimum() -> None:
    note = _note("further apart than we were in March")
    prefix_changed = TEXT.replace("“We are", "“Honestly, we are")
    # Two occurrences so the unique-exact rule cannot help: the scores must decide.
    new_text = prefix_changed + "\n\nLater: further apart than we were in March, she repeated."
    anchor = reanchor(note, new_text)
    assert anchor.method == "exact"
    assert anchor.start == prefix_changed.index(note.exact)


def test_fuzzy_threshold_sits_between_a_corrected_word_and_a_rewording() -> None:
    from rapidfuzz.fuzz import ratio

    corrected = ratio("told reporters as she left", "told journalists as she left") / 100
    reworded = ratio("told reporters as she left", "said on her way out") / 100
    typo = ratio("Ana Ribeiro, told reporters", "Ana Ribeira, told reporters") / 100
    assert reworded < MIN_SIMILARITY < typo
    assert corrected < MIN_SIMILARITY  # a swapped word in a short highlight is already a rewrite


def test_repeated_paragraph_edited_identically_in_both_copies_is_an_orphan() -> None:
    block = "Intro.\n\n" + PARAGRAPHS[1] + "\n\nOutro."
    note = _note("further apart than we were in March", block)
    edited_block = block.replace("we were in March", "we were in April")
    new_text = edited_block + "\n\n" + edited_block
    assert reanchor(note, new_text).is_orphan


def test_non_bmp_characters_are_counted_as_one_code_point() -> None:
    text = "Crowds waved 🇵🇹 flags 😀 outside.\n\nThe minister 🙂 smiled at 𝕏 reporters."
    note = _note("smiled at 𝕏 reporters", text)
    new_text = "🎉🎉 " + text
    anchor = reanchor(note, new_text)
    assert (anchor.start, anchor.end) == (note.start + 3, note.end + 3)
    assert _at(anchor, new_text) == "smiled at 𝕏 reporters"


def test_whole_text_highlight_without_context() -> None:
    text = "Short wire flash."
    note = new_annotation(1, "u", text, 0, len(text), "h")
    assert reanchor(note, text).method == "position"
    assert _at(reanchor(note, "URGENT: " + text), "URGENT: " + text) == text


def test_empty_new_text_makes_an_orphan_inside_it() -> None:
    note = _note("further apart")
    assert reanchor(note, "") == Anchor(0, 0, None, 0.0)


# -- reading-position bookmarks --------------------------------------------------------------


def _bookmark(before: str, text: str = TEXT) -> Annotation:
    at = text.index(before)
    return new_annotation(1, "uid", text, at, at, "old", kind="bookmark")


def test_bookmark_follows_its_context() -> None:
    mark = _bookmark("Spanish officials")
    new_text = "A new first paragraph.\n\n" + TEXT
    anchor = reanchor(mark, new_text)
    assert anchor.start == anchor.end == new_text.index("Spanish officials")
    assert reanchor(mark, TEXT).method == "position"


def test_bookmark_survives_a_word_inserted_at_it() -> None:
    mark = _bookmark("Spanish officials")
    new_text = TEXT.replace("Spanish officials", "Some Spanish officials")
    anchor = reanchor(mark, new_text)
    assert anchor.method is not None
    assert abs(anchor.start - new_text.index("Some Spanish officials")) <= len("Some ")


def test_bookmark_whose_surroundings_are_gone_is_an_orphan() -> None:
    mark = _bookmark("Spanish officials")
    new_text = "\n\n".join(PARAGRAPHS[:2] + PARAGRAPHS[3:])
    assert reanchor(mark, new_text).is_orphan


def test_bookmark_in_a_repeated_block_is_an_orphan() -> None:
    block = "Intro.\n\n" + PARAGRAPHS[2] + "\n\nOutro."
    mark = _bookmark("Spanish officials", block)
    assert reanchor(mark, "New.\n\n" + block + "\n\n" + block).is_orphan


@pytest.mark.parametrize("at_end", [False, True])
def test_bookmark_at_either_end_of_the_text(at_end: bool) -> None:
    point = len(TEXT) if at_end else 0
    mark = new_annotation(1, "u", TEXT, point, point, "h", kind="bookmark")
    anchor = reanchor(mark, TEXT)
    assert (anchor.method, anchor.start) == ("position", point)


# -- applying an anchor ----------------------------------------------------------------------


def test_reanchored_rebuilds_selectors_against_the_new_text() -> None:
    note = _note("Ana Ribeiro, told reporters")
    new_text = "Lead.\n\n" + TEXT.replace("Ana Ribeiro", "Ana Ribeira")
    moved = reanchored(note, reanchor(note, new_text), new_text, "new")
    assert moved.exact == "Ana Ribeira, told reporters"
    assert new_text[moved.start : moved.end] == moved.exact
    assert moved.prefix == new_text[moved.start - 32 : moved.start]
    assert moved.suffix == new_text[moved.end : moved.end + 32]
    assert (moved.content_hash, moved.orphan, moved.modified) == ("new", False, note.modified)
    assert moved.id == note.id


def test_reanchored_orphan_keeps_its_old_selectors_for_another_try() -> None:
    note = _note("Spanish officials said the demand")
    shorter = "\n\n".join(PARAGRAPHS[:2])
    orphan = reanchored(note, reanchor(note, shorter), shorter, "new")
    assert orphan.orphan
    assert orphan == replace(note, orphan=True)
    back = reanchored(orphan, reanchor(orphan, TEXT), TEXT, "newest")
    assert not back.orphan and (back.start, back.end) == (note.start, note.end)


@pytest.mark.parametrize("where", ["near its start", "in its middle", "near its end"])
def test_long_highlight_keeps_its_ends_when_a_word_is_inserted(where: str) -> None:
    middle = TEXT.index(PARAGRAPHS[2])
    note = new_annotation(1, "u", TEXT, 10, middle + 40, "h")  # ~300 code points
    offset = {"near its start": 4, "in its middle": len(note.exact) // 2, "near its end": -6}[where]
    cut = note.exact.index(" ", offset % len(note.exact))
    edited_exact = note.exact[:cut] + " reportedly" + note.exact[cut:]
    new_text = "Lead.\n\n" + TEXT[: note.start] + edited_exact + TEXT[note.end :]
    anchor = reanchor(note, new_text)
    assert anchor.method == "fuzzy"
    assert _at(anchor, new_text) == edited_exact
