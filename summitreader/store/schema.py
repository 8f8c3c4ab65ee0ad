"""Forward migrations; `PRAGMA user_version` is the number of migrations applied.

Never edit a migration that has shipped: add a new one at the end.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: `executescript` would COMMIT the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v1_articles(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE articles (
            id              INTEGER PRIMARY KEY,
            uid             TEXT NOT NULL UNIQUE,
            title           TEXT NOT NULL,
            source          TEXT,
            author          TEXT,
            published       TEXT,
            dateline        TEXT,
            url             TEXT,
            section         TEXT,
            paragraphs      TEXT NOT NULL,
            content_hash    TEXT NOT NULL,
            normalized_hash TEXT NOT NULL,
            words           INTEGER NOT NULL,
            reading_minutes INTEGER NOT NULL,
            tags            TEXT NOT NULL DEFAULT '[]',
            is_excerpt      INTEGER NOT NULL DEFAULT 0,
            unread          INTEGER NOT NULL DEFAULT 1,
            starred         INTEGER NOT NULL DEFAULT 0,
            origin          TEXT,
            imported_at     TEXT NOT NULL,
            updated_at      TEXT
        );
        CREATE INDEX articles_normalized_hash ON articles(normalized_hash);
        CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
        CREATE INDEX articles_source_title ON articles(source COLLATE NOCASE, title COLLATE NOCASE);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_imported_at ON articles(imported_at);
        """,
    )


def _v2_analysis(conn: sqlite3.Connection) -> None:
    """Quotes and entities per article, tagged with the analyser version that found them."""
    run_script(
        conn,
        """
        CREATE TABLE analyses (
            article_id   INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version      TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            analysed_at  TEXT NOT NULL
        );
        CREATE TABLE quotes (
            id         INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ordinal    INTEGER NOT NULL,
            text       TEXT NOT NULL,
            speaker    TEXT,
            kind       TEXT NOT NULL,
            start      INTEGER NOT NULL,
            "end"      INTEGER NOT NULL,
            cue        TEXT
        );
        CREATE INDEX quotes_article ON quotes(article_id);
        CREATE INDEX quotes_speaker ON quotes(speaker);
        CREATE TABLE entities (
            id            INTEGER PRIMARY KEY,
            article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            name          TEXT NOT NULL,
            type          TEXT NOT NULL,
            mention_count INTEGER NOT NULL,
            mentions      TEXT NOT NULL
        );
        CREATE INDEX entities_article ON entities(article_id);
        CREATE INDEX entities_name ON entities(name);
        ALTER TABLE articles ADD COLUMN quote_count INTEGER NOT NULL DEFAULT 0
        """,
    )


def _v3_syndication(conn: sqlite3.Connection) -> None:
    """Near-duplicate wire copies: a MinHash fingerprint per article and its LSH bands."""
    run_script(
        conn,
        """
        ALTER TABLE articles ADD COLUMN fingerprint BLOB;
        ALTER TABLE articles ADD COLUMN syndicated_from INTEGER;
        CREATE INDEX articles_story ON articles(COALESCE(syndicated_from, id));
        CREATE TABLE syndication_bands (
            band       INTEGER NOT NULL,
            hash       INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        );
        CREATE INDEX syndication_bands_key ON syndication_bands(band, hash);
        CREATE INDEX syndication_bands_article ON syndication_bands(article_id)
        """,
    )


def _v4_annotations(conn: sqlite3.Connection) -> None:
    """Highlights and bookmarks (W3C Web Annotation model).

    An annotation outlives its article's row: deleting an article only unlinks it (article_id
    NULL), and the article's uid links it again if the article comes back from a backup.
    """
    run_script(
        conn,
        """
        CREATE TABLE annotations (
            id           TEXT PRIMARY KEY,
            article_id   INTEGER REFERENCES articles(id) ON DELETE SET NULL,
            article_uid  TEXT NOT NULL,
            kind         TEXT NOT NULL,
            exact        TEXT NOT NULL,
            prefix       TEXT NOT NULL,
            suffix       TEXT NOT NULL,
            start        INTEGER NOT NULL,
            "end"        INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            note         TEXT NOT NULL DEFAULT '',
            tags         TEXT NOT NULL DEFAULT '[]',
            color        TEXT NOT NULL,
            created      TEXT NOT NULL,
            modified     TEXT NOT NULL,
            deleted      INTEGER NOT NULL DEFAULT 0,
            orphan       INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX annotations_article ON annotations(article_id);
        CREATE INDEX annotations_article_uid ON annotations(article_uid)
        """,
    )


def _v5_list_order_indexes(conn: sqlite3.Connection) -> None:
    """An index per sortable column (id breaks ties), so a page of the list is a short range
    scan at any offset rather than a sort of the whole library."""
    run_script(
        conn,
        """
        DROP INDEX articles_published;
        CREATE INDEX articles_published ON articles(published, id);
        CREATE INDEX articles_title ON articles(title COLLATE NOCASE, id);
        CREATE INDEX articles_source ON articles(source COLLATE NOCASE, id);
        CREATE INDEX articles_words ON articles(words, id);
        CREATE INDEX articles_quote_count ON articles(quote_count, id);
        CREATE INDEX articles_flags ON articles(unread, starred)
        """,
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_articles,
    _v2_analysis,
    _v3_syndication,
    _v4_annotations,
    _v5_list_order_indexes,
]
