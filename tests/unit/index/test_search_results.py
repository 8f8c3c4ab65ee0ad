from __future__ import annotations

from pathlib import Path

from summitreader.index.documents import IndexDocument
from summitreader.index.search_index import SearchIndex, SearchResults


def ids(results: SearchResults) -> list[int]:
    return [hit.id for hit in results.hits]


def test_snippets_mark_stemmed_words(index: SearchIndex) -> None:
    hit = next(h for h in index.search("walk").hits if h.id == 1)
    assert "<mark>walked</mark>" in hit.snippet
    hit = next(h for h in index.search("walk").hits if h.id == 2)
    assert "<mark>walking</mark>" in hit.snippet


def test_snippets_escape_the_article_text(tmp_path: Path) -> None:
    body = 'Tags like <b>bold</b> & "quotes" stay text in the ferry report.'
    index = SearchIndex(tmp_path / "ix")
    index.rebuild([IndexDocument(1, "Markup", body, None, None, None, None, None)], stamp="1")
    (hit,) = index.search("ferry").hits
    assert hit.snippet == (
        "Tags like &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot; stay text in the "
        "<mark>ferry</mark> report."
    )


def test_phrase_marks_only_the_words_in_a_row(index: SearchIndex) -> None:
    hit = next(h for h in index.search('"right deal"').hits if h.id == 1)
    assert "<mark>right deal</mark>" in hit.snippet


def test_fuzzy_hits_are_marked(index: SearchIndex) -> None:
    (hit,) = index.search("Yongbion~").hits
    assert "<mark>Yongbyon</mark>" in hit.snippet


def test_a_field_only_match_gets_the_lead_as_snippet(index: SearchIndex) -> None:
    (hit,) = index.search("speaker:quell").hits
    assert hit.snippet.startswith("Officials were walking back")
    assert "<mark>" not in hit.snippet


def test_snippet_picks_the_passage_with_the_match(tmp_path: Path) -> None:
    filler = " ".join(f"Sentence number {n} says nothing much at all." for n in range(40))
    body = f"{filler}\n\nThe ferry timetable changed overnight. {filler}"
    index = SearchIndex(tmp_path / "ix")
    index.rebuild([IndexDocument(7, "Long", body, None, None, None, None, None)], stamp="1")
    (hit,) = index.search("ferry").hits
    assert "<mark>ferry</mark>" in hit.snippet
    assert hit.snippet.startswith("\u2026")
    assert len(hit.snippet) < 320


def test_facets_count_every_match_not_just_the_page(index: SearchIndex) -> None:
    results = index.search("talks OR summit OR officials", limit=1)
    assert results.total == 4
    assert len(results.hits) == 1
    assert results.facets["source"] == {"Reuters": 2, "Associated Press": 1, "AP": 1}
    assert results.facets["speaker"] == {"Sung-Yoon Lee": 2, "Mara Quell": 1}
    assert results.facets["entity"]["Hanoi"] == 2
    assert results.facets["entity"]["Yongbyon"] == 2


def test_suggestion_for_a_word_not_in_the_index(index: SearchIndex) -> None:
    assert index.search("yongbion talks").suggestion == "yongbyon talks"
    assert index.search("Yongbion").suggestion == "Yongbyon"
    assert index.search("talks").suggestion is None
    assert index.search("Yongbion~").suggestion is None


def test_paging_with_limit_and_offset(index: SearchIndex) -> None:
    everything = ids(index.search("talks OR summit OR officials", limit=10))
    first = index.search("talks OR summit OR officials", limit=2)
    second = index.search("talks OR summit OR officials", limit=2, offset=2)
    assert ids(first) + ids(second) == everything
    assert first.total == second.total == 4
    assert index.search("talks OR summit", limit=5, offset=10).hits == []


def test_relevance_ranks_title_and_repeated_words_higher(index: SearchIndex) -> None:
    results = index.search("summit")
    assert ids(results)[0] == 3  # in the title and the body
    scores = [hit.score for hit in results.hits]
    assert scores == sorted(scores, reverse=True)


def test_sort_by_date_is_newest_first_with_undated_last(tmp_path: Path, corpus) -> None:  # type: ignore[no-untyped-def]
    undated = IndexDocument(9, "Talks undated", "More talks.", None, None, None, None, None)
    index = SearchIndex(tmp_path / "ix")
    index.rebuild([*corpus, undated], stamp="1")
    results = index.search("talks OR summit OR bread", sort="date")
    assert ids(results) == [5, 1, 4, 3, 9]
    assert [hit.published for hit in results.hits][:2] == ["2019-03-02", "2019-02-28"]
    assert ids(index.search("talks OR summit OR bread", sort="date", limit=2, offset=1)) == [1, 4]


def test_hit_carries_what_a_result_list_shows(index: SearchIndex) -> None:
    (hit,) = index.search("bread").hits
    assert (hit.id, hit.title, hit.source, hit.published) == (
        4,
        "A quiet morning in the capital",
        "Harbour Times",
        "2019-02-10",
    )
    assert hit.score > 0


def test_related_prefers_other_outlets_and_never_returns_itself(index: SearchIndex) -> None:
    related = index.related(1, limit=3)
    assert related, "article 5 shares words and entities with article 1"
    assert 1 not in [hit.id for hit in related]
    assert related[0].id == 5
    sources = [hit.source for hit in related]
    assert "Associated Press" not in sources[: len(sources) - sources.count("Associated Press")]
    assert index.related(12345) == []


def test_related_lists_same_outlet_articles_after_the_others(tmp_path: Path) -> None:
    body = "The ferry strike closed the northern harbour and stranded travellers."
    docs = [
        IndexDocument(1, "Ferry strike", body, "Wire A", None, None, None, None),
        IndexDocument(2, "Ferry strike again", body + " Again.", "Wire A", None, None, None, None),
        IndexDocument(3, "Strike at the harbour", body, "Wire B", None, None, None, None),
    ]
    index = SearchIndex(tmp_path / "ix")
    index.rebuild(docs, stamp="1")
    assert [hit.id for hit in index.related(1)] == [3, 2]


def test_empty_or_missing_index_searches_to_nothing(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "never-built")
    results = index.search("talks")
    assert (results.total, results.hits, results.suggestion) == (0, [], None)
    assert index.related(1) == []
