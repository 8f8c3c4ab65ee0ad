"""Near-duplicate wire copies are grouped; different articles on the same story are not."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from summitreader.ingest.markdown import parse_markdown
from summitreader.ingest.syndication import (
    SYNDICATION_THRESHOLD,
    similarity,
    text_fingerprint,
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "markdown" / "syndication"
WIRE_COPIES = (
    "wire_original",
    "outlet_edited",
    "outlet_trimmed",
    "outlet_new_headline_and_intro",
)
DIFFERENT_ARTICLES = ("different_analysis", "different_farmers", "different_dams")


@pytest.fixture(scope="module")
def fingerprints() -> dict[str, bytes]:
    return {
        name: text_fingerprint(parse_markdown((FIXTURES / f"{name}.md").read_text()).text)
        for name in WIRE_COPIES + DIFFERENT_ARTICLES
    }


def test_threshold_separates_wire_copies_from_different_articles(
    fingerprints: dict[str, bytes],
) -> None:
    copies = [similarity(fingerprints[a], fingerprints[b]) for a, b in combinations(WIRE_COPIES, 2)]
    others = [
        similarity(fingerprints[a], fingerprints[b])
        for a in DIFFERENT_ARTICLES
        for b in WIRE_COPIES + DIFFERENT_ARTICLES
        if a != b
    ]
    # A clear margin on both sides, so estimation noise (about ±0.05) cannot flip a decision.
    assert min(copies) >= SYNDICATION_THRESHOLD + 0.15
    assert max(others) <= SYNDICATION_THRESHOLD - 0.2


def test_fingerprint_is_stable_bytes_of_fixed_size() -> None:
    text = "Talks between the three states ended without an agreement on Monday."
    first, second = text_fingerprint(text), text_fingerprint(text)
    assert isinstance(first, bytes) and first == second
    assert len(text_fingerprint("A much longer text " * 200)) == len(first)
    assert similarity(first, second) == 1.0
    # Case and punctuation do not matter; words do.
    assert similarity(first, text_fingerprint(text.upper().replace(".", "!"))) == 1.0


def test_texts_without_words_are_never_grouped() -> None:
    empty = text_fingerprint("  -- ... ")
    assert similarity(empty, empty) == 0.0


def test_short_texts_still_get_a_fingerprint() -> None:
    assert similarity(text_fingerprint("Talks failed"), text_fingerprint("talks FAILED!")) == 1.0


def test_bad_fingerprint_bytes_raise_value_error() -> None:
    with pytest.raises(ValueError, match="not a text fingerprint"):
        similarity(b"\x00\x01", text_fingerprint("some words here"))
