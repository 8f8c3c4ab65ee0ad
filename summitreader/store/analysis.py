"""Quotes and entities found in each article, stored with the analyser version that found them."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from summitreader.nlp.types import ArticleAnalysis, EntityResult, Mention, QuoteResult
from summitreader.store.database import Database


@dataclass(frozen=True, slots=True)
class LibraryQuote:
    """A quote with the article it stands in."""

    article_id: int
    title: str
    source: str | None
    published: str | None
    url: str | None
    text: str
    speaker: str | None
    kind: str
    start: int
    end: int
    cue: str | None


@dataclass(frozen=True, slots=True)
class EntityCounts:
    """Raw library-wide counts for one canonical name; the Library turns them into a summary."""

    name: str
    type_mentions: dict[str, int]
    articles: int
    mentions: int
    by_source: dict[str, int]


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    name: str
    quotes: int
    articles: int
    by_source: dict[str, int]


class AnalysisStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writes -----------------------------------------------------------------------------------

    def save(self, article_id: int, content_hash: str, analysis: ArticleAnalysis) -> None:
        """Replace one article's analysis in one transaction (skipped if the article is gone)."""
        with self.db.write() as conn:
            row = conn.execute(
                "SELECT content_hash FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None or row[0] != content_hash:
                return  # deleted or re-imported meanwhile: this result is for an old text
            self._replace(conn, article_id, content_hash, analysis)
            Database.bump_generation(conn)

    @staticmethod
    def _replace(
        conn: sqlite3.Connection, article_id: int, content_hash: str, analysis: ArticleAnalysis
    ) -> None:
        conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
        conn.executemany(
            'INSERT INTO quotes (article_id, ordinal, text, speaker, kind, start, "end", cue) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, n, q.text, q.speaker, q.kind, q.start, q.end, q.cue)
                for n, q in enumerate(analysis.quotes)
            ],
        )
        conn.executemany(
            "INSERT INTO entities (article_id, name, type, mention_count, mentions) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    e.name,
                    e.type,
                    len(e.mentions),
                    json.dumps([[m.text, m.start, m.end] for m in e.mentions], ensure_ascii=False),
                )
                for e in analysis.entities
            ],
        )
        conn.execute(
            "INSERT INTO analyses (article_id, version, content_hash, analysed_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET version = excluded.version, "
            "content_hash = excluded.content_hash, analysed_at = excluded.analysed_at",
            (
                article_id,
                analysis.analyser_version,
                content_hash,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        conn.execute(
            "UPDATE articles SET quote_count = ? WHERE id = ?",
            (sum(1 for q in analysis.quotes if q.kind != "scare"), article_id),
        )

    # -- reads ------------------------------------------------------------------------------------

    def needing_analysis(self, version: str, ids: Iterable[int] | None = None) -> list[int]:
        """Articles never analysed, analysed by another version, or changed since."""
        sql = (
            "SELECT a.id FROM articles a LEFT JOIN analyses x ON x.article_id = a.id "
            "WHERE x.article_id IS NULL OR x.version != ? OR x.content_hash != a.content_hash"
        )
        rows = self.db.conn.execute(sql + " ORDER BY a.id", (version,)).fetchall()
        found = [int(r[0]) for r in rows]
        if ids is None:
            return found
        wanted = set(ids)
        return [i for i in found if i in wanted]

    def get(self, article_id: int) -> ArticleAnalysis | None:
        conn = self.db.conn
        head = conn.execute(
            "SELECT version FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        if head is None:
            return None
        quotes = tuple(
            QuoteResult(
                text=r["text"],
                speaker=r["speaker"],
                kind=r["kind"],
                start=r["start"],
                end=r["end"],
                cue=r["cue"],
            )
            for r in conn.execute(
                'SELECT text, speaker, kind, start, "end", cue FROM quotes '
                "WHERE article_id = ? ORDER BY start",
                (article_id,),
            )
        )
        entities = tuple(
            EntityResult(
                name=r["name"],
                type=r["type"],
                mentions=tuple(Mention(t, s, e) for t, s, e in json.loads(r["mentions"])),
            )
            for r in conn.execute(
                "SELECT name, type, mentions FROM entities WHERE article_id = ? "
                "ORDER BY mention_count DESC, name",
                (article_id,),
            )
        )
        return ArticleAnalysis(quotes=quotes, entities=entities, analyser_version=head["version"])

    def index_fields(
        self, article_id: int
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(speakers, entity names, quote texts) for the search index."""
        conn = self.db.conn
        quotes = conn.execute(
            "SELECT text, speaker FROM quotes WHERE article_id = ? ORDER BY start", (article_id,)
        ).fetchall()
        names = conn.execute(
            "SELECT name FROM entities WHERE article_id = ? ORDER BY name", (article_id,)
        ).fetchall()
        speakers = tuple(sorted({q["speaker"] for q in quotes if q["speaker"]}))
        return speakers, tuple(r[0] for r in names), tuple(q["text"] for q in quotes)

    def type_votes(self, names: Iterable[str] | None = None) -> dict[str, dict[str, int]]:
        """Mentions per type for each canonical name, across the library."""
        sql = "SELECT name, type, SUM(mention_count) FROM entities"
        params: list[object] = []
        if names is not None:
            wanted = sorted(set(names))
            if not wanted:
                return {}
            sql += f" WHERE name IN ({','.join('?' * len(wanted))})"
            params = list(wanted)
        votes: dict[str, dict[str, int]] = defaultdict(dict)
        for name, type_, count in self.db.conn.execute(sql + " GROUP BY name, type", params):
            votes[name][type_] = int(count)
        return dict(votes)

    def entity_counts(self) -> list[EntityCounts]:
        conn = self.db.conn
        by_source: dict[str, dict[str, int]] = defaultdict(dict)
        for name, source, count in conn.execute(
            "SELECT e.name, COALESCE(a.source, ''), COUNT(DISTINCT e.article_id) FROM entities e "
            "JOIN articles a ON a.id = e.article_id GROUP BY e.name, a.source"
        ):
            by_source[name][source or "(unknown)"] = int(count)
        votes = self.type_votes()
        rows = conn.execute(
            "SELECT name, COUNT(DISTINCT article_id), SUM(mention_count) FROM entities "
            "GROUP BY name ORDER BY SUM(mention_count) DESC, name"
        ).fetchall()
        return [
            EntityCounts(
                name=r[0],
                type_mentions=votes.get(r[0], {}),
                articles=int(r[1]),
                mentions=int(r[2]),
                by_source=by_source.get(r[0], {}),
            )
            for r in rows
        ]

    def quotes(
        self, *, speaker: str | None = None, article_id: int | None = None
    ) -> list[LibraryQuote]:
        sql = (
            "SELECT q.article_id, a.title, a.source, a.published, a.url, q.text, q.speaker, "
            'q.kind, q.start, q."end", q.cue FROM quotes q JOIN articles a ON a.id = q.article_id'
        )
        clauses: list[str] = []
        params: list[object] = []
        if speaker is not None:
            clauses.append("q.speaker = ? COLLATE NOCASE")
            params.append(speaker)
        if article_id is not None:
            clauses.append("q.article_id = ?")
            params.append(article_id)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY a.published IS NULL, a.published, q.article_id, q.start"
        return [LibraryQuote(*row) for row in self.db.conn.execute(sql, params)]

    def entity_names_by_article(self) -> list[tuple[int, str | None, list[str]]]:
        """(article id, outlet, canonical names) for every analysed article: for co-mentions."""
        grouped: dict[int, tuple[str | None, list[str]]] = {}
        for article_id, source, name in self.db.conn.execute(
            "SELECT e.article_id, a.source, e.name FROM entities e "
            "JOIN articles a ON a.id = e.article_id ORDER BY e.article_id"
        ):
            grouped.setdefault(article_id, (source, []))[1].append(name)
        return [(i, source, names) for i, (source, names) in grouped.items()]

    def speakers(self) -> list[SpeakerSummary]:
        conn = self.db.conn
        by_source: dict[str, dict[str, int]] = defaultdict(dict)
        for name, source, count in conn.execute(
            "SELECT q.speaker, COALESCE(a.source, ''), COUNT(*) FROM quotes q "
            "JOIN articles a ON a.id = q.article_id WHERE q.speaker IS NOT NULL "
            "GROUP BY q.speaker, a.source"
        ):
            by_source[name][source or "(unknown)"] = int(count)
        rows = conn.execute(
            "SELECT speaker, COUNT(*), COUNT(DISTINCT article_id) FROM quotes "
            "WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY COUNT(*) DESC, speaker"
        ).fetchall()
        return [
            SpeakerSummary(
                name=r[0], quotes=int(r[1]), articles=int(r[2]), by_source=by_source.get(r[0], {})
            )
            for r in rows
        ]
