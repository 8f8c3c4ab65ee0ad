"""Annotations in and out of SQLite; re-anchoring them when their article's text changes."""

from __future__ import annotations

import builtins
import json
import sqlite3
from collections.abc import Iterable

from summitreader.annotate.anchoring import reanchor, reanchored
from summitreader.annotate.model import Annotation
from summitreader.store.database import Database

_COLUMNS = (
    'id, article_id, article_uid, kind, exact, prefix, suffix, start, "end", content_hash, '
    "note, tags, color, created, modified, deleted, orphan"
)


def _row(a: Annotation) -> tuple[object, ...]:
    return (
        a.id,
        a.article_id or None,  # 0 means its article is gone: NULL in the store
        a.article_uid,
        a.kind,
        a.exact,
        a.prefix,
        a.suffix,
        a.start,
        a.end,
        a.content_hash,
        a.note,
        json.dumps(list(a.tags), ensure_ascii=False),
        a.color,
        a.created,
        a.modified,
        int(a.deleted),
        int(a.orphan),
    )


def _annotation(r: sqlite3.Row) -> Annotation:
    return Annotation(
        id=r["id"],
        article_id=r["article_id"] if r["article_id"] is not None else 0,
        article_uid=r["article_uid"],
        kind=r["kind"],
        exact=r["exact"],
        prefix=r["prefix"],
        suffix=r["suffix"],
        start=r["start"],
        end=r["end"],
        content_hash=r["content_hash"],
        note=r["note"],
        tags=tuple(json.loads(r["tags"])),
        color=r["color"],
        created=r["created"],
        modified=r["modified"],
        deleted=bool(r["deleted"]),
        orphan=bool(r["orphan"]),
    )


class AnnotationStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, conn: sqlite3.Connection, annotation: Annotation) -> None:
        """Insert or replace one annotation, inside the caller's transaction."""
        conn.execute(
            f"INSERT OR REPLACE INTO annotations ({_COLUMNS}) VALUES ({', '.join('?' * 17)})",
            _row(annotation),
        )
        Database.bump_generation(conn)

    def get(self, annotation_id: str) -> Annotation | None:
        row = self.db.conn.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        return None if row is None else _annotation(row)

    def list(
        self,
        *,
        article_id: int | None = None,
        include_deleted: bool = False,
        kind: str | None = None,
    ) -> builtins.list[Annotation]:
        clauses: builtins.list[str] = []
        params: builtins.list[object] = []
        if article_id is not None:
            clauses.append("article_id = ?")
            params.append(article_id)
        if not include_deleted:
            clauses.append("deleted = 0")
        if kind is not None:
            clauses.append("kind = ?")
            params.append(kind)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.db.conn.execute(
            f"SELECT {_COLUMNS} FROM annotations{where} ORDER BY article_id, start, created",
            params,
        ).fetchall()
        return [_annotation(r) for r in rows]

    def purge_deleted(self) -> int:
        with self.db.write() as conn:
            count = conn.execute("DELETE FROM annotations WHERE deleted = 1").rowcount
            if count:
                Database.bump_generation(conn)
        return int(count)

    def relink(self, conn: sqlite3.Connection, article_id: int, article_uid: str) -> None:
        """An article came back (a restored backup): its annotations point at it again."""
        conn.execute(
            "UPDATE annotations SET article_id = ? WHERE article_uid = ? AND article_id IS NULL",
            (article_id, article_uid),
        )

    def reanchor_article(
        self, conn: sqlite3.Connection, article_id: int, new_text: str, content_hash: str
    ) -> builtins.list[Annotation]:
        """Move the article's annotations onto its new text; returns those that became orphans."""
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE article_id = ?", (article_id,)
        ).fetchall()
        orphans = []
        for row in rows:
            annotation = _annotation(row)
            if annotation.content_hash == content_hash and not annotation.orphan:
                continue
            moved = reanchored(annotation, reanchor(annotation, new_text), new_text, content_hash)
            conn.execute(
                f"INSERT OR REPLACE INTO annotations ({_COLUMNS}) VALUES ({', '.join('?' * 17)})",
                _row(moved),
            )
            if moved.orphan:
                orphans.append(moved)
        return orphans

    def index_fields(
        self, article_id: int
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(notes, tags, highlighted passages) of the article's live annotations, for search."""
        notes: builtins.list[str] = []
        tags: builtins.list[str] = []
        passages: builtins.list[str] = []
        for a in self.list(article_id=article_id):
            if a.note:
                notes.append(a.note)
            tags.extend(a.tags)
            if a.exact:
                passages.append(a.exact)
        return tuple(notes), tuple(dict.fromkeys(tags)), tuple(passages)

    def ids(self, ids: Iterable[str]) -> builtins.list[Annotation]:
        return [a for a in (self.get(i) for i in ids) if a is not None]
