"""The one entry point: text in, quotes with speakers and entities with canonical names out."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from summitreader.nlp.attribution import QuoteAttributor
from summitreader.nlp.corrections import Corrections, shipped_corrections_path
from summitreader.nlp.entities import build_entities
from summitreader.nlp.fallback_names import fallback_entity_spans
from summitreader.nlp.interview import find_answers, interviewee
from summitreader.nlp.model import ModelHandle
from summitreader.nlp.paragraphs import paragraph_spans
from summitreader.nlp.quotemarks import find_quotes
from summitreader.nlp.types import ArticleAnalysis, QuoteResult

# Bump when the rules, the word lists or the model change, so stored results are recomputed.
ANALYSER_VERSION = "7"
_FALLBACK_SUFFIX = "+rules-only"
_CHUNK_CHARS = 100_000  # longer texts go through the model a group of paragraphs at a time

RawSpan = tuple[int, int, str]


class Analyser:
    """Finds who said what and who is mentioned. Thread-safe; the model loads on first use."""

    def __init__(self, corrections: Corrections | None = None, *, use_model: bool = True) -> None:
        self._corrections = (
            corrections if corrections is not None else Corrections.load(shipped_corrections_path())
        )
        self._model = ModelHandle(allow_model=use_model)

    @property
    def model_description(self) -> str:
        return self._model.description

    @property
    def version(self) -> str:
        """ANALYSER_VERSION, marked when the rule-based fallback made the results."""
        return (
            ANALYSER_VERSION
            if self._model.get() is not None
            else (ANALYSER_VERSION + _FALLBACK_SUFFIX)
        )

    def analyse(self, text: str) -> ArticleAnalysis:
        return self._from_spans(text, self._entity_spans(text))

    def analyse_many(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[ArticleAnalysis]:
        """Analyse many texts in order; the model runs in batches (and processes, if asked)."""
        nlp = self._model.get()
        if nlp is None:
            for text in texts:
                yield self.analyse(text)
            return
        iterator = iter(texts)
        group_size = max(1, batch_size) * max(1, n_process) * 4
        while group := list(itertools.islice(iterator, group_size)):
            short = [t for t in group if len(t) <= _CHUNK_CHARS]
            processes = n_process if len(short) >= 2 * batch_size else 1
            docs = iter(nlp.pipe(short, batch_size=batch_size, n_process=processes))
            for text in group:
                if len(text) <= _CHUNK_CHARS:
                    yield self._from_spans(text, _spans_of(next(docs)))
                else:
                    yield self.analyse(text)

    def _entity_spans(self, text: str) -> list[RawSpan]:
        nlp = self._model.get()
        if nlp is None:
            return fallback_entity_spans(text)
        if len(text) <= _CHUNK_CHARS:
            return _spans_of(nlp(text))
        spans: list[RawSpan] = []
        for lo, hi in _paragraph_chunks(text):
            spans += [(s + lo, e + lo, label) for s, e, label in _spans_of(nlp(text[lo:hi]))]
        return spans

    def _from_spans(self, text: str, spans: list[RawSpan]) -> ArticleAnalysis:
        table = build_entities(text, spans, self._corrections)
        answers = find_answers(text)
        quotes = [
            q for q in find_quotes(text) if not any(a.start <= q.open_at < a.end for a in answers)
        ]
        results = QuoteAttributor(text, quotes, table).attribute_all()
        if answers:
            speaker = interviewee(text, table)
            results += [
                QuoteResult(text[a.start : a.end], speaker, "speech", a.start, a.end, None)
                for a in answers
            ]
            results.sort(key=lambda q: q.start)
        return ArticleAnalysis(tuple(results), table.entities, self.version)


def _spans_of(doc: Any) -> list[RawSpan]:
    return [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def _paragraph_chunks(text: str) -> Iterator[tuple[int, int]]:
    """Consecutive paragraphs grouped into pieces of at most about _CHUNK_CHARS."""
    lo = hi = None
    for start, end in paragraph_spans(text):
        if lo is None:
            lo = start
        elif end - lo > _CHUNK_CHARS:
            assert hi is not None
            yield lo, hi
            lo = start
        hi = end
        while hi - lo > _CHUNK_CHARS:  # one paragraph longer than a chunk
            yield lo, lo + _CHUNK_CHARS
            lo += _CHUNK_CHARS
    if lo is not None and hi is not None and hi > lo:
        yield lo, hi
