"""A full disk or a read-only library: a clear line, nothing stored is damaged, reads go on."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle
from summitreader.store.database import ReadOnlyLibraryError


def _article(title: str, words: int = 20) -> ParsedArticle:
    return ParsedArticle(title=title, paragraphs=(" ".join([f"{title.lower()}word"] * words),))


def test_disk_full_fails_cleanly_and_keeps_what_was_stored(library: Library) -> None:
    library.import_parsed([_article("Before")], origin="x")
    pages = library.db.conn.execute("PRAGMA page_count").fetchone()[0]
    # SQLite's own page limit stands in for a full disk: the same error, without filling one.
    library.db.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(ReadOnlyLibraryError, match="disk is full"):
        library.import_parsed([_article("Huge", words=200_000)], origin="y")
    library.db.conn.execute("PRAGMA max_page_count = 1073741823")
    assert [s.title for s in library.list()] == ["Before"]
    ok = library.db.conn.execute("PRAGMA integrity_check").fetchone()[0]
    assert ok == "ok"
    library.import_parsed([_article("After")], origin="z")  # usable again once there is room
    assert library.count() == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_library_reads_and_refuses_writes(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    with Library(root) as lib:
        lib.import_parsed([_article("Stored")], origin="x")
    for path in [root, *root.rglob("*")]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        with Library(root) as lib:
            assert lib.db.read_only
            assert [s.title for s in lib.list()] == ["Stored"]
            with pytest.raises(ReadOnlyLibraryError, match="read-only"):
                lib.import_parsed([_article("New")], origin="y")
    finally:
        for path in [root, *root.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
