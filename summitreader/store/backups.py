"""Rolling backups of the library database, made with SQLite's backup API.

A backup is taken before every schema migration and, when the library changed, at most once a
day; the newest `KEEP` are kept. Restoring first backs up the current state, so a restore can be
undone the same way.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summitreader.store.database import Database

KEEP = 7
DAILY = timedelta(days=1)
_NAME = re.compile(r"^library-(\d{8}T\d{6}(?:\d{6})?Z)-([a-z0-9-]+)\.sqlite3$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int


def backups_dir(db: Database) -> Path:
    return db.path.parent / "backups"


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in a folder, newest first."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match:
                stamp = match.group(1)
                fmt = "%Y%m%dT%H%M%S%fZ" if len(stamp) > 16 else "%Y%m%dT%H%M%SZ"
                created = datetime.strptime(stamp, fmt).replace(tzinfo=UTC)
                found.append(BackupInfo(path, created, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: b.created, reverse=True)


def make_backup(db: Database, *, reason: str, keep: int = KEEP) -> Path:
    """Copy the live database to the backups folder; older backups beyond `keep` are removed."""
    folder = backups_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"library-{stamp}-{reason}.sqlite3"
    partial = target.with_suffix(".part")
    db.backup_to(partial)
    partial.replace(target)
    for old in list_backups(folder)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def backup_if_due(db: Database, *, now: datetime | None = None) -> Path | None:
    """The daily backup: only when the last one is a day old and the library changed since."""
    if db.read_only:
        return None
    now = now or datetime.now(UTC)
    generation = str(db.generation())
    newest = next(iter(list_backups(backups_dir(db))), None)
    if newest is not None and now - newest.created < DAILY:
        return None
    if db.meta("backup_generation") == generation:
        return None
    path = make_backup(db, reason="daily")
    with db.write() as conn:
        db.set_meta(conn, "backup_generation", generation)
    return path


def check_backup(path: Path) -> None:
    """Refuse a file that is not a sound SummitReader database, with one line."""
    from summitreader.store.database import StoreError

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path.name} is not a library database: {exc}") from None
    if result != "ok":
        raise StoreError(f"{path.name} is damaged: {result}")
    if "articles" not in tables:
        raise StoreError(f"{path.name} is not a SummitReader library")


def restore_backup(db: Database, backup: Path) -> Path:
    """Replace the live database's content with a backup's; returns the safety copy made first."""
    check_backup(backup)
    safety = make_backup(db, reason="before-restore", keep=KEEP + 1)
    db.restore_from(backup)
    return safety
