"""Bulk writing shortcuts change nothing: spilled runs, the tuned writer against plain Whoosh."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.fields import TEXT
from whoosh.filedb.filestore import FileStorage

from summitreader.index import IndexDocument, SearchIndex, search_index, writer_tuning
from summitreader.index.analysis import _stemming_chain
from summitreader.index.generations import current_generation
from summitreader.index.schema import build_schema

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


def test_the_tuned_writer_writes_what_whoosh_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _docs(60)
    tuned = SearchIndex(tmp_path / "tuned")
    tuned.REBUILD_LIMIT_MB = 1
    tuned.rebuild(docs, stamp="1")
    monkeypatch.setattr(search_index, "tune", lambda writer: writer)
    plain = SearchIndex(tmp_path / "plain")
    plain.REBUILD_LIMIT_MB = 1
    plain.rebuild(docs, stamp="1")
    readers = [
        FileStorage(str(current_generation(ix.directory))).open_index().reader()
        for ix in (tuned, plain)
    ]
    terms = [list(reader.all_terms()) for reader in readers]
    assert terms[0] == terms[1]
    for fieldname, text in terms[0]:
        infos = [reader.term_info(fieldname, text) for reader in readers]
        stats = [
            (i.weight(), i.doc_frequency(), i.min_length(), i.max_length(), i.max_weight())
            for i in infos
        ]
        assert stats[0] == stats[1]
        postings = [list(reader.postings(fieldname, text).items_as("weight")) for reader in readers]
        assert postings[0] == postings[1]
    for reader in readers:
        reader.close()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab cé.'\u201cU,S-\n1")), max_size=60))
def test_counted_body_postings_equal_the_analyzer_chain(text: str) -> None:
    body = build_schema()["body"]
    chain = TEXT(analyzer=_stemming_chain(), phrase=False)
    assert sorted(body.index(text)) == sorted(chain.index(text))
    assert sorted(body.format.word_values(text, chain.analyzer, mode="index")) == sorted(
        chain.format.word_values(text, chain.analyzer, mode="index")
    )
