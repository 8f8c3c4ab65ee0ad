"""Text folding used to recognise the same article and to count words."""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata

_FOLDS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "\u00a0": " "})
_WORD = re.compile(r"\w+(?:['’]\w+)*")
WORDS_PER_MINUTE = 230


def fold(text: str) -> str:
    """Case, quote style, dashes and spacing folded away, so re-saved copies compare equal."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLDS).casefold()
    return " ".join(text.split())


def normalized_hash(text: str) -> str:
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()


def content_hash(text: str) -> str:
    """The exact version of an article's text; annotations anchor against it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def reading_minutes(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
