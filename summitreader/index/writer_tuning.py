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

from whoosh.codec.whoosh3 import W3FieldWriter
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

    def of_field(self, fieldname: str) -> list[int]:
        """Every document's length in the field (each document of the segment has one)."""
        lengths = self._lengths.get(fieldname)
        if lengths is None:
            lengths = self._lengths[fieldname] = self._read(fieldname)
        return lengths

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self.of_field(fieldname)
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
    fieldwriter = getattr(writer, "fieldwriter", None)
    if isinstance(fieldwriter, W3FieldWriter):
        fieldwriter.add_postings = _lean_add_postings(fieldwriter)
    return writer


def _lengths_of(lengths: Any, fieldname: str) -> Any:
    """A docnum -> field length lookup for one field (list indexing when the lengths allow)."""
    if lengths is None:
        return None
    if isinstance(lengths, _FieldLengths):
        return lengths.of_field(fieldname).__getitem__
    return lambda docnum: lengths.doc_field_length(docnum, fieldname)


def _lean_add_postings(fieldwriter: W3FieldWriter) -> Any:
    """FieldWriter.add_postings with W3PostingsWriter.add_posting inlined and its asserts gone.

    The input is the pool's sorted (field, term bytes, docnum, weight, value bytes) stream;
    the calls made for each field and term, and the blocks written, are Whoosh's own.
    """

    def add_postings(schema: Any, lengths: Any, items: Iterable[Any]) -> None:
        field_lengths: Any = None
        last_field: str | None = None
        last_text: bytes | None = None
        postwriter: Any = None
        for fieldname, btext, docnum, weight, value in items:
            if fieldname != last_field:
                if last_text is not None:
                    fieldwriter.finish_term()
                if last_field is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, schema[fieldname])
                postwriter = fieldwriter._postwriter
                field_lengths = _lengths_of(lengths, fieldname)
                last_field, last_text = fieldname, None
            if docnum == -1:  # Whoosh's marker for spelling words, which this schema has none of
                continue
            if btext != last_text:
                if last_text is not None:
                    fieldwriter.finish_term()
                fieldwriter.start_term(btext)
                last_text = btext
            if len(postwriter._ids) >= postwriter._blocklimit:
                postwriter._write_block()
            postwriter._ids.append(docnum)
            postwriter._weights.append(weight)
            if weight > postwriter._maxweight:
                postwriter._maxweight = weight
            if value:
                postwriter._values.append(value)
            length = field_lengths(docnum) if field_lengths is not None else 0
            if length:
                if postwriter._minlength is None or length < postwriter._minlength:
                    postwriter._minlength = length
                if length > postwriter._maxlength:
                    postwriter._maxlength = length
        if last_text is not None:
            fieldwriter.finish_term()
        if last_field is not None:
            fieldwriter.finish_field()

    return add_postings
