from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from summitreader.store import schema
from summitreader.store.database import Database, StoreError


def test_new_database_is_at_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    db = Database(tmp_path / "lib.sqlite3")
    assert db.schema_version == len(schema.MIGRATIONS)
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_older_database_is_migrated_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lib.sqlite3"
    applied: list[str] = []

    def v2(conn: sqlite3.Connection) -> None:
        applied.append("v2")
        conn.execute("CREATE TABLE extra (x INTEGER)")

    Database(path).close()
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, v2])
    import summitreader.store.database as database_module

    monkeypatch.setattr(database_module, "MIGRATIONS", schema.MIGRATIONS)
    db = Database(path)
    assert applied == ["v2"]
    assert db.schema_version == len(schema.MIGRATIONS)
    db.conn.execute("SELECT x FROM extra")
    db.close()


def test_failed_migration_leaves_the_old_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lib.sqlite3"
    Database(path).close()
    before = len(schema.MIGRATIONS)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x INTEGER)")
        raise RuntimeError("disk on fire")

    import summitreader.store.database as database_module

    monkeypatch.setattr(database_module, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    with pytest.raises(RuntimeError):
        Database(path)
    monkeypatch.undo()
    db = Database(path)
    assert db.schema_version == before
    tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half" not in tables
    db.close()


def test_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError, match="newer SummitReader"):
        Database(path)


def test_write_rolls_back_everything_on_error(tmp_path: Path) -> None:
    db = Database(tmp_path / "lib.sqlite3")
    with pytest.raises(ValueError), db.write() as conn:
        Database.set_meta(conn, "a", "1")
        Database.bump_generation(conn)
        raise ValueError("boom")
    assert db.meta("a") is None
    assert db.generation() == 0
    db.close()


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Database(path)
