"""Phrases narrowed by word-pair signatures match exactly the articles whose text holds them."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from summitreader.index import pair_signatures
from summitreader.index.analysis import index_forms
from summitreader.index.documents import IndexDocument
from summitreader.index.pair_signatures import holds, signature
from summitreader.index.phrases import contains_phrase
from summitreader.index.search_index import SearchIndex

WORDS = [
    "press",
    "Press",
    "PRESS",
    "conference",
    "conferences",
    "conference's",
    "conference\u2019s",
    "the",
    "of",
    "a",
    "I",
    "x",
    "5",
    "2019",
    "U.S.",
    "U.S",
    "a.b",
    "right",
    "rights",
    "caf\u00e9",
    "Caf\u00e9",
    "talks",
]
SEPARATORS = [" ", ", ", ". ", ".", "...", "-", "'", "\u2019", " \u201c", "\u201d ", "\n\n", " ("]
# What a user types between the words of a phrase.
QUERY_SEPARATORS = [" ", ", ", " - ", "'s ", "\u2019s ", " the ", ". "]

texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([*SEPARATORS, ""])), min_size=1, max_size=25
).map(lambda pairs: "".join(word + sep for word, sep in pairs))


def _in_a_row(forms: Sequence[str], wanted: Sequence[str]) -> bool:
    length = len(wanted)
    return any(list(forms[i : i + length]) == list(wanted) for i in range(len(forms) - length + 1))


def test_pairs_skip_stop_words_short_words_and_punctuation() -> None:
    value = signature(index_forms("The press, at a conference\u2019s end: I said it."))
    assert holds(value, ["press", "confer"]) and holds(value, ["confer", "end", "said"])
    assert not holds(value, ["confer", "press"])  # order counts
    assert not holds(value, ["press", "end"])


@settings(max_examples=400, deadline=None)
@given(texts, st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
def test_the_text_check_holds_a_phrase_exactly_when_its_words_are_in_a_row(
    text: str, phrase: list[str]
) -> None:
    wanted = index_forms(" ".join(phrase))
    assume(wanted)
    forms = index_forms(text)
    assert contains_phrase(text, wanted) == _in_a_row(forms, wanted)
    if contains_phrase(text, wanted):
        assert holds(signature(forms), wanted)


def _corpus() -> list[IndexDocument]:
    rng = random.Random(7)
    docs = []
    for number in range(1, 121):
        size = rng.randint(3, 40)
        body = "".join(rng.choice(WORDS) + rng.choice(SEPARATORS) for _ in range(size))
        docs.append(IndexDocument(number, f"Story {number}", body, "Wire", None, None, None, None))
    return docs


CORPUS = _corpus()


@pytest.fixture(scope="module")
def pair_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    built = SearchIndex(tmp_path_factory.mktemp("pairs") / "ix")
    built.rebuild(CORPUS, stamp="1")
    yield built
    built.close()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
    st.lists(st.sampled_from(QUERY_SEPARATORS), min_size=3, max_size=3),
    st.sampled_from([('"', '"'), ("\u201c", "\u201d")]),
)
def test_phrase_results_equal_the_text_checked_results(
    pair_index: SearchIndex, words: list[str], separators: list[str], quotes: tuple[str, str]
) -> None:
    text = words[0] + "".join(sep + word for sep, word in zip(separators, words[1:], strict=False))
    wanted = index_forms(text)
    assume(wanted)
    results = pair_index.search(f"{quotes[0]}{text}{quotes[1]}", limit=len(CORPUS))
    expected = {doc.id for doc in CORPUS if contains_phrase(doc.body, wanted)}
    assert {hit.id for hit in results.hits} == expected
    assert (results.total, results.total_is_estimate) == (len(expected), False)


def _crowd() -> list[IndexDocument]:
    """Forty articles hold "press" and "conference", three of them as a phrase."""
    docs = []
    for n in range(1, 41):
        body = (
            "A press conference opened the day."
            if n <= 3
            else "The press waited; the conference ended."
        )
        docs.append(IndexDocument(n, f"Story {n}", body, "Wire", None, None, None, None))
    docs.append(
        IndexDocument(
            41, "Story", "Press conference room, press room.", "Wire", None, None, None, None
        )
    )
    return docs


def test_only_articles_holding_every_pair_reach_the_text_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild(_crowd(), stamp="1")
    checked: list[int] = []
    original = SearchIndex._check_phrases

    def spy(self: SearchIndex, searcher: object, phrases: list[object], docs: np.ndarray) -> object:
        checked.extend(docs.tolist())
        return original(self, searcher, phrases, docs)

    monkeypatch.setattr(SearchIndex, "_check_phrases", spy)
    two = index.search('"press conference"')
    assert {hit.id for hit in two.hits} == {1, 2, 3, 41}
    assert len(checked) == 4  # the 37 articles with both words apart are never read
    checked.clear()
    three = index.search('"press conference room"')
    assert {hit.id for hit in three.hits} == {41}
    assert len(checked) == 1


def test_the_mapped_column_and_the_column_reader_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild(_crowd(), stamp="1")
    index.upsert(
        [IndexDocument(42, "Late", "Press conference.", "Wire", None, None, None, None)], stamp="2"
    )
    searcher, _ = index._open_for_reading()
    assert searcher is not None
    docs = np.arange(searcher.doc_count_all(), dtype=np.int64)
    leaf = searcher.leaf_searchers()[0][0].reader()
    assert pair_signatures._mapped_column(leaf, "body_pairs") is not None
    mapped = pair_signatures.holding_pairs(searcher, "body_pairs", ["press", "confer"], docs)
    monkeypatch.setattr(pair_signatures, "_mapped_column", lambda *_: None)
    read = pair_signatures.holding_pairs(searcher, "body_pairs", ["press", "confer"], docs)
    assert mapped.tolist() == read.tolist()
    assert int(mapped.sum()) == 5
