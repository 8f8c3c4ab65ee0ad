"""The derived index follows the store, and a missed write is caught and repaired."""

from __future__ import annotations

import shutil

import pytest

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle


def _article(title: str, body: str, **kw: object) -> ParsedArticle:
    return ParsedArticle(title=title, paragraphs=tuple(body.split("\n\n")), **kw)  # type: ignore[arg-type]


def test_imported_articles_are_searchable_at_once(library: Library) -> None:
    library.import_parsed(
        [_article("Dam talks", "The ministers walked out of the dam talks.", source="NWS")],
        origin="x",
    )
    assert library.check_index().ok
    results = library.search("walk")
    assert [h.title for h in results.hits] == ["Dam talks"]
    assert "<mark>" in results.hits[0].snippet


def test_deleted_articles_leave_the_index(library: Library) -> None:
    report = library.import_parsed([_article("Gone", "A reservoir story.")], origin="x")
    library.delete([report.imported[0][1]])
    assert library.check_index().ok
    assert library.search("reservoir").total == 0


def test_a_write_the_index_missed_is_detected_and_repaired(library: Library) -> None:
    library.import_parsed([_article("First", "Irrigation quotas for the basin.")], origin="x")
    # A process killed between the store's commit and the index's: the store has one more.
    with library.db.write() as conn:
        library.articles_store.insert(
            conn, _article("Second", "Irrigation canals dry up."), origin="y"
        )
    check = library.check_index()
    assert not check.ok and check.store_count == 2 and check.index_count == 1
    assert "holds 1 articles" in (check.problem or "")
    assert library.ensure_index() is True
    assert library.check_index().ok
    assert library.search("irrigation").total == 2


def test_same_count_but_missed_change_is_caught_by_the_stamp(library: Library) -> None:
    report = library.import_parsed([_article("Story", "Old words here.", url="u")], origin="x")
    with library.db.write() as conn:
        library.articles_store.replace(
            conn, report.imported[0][1], _article("Story", "New words here.", url="u"), origin="x"
        )
    check = library.check_index()
    assert not check.ok and "missed a change" in (check.problem or "")
    library.ensure_index()
    assert library.search("new").total == 1 and library.search("old").total == 0


def test_a_lost_index_is_rebuilt_and_the_next_write_does_not_hide_it(library: Library) -> None:
    library.import_parsed([_article("One", "Water levels fell.")], origin="x")
    library.close()
    shutil.rmtree(library.layout.index_dir)
    reopened = Library(library.root)
    try:
        assert not reopened.check_index().ok
        # Importing into a stale index rebuilds it rather than patching a partial index.
        reopened.import_parsed([_article("Two", "Water levels rose.")], origin="y")
        assert reopened.check_index().ok
        assert reopened.search("water").total == 2
    finally:
        reopened.close()


def test_a_rebuild_the_disk_cannot_hold_is_refused_up_front(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil as shutil_module
    from collections import namedtuple

    from summitreader.store.database import ReadOnlyLibraryError

    library.import_parsed([_article("One", "Water levels fell.")], origin="x")
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil_module, "disk_usage", lambda _p: usage(100, 100, 0))
    with pytest.raises(ReadOnlyLibraryError, match="not enough free disk space"):
        library.reindex()
    assert library.search("water").total == 1  # the index in place is untouched
