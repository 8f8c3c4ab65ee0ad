from __future__ import annotations

from dataclasses import replace

from summitreader.annotate.model import new_annotation
from summitreader.export.records import ArticleRef, group_by_article, iso_date

TEXT = "One two three four five six."


def test_group_by_article_orders_articles_by_date_and_annotations_by_position() -> None:
    late = ArticleRef(1, "u1", "Late", published="2024-05-03")
    early = ArticleRef(2, "u2", "Early", published="2024-05-01")
    undated = ArticleRef(3, "u3", "Undated")
    second = new_annotation(1, "u1", TEXT, 8, 13, "h")
    first = new_annotation(1, "u1", TEXT, 0, 3, "h")
    other = new_annotation(2, "u2", TEXT, 4, 7, "h")
    loose = new_annotation(3, "u3", TEXT, 4, 7, "h")
    groups = group_by_article([second, loose, other, first], {1: late, 2: early, 3: undated})
    assert [(article.title, [a.exact for a in notes]) for article, notes in groups] == [
        ("Early", ["two"]),
        ("Late", ["One", "three"]),
        ("Undated", ["two"]),
    ]


def test_annotation_of_an_unknown_article_is_kept_under_a_bare_reference() -> None:
    note = replace(new_annotation(5, "u5", TEXT, 0, 3, "h"))
    assert group_by_article([note], {}) == [(ArticleRef(5, "u5", ""), [note])]


def test_article_ref_of_any_article_like_record() -> None:
    class Article:
        id = 4
        uid = "u4"
        title = "T"
        source = "S"
        published = "2024-01-01"
        url = "https://x"
        body = "not needed"

    assert ArticleRef.of(Article()) == ArticleRef(4, "u4", "T", "S", "2024-01-01", "https://x")


def test_iso_date() -> None:
    assert iso_date("2024-05-01T09:30:00+00:00") == "2024-05-01"
    assert iso_date("2024-05-01") == "2024-05-01"
    assert iso_date("May 2024") == "May 2024"
    assert iso_date(None) == ""
