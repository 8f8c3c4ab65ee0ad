"""Per-posting costs of Whoosh's segment writer, removed for bulk indexing.

Measured with a profile of a 10,000-article rebuild: the posting pool sizes every posting with a
dozen len() calls and type asserts; when it spills sorted runs to disk it pickles and unpickles
them one posting at a time (45 % of the whole rebuild); and the commit looks up the document's
field length for every posting through a seek-and-unpack column read. All are replaced by
equivalent cheap versions on one writer (runs are pickled in chunks); the index is the same.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from whoosh.writing import SegmentWriter

from summitreader.index.postings import field_lengths

# What PostingPool.add counts per posting besides the term's text (tuple, strings, numbers).
_POSTING_OVERHEAD = 150
# Postings pickled together in a spilled run.
RUN_CHUNK = 20_000


class _FieldLengths:
    """`doc_field_length` of a per-document reader from whole columns read once."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lengths: dict[str, list[int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = self._lengths[fieldname] = self._read(fieldname)
        return lengths[docnum] if docnum < len(lengths) else default

    def _read(self, fieldname: str) -> list[int]:
        holder = _SegmentView(self._reader)
        return [int(length) for length in field_lengths(holder, fieldname)]

    def close(self) -> None:
        self._reader.close()


class _SegmentView:
    """The two things postings.field_lengths asks of a reader, from a per-document reader."""

    def __init__(self, perdoc: Any) -> None:
        self._perdoc = perdoc

    def doc_count_all(self) -> int:
        return int(self._perdoc.doc_count_all())


def tune(writer: Any) -> Any:
    """Install the cheap pool and length lookups on a SegmentWriter (others are left alone)."""
    if not isinstance(writer, SegmentWriter):
        return writer
    pool = writer.pool
    fieldnames = pool.fieldnames

    def add(item: tuple[str, bytes, int, float, bytes | None]) -> None:
        fieldnames.add(item[0])
        pool.currentsize += _POSTING_OVERHEAD + 2 * len(item[1]) + len(item[4] or b"")
        if pool.currentsize > pool.limit:
            pool.save()
        pool.current.append(item)

    pool.add = add

    def write_run(handle: Any, items: Iterable[Any]) -> None:
        iterator = iter(items)
        while chunk := list(islice(iterator, RUN_CHUNK)):
            pickle.dump(chunk, handle, pickle.HIGHEST_PROTOCOL)
        handle.close()

    def read_run(path: str) -> Iterator[Any]:
        handle = pool._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(handle)
                except EOFError:
                    return
                yield from chunk
        finally:
            handle.close()
            pool._remove_run(path)

    pool._write_run = write_run
    pool._read_run = read_run
    original_reader = writer.per_document_reader

    def per_document_reader() -> _FieldLengths:
        return _FieldLengths(original_reader())

    writer.per_document_reader = per_document_reader
    return writer
