"""Entities mentioned together with another, across outlets."""

from __future__ import annotations

from summitreader.coverage import CoMention, co_mentions

ARTICLES = [
    (1, "NWS", ["Tagus", "Tomás Ibáñez", "Lisbon", "Inês Valadão"]),
    (2, "NWS", ["Tagus", "Inês Valadão", "Inês Valadão"]),
    (3, "Courier", ["tagus", "Inês Valadão", "Anselmo Prieto"]),
    (4, None, ["Lisbon", "Anselmo Prieto"]),
    (1, "NWS", ["Tagus", "Tomás Ibáñez"]),
]


def test_counts_articles_per_name_and_outlet_without_itself() -> None:
    found = co_mentions("Tagus", ARTICLES)
    assert found == [
        CoMention("Inês Valadão", 3, {"Courier": 1, "NWS": 2}),
        CoMention("Anselmo Prieto", 1, {"Courier": 1}),
        CoMention("Lisbon", 1, {"NWS": 1}),
        CoMention("Tomás Ibáñez", 1, {"NWS": 1}),
    ]


def test_unknown_outlet_limit_and_absent_entity() -> None:
    assert co_mentions("Lisbon", ARTICLES, limit=1) == [
        CoMention("Anselmo Prieto", 1, {"(unknown)": 1})
    ]
    assert co_mentions("Duarte Neves", ARTICLES) == []


def test_order_does_not_depend_on_input_order() -> None:
    assert co_mentions("Tagus", list(reversed(ARTICLES[:4]))) == co_mentions("Tagus", ARTICLES)
