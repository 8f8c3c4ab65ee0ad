"""One person, one name across the library.

Within an article the analyser gathers "Ibáñez" under the fullest form that article uses, but an
article that only ever says "Ibáñez" cannot know he is "Tomás Ibáñez". Across the library we can:
a lone name that is the first or last word of exactly one full person name elsewhere is that
person. Two people sharing the word (Ana and Tomás Ibáñez) keep it unresolved.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Mapping

from summitreader.store.database import Database


def _key(word: str) -> str:
    return word.casefold().replace("’", "'")


def short_name_map(
    conn: sqlite3.Connection, type_of: Callable[[str, Mapping[str, int]], str]
) -> dict[str, str]:
    """{lone name: full name} for lone names that point to exactly one person in the library."""
    votes: dict[str, dict[str, int]] = defaultdict(dict)
    for name, type_, count in conn.execute(
        "SELECT name, type, SUM(mention_count) FROM entities GROUP BY name, type"
    ):
        votes[name][type_] = int(count)
    people = {name for name, counts in votes.items() if type_of(name, counts) == "PERSON"}
    full_by_word: dict[str, set[str]] = defaultdict(set)
    for name in people:
        words = name.split()
        if len(words) >= 2:
            full_by_word[_key(words[0])].add(name)
            full_by_word[_key(words[-1])].add(name)
    lone = {n for n in people if len(n.split()) == 1}
    lone |= {
        str(r[0])
        for r in conn.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL")
        if len(str(r[0]).split()) == 1 and str(r[0])[:1].isupper()
    }
    mapping = {}
    for name in lone:
        candidates = full_by_word.get(_key(name), set())
        if len(candidates) == 1 and name not in votes.get(next(iter(candidates)), {}):
            mapping[name] = next(iter(candidates))
    return mapping


def merge_short_names(db: Database, type_of: Callable[[str, Mapping[str, int]], str]) -> set[int]:
    """Rename lone person names to their full form in quotes and entities; returns the articles
    that changed (their search index entries must follow)."""
    changed: set[int] = set()
    with db.write() as conn:
        mapping = short_name_map(conn, type_of)
        for short, full in mapping.items():
            for (article_id,) in conn.execute(
                "SELECT DISTINCT article_id FROM quotes WHERE speaker = ?", (short,)
            ).fetchall():
                changed.add(int(article_id))
            conn.execute("UPDATE quotes SET speaker = ? WHERE speaker = ?", (full, short))
            rows = conn.execute(
                "SELECT id, article_id, mentions FROM entities WHERE name = ?", (short,)
            ).fetchall()
            for row_id, article_id, mentions in rows:
                changed.add(int(article_id))
                twin = conn.execute(
                    "SELECT id, mentions FROM entities WHERE article_id = ? AND name = ?",
                    (article_id, full),
                ).fetchone()
                if twin is None:
                    conn.execute(
                        "UPDATE entities SET name = ?, type = 'PERSON' WHERE id = ?", (full, row_id)
                    )
                    continue
                merged = sorted(json.loads(twin[1]) + json.loads(mentions), key=lambda m: m[1])
                conn.execute(
                    "UPDATE entities SET mentions = ?, mention_count = ? WHERE id = ?",
                    (json.dumps(merged, ensure_ascii=False), len(merged), twin[0]),
                )
                conn.execute("DELETE FROM entities WHERE id = ?", (row_id,))
        if changed:
            Database.bump_generation(conn)
    return changed
