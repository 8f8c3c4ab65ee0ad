from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitreader.index.errors import QueryError
from summitreader.index.query_language import QUERY_HELP
from summitreader.index.search_index import SearchIndex, SearchResults


def ids(results: SearchResults) -> set[int]:
    return {hit.id for hit in results.hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("walk", {1, 2, 5}),  # stemmed: walked, walking, walk
        ("WALKING", {1, 2, 5}),
        ('"right deal"', {1, 2}),
        ("\u201cright deal\u201d", {1, 2}),
        ("reactor AND talks", {1, 5}),
        ("reactor talks", {1, 5}),
        ("stocks OR bread", {3, 4}),
        ("talks NOT reactor", set()),
        ("summit -stocks", set()),
        ("(stocks OR bread) AND oil", {3}),
        ("title:summit", {3}),
        ("source:AP", {1, 2}),
        ('source:"Associated Press"', {1}),
        ("Source:reuters", {3, 5}),
        ('speaker:"Sung-Yoon Lee"', {1, 5}),
        ('speaker:"sung-yoon lee"', {1, 5}),
        ("speaker:quell", {2}),
        ("entity:yongbyon", {1, 5}),
        ("author:reed", {1}),
        ("dateline:pyongyang", {4}),
        ("section:business", {3}),
        ("tag:follow-up", {2}),
        ("note:spokesman", {2}),
        ("annotated:bread", {4}),
        ("published:2019-02", {1, 4}),
        ("published:2018", {3}),
        ("published:2019-02-28", {1}),
        ("published:[2019-02-28 to 2019-03-01]", {1, 2}),
        ("published:[2019-03-01 TO]", {2, 5}),
        ("Yongbion~", {1}),  # words of the text only: article 5 names it as an entity
        ("entity:Yongbion~", {1, 5}),
        ("negotiat*", {4, 5}),  # stems "negoti": the prefix is longer than the stem
        ("negotiations*", {4, 5}),
        ("bread", {4}),
        ("Sung-Yoon", {1, 5}),
    ],
)
def test_query_forms_find_the_right_articles(
    index: SearchIndex, query: str, expected: set[int]
) -> None:
    results = index.search(query)
    assert ids(results) == expected
    assert results.total == len(expected)


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("", "Nothing to search for"),
        ("   ", "Nothing to search for"),
        ("AND OR", "Nothing to search for"),
        ("the", "Nothing to search for"),
        ('"right deal', "Unbalanced quote"),
        ("(talks OR summit", "Unbalanced parentheses"),
        ("talks)", "Unbalanced parentheses"),
        ("colour:red", "Unknown field 'colour:'"),
        ("published:2019-13", "Bad date"),
        ("published:yesterday", "Bad date"),
        ("title:", "Nothing to search for after"),
    ],
)
def test_unreadable_queries_raise_one_line_query_errors(
    index: SearchIndex, query: str, fragment: str
) -> None:
    with pytest.raises(QueryError) as caught:
        index.search(query)
    message = str(caught.value)
    assert fragment in message
    assert "\n" not in message


def test_a_stray_quote_meant_literally_is_tolerated(index: SearchIndex) -> None:
    assert ids(index.search('O"Brien reactor')) == set()  # in-word quote: no error
    assert ids(index.search('27" reactor')) == set()  # inches, not a phrase


def test_urls_and_times_are_not_taken_for_fields(index: SearchIndex) -> None:
    index.search("http://example.org/talks")
    index.search("10:00 talks")


def test_help_text_mentions_every_form() -> None:
    lines = QUERY_HELP.splitlines()
    assert 10 <= len(lines) <= 20
    for needle in ('"right deal"', "OR", "-Trump", "~", "*", "speaker:", "published:["):
        assert needle in QUERY_HELP


_QUERY_PIECES = ["AND ", "OR ", "NOT ", "title:", "source:", "published:", "2019", "speaker:"]
_QUERY_CHARS = 'abcwalktrdeyonsu "\u201c\u201d()-*~:[]^+!?\\/\u00e9\x00'
_QUERY_ALPHABET = st.sampled_from([*_QUERY_CHARS, *_QUERY_PIECES, "to ", "colour:"])


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_QUERY_ALPHABET, max_size=12).map("".join) | st.text(max_size=30))
def test_any_text_gives_results_or_a_query_error(index: SearchIndex, text: str) -> None:
    try:
        results = index.search(text, limit=3)
    except QueryError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert results.total >= len(results.hits)
