"""Text analysis shared by indexing and snippets, so both see the same terms.

The snippet maker must decide which words of a body matched a query without re-running the
(slow, generator-based) Whoosh analyzer chain; it uses `WORD_PATTERN` and `normalize_word`, which
are exactly what the analyzers below do token by token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import (
    STOP_WORDS,
    Analyzer,
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
)
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

WORD_PATTERN = re.compile(r"\w+(?:\.?\w+)*")
# Separates the values of a multi-valued field (speakers, entities, tags) in one string.
VALUE_SEPARATOR = "\x1f"
# Position gap between values so a phrase never spans two different names.
VALUE_GAP = 10
STOPWORDS: frozenset[str] = frozenset(STOP_WORDS)
MIN_WORD_LENGTH = 2


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """The indexed form of one word of running text: lowercased, accents folded, stemmed."""
    return str(stem(word.lower().translate(accent_map)))


@lru_cache(maxsize=500_000)
def index_form(word: str) -> str | None:
    """What the stemming analyzer indexes for one word; None for a stop word or a too short one."""
    folded = word.lower().translate(accent_map)
    if len(folded) < MIN_WORD_LENGTH or folded in STOPWORDS:
        return None
    return str(stem(folded))


class NewsAnalyzer(Analyzer):  # type: ignore[misc]  # Whoosh is untyped
    """The stemming chain below in one pass when indexing; the chain itself for queries.

    Whoosh's composed analyzers run five generators per token; indexing 700-word articles spends
    most of its time there. This yields exactly the chain's tokens (tests compare them) using the
    cached `index_form`, and delegates query-time analysis, with its stop-word options, to the
    chain.
    """

    def __init__(self) -> None:
        self.chain = _stemming_chain()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NewsAnalyzer)

    def __hash__(self) -> int:
        return hash(NewsAnalyzer)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        if mode != "index" or not tokenize or not removestops or keeporiginal:
            yield from self.chain(
                value,
                positions=positions,
                chars=chars,
                keeporiginal=keeporiginal,
                removestops=removestops,
                start_pos=start_pos,
                start_char=start_char,
                tokenize=tokenize,
                mode=mode,
                **kwargs,
            )
            return
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos: int | None = None  # like StopFilter: the first kept word keeps its raw position
        for raw_pos, match in enumerate(WORD_PATTERN.finditer(value), start=start_pos):
            text = index_form(match.group())
            if text is None:
                continue
            token.text = text
            token.stopped = False
            token.boost = 1.0
            if positions:
                pos = raw_pos if pos is None else pos + 1
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


def fold_name(word: str) -> str:
    """The indexed form of one word of a name field: lowercased and accents folded, no stem."""
    return word.lower().translate(accent_map)


def name_words(value: str) -> list[str]:
    """The name analyzer's terms for one value (one name) of a name field."""
    return [fold_name(word) for word in WORD_PATTERN.findall(value)]


class ValueGapFilter(Filter):  # type: ignore[misc]  # Whoosh is untyped
    """Drops value separators and opens a position gap at each one."""

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        shift = 0
        for token in tokens:
            if token.text == VALUE_SEPARATOR:
                shift += VALUE_GAP
                continue
            if shift and token.positions:
                token.pos += shift
            yield token


def stemming_analyzer() -> Analyzer:
    """Running text: title, body, quotes, notes, annotated passages."""
    return NewsAnalyzer()


def _stemming_chain() -> Analyzer:
    return (
        RegexTokenizer(WORD_PATTERN.pattern)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=STOPWORDS, minsize=MIN_WORD_LENGTH)
        | StemFilter(stemfn=stem, cachesize=200_000)
    )


def name_analyzer() -> Analyzer:
    """Names and labels: every word kept (so `source:AP` works), case and accents ignored."""
    return (
        RegexTokenizer(rf"{WORD_PATTERN.pattern}|{VALUE_SEPARATOR}")
        | ValueGapFilter()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
    )


def facet_analyzer() -> Analyzer:
    """Whole values, verbatim, one term each: what facets count and display."""
    return RegexTokenizer(rf"[^{VALUE_SEPARATOR}]+")


def join_values(values: tuple[str, ...] | list[str]) -> str:
    """One string for a multi-valued field, values kept apart by the separator."""
    cleaned = (" ".join(value.replace(VALUE_SEPARATOR, " ").split()) for value in values)
    return VALUE_SEPARATOR.join(value for value in cleaned if value)


def index_forms(text: str) -> list[str]:
    """The stemming analyzer's terms for `text`, in order, without building Token objects."""
    return [form for form in map(index_form, WORD_PATTERN.findall(text)) if form is not None]


_last_body: tuple[str, tuple[str, ...]] = ("", ())


def body_forms(text: str) -> tuple[str, ...]:
    """`index_forms` of a body, remembered for the next call.

    Indexing an article needs them twice in a row, for its word-pair signature and for the body
    postings; analysing the text twice would cost more than the signature itself.
    """
    global _last_body
    last_text, last_forms = _last_body
    if text is last_text or text == last_text:
        return last_forms
    forms = tuple(index_forms(text))
    _last_body = (text, forms)
    return forms
