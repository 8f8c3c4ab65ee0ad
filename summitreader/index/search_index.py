"""SearchIndex: the full-text index over every article, derived from the store.

The store is the truth; this index can always be rebuilt from it. Each commit carries the store's
`stamp` in a bookkeeping document, written in the same commit as the data, so `state()` can tell
the caller whether the index missed a write.
"""

from __future__ import annotations

import logging
import pickle
import re
import shutil
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index, LockError
from whoosh.reading import ReaderClosed
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from summitreader.index import column_files, generations
from summitreader.index.analysis import VALUE_SEPARATOR
from summitreader.index.columns import ColumnCache, IndexColumns, SegmentColumns
from summitreader.index.documents import IndexDocument
from summitreader.index.errors import IndexBusyError, IndexUnavailableError, QueryError
from summitreader.index.fuzzy import Vocabulary, expand_terms
from summitreader.index.highlight import text_hit_spans
from summitreader.index.locking import DEFAULT_TIMEOUT_S, busy_message, writer_lock
from summitreader.index.matching import Evaluation, QueryEvaluator
from summitreader.index.page import select_page
from summitreader.index.pair_signatures import holding_pairs
from summitreader.index.phrases import contains_phrase
from summitreader.index.query_language import (
    make_parser,
    marking_terms,
    parse,
)
from summitreader.index.schema import (
    META_ID,
    PAIR_FIELDS,
    SCHEMA_VERSION,
    build_schema,
    decompress_body,
    to_whoosh_fields,
)
from summitreader.index.snippets import make_snippet
from summitreader.index.suggestions import suggest
from summitreader.index.writer_tuning import tune

__all__ = [
    "IndexBusyError",
    "IndexState",
    "IndexUnavailableError",
    "QueryError",
    "RelatedHit",
    "SearchHit",
    "SearchIndex",
    "SearchResults",
]

log = logging.getLogger(__name__)

SORTS = ("relevance", "date")
# Fields indexed without positions, whose phrases are checked on the text.
TEXT_PHRASE_FIELDS = frozenset({"body"})
# What a damaged index raises while matching (as opposed to a query Whoosh cannot run).
_DAMAGE = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError, ReaderClosed)
_META_TERM = wq.Term("id", META_ID)


@dataclass
class IndexState:
    exists: bool
    readable: bool
    schema_ok: bool
    count: int
    stamp: str | None
    problem: str | None


@dataclass
class SearchHit:
    id: int
    title: str
    source: str | None
    published: str | None
    score: float
    snippet: str


@dataclass
class SearchResults:
    query: str
    total: int
    facets: dict[str, dict[str, int]]
    suggestion: str | None
    hits: list[SearchHit] = field(default_factory=list)
    # True when a phrase matched too many articles to check them all (see SearchIndex.search).
    total_is_estimate: bool = False


@dataclass
class RelatedHit:
    id: int
    title: str
    source: str | None
    published: str | None
    score: float


class SearchIndex:
    """Whoosh index in `directory`; thread-safe; one writer at a time across processes."""

    SCHEMA_VERSION: int = SCHEMA_VERSION
    # Distinct values returned per facet (counts always cover every match).
    FACET_VALUES = 50
    # Writer tuning for rebuild(), measured with tests/benchmarks/bench_search.py.
    REBUILD_LIMIT_MB = 256
    # procs=2 with multisegment measured no faster on the shared 2-core machine, and forking from
    # the window's worker thread is risky: one writer process. Posting blocks uncompressed and
    # segment files left separate (not copied into one compound file): about 20 % faster to
    # build (median of 5 rebuilds of 1,500 articles), blocks also read without inflating.
    REBUILD_WRITER_ARGS: dict[str, Any] = {  # noqa: RUF012
        "codec": W3Codec(compression=0),
        "compound": False,
    }
    PROGRESS_EVERY = 100
    # Terms taken from an article's body for related().
    RELATED_TERMS = 30

    def __init__(self, directory: Path, *, lock_timeout: float = DEFAULT_TIMEOUT_S) -> None:
        self.directory = Path(directory)
        self.lock_timeout = lock_timeout
        self._schema = build_schema()
        self._parser = make_parser(self._schema)
        self._lock = threading.RLock()
        self._generation: Path | None = None
        self._index: Index | None = None
        self._searcher: Searcher | None = None
        self._columns: IndexColumns | None = None
        self._vocabulary: Vocabulary | None = None
        self._live: np.ndarray | None = None
        self._column_cache = ColumnCache(load=self._load_columns, save=self._save_columns)

    # -- reading ---------------------------------------------------------------------------

    def state(self) -> IndexState:
        """What is on disk, for the caller's consistency check; never raises."""
        try:
            generation = generations.current_generation(self.directory)
            if generation is None or not generation.is_dir():
                return IndexState(False, False, False, 0, None, "There is no search index yet.")
            with self._lock:
                searcher = self._current_searcher()
                if searcher is None:
                    return IndexState(False, False, False, 0, None, "There is no search index yet.")
                meta = searcher.document(id=META_ID)
                names_ok = set(searcher.schema.names()) == set(self._schema.names())
                count = searcher.doc_count() - (1 if meta is not None else 0)
        except Exception as exc:  # a corrupt index can fail in many ways; report, never raise
            log.warning("search index unreadable: %s", exc)
            return IndexState(
                True, False, False, 0, None, f"The search index cannot be read ({_brief(exc)})."
            )
        stamp = meta.get("meta_stamp") if meta else None
        schema_ok = names_ok and meta is not None and meta.get("meta_schema") == SCHEMA_VERSION
        problem = None if schema_ok else "The search index is from another version; rebuild it."
        return IndexState(True, True, schema_ok, count, stamp, problem)

    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, sort: str = "relevance"
    ) -> SearchResults:
        """Ranked (or newest-first) hits with snippets, facets over all matches and a suggestion.

        Raises QueryError for text the query language cannot read and IndexUnavailableError
        when the index on disk cannot be read. Hits sorted by date carry score 0.0: they were
        not ranked. When a phrase occurs in very many articles only the page's hits are checked
        and `total` (and the facet counts) are estimates: `total_is_estimate` says so.
        """
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {SORTS}, not {sort!r}")
        limit, offset = max(0, limit), max(0, offset)
        parsed = parse(query, self._parser)
        with self._lock:
            searcher, columns = self._open_for_reading()
            if searcher is None or columns is None:
                return SearchResults(query, 0, {}, None, [])
            if self._vocabulary is None:
                self._vocabulary = Vocabulary(searcher.reader())
            q = expand_terms(parsed.query, self._vocabulary)
            evaluation = self._evaluate(query, searcher, columns, q)
            selection = select_page(
                evaluation,
                live=self._live_mask(searcher, columns),
                published=columns.published,
                by_date=sort == "date",
                wanted=offset + limit,
                check=lambda phrases, docs: self._check_phrases(searcher, phrases, docs),
            )
            facets = {
                name: selection.scale(table.count(selection.mask, self.FACET_VALUES))
                for name, table in columns.facets.items()
            }
            terms, phrases = marking_terms(q, searcher.reader())
            scored = selection.page[offset:]
            hits = [self._hit(searcher, docnum, score, terms, phrases) for docnum, score in scored]
            suggestion = suggest(searcher, self._vocabulary, parsed.query, query)
        return SearchResults(
            query, selection.total, facets, suggestion, hits, selection.is_estimate
        )

    def hit_spans(self, query: str, text: str) -> list[tuple[int, int]]:
        """Code-point spans in an article's `text` where `query` matches, sorted, not overlapping.

        Follows the snippet marks: stemmed words, phrases as whole runs, fuzzy and prefix terms
        (expanded against the text itself). Only body, title and quote terms mark the text.
        Raises QueryError for text the query language cannot read.
        """
        return text_hit_spans(parse(query, self._parser).query, text)

    def related(self, article_id: int, *, limit: int = 10) -> list[RelatedHit]:
        """Articles most like this one (body terms and shared entities), other outlets first."""
        with self._lock:
            searcher, _ = self._open_for_reading()
            if searcher is None or limit <= 0:
                return []
            docnum = searcher.document_number(id=str(article_id))
            if docnum is None:
                return []
            stored = searcher.stored_fields(docnum)
            body = decompress_body(stored.get("body_z"))
            key_terms = searcher.key_terms_from_text(
                "body", f"{stored.get('title', '')}\n{body}", numterms=self.RELATED_TERMS
            )
            clauses: list[wq.Query] = [
                wq.Term("body", term, boost=weight) for term, weight in key_terms
            ]
            if clauses:
                top = max(weight for _, weight in key_terms)
                clauses += [
                    wq.Term("entity_facet", name, boost=top)
                    for name in stored.get("entity_names") or ()
                ]
            if not clauses:
                return []
            exclude = wq.Or([_META_TERM, wq.Term("id", str(article_id))])
            results = searcher.search(wq.Or(clauses), limit=limit * 3, mask=exclude)
            own_source = (_plain_source(stored.get("source_name")) or "").casefold()
            found = [self._related_hit(searcher, hit.docnum, hit.score) for hit in results]
        others = [hit for hit in found if (hit.source or "").casefold() != own_source]
        same = [hit for hit in found if (hit.source or "").casefold() == own_source]
        return (others + same)[:limit]

    def close(self) -> None:
        with self._lock:
            self._drop_reader()

    # -- writing ---------------------------------------------------------------------------

    def rebuild(
        self,
        docs: Iterable[IndexDocument],
        *,
        stamp: str,
        total: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        """Build a fresh index aside and swap it in; returns the number of documents indexed.

        When `cancelled()` turns true the build is thrown away, the old index stays, and 0 is
        returned. `progress(done, total)` gets total 0 when the caller did not give one.
        """
        expected = total or 0
        with writer_lock(self.directory, self.lock_timeout):
            generations.remove_abandoned(self.directory)
            build = generations.new_build_folder(self.directory)
            try:
                index = FileStorage(str(build)).create_index(self._schema)
                writer = tune(
                    index.writer(limitmb=self.REBUILD_LIMIT_MB, **self.REBUILD_WRITER_ARGS)
                )
                done = 0
                try:
                    for doc in docs:
                        check_now = done % self.PROGRESS_EVERY == 0
                        if cancelled is not None and check_now and cancelled():
                            writer.cancel()
                            index.close()
                            shutil.rmtree(build, ignore_errors=True)
                            return 0
                        writer.add_document(**_whoosh_doc(doc))
                        done += 1
                        if progress is not None and done % self.PROGRESS_EVERY == 0:
                            progress(done, expected)
                    _write_meta(writer, stamp, add=True)
                    writer.commit()
                except BaseException:
                    writer.cancel()
                    raise
                column_files.save_all(index, build)
                index.close()
                with self._lock:
                    self._drop_reader()
                    generations.publish(self.directory, build)
            except BaseException:
                shutil.rmtree(build, ignore_errors=True)
                raise
        if progress is not None:
            progress(done, expected or done)
        return done

    def upsert(self, docs: Iterable[IndexDocument], *, stamp: str) -> int:
        """Add or replace documents by id, all in one commit; returns how many."""
        count = 0

        def write(writer: IndexWriter) -> None:
            nonlocal count
            for doc in docs:
                writer.update_document(**_whoosh_doc(doc))
                count += 1

        self._commit(write, stamp)
        return count

    def delete(self, ids: Iterable[int], *, stamp: str) -> None:
        def write(writer: IndexWriter) -> None:
            for article_id in ids:
                writer.delete_by_term("id", str(article_id))

        self._commit(write, stamp)

    # -- internals -------------------------------------------------------------------------

    def _commit(self, write: Callable[[IndexWriter], None], stamp: str) -> None:
        started = time.monotonic()
        with writer_lock(self.directory, self.lock_timeout):
            generation = generations.current_generation(self.directory)
            if generation is None or not generation.is_dir():
                build = generations.new_build_folder(self.directory)
                FileStorage(str(build)).create_index(self._schema).close()
                generation = generations.publish(self.directory, build)
            index = FileStorage(str(generation)).open_index()
            remaining = max(0.0, self.lock_timeout - (time.monotonic() - started))
            try:
                writer = tune(index.writer(timeout=remaining, **self.REBUILD_WRITER_ARGS))
            except LockError as exc:
                raise IndexBusyError(busy_message(self.directory, self.lock_timeout)) from exc
            try:
                write(writer)
                _write_meta(writer, stamp, add=False)
                writer.commit()
                column_files.save_all(index, generation)
            except BaseException:
                writer.cancel()
                raise
            finally:
                index.close()
        with self._lock:
            self._refresh_after_commit()

    def _open_for_reading(self) -> tuple[Searcher | None, IndexColumns | None]:
        """The searcher and its columns, or IndexUnavailableError with a one-line reason."""
        try:
            searcher = self._current_searcher()
            if searcher is None:
                return None, None
            return searcher, self._current_columns(searcher)
        except Exception as exc:  # a corrupt index fails in many ways, all of them unreadable
            self._drop_reader()
            log.warning("search index unreadable: %s", exc)
            raise IndexUnavailableError(_unreadable(exc)) from exc

    def _evaluate(
        self, query: str, searcher: Searcher, columns: IndexColumns, q: wq.Query
    ) -> Evaluation:
        evaluator = QueryEvaluator(
            searcher,
            columns.live,
            columns.field_lengths,
            lambda phrase, docs: self._check_phrases(searcher, [phrase], docs),
            TEXT_PHRASE_FIELDS,
            dates=("published", columns.published),
            name_phrase_docs=columns.name_phrase_docs,
            pair_filter=lambda fieldname, words, docs: self._holding_pairs(
                searcher, fieldname, words, docs
            ),
        )
        try:
            return evaluator.evaluate(q)
        except _DAMAGE as exc:
            self._drop_reader()
            log.warning("search index unreadable: %s", exc)
            raise IndexUnavailableError(_unreadable(exc)) from exc
        except Exception as exc:  # Whoosh parses some values (dates) only when matching
            log.info("query %r failed while matching: %s", query, exc)
            raise QueryError(f"Cannot run this search: {_brief(exc)}") from exc

    def _live_mask(self, searcher: Searcher, columns: IndexColumns) -> np.ndarray:
        """Documents a search may return: not deleted and not the bookkeeping document."""
        if self._live is None:
            live = columns.live.copy()
            meta = searcher.document_number(id=META_ID)
            if meta is not None:
                live[meta] = False
            self._live = live
        return self._live

    def _holding_pairs(
        self, searcher: Searcher, fieldname: str, words: list[str], docs: np.ndarray
    ) -> np.ndarray:
        column = PAIR_FIELDS.get(fieldname)
        if column is None or column not in searcher.schema:
            return np.ones(len(docs), dtype=bool)
        return holding_pairs(searcher, column, words, docs)

    def _check_phrases(
        self, searcher: Searcher, phrases: list[wq.Phrase], docs: np.ndarray
    ) -> np.ndarray:
        """Which of `docs` contain every body phrase, decided on the stored text."""
        keep = np.zeros(len(docs), dtype=bool)
        for i, docnum in enumerate(docs.tolist()):
            body = decompress_body(searcher.stored_fields(docnum).get("body_z"))
            keep[i] = all(contains_phrase(body, phrase.words) for phrase in phrases)
        return keep

    def _current_searcher(self) -> Searcher | None:
        """The cached searcher, reopened after a rebuild and refreshed after other commits."""
        generation = generations.current_generation(self.directory)
        if generation is None or not generation.is_dir():
            self._drop_reader()
            return None
        if generation != self._generation or self._searcher is None:
            self._drop_reader()
            storage = FileStorage(str(generation), supports_mmap=False)
            self._index = storage.open_index()
            self._searcher = self._index.searcher()
            self._generation = generation
        elif not self._searcher.up_to_date():
            self._refresh_after_commit()
        return self._searcher

    def _refresh_after_commit(self) -> None:
        if self._searcher is None:
            return
        if generations.current_generation(self.directory) != self._generation:
            self._drop_reader()
            return
        # Not Searcher.refresh(): it can reuse a segment reader that misses new deletions.
        # Opening is cheap without mmap; the column cache still reuses unchanged segments.
        assert self._index is not None
        self._searcher.close()
        self._searcher = self._index.searcher()
        self._columns = self._vocabulary = self._live = None

    def _load_columns(self, key: str) -> SegmentColumns | None:
        return column_files.load(self._generation, key) if self._generation else None

    def _save_columns(self, key: str, columns: SegmentColumns) -> None:
        if self._generation is not None:
            column_files.save(self._generation, key, columns)

    def _current_columns(self, searcher: Searcher) -> IndexColumns:
        if self._columns is None:
            self._columns = self._column_cache.for_searcher(searcher)
        return self._columns

    def _drop_reader(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        if self._index is not None:
            self._index.close()
        self._searcher = self._index = self._columns = self._generation = None
        self._vocabulary = self._live = None

    def _hit(
        self,
        searcher: Searcher,
        docnum: int,
        score: float,
        terms: set[str],
        phrases: list[tuple[str, ...]],
    ) -> SearchHit:
        stored = searcher.stored_fields(docnum)
        body = decompress_body(stored.get("body_z"))
        return SearchHit(
            id=int(stored["id"]),
            title=stored.get("title") or "",
            source=_plain_source(stored.get("source_name")),
            published=stored.get("published_iso"),
            score=score,
            snippet=make_snippet(body, terms, phrases),
        )

    def _related_hit(self, searcher: Searcher, docnum: int, score: float | None) -> RelatedHit:
        stored = searcher.stored_fields(docnum)
        return RelatedHit(
            id=int(stored["id"]),
            title=stored.get("title") or "",
            source=_plain_source(stored.get("source_name")),
            published=stored.get("published_iso"),
            score=float(score or 0.0),
        )


def _whoosh_doc(doc: IndexDocument) -> dict[str, Any]:
    values = to_whoosh_fields(doc)
    if doc.entities:
        values["entity_names"] = tuple(doc.entities)
    return values


def _plain_source(stored: str | None) -> str | None:
    """The outlet's name as written, without initials or other values joined to it."""
    if not stored:
        return stored
    return stored.split(VALUE_SEPARATOR, 1)[0].strip() or None


def _write_meta(writer: IndexWriter, stamp: str, *, add: bool) -> None:
    values = {"id": META_ID, "meta_stamp": stamp, "meta_schema": SCHEMA_VERSION}
    if add:
        writer.add_document(**values)
    else:
        writer.update_document(**values)


def _newest_first(docnums: np.ndarray, published: np.ndarray, count: int) -> np.ndarray:
    """The `count` newest documents; undated ones last; ties in index order."""
    if count <= 0 or not len(docnums):
        return docnums[:0]
    order = np.lexsort((-docnums, published[docnums]))[::-1]
    return docnums[order[:count]]


def _unreadable(exc: BaseException) -> str:
    return f"The search index cannot be read ({_brief(exc)}); rebuild it."


def _brief(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return re.sub(r"\s+", " ", text)[:160]
