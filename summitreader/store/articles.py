"""Rows of the `articles` table in and out. The only module that writes article SQL."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from summitreader.core import textnorm
from summitreader.core.models import Article, ArticleSummary
from summitreader.ingest.types import ParsedArticle
from summitreader.store.database import Database
from summitreader.store.syndication import assign_story

# Columns the list may sort by, mapped to SQL; the user's choice never reaches SQL as text.
SORTABLE = {
    "title": "title COLLATE NOCASE",
    "source": "source COLLATE NOCASE",
    "published": "published",
    "words": "words",
    "quote_count": "quote_count",
    "quotes": "quote_count",
    "imported_at": "imported_at",
    "unread": "unread",
    "starred": "starred",
    "id": "id",
}


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """A slice of the library for the list: filters and order, done in SQL."""

    sources: tuple[str, ...] = ()
    published_from: str | None = None
    published_to: str | None = None
    text: str | None = None
    ids: tuple[int, ...] | None = None
    order_by: str = "published"
    descending: bool = True

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if self.sources:
            clauses.append(f"source IN ({','.join('?' * len(self.sources))})")
            params.extend(self.sources)
        if self.published_from:
            clauses.append("published >= ?")
            params.append(self.published_from)
        if self.published_to:
            # Inclusive of the whole last day, whether dates carry a time or not.
            clauses.append("published < ?")
            params.append(self.published_to + "\uffff")
        if self.text:
            clauses.append(
                "(title LIKE ? ESCAPE '\\' OR source LIKE ? ESCAPE '\\' "
                "OR author LIKE ? ESCAPE '\\')"
            )
            pattern = "%" + _escape_like(self.text) + "%"
            params.extend([pattern, pattern, pattern])
        if self.ids is not None:
            clauses.append(f"id IN ({','.join('?' * len(self.ids)) or 'NULL'})")
            params.extend(self.ids)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def order(self) -> str:
        column = SORTABLE.get(self.order_by, SORTABLE["published"])
        # Newest first is SQLite's natural DESC order (NULL sorts lowest), so undated articles
        # come last and the (column, id) index serves the page; id keeps paging stable.
        direction = "DESC" if self.descending else "ASC"
        return f" ORDER BY {column} {direction}, id {direction}"


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ArticleStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- lookups used by import -------------------------------------------------------------------

    def find_same_text(self, normalized_hash: str) -> int | None:
        row = self.db.conn.execute(
            "SELECT id FROM articles WHERE normalized_hash = ? ORDER BY id LIMIT 1",
            (normalized_hash,),
        ).fetchone()
        return None if row is None else int(row[0])

    def find_uid(self, uid: str) -> int | None:
        row = self.db.conn.execute("SELECT id FROM articles WHERE uid = ?", (uid,)).fetchone()
        return None if row is None else int(row[0])

    def find_url(self, url: str) -> int | None:
        row = self.db.conn.execute(
            "SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1", (url,)
        ).fetchone()
        return None if row is None else int(row[0])

    def find_content_hash(self, content_hash: str) -> int | None:
        row = self.db.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1", (content_hash,)
        ).fetchone()
        return None if row is None else int(row[0])

    def content_hash_of(self, article_id: int) -> str | None:
        row = self.db.conn.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def find_earlier_version(self, parsed: ParsedArticle, origin: str | None = None) -> int | None:
        """The same article, possibly corrected: same URL, or same source and title.

        With neither a URL nor a source to go by, a file imported again from the same path with
        the same title is taken as the same article.
        """
        conn = self.db.conn
        if parsed.url:
            found = self.find_url(parsed.url)
            if found is not None:
                return found
        if parsed.source and parsed.title:
            row = conn.execute(
                "SELECT id FROM articles WHERE source = ? COLLATE NOCASE "
                "AND title = ? COLLATE NOCASE ORDER BY id LIMIT 1",
                (parsed.source, parsed.title),
            ).fetchone()
            if row is not None:
                return int(row[0])
        elif origin and parsed.title:
            row = conn.execute(
                "SELECT id FROM articles WHERE source IS NULL AND origin = ? "
                "AND title = ? COLLATE NOCASE ORDER BY id LIMIT 1",
                (origin, parsed.title),
            ).fetchone()
            if row is not None:
                return int(row[0])
        return None

    # -- writes (inside the caller's transaction) -------------------------------------------------

    @staticmethod
    def _columns(parsed: ParsedArticle) -> dict[str, object]:
        text = parsed.text
        words = textnorm.word_count(text)
        return {
            "title": parsed.title,
            "source": parsed.source,
            "author": parsed.author,
            "published": parsed.published,
            "dateline": parsed.dateline,
            "url": parsed.url,
            "section": parsed.section,
            "paragraphs": json.dumps(list(parsed.paragraphs), ensure_ascii=False),
            "content_hash": textnorm.content_hash(text),
            "normalized_hash": textnorm.normalized_hash(text),
            "words": words,
            "reading_minutes": textnorm.reading_minutes(words),
            "tags": json.dumps(list(parsed.tags), ensure_ascii=False),
            "is_excerpt": int(parsed.is_excerpt),
        }

    def insert(
        self,
        conn: sqlite3.Connection,
        parsed: ParsedArticle,
        *,
        origin: str | None,
        uid: str | None = None,
        imported_at: str | None = None,
        unread: bool = True,
        starred: bool = False,
    ) -> int:
        columns = self._columns(parsed)
        columns.update(
            uid=uid or str(uuid.uuid4()),
            origin=origin,
            imported_at=imported_at or _now(),
            unread=int(unread),
            starred=int(starred),
        )
        names = ", ".join(columns)
        marks = ", ".join(f":{name}" for name in columns)
        cursor = conn.execute(f"INSERT INTO articles ({names}) VALUES ({marks})", columns)
        article_id = int(cursor.lastrowid or 0)
        assign_story(conn, article_id, parsed.text)
        Database.bump_generation(conn)
        return article_id

    def replace(
        self,
        conn: sqlite3.Connection,
        article_id: int,
        parsed: ParsedArticle,
        *,
        origin: str | None,
    ) -> None:
        """A corrected version: new text and metadata, same id and reading state."""
        columns = self._columns(parsed)
        columns.update(origin=origin, updated_at=_now())
        assignments = ", ".join(f"{name} = :{name}" for name in columns)
        conn.execute(
            f"UPDATE articles SET {assignments} WHERE id = :id", {**columns, "id": article_id}
        )
        assign_story(conn, article_id, parsed.text)
        Database.bump_generation(conn)

    def delete(self, conn: sqlite3.Connection, ids: Iterable[int]) -> list[int]:
        removed = []
        for article_id in ids:
            if conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount:
                removed.append(article_id)
        if removed:
            Database.bump_generation(conn)
        return removed

    def set_flags(
        self, ids: Iterable[int], *, unread: bool | None = None, starred: bool | None = None
    ) -> None:
        sets = []
        if unread is not None:
            sets.append(f"unread = {int(unread)}")
        if starred is not None:
            sets.append(f"starred = {int(starred)}")
        if not sets:
            return
        with self.db.write() as conn:
            conn.executemany(
                f"UPDATE articles SET {', '.join(sets)} WHERE id = ?", [(i,) for i in ids]
            )

    # -- reads ------------------------------------------------------------------------------------

    def get(self, article_id: int) -> Article | None:
        row = self.db.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else _article(row)

    def count(self, flt: ArticleFilter | None = None) -> int:
        where, params = (flt or ArticleFilter()).where()
        return int(
            self.db.conn.execute(f"SELECT COUNT(*) FROM articles{where}", params).fetchone()[0]
        )

    def summaries(
        self, flt: ArticleFilter | None = None, *, limit: int = -1, offset: int = 0
    ) -> list[ArticleSummary]:
        flt = flt or ArticleFilter()
        where, params = flt.where()
        rows = self.db.conn.execute(
            "SELECT id, title, source, author, published, dateline, words, quote_count, unread, "
            "starred, syndicated_from, (SELECT COUNT(*) - 1 FROM articles b "
            "WHERE COALESCE(b.syndicated_from, b.id) = COALESCE(articles.syndicated_from, "
            "articles.id)) AS also_in "
            f"FROM articles{where}{flt.order()} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [
            ArticleSummary(
                id=r["id"],
                title=r["title"],
                source=r["source"],
                author=r["author"],
                published=r["published"],
                dateline=r["dateline"],
                words=r["words"],
                quote_count=r["quote_count"],
                syndicated_from=r["syndicated_from"],
                also_in=r["also_in"],
                unread=bool(r["unread"]),
                starred=bool(r["starred"]),
            )
            for r in rows
        ]

    def sources(self) -> list[tuple[str, int]]:
        rows = self.db.conn.execute(
            "SELECT source, COUNT(*) FROM articles WHERE source IS NOT NULL "
            "GROUP BY source ORDER BY COUNT(*) DESC, source"
        ).fetchall()
        return [(str(r[0]), int(r[1])) for r in rows]

    def iter_all(self, batch: int = 500) -> Iterator[Article]:
        """Every article, in id order, a page at a time (for rebuilding derived data)."""
        last = 0
        while True:
            rows = self.db.conn.execute(
                "SELECT * FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _article(row)
            last = int(rows[-1]["id"])


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        uid=row["uid"],
        title=row["title"],
        source=row["source"],
        author=row["author"],
        published=row["published"],
        dateline=row["dateline"],
        url=row["url"],
        section=row["section"],
        paragraphs=tuple(json.loads(row["paragraphs"])),
        content_hash=row["content_hash"],
        imported_at=row["imported_at"],
        words=row["words"],
        reading_minutes=row["reading_minutes"],
        tags=tuple(json.loads(row["tags"])),
        is_excerpt=bool(row["is_excerpt"]),
        unread=bool(row["unread"]),
        starred=bool(row["starred"]),
    )
