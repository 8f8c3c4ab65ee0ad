"""Rolling backups before migrations and daily; restore brings a library back, undoably."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle
from summitreader.store import backups, schema
from summitreader.store.database import Database, StoreError


def _article(title: str) -> ParsedArticle:
    return ParsedArticle(title=title, paragraphs=(f"The body of {title}.",))


def test_backup_before_a_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.sqlite3"
    Database(path).close()
    import summitreader.store.database as database_module

    def extra(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE later (x INTEGER)")

    monkeypatch.setattr(database_module, "MIGRATIONS", [*schema.MIGRATIONS, extra])
    db = Database(path)
    found = backups.list_backups(tmp_path / "backups")
    assert [b.reason for b in found] == [f"before-schema-{len(schema.MIGRATIONS) + 1}"]
    old = sqlite3.connect(found[0].path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
    old.close()
    db.close()


def test_daily_backup_only_when_due_and_changed(library: Library) -> None:
    library.import_parsed([_article("One")], origin="x")
    first = library.backup_if_due()
    assert first is not None and first.is_file()
    assert library.backup_if_due() is None  # not a day old yet
    tomorrow = datetime.now(UTC) + timedelta(days=1, minutes=1)
    assert backups.backup_if_due(library.db, now=tomorrow) is None  # nothing changed since
    library.import_parsed([_article("Two")], origin="y")
    assert backups.backup_if_due(library.db, now=tomorrow) is not None


def test_only_the_newest_backups_are_kept(library: Library) -> None:
    for _ in range(backups.KEEP + 3):
        library.make_backup()
    assert len(library.backups()) == backups.KEEP


def test_restore_brings_back_the_library_and_keeps_the_present(library: Library) -> None:
    library.import_parsed([_article("Kept")], origin="x")
    saved = library.make_backup()
    library.import_parsed([_article("Added later")], origin="y")
    safety = library.restore_backup(saved)
    assert [s.title for s in library.list()] == ["Kept"]
    assert not library.check_index().ok  # the index is seen to be behind...
    library.ensure_index()
    assert library.search("later").total == 0  # ...and is rebuilt to match
    library.restore_backup(safety)  # the restore itself can be undone
    assert sorted(s.title for s in library.list()) == ["Added later", "Kept"]


def test_a_damaged_backup_is_refused(library: Library, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 2000)
    with pytest.raises(StoreError):
        library.restore_backup(bad)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="not a SummitReader library"):
        library.restore_backup(other)
