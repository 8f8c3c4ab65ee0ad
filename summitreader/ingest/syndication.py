"""Recognise the same wire story printed by several outlets (near-duplicates).

Texts become sets of overlapping three-word shingles; a MinHash sketch estimates the Jaccard
overlap of two such sets, and the store bands the sketches (store/syndication.py) so candidates are
found without comparing every pair, and grouping stays fast at 100,000 articles.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # datasketch pulls in scipy: imported on first use, not at start-up
    from datasketch import LeanMinHash

NUM_PERMUTATIONS = 128
SHINGLE_WORDS = 3
_SEED = 1
_BYTE_ORDER = "<"  # fingerprints are stored; their layout must not depend on the machine

# Measured on the wire fixtures (tests/unit/ingest/test_syndication.py): outlets' copies of one
# story (edits, trimmed ending, new headline and intro) score 0.49-0.81 against each other and the
# original; different articles on the same story score at most 0.01. 0.3 keeps a wide margin to
# both, and still accepts a copy cut down to about a third of the wire story.
SYNDICATION_THRESHOLD: float = 0.3

_WORD = re.compile(r"\w+")


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) <= SHINGLE_WORDS:
        return [" ".join(words).encode()] if words else []
    return [
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    ]


def text_fingerprint(text: str) -> bytes:
    """A MinHash sketch of the text's word shingles, as bytes for the store."""
    from datasketch import LeanMinHash, MinHash

    sketch = MinHash(num_perm=NUM_PERMUTATIONS, seed=_SEED)
    shingles = _shingles(text)
    if shingles:
        sketch.update_batch(shingles)
    lean = LeanMinHash(sketch)
    buffer = bytearray(lean.bytesize(byteorder=_BYTE_ORDER))
    lean.serialize(buffer, byteorder=_BYTE_ORDER)
    return bytes(buffer)


def _sketch(fingerprint: bytes) -> LeanMinHash:
    from datasketch import LeanMinHash

    try:
        return LeanMinHash.deserialize(fingerprint, byteorder=_BYTE_ORDER)
    except Exception as error:  # struct and numpy errors on truncated bytes
        raise ValueError("not a text fingerprint") from error


def sketch_values(fingerprint: bytes) -> np.ndarray:
    """The sketch's hash values (uint32), for banding in the store; empty for a wordless text."""
    sketch = _sketch(fingerprint)
    if sketch.is_empty():
        return np.empty(0, dtype=np.uint32)
    values: np.ndarray = np.asarray(sketch.hashvalues, dtype=np.uint32)
    return values


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard overlap of the two texts' shingles; 0.0 when either text had no words."""
    first, second = _sketch(a), _sketch(b)
    if first.is_empty() or second.is_empty():
        return 0.0
    return float(first.jaccard(second))
