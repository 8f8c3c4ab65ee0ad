"""The SQLite connection: WAL, versioned schema with forward migrations, one writer at a time.

SQLite is the truth of a library. Reads may happen on any thread (each thread gets its own
connection); writes go through `write()`, which serialises them and wraps each in one transaction so
a crash never leaves half a change behind.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from summitreader.store.schema import MIGRATIONS

log = logging.getLogger(__name__)


class StoreError(Exception):
    """The library's database cannot be used; the message is one line for the user."""


class ReadOnlyLibraryError(StoreError):
    """The library can be read but not changed (read-only folder or file, or the disk is full)."""


def explain(exc: sqlite3.Error) -> StoreError:
    """SQLite's error as one line a user can act on; nothing of the change was saved."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return ReadOnlyLibraryError(
            "the disk is full: nothing was saved; free some space and try again"
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyLibraryError("the library is read-only: nothing can be saved to it")
    if "disk i/o" in text:
        return StoreError("the disk reported an error: nothing was saved")
    if "not a database" in text or "malformed" in text:
        return StoreError(f"the library database is damaged ({exc}); restore a backup")
    return StoreError(f"the library database refused the change: {exc}")


class Database:
    def __init__(self, path: Path) -> None:
        self.path = path
        # Set when the library can only be read (a read-only folder or medium); writes then fail
        # with one clear line and reads keep working.
        self.read_only = False
        self._local = threading.local()
        self._write_lock = threading.RLock()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self._closed = False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the library folder {path.parent}: {exc.strerror or exc}"
            ) from exc
        if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            self.read_only = path.exists()
            if not self.read_only:
                raise StoreError(f"cannot create a library in {path.parent}: it is read-only")
        self._migrate()

    # -- connections ------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            if self.read_only:
                # immutable: no -wal/-shm files are needed (nor possible) in a read-only folder.
                conn = sqlite3.connect(
                    f"{self.path.resolve().as_uri()}?mode=ro&immutable=1",
                    uri=True,
                    isolation_level=None,
                    check_same_thread=False,
                )
            else:
                conn = sqlite3.connect(
                    self.path, timeout=30.0, isolation_level=None, check_same_thread=False
                )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 30000")
            if not self.read_only:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode != "wal":
                    log.warning("SQLite refused WAL mode for %s (got %s)", self.path, mode)
                # Durable against a killed process; a power cut may lose the last commits only.
                conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the library database {self.path}: {exc}") from exc
        with self._connections_lock:
            self._connections.append(conn)
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection."""
        if self._closed:
            raise StoreError("the library is closed")
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._open()
            self._local.conn = conn
        return conn

    def close(self) -> None:
        self._closed = True
        with self._connections_lock:
            for conn in self._connections:
                with suppress(sqlite3.Error):
                    conn.close()
            self._connections.clear()

    # -- transactions -----------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back whole on any error.

        SQLite's own failures (disk full, read-only, I/O) become a one-line StoreError.
        """
        if self.read_only:
            raise ReadOnlyLibraryError("the library is read-only: nothing can be saved to it")
        with self._write_lock:
            conn = self.conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise explain(exc) from exc
            try:
                yield conn
            except sqlite3.Error as exc:
                _rollback(conn)
                raise explain(exc) from exc
            except BaseException:
                _rollback(conn)
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise explain(exc) from exc

    # -- schema -----------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        latest = len(MIGRATIONS)
        if current > latest:
            raise StoreError(
                f"this library was written by a newer SummitReader (schema {current}, "
                f"this version knows {latest}); update the app to open it"
            )
        if current == latest:
            return
        if self.read_only:
            raise StoreError("this library needs upgrading, but it is read-only")
        if current > 0:
            from summitreader.store.backups import make_backup

            make_backup(self, reason=f"before-schema-{latest}")
        for version in range(current + 1, latest + 1):
            self._apply(version, MIGRATIONS[version - 1])

    def _apply(self, version: int, migration: Callable[[sqlite3.Connection], None]) -> None:
        log.info("migrating %s to schema %d", self.path, version)
        with self.write() as conn:
            migration(conn)
            conn.execute(f"PRAGMA user_version = {version:d}")

    # -- meta -------------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @staticmethod
    def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute(
            "INSERT INTO meta(key, value) VALUES(?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    @staticmethod
    def bump_generation(conn: sqlite3.Connection) -> int:
        """Count every change to indexed content, inside the caller's transaction.

        The search index records the generation it has seen; a mismatch means it missed a write.
        """
        conn.execute(
            "INSERT INTO meta(key, value) VALUES('generation', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )
        row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0])

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the live database (SQLite's backup API), even mid-use."""
        dest = sqlite3.connect(target)
        try:
            with self._write_lock:
                self.conn.backup(dest)
        finally:
            dest.close()

    def restore_from(self, source_path: Path) -> None:
        """Overwrite the live database with another database file's content, then upgrade it.

        The generation moves past both histories so the search index is seen to be stale.
        """
        before = self.generation()
        source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            with self._write_lock:
                source.backup(self.conn)
        finally:
            source.close()
        self._migrate()
        with self.write() as conn:
            self.set_meta(conn, "generation", str(max(before, self.generation()) + 1))

    def generation(self) -> int:
        value = self.meta("generation")
        return int(value) if value else 0


def _rollback(conn: sqlite3.Connection) -> None:
    with suppress(sqlite3.Error):
        conn.execute("ROLLBACK")
