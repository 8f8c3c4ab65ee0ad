"""Groups copies of one wire story printed by several outlets, inside the import transaction.

Each article's MinHash sketch is cut into bands; articles sharing a band are candidates, and a
candidate joins the group only when the estimated overlap passes the threshold. The bands live in
SQLite, so grouping works the same in every process and stays an indexed lookup at 100,000
articles.
"""

from __future__ import annotations

import hashlib
import sqlite3

import numpy as np

from summitreader.ingest.syndication import (
    SYNDICATION_THRESHOLD,
    sketch_values,
    text_fingerprint,
)

# 20 bands of 2 rows: a copy overlapping 0.3 is found with p≈0.85, one overlapping 0.5 (the
# weakest copy seen in tests) with p≈0.996; unrelated texts rarely share a band at all.
BANDS = 20
ROWS = 2


def _band_hashes(values: np.ndarray) -> list[tuple[int, int]]:
    hashes = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        hashes.append((band, int.from_bytes(digest, "little", signed=True)))
    return hashes


def assign_story(conn: sqlite3.Connection, article_id: int, text: str) -> int | None:
    """Fingerprint the article and link it to the earliest article carrying the same story."""
    fingerprint = text_fingerprint(text)
    values = sketch_values(fingerprint)
    conn.execute("DELETE FROM syndication_bands WHERE article_id = ?", (article_id,))
    story: int | None = None
    if len(values):
        bands = _band_hashes(values)
        candidates = _candidates(conn, bands, article_id)
        matches = [
            (group, other)
            for other, group, other_print in candidates
            if other_print is not None
            and float(np.mean(sketch_values(other_print) == values)) >= SYNDICATION_THRESHOLD
        ]
        if matches:
            story = min(group for group, _ in matches)
        conn.executemany(
            "INSERT INTO syndication_bands (band, hash, article_id) VALUES (?, ?, ?)",
            [(band, value, article_id) for band, value in bands],
        )
    conn.execute(
        "UPDATE articles SET fingerprint = ?, syndicated_from = ? WHERE id = ?",
        (fingerprint, story, article_id),
    )
    return story


def _candidates(
    conn: sqlite3.Connection, bands: list[tuple[int, int]], article_id: int
) -> list[tuple[int, int, bytes | None]]:
    clause = " OR ".join("(band = ? AND hash = ?)" for _ in bands)
    params = [x for pair in bands for x in pair]
    rows = conn.execute(
        "SELECT a.id, COALESCE(a.syndicated_from, a.id), a.fingerprint FROM articles a "
        f"WHERE a.id IN (SELECT article_id FROM syndication_bands WHERE {clause}) AND a.id != ?",
        [*params, article_id],
    ).fetchall()
    return [(int(r[0]), int(r[1]), r[2]) for r in rows]
