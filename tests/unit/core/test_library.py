from __future__ import annotations

from pathlib import Path

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle
from summitreader.store.articles import ArticleFilter


def _article(title: str, body: str, **kw: object) -> ParsedArticle:
    return ParsedArticle(title=title, paragraphs=tuple(body.split("\n\n")), **kw)  # type: ignore[arg-type]


def test_import_parsed_stores_every_field(library: Library) -> None:
    parsed = _article(
        "Talks open",
        "First paragraph.\n\nSecond “quoted” paragraph.",
        source="NWS",
        author="Ana Ruiz",
        published="2025-03-04",
        dateline="GENEVA, Switzerland",
        url="https://example.org/a",
        section="World",
        tags=("water",),
    )
    report = library.import_parsed([parsed], origin="a.txt")
    [(origin, article_id, title)] = report.imported
    assert (origin, title) == ("a.txt", "Talks open")
    assert report.changes.added == {article_id}
    article = library.get(article_id)
    assert article is not None
    assert article.text == "First paragraph.\n\nSecond “quoted” paragraph."
    assert article.paragraphs == parsed.paragraphs
    assert (article.source, article.author, article.published) == ("NWS", "Ana Ruiz", "2025-03-04")
    assert (article.dateline, article.url, article.section) == (
        "GENEVA, Switzerland",
        "https://example.org/a",
        "World",
    )
    assert article.tags == ("water",)
    assert article.words == 5 and article.reading_minutes == 1
    assert len(article.content_hash) == 64 and article.imported_at


def test_same_text_in_another_quote_style_is_a_duplicate(library: Library) -> None:
    first = library.import_parsed([_article("A", "He said “yes” — twice.")], origin="1")
    second = library.import_parsed([_article("A", 'He  said "yes" - twice.')], origin="2")
    assert second.imported == [] and second.duplicates == [("2", first.imported[0][1])]
    assert not second.changes
    assert library.count() == 1


def test_changed_version_updates_in_place_and_keeps_its_id(library: Library) -> None:
    url = "https://example.org/story"
    first = library.import_parsed([_article("Story", "Old text.", url=url)], origin="1")
    article_id = first.imported[0][1]
    generation = library.db.generation()
    second = library.import_parsed(
        [_article("Story (corrected)", "New text.", url=url)], origin="2"
    )
    assert second.updated == [("2", article_id)] and second.changes.updated == {article_id}
    article = library.get(article_id)
    assert article is not None and article.text == "New text."
    assert article.title == "Story (corrected)"
    assert library.db.generation() > generation  # the index must notice the change
    # Same outlet and title, no URL: also the same article.
    third = library.import_parsed([_article("Other", "v1", source="NWS")], origin="3")
    fourth = library.import_parsed([_article("other", "v2", source="nws")], origin="4")
    assert fourth.updated == [("4", third.imported[0][1])]


def test_delete_reports_what_went(library: Library) -> None:
    ids = [
        library.import_parsed([_article(f"T{i}", f"Body {i}.")], origin=str(i)).imported[0][1]
        for i in range(3)
    ]
    changes = library.delete([ids[0], 999])
    assert changes.removed == {ids[0]}
    assert [s.id for s in library.list(ArticleFilter(order_by="id", descending=False))] == ids[1:]


def test_list_sorts_and_filters_in_the_store(library: Library) -> None:
    library.import_parsed(
        [
            _article("Beta", "b", source="Daily", published="2025-03-02"),
            _article("Alpha", "a", source="Wire", published="2025-03-05"),
            _article("Gamma", "c", source="Daily", published=None),
        ],
        origin="x",
    )
    assert [s.title for s in library.list()] == ["Alpha", "Beta", "Gamma"]
    by_title = ArticleFilter(order_by="title", descending=False)
    assert [s.title for s in library.list(by_title)] == ["Alpha", "Beta", "Gamma"]
    daily = ArticleFilter(sources=("Daily",), order_by="title", descending=True)
    assert [s.title for s in library.list(daily)] == ["Gamma", "Beta"]
    march = ArticleFilter(published_from="2025-03-01", published_to="2025-03-02")
    assert [s.title for s in library.list(march)] == ["Beta"]
    assert [s.title for s in library.list(ArticleFilter(text="amm"))] == ["Gamma"]
    assert library.count(ArticleFilter(text="100%")) == 0
    assert library.sources() == [("Daily", 2), ("Wire", 1)]
    page = library.list(ArticleFilter(order_by="title", descending=False), limit=1, offset=1)
    assert [s.title for s in page] == ["Beta"]


def test_reading_flags(library: Library) -> None:
    [(_, article_id, _)] = library.import_parsed([_article("T", "b")], origin="x").imported
    library.mark_read([article_id])
    library.set_starred([article_id], True)
    article = library.get(article_id)
    assert article is not None and not article.unread and article.starred


def test_library_reopens_with_its_articles(library_dir: Path) -> None:
    with Library(library_dir) as lib:
        lib.import_parsed([_article("Kept", "Still here.")], origin="x")
    with Library(library_dir) as lib:
        assert [s.title for s in lib.list()] == ["Kept"]
