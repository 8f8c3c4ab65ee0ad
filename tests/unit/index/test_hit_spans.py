from __future__ import annotations

import itertools

import pytest

from summitreader.index import QueryError, SearchIndex

TEXT = (
    "The envoys walked out of the harbour talks on Tuesday. "
    "\u201cWe came for the right deal,\u201d said Sung-Yoon Lee. "
    "Officials said the reactor at Yongbyon was the right place to start. Walking away was easy."
)


def marked(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_stemmed_words_are_marked_everywhere(index: SearchIndex) -> None:
    assert marked(TEXT, index.hit_spans("walk", TEXT)) == ["walked", "Walking"]


def test_a_phrase_is_one_span_and_only_where_its_words_are_in_a_row(index: SearchIndex) -> None:
    assert marked(TEXT, index.hit_spans('"right deal"', TEXT)) == ["right deal"]


def test_fuzzy_and_prefix_terms_match_the_texts_own_words(index: SearchIndex) -> None:
    assert marked(TEXT, index.hit_spans("Yongbion~", TEXT)) == ["Yongbyon"]
    assert marked(TEXT, index.hit_spans("offic*", TEXT)) == ["Officials"]


def test_excluded_words_and_other_fields_mark_nothing(index: SearchIndex) -> None:
    spans = index.hit_spans('talks -reactor speaker:"Sung-Yoon Lee" source:AP', TEXT)
    assert marked(TEXT, spans) == ["talks"]


def test_title_and_quote_fields_mark_the_text(index: SearchIndex) -> None:
    assert marked(TEXT, index.hit_spans("title:harbour quote:deal", TEXT)) == ["harbour", "deal"]


def test_spans_are_code_points_sorted_and_disjoint(index: SearchIndex) -> None:
    text = "\U0001f600 Talks \u00e9 talks, \U0001f30d talks."
    spans = index.hit_spans('talks OR "talks talks"', text)
    assert spans == sorted(spans)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))
    assert all(text[a:b].lower().startswith("talks") for a, b in spans)
    assert spans[0] == (2, 7)


def test_a_bad_query_raises_query_error(index: SearchIndex) -> None:
    with pytest.raises(QueryError):
        index.hit_spans('"unclosed', TEXT)


def test_works_without_an_index(tmp_path) -> None:  # type: ignore[no-untyped-def]
    never_built = SearchIndex(tmp_path / "none")
    assert marked(TEXT, never_built.hit_spans("reactor", TEXT)) == ["reactor"]
