"""Per-document arrays (publication date, facet values) for fast date sorting and facet counts.

Whoosh sorts and groups by calling Python code once per matching document, which takes seconds
when a query matches most of 100,000 articles. These arrays are read once per segment (segments
never change, so a refreshed searcher reuses them) and then numpy does the counting and sorting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from summitreader.index.analysis import name_words
from summitreader.index.postings import FloatArray, field_lengths, numeric_column, term_postings
from summitreader.index.schema import FACET_FIELDS

IntArray = npt.NDArray[np.int64]
# Dates in Whoosh's sortable unsigned form; 0 means "no date" and sorts before every real date.
DateArray = npt.NDArray[np.uint64]


@dataclass(slots=True)
class FacetColumn:
    """Facet postings of a segment: parallel arrays (document, value index) plus the values."""

    values: list[str]
    docs: IntArray
    value_ids: IntArray


@dataclass(slots=True)
class SegmentColumns:
    published: DateArray
    facets: dict[str, FacetColumn] = field(default_factory=dict)
    reader: IndexReader | None = None
    lengths: dict[str, FloatArray] = field(default_factory=dict)
    live: npt.NDArray[np.bool_] | None = None

    def field_lengths(self, fieldname: str) -> FloatArray:
        """Read on first use: a query touches only a few of the scored fields."""
        if fieldname not in self.lengths:
            assert self.reader is not None
            self.lengths[fieldname] = field_lengths(self.reader, fieldname)
        return self.lengths[fieldname]


def _read_published(reader: IndexReader) -> DateArray:
    count = reader.doc_count_all()
    if count == 0:
        return np.empty(0, dtype=np.uint64)
    default = reader.schema["published"].column_type.default_value()
    dates = numeric_column(reader, "published", default)
    if dates is None:
        column = reader.column_reader("published", translate=False)
        dates = np.fromiter(column, dtype=np.uint64, count=count)
    # Undated documents hold the column's default (the largest value): make them the oldest.
    dates[dates == default] = 0
    return np.asarray(dates, dtype=np.uint64)


def _read_facet(reader: IndexReader, fieldname: str) -> FacetColumn:
    values: list[str] = []
    doc_chunks: list[IntArray] = []
    value_chunks: list[IntArray] = []
    if fieldname in reader.indexed_field_names():
        for term in reader.field_terms(fieldname):
            docs, _ = term_postings(reader, fieldname, term)
            doc_chunks.append(docs)
            value_chunks.append(np.full(len(docs), len(values), dtype=np.int64))
            values.append(term)
    if not doc_chunks:
        empty = np.empty(0, dtype=np.int64)
        return FacetColumn(values, empty, empty)
    return FacetColumn(values, np.concatenate(doc_chunks), np.concatenate(value_chunks))


def _read_live(reader: IndexReader) -> npt.NDArray[np.bool_]:
    if not reader.has_deletions():
        return np.ones(reader.doc_count_all(), dtype=bool)
    live = np.zeros(reader.doc_count_all(), dtype=bool)
    live[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
    return live


def read_segment(reader: IndexReader) -> SegmentColumns:
    columns = SegmentColumns(published=_read_published(reader), reader=reader)
    columns.live = _read_live(reader)
    for facet, fieldname in FACET_FIELDS.items():
        columns.facets[facet] = _read_facet(reader, fieldname)
    return columns


@dataclass(slots=True)
class FacetTable:
    """One facet over the whole index: display names and (document, name index) postings."""

    names: list[str]
    docs: IntArray
    name_ids: IntArray
    name_tokens: list[list[str]] | None = None  # each name's words, read on first phrase

    def docs_with_run(self, words: tuple[str, ...]) -> IntArray:
        """Documents with a value whose name words hold `words` in a row (as the name field)."""
        if self.name_tokens is None:
            self.name_tokens = [name_words(name) for name in self.names]
        wanted, length = list(words), len(words)
        matching = [
            index
            for index, tokens in enumerate(self.name_tokens)
            if words[0] in tokens
            and any(tokens[i : i + length] == wanted for i in range(len(tokens) - length + 1))
        ]
        if not matching:
            return np.empty(0, dtype=np.int64)
        return np.unique(self.docs[np.isin(self.name_ids, matching)])

    def count(self, matched: npt.NDArray[np.bool_], top: int) -> dict[str, int]:
        if not len(self.docs):
            return {}
        selected = self.name_ids[matched[self.docs]]
        counts = np.bincount(selected, minlength=len(self.names))
        order = np.argsort(-counts, kind="stable")[:top]
        return {self.names[i]: int(counts[i]) for i in order if counts[i] > 0}


@dataclass(slots=True)
class IndexColumns:
    """The arrays of every segment of one searcher, in global document numbers."""

    published: DateArray
    facets: dict[str, FacetTable]
    live: npt.NDArray[np.bool_]
    parts: list[tuple[SegmentColumns, int]]
    lengths: dict[str, FloatArray] = field(default_factory=dict)

    def name_phrase_docs(self, fieldname: str, words: tuple[str, ...]) -> IntArray | None:
        """Where a phrase occurs inside one value of a faceted name field; None for others."""
        table = self.facets.get(fieldname)
        return None if table is None else table.docs_with_run(words)

    def field_lengths(self, fieldname: str) -> FloatArray:
        """Every document's length in a field, in global document numbers."""
        if fieldname not in self.lengths:
            joined = np.zeros(len(self.published), dtype=np.float64)
            for part, offset in self.parts:
                values = part.field_lengths(fieldname)
                joined[offset : offset + len(values)] = values
            self.lengths[fieldname] = joined
        return self.lengths[fieldname]


class ColumnCache:
    """Keeps SegmentColumns by segment id so a refreshed searcher only reads new segments."""

    def __init__(
        self,
        load: Callable[[str], SegmentColumns | None] | None = None,
        save: Callable[[str, SegmentColumns], None] | None = None,
    ) -> None:
        self._segments: dict[str, SegmentColumns] = {}
        self._load = load
        self._save = save

    def segment_keys(self) -> set[str]:
        return set(self._segments)

    def _read(self, key: str, reader: IndexReader) -> SegmentColumns:
        """From a saved file when there is one, else from the index (and then saved)."""
        columns = self._load(key) if self._load is not None else None
        if columns is None or len(columns.published) != reader.doc_count_all():
            columns = read_segment(reader)
            if self._save is not None:
                self._save(key, columns)
        return columns

    def for_searcher(self, searcher: Searcher) -> IndexColumns:
        leaves = searcher.leaf_searchers()
        seen: set[str] = set()
        parts: list[tuple[SegmentColumns, int]] = []
        for leaf, offset in leaves:
            reader = leaf.reader()
            key = _segment_key(reader)
            seen.add(key)
            if key not in self._segments:
                self._segments[key] = self._read(key, reader)
            segment = self._segments[key]
            segment.reader = reader  # the live reader of this searcher, for lazy reads
            parts.append((segment, offset))
        for stale in set(self._segments) - seen:
            del self._segments[stale]
        total = searcher.doc_count_all()
        published = np.zeros(total, dtype=np.uint64)
        live = np.zeros(total, dtype=bool)
        for part, offset in parts:
            published[offset : offset + len(part.published)] = part.published
            if part.live is not None:
                live[offset : offset + len(part.live)] = part.live
        return IndexColumns(published, _merge_facets(parts), live, parts)


def _segment_key(reader: IndexReader) -> str:
    segment = reader.segment()
    # Deleting documents changes a segment's deletion set, not its id: include it in the key.
    deleted = segment.deleted_count() if segment is not None else 0
    return f"{segment.segment_id() if segment is not None else id(reader)}:{deleted}"


def _merge_facets(parts: list[tuple[SegmentColumns, int]]) -> dict[str, FacetTable]:
    """Join segments; names that differ only in case count as one, shown as first seen."""
    tables: dict[str, FacetTable] = {}
    for facet in FACET_FIELDS:
        names: list[str] = []
        by_key: dict[str, int] = {}
        docs: list[IntArray] = []
        name_ids: list[IntArray] = []
        for part, offset in parts:
            column = part.facets[facet]
            mapping = np.empty(len(column.values), dtype=np.int64)
            for local, value in enumerate(column.values):
                key = value.casefold()
                if key not in by_key:
                    by_key[key] = len(names)
                    names.append(value)
                mapping[local] = by_key[key]
            docs.append(column.docs + offset)
            name_ids.append(mapping[column.value_ids])
        if docs:
            tables[facet] = FacetTable(names, np.concatenate(docs), np.concatenate(name_ids))
        else:
            empty = np.empty(0, dtype=np.int64)
            tables[facet] = FacetTable(names, empty, empty)
    return tables
