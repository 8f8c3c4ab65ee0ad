"""Posting lists and per-document columns read whole, as numpy arrays.

Whoosh's matchers step through postings one Python call per document, which is what makes a
common word cost tens of milliseconds per 10,000 matches. Its posting blocks are pickled arrays
and its numeric columns are fixed-width bytes, so both can be read block by block (or in one
read) and handed to numpy. This leans on Whoosh 2.7's on-disk layout (codec "whoosh3"); the
fallbacks below step through the public matcher API for anything else.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.matching import ListMatcher, Matcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader, TermNotFound
from whoosh.util.numeric import byte_to_length

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

_EMPTY_IDS: IntArray = np.empty(0, dtype=np.int64)
_EMPTY_WEIGHTS: FloatArray = np.empty(0, dtype=np.float64)
# Whoosh stores a field's length per document as one byte on a logarithmic scale.
_BYTE_TO_LENGTH: FloatArray = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


def _leaf_arrays(matcher: W3LeafMatcher) -> tuple[IntArray, FloatArray]:
    ids: list[IntArray] = []
    weights: list[FloatArray] = []
    while matcher.is_active():
        matcher._read_data()
        block_ids, block_weights, _ = matcher._data
        count = matcher._blocklength
        ids.append(np.cumsum(np.asarray(block_ids, dtype=np.int64)))
        if block_weights is None:
            weights.append(np.ones(count, dtype=np.float64))
        elif isinstance(block_weights, float):
            weights.append(np.full(count, block_weights, dtype=np.float64))
        else:
            weights.append(np.asarray(block_weights, dtype=np.float64))
        matcher._next_block()
    if not ids:
        return _EMPTY_IDS, _EMPTY_WEIGHTS
    return np.concatenate(ids), np.concatenate(weights)


def _stepped_arrays(matcher: Matcher) -> tuple[IntArray, FloatArray]:
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.array(ids, dtype=np.int64), np.array(weights, dtype=np.float64)


def term_postings(reader: IndexReader, fieldname: str, text: Any) -> tuple[IntArray, FloatArray]:
    """(document numbers, weights) of one term in one segment, deleted documents left out."""
    try:
        matcher = reader.postings(fieldname, text)
    except TermNotFound:
        return _EMPTY_IDS, _EMPTY_WEIGHTS
    deleted: set[int] | None = None
    if isinstance(matcher, FilterMatcher):
        deleted = set(matcher._ids)
        matcher = matcher.child
    if isinstance(matcher, W3LeafMatcher):
        ids, weights = _leaf_arrays(matcher)
    elif isinstance(matcher, ListMatcher):
        ids = np.asarray(matcher._ids, dtype=np.int64)
        raw = matcher._weights
        weights = np.ones(len(ids)) if raw is None else np.asarray(raw, dtype=np.float64)
    else:
        ids, weights = _stepped_arrays(matcher)
    if deleted:
        keep = ~np.isin(ids, np.fromiter(deleted, dtype=np.int64))
        ids, weights = ids[keep], weights[keep]
    return ids, weights


def _fixed_column(reader: IndexReader, column_name: str, dtype: str, default: int) -> Any:
    """A whole fixed-width numeric column in one read; None when the segment lacks it."""
    count = reader.doc_count_all()
    codec_reader = getattr(reader, "_perdoc", None)
    if codec_reader is None or not codec_reader.has_column(column_name):
        return None
    colfile, offset, length = codec_reader._get_column_file(column_name)
    width = np.dtype(dtype).itemsize
    stored = min(length // width, count)
    raw = np.frombuffer(colfile.get(offset, stored * width), dtype=dtype, count=stored)
    values = np.full(count, default, dtype=np.dtype(dtype).newbyteorder("="))
    values[:stored] = raw
    return values


def field_lengths(reader: IndexReader, fieldname: str) -> FloatArray:
    """Each document's length in a field (as Whoosh scores it), for one segment."""
    column = _fixed_column(reader, f"_{fieldname}_len", ">u1", LENGTHS_COLUMN._default)
    if column is None:
        return np.zeros(reader.doc_count_all(), dtype=np.float64)
    lengths: FloatArray = _BYTE_TO_LENGTH[column]
    return lengths


def numeric_column(reader: IndexReader, fieldname: str, default: int) -> Any:
    """A sortable numeric field's column (e.g. dates) as unsigned 64-bit integers, or None."""
    return _fixed_column(reader, fieldname, ">u8", default)
