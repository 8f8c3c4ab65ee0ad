"""A rebuild that spills postings to disk in many runs gives the same index as one in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.index import IndexDocument, SearchIndex, writer_tuning

WORDS = [
    "harbour",
    "talks",
    "envoy",
    "reactor",
    "sanctions",
    "relief",
    "deal",
    "summit",
    "ferry",
    "strike",
    "delegates",
]


def _docs(count: int) -> list[IndexDocument]:
    docs = []
    for n in range(count):
        body = " ".join(WORDS[(n * k) % len(WORDS)] + str(k % 40) for k in range(1, 300))
        docs.append(
            IndexDocument(n + 1, f"Story {n}", body, f"Wire {n % 3}", None, None, None, None)
        )
    return docs


def test_spilled_runs_read_back_to_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_tuning, "RUN_CHUNK", 500)
    docs = _docs(80)
    spilled = SearchIndex(tmp_path / "spilled")
    spilled.REBUILD_LIMIT_MB = 1  # several runs on disk
    spilled.rebuild(docs, stamp="1")
    in_memory = SearchIndex(tmp_path / "memory")
    in_memory.rebuild(docs, stamp="1")
    for query in ["harbour7", "talks3 OR relief9", "sanc*", '"envoy2 reactor3"']:
        a, b = spilled.search(query, limit=100), in_memory.search(query, limit=100)
        assert [(h.id, h.score) for h in a.hits] == [(h.id, h.score) for h in b.hits]
        assert (a.total, a.facets) == (b.total, b.facets)
    assert spilled.state().count == 80
