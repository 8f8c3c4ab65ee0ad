"""Which articles may hold two words side by side: a per-article bit signature of its word pairs.

A body phrase of common words ("press conference") has thousands of candidates holding both
words; checking each one's text took seconds. Each article keeps a fixed-size bit set with two bits
per pair of consecutive kept words, and a phrase's candidates are first narrowed to the articles
with every bit of every pair set (about 1 % of the others pass by chance), then the text decides.

Posting lists per pair would answer exactly, but measured on the 10,000-article benchmark they
halved indexing speed and quadrupled the index: an article has hundreds of distinct pairs, each
one more posting through Whoosh's pure-Python writer. The signature is one column value per
article, built with numpy from the word forms the body already computed.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.codec.whoosh3 import W3Codec

from summitreader.index.postings import IntArray

# 8,192 bits: a 700-word article sets about 900 of them (two per pair), so a pair it does not
# hold passes with a chance of about (900 / 8,192)^2, one in a hundred.
SIGNATURE_BYTES = 1024
_BITS = SIGNATURE_BYTES * 8
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(32)

BoolArray = npt.NDArray[np.bool_]


@lru_cache(maxsize=500_000)
def _form_hash(form: str) -> int:
    """A hash that is the same in every process (str hashes are salted per run)."""
    return zlib.crc32(form.encode("utf-8"))


def _pair_bits(forms: Sequence[str]) -> npt.NDArray[np.uint64]:
    """Two bit positions per pair of consecutive forms (the pair's order matters)."""
    if len(forms) < 2:
        return np.empty(0, dtype=np.uint64)
    hashes = np.fromiter(map(_form_hash, forms), dtype=np.uint64, count=len(forms))
    mixed = hashes[:-1] * _MIX + hashes[1:]  # wraps modulo 2**64
    mixed ^= mixed >> _SHIFT
    mixed *= _MIX
    return np.concatenate([mixed % np.uint64(_BITS), (mixed >> _SHIFT) % np.uint64(_BITS)])


def signature(forms: Sequence[str]) -> bytes:
    """The column value of an article whose body has these index forms, in order."""
    bits = np.zeros(_BITS, dtype=bool)
    bits[_pair_bits(forms).astype(np.intp)] = True
    return bytes(np.packbits(bits, bitorder="little").tobytes())


def _bit_positions(words: Sequence[str]) -> tuple[list[int], list[int]]:
    bits = np.unique(_pair_bits(list(words))).astype(np.int64)
    return (bits >> 3).tolist(), (1 << (bits & 7)).tolist()


def holds(value: bytes, words: Sequence[str]) -> bool:
    """Whether a signature has every bit of every pair of consecutive `words`."""
    byte_at, bit_mask = _bit_positions(words)
    return all(value[b] & m for b, m in zip(byte_at, bit_mask, strict=True))


def holding_pairs(searcher: Any, column: str, words: Sequence[str], docs: IntArray) -> BoolArray:
    """Which of `docs` (sorted, global numbers) may hold every pair of consecutive `words`.

    Reads one byte per pair bit and document through a memory map of the column file, so ten
    thousand candidates cost about a millisecond. Segments without the column keep every one.
    """
    keep = np.ones(len(docs), dtype=bool)
    byte_at, bit_mask = _bit_positions(words)
    if not byte_at or not len(docs):
        return keep
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        first, last = np.searchsorted(docs, [offset, offset + reader.doc_count_all()])
        if first == last:
            continue
        local = docs[first:last] - offset
        rows = _mapped_column(reader, column)
        if rows is not None:
            inside = local < len(rows)  # past the last value: no value, like Whoosh's default
            held = np.ones(int(inside.sum()), dtype=bool)
            for byte, mask in zip(byte_at, bit_mask, strict=True):
                held &= (rows[local[inside], byte] & mask) != 0
            keep[first:last] = False
            keep[first:last][inside] = held
        elif reader.has_column(column):
            values = reader.column_reader(column, translate=False)
            for i, docnum in enumerate(local.tolist(), start=int(first)):
                keep[i] = holds(values[docnum], words)
    return keep


def _mapped_column(reader: Any, column: str) -> npt.NDArray[np.uint8] | None:
    """The segment's column file as a (documents, SIGNATURE_BYTES) array, when it is a plain file.

    Whoosh keeps each column of a segment in its own file, values back to back; a compound
    segment (not written by SearchIndex) has no such file and is read value by value instead.
    """
    perdoc = getattr(reader, "_perdoc", None)
    folder = getattr(getattr(perdoc, "_storage", None), "folder", None)
    if perdoc is None or folder is None:
        return None
    path = Path(folder) / W3Codec.column_filename(perdoc._segment, column)
    if not path.is_file():
        return None
    count = min(path.stat().st_size // SIGNATURE_BYTES, reader.doc_count_all())
    if count == 0:
        return None
    return np.memmap(path, dtype=np.uint8, mode="r", shape=(count, SIGNATURE_BYTES))
