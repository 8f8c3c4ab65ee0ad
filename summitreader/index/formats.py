"""The body's field and posting format: term frequencies only, counted without the analyzer chain.

The body is most of what gets indexed. Whoosh's Frequency format walks one Token object per
word; counting the cached word forms with a Counter gives the same postings several times
faster. Positions are left out on purpose: phrases are checked against the text (phrases.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from whoosh.fields import TEXT
from whoosh.formats import Frequency
from whoosh.system import pack_uint

from summitreader.index.analysis import body_forms


class CountedFrequency(Frequency):  # type: ignore[misc]  # Whoosh is untyped
    """Frequency postings of the stemming analyzer's terms (see analysis.NewsAnalyzer)."""

    def word_values(
        self, value: str, analyzer: Any, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        if kwargs.get("mode") != "index":
            return super().word_values(value, analyzer, **kwargs)  # type: ignore[no-any-return]
        boost = self.field_boost
        counts = Counter(body_forms(value))
        return ((word, count, count * boost, pack_uint(count)) for word, count in counts.items())


class CountedText(TEXT):  # type: ignore[misc]  # Whoosh is untyped
    """A TEXT field whose postings are built as one list: no generator per word at indexing."""

    def index(self, value: str, **kwargs: Any) -> list[tuple[bytes, int, float, bytes]]:
        boost = self.format.field_boost
        counts = Counter(body_forms(value))
        return [
            (word.encode("utf-8"), count, count * boost, pack_uint(count))
            for word, count in counts.items()
        ]
