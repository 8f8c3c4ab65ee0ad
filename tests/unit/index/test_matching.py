"""Matching over whole posting lists agrees with Whoosh's own matchers; body phrases on text."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import query as wq

from summitreader.index import IndexDocument, IndexUnavailableError, SearchIndex, matching
from summitreader.index.fuzzy import Vocabulary, expand_terms
from summitreader.index.generations import current_generation
from summitreader.index.query_language import parse

QUERIES = [
    "talks",
    "talks reactor",
    "talks OR bread",
    "talks -reactor",
    "NOT talks",
    "(walk OR summit) AND officials",
    "negotiat*",
    "Yongbion~",
    "source:AP",
    "speaker:lee",
    'speaker:"Sung-Yoon Lee"',
    'speaker:"yoon lee"',
    'source:"Associated Press"',
    'entity:"Lee Yongbyon"',
    'author:"Tom Reed"',
    "title:summit OR note:spokesman",
    "published:2019",
    "published:[2019-02-01 to 2019-02-28] talks",
    "published:{2019-02-28 to 2019-03-02}",
    "published:[2019-03-01 to]",
    "published:2019 -published:2019-03",
    "tag:follow-up",
]


@pytest.mark.parametrize("text", QUERIES)
def test_same_matches_as_whoosh(index: SearchIndex, text: str) -> None:
    results = index.search(text, limit=100)
    searcher, _ = index._open_for_reading()
    assert searcher is not None
    q = parse(text, index._parser).query
    q = expand_terms(q, Vocabulary(searcher.reader()))
    expected = {
        int(searcher.stored_fields(docnum)["id"])
        for docnum in q.docs(searcher)
        if searcher.stored_fields(docnum)["id"] != "meta"
    }
    assert {hit.id for hit in results.hits} == expected
    assert results.total == len(expected)


def test_scores_rank_the_more_relevant_first(index: SearchIndex) -> None:
    hits = index.search("talks reactor").hits
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert all(hit.score > 0 for hit in hits)


def test_body_phrases_are_checked_on_the_text(index: SearchIndex) -> None:
    assert {h.id for h in index.search('"right deal"').hits} == {1, 2}
    assert {h.id for h in index.search('"deal right"').hits} == set()
    assert {h.id for h in index.search('"joint statement" OR bread').hits} == {4, 5}
    assert {h.id for h in index.search('talks -"walked out"').hits} == {5}


def _phrase_corpus(count: int) -> list[IndexDocument]:
    docs = []
    for n in range(1, count + 1):
        body = "They wanted sanctions relief." if n % 3 else "Relief, not sanctions."
        docs.append(IndexDocument(n, f"Story {n}", body, "Wire", None, None, None, None))
    return docs


def _triple_corpus(count: int) -> list[IndexDocument]:
    """Every story holds the pairs of "wanted sanctions relief"; two in three hold the phrase."""
    docs = []
    for n in range(1, count + 1):
        body = "They wanted sanctions relief." if n % 3 else "Wanted sanctions, sanctions relief."
        docs.append(IndexDocument(n, f"Story {n}", body, "Wire", None, None, None, None))
    return docs


def test_a_very_common_phrase_checks_only_the_page_and_estimates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(matching, "PHRASE_CHECK_LIMIT", 5)
    index = SearchIndex(tmp_path / "ix")
    index.rebuild(_triple_corpus(600), stamp="1")
    results = index.search('"wanted sanctions relief"', limit=10)
    assert results.total_is_estimate
    assert len(results.hits) == 10 and all(hit.id % 3 for hit in results.hits)
    assert 300 <= results.total <= 500  # 400 really match
    assert 300 <= results.facets["source"]["Wire"] <= 500
    either = index.search('"wanted sanctions relief" OR "story 99"', limit=10)
    assert 300 <= either.total <= 500
    assert all(hit.id % 3 or hit.id == 99 for hit in either.hits)
    # Deeper in OR, or under NOT, a phrase is checked everywhere: exact totals.
    nested = index.search('("wanted sanctions relief" they) OR nothingelse', limit=10)
    assert (nested.total, nested.total_is_estimate) == (400, False)
    assert index.search('story -"wanted sanctions relief"').total == 200


def test_a_phrase_with_few_candidates_is_exact(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild(_phrase_corpus(30), stamp="1")
    results = index.search('"sanctions relief"', limit=5)
    assert (results.total, results.total_is_estimate) == (20, False)


def test_a_damaged_index_raises_index_unavailable(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild(_phrase_corpus(5), stamp="1")
    index.close()
    live = current_generation(tmp_path / "ix")
    assert live is not None
    for path in live.iterdir():
        path.write_bytes(b"garbage")
    damaged = SearchIndex(tmp_path / "ix")
    with pytest.raises(IndexUnavailableError) as raised:
        damaged.search("relief")
    assert "\n" not in str(raised.value)
    assert "cannot be read" in str(raised.value)
    assert not isinstance(raised.value, ValueError)
    with pytest.raises(IndexUnavailableError):
        damaged.related(1)


def test_hits_show_the_outlet_name_without_initials(tmp_path: Path) -> None:
    docs = [
        IndexDocument(1, "Dam", "The dam burst.", "Watershed Dispatch", None, None, None, None),
        IndexDocument(2, "Dam", "Held.", "Watershed Dispatch\x1fWD", None, None, None, None),
        IndexDocument(3, "Dam", "The dam burst.", "Harbour Times", None, None, None, None),
    ]
    index = SearchIndex(tmp_path / "ix")
    index.rebuild(docs, stamp="1")
    assert {hit.source for hit in index.search("dam").hits} == {
        "Watershed Dispatch",
        "Harbour Times",
    }
    assert {hit.source for hit in index.related(3)} == {"Watershed Dispatch"}
    assert index.search("source:WD").total == 2


def test_a_whoosh_query_without_terms_still_matches(index: SearchIndex) -> None:
    searcher, columns = index._open_for_reading()
    assert searcher is not None and columns is not None
    evaluation = index._evaluate("every", searcher, columns, wq.Every())
    assert len(evaluation.matches.docs) == 6  # five articles and the bookkeeping document


def test_columns_are_saved_at_commit_and_reused_when_opening(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild(_phrase_corpus(12), stamp="1")
    expected = index.search("relief").facets
    live = current_generation(tmp_path / "ix")
    assert live is not None
    saved = list(live.glob("columns-*.npz"))
    assert len(saved) == 1
    assert SearchIndex(tmp_path / "ix").search("relief").facets == expected
    saved[0].write_bytes(b"not an npz")  # an unreadable file is read again from the index
    assert SearchIndex(tmp_path / "ix").search("relief").facets == expected
    index.upsert([IndexDocument(99, "New", "Relief.", "Other", None, None, None, None)], stamp="2")
    index.delete([1], stamp="3")
    fresh = SearchIndex(tmp_path / "ix").search("relief")
    assert fresh.facets["source"] == {"Wire": 11, "Other": 1}
    assert {path.name for path in live.glob("columns-*.npz")} != {saved[0].name}


def test_date_ranges_use_the_date_column(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("matched through Whoosh")

    monkeypatch.setattr(matching.QueryEvaluator, "_whoosh_docs", fail)
    assert {hit.id for hit in index.search("published:[2019-02-01 to 2019-02-28]").hits} == {1, 4}
