"""Query evaluation over whole posting lists with numpy: match sets and BM25F scores at once.

Whoosh's collectors score one document per Python call; a word found in half of 100,000
articles then costs a second. Here each term's postings are read as arrays, AND/OR/NOT are set
operations and scores are vector arithmetic (the same BM25F formula and parameters Whoosh uses).
Query kinds without a term structure (date ranges and the like) ask Whoosh for their document
set and add no score. Body phrases take as candidates the articles holding every word whose
word-pair signature may hold every pair (pair_signatures.py), and the text decides (phrases.py):
the signature passes a few articles by chance, and pairs do not prove three words in a row.
When a phrase that every match must contain still has too many candidates, only the ones a page
needs are checked and the caller estimates the total.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from whoosh import fields
from whoosh import query as wq
from whoosh.searching import Searcher

from summitreader.index.postings import FloatArray, IntArray, field_lengths, term_postings

# BM25F parameters: Whoosh's defaults, so rankings match what its scorer would give.
B = 0.75
K1 = 1.2
# Body phrases with more candidates than this are checked lazily (when they must match).
PHRASE_CHECK_LIMIT = 1500

PhraseCheck = Callable[[wq.Phrase, IntArray], "np.ndarray"]
# Which candidate documents may hold a text field's phrase, going by its word pairs.
PairFilter = Callable[[str, list[str], IntArray], "np.ndarray"]
# The documents where a phrase occurs inside one value of a name field, or None if unknown.
NamePhraseDocs = Callable[[str, tuple[str, ...]], "IntArray | None"]


@dataclass(slots=True)
class PendingPhrase:
    """A body phrase every match must satisfy, unless it matched another way (`exempt`)."""

    phrase: wq.Phrase
    exempt: IntArray


@dataclass(slots=True)
class Matches:
    """Sorted unique document numbers with their scores."""

    docs: IntArray
    scores: FloatArray

    @staticmethod
    def empty() -> Matches:
        return Matches(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64))


@dataclass(slots=True)
class Evaluation:
    """What a query matched; `pending` phrases still have to be checked on each document."""

    matches: Matches
    pending: list[PendingPhrase] = field(default_factory=list)


class QueryEvaluator:
    """Evaluates Whoosh query trees against one searcher.

    `lengths(field)` gives every document's field length (global numbering); `check_phrase`
    returns a boolean mask over candidate documents for a body phrase; `pair_filter` narrows those
    candidates cheaply before they are checked.
    """

    def __init__(
        self,
        searcher: Searcher,
        live: np.ndarray,
        lengths: Callable[[str], FloatArray],
        check_phrase: PhraseCheck,
        text_phrase_fields: frozenset[str],
        dates: tuple[str, np.ndarray] | None = None,
        name_phrase_docs: NamePhraseDocs | None = None,
        pair_filter: PairFilter | None = None,
    ) -> None:
        self._searcher = searcher
        self._live = live
        self._lengths = lengths
        self._check_phrase = check_phrase
        self._text_phrase_fields = text_phrase_fields
        self._dates = dates
        self._name_phrase_docs = name_phrase_docs
        self._pair_filter = pair_filter
        self._leaves = [(leaf.reader(), offset) for leaf, offset in searcher.leaf_searchers()]
        self._doc_count = searcher.doc_count_all()

    def evaluate(self, q: wq.Query) -> Evaluation:
        pending: list[PendingPhrase] = []
        matches = self._eval(q, pending, required=True)
        return Evaluation(matches, pending)

    # -- nodes ------------------------------------------------------------------------------

    def _eval(self, q: wq.Query, pending: list[PendingPhrase], required: bool) -> Matches:
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return Matches.empty()
        if isinstance(q, wq.Term) and self._is_text_field(q.fieldname):
            return self._term(q.fieldname, q.text, q.boost)
        if isinstance(q, wq.Phrase) and self._is_text_field(q.fieldname):
            return self._phrase(q, pending, required)
        if isinstance(q, wq.And):
            return self._and(q.subqueries, pending, required)
        if isinstance(q, wq.Or | wq.DisjunctionMax):
            return self._or(q, pending, required)
        if isinstance(q, wq.AndNot):
            return self._and([q.a, wq.Not(q.b)], pending, required)
        if isinstance(q, wq.Require):
            kept = self._and([q.a, q.b], pending, required)
            base = self._eval(q.a, [], required=False)
            return Matches(kept.docs, _scores_for(kept.docs, base))
        if isinstance(q, wq.AndMaybe):
            base = self._eval(q.a, pending, required)
            extra = self._eval(q.b, [], required=False)
            return Matches(base.docs, base.scores + _scores_for(base.docs, extra))
        if isinstance(q, wq.Not):
            excluded = self._eval(q.query, [], required=False).docs
            everyone = np.flatnonzero(self._live)
            docs = everyone[~np.isin(everyone, excluded, assume_unique=True)]
            return Matches(docs, np.zeros(len(docs)))
        if isinstance(q, wq.NumericRange) and self._dates and q.fieldname == self._dates[0]:
            return self._date_range(q, self._dates[1])
        if isinstance(q, wq.MultiTerm) and self._is_text_field(q.fieldname):
            terms = [
                wq.Term(fieldname, text, boost=q.boost)
                for fieldname, text in q.existing_terms(self._searcher.reader(), expand=True)
            ]
            return _union([self._eval(term, pending, required=False) for term in terms])
        return self._whoosh_docs(q)

    def _and(
        self, children: list[wq.Query], pending: list[PendingPhrase], required: bool
    ) -> Matches:
        positive = [child for child in children if not isinstance(child, wq.Not)]
        negative = [child.query for child in children if isinstance(child, wq.Not)]
        if not positive:
            result = self._eval(wq.Not(wq.Or(negative)), pending, required)
            return result
        # Cheapest first: a rare word makes every later intersection small.
        parts = sorted(
            (self._eval(child, pending, required) for child in positive), key=lambda m: len(m.docs)
        )
        result = parts[0]
        for part in parts[1:]:
            if not len(result.docs):
                break
            result = _intersect(result, part)
        for child in negative:
            if not len(result.docs):
                break
            excluded = self._eval(child, [], required=False).docs
            keep = ~np.isin(result.docs, excluded, assume_unique=True)
            result = Matches(result.docs[keep], result.scores[keep])
        return result

    def _or(
        self, q: wq.Or | wq.DisjunctionMax, pending: list[PendingPhrase], required: bool
    ) -> Matches:
        """A phrase searched in several fields may stay unchecked in the body when it must match."""
        body_phrases = [
            child
            for child in q.subqueries
            if isinstance(child, wq.Phrase) and child.fieldname in self._text_phrase_fields
        ]
        lazy = body_phrases[0] if required and len(body_phrases) == 1 else None
        parts: list[Matches] = []
        others: list[Matches] = []
        own: list[PendingPhrase] = []
        for child in q.subqueries:
            part = self._eval(child, own, required=child is lazy)
            parts.append(part)
            if child is not lazy:
                others.append(part)
        if own:
            exempt = _union(others).docs
            pending.extend(PendingPhrase(item.phrase, exempt) for item in own)
        return _union(parts, use_max=isinstance(q, wq.DisjunctionMax))

    def _term(self, fieldname: str, text: str, boost: float) -> Matches:
        docs_parts: list[IntArray] = []
        weight_parts: list[FloatArray] = []
        for reader, offset in self._leaves:
            ids, weights = term_postings(reader, fieldname, text)
            if len(ids):
                docs_parts.append(ids + offset)
                weight_parts.append(weights)
        if not docs_parts:
            return Matches.empty()
        docs = np.concatenate(docs_parts)
        tf = np.concatenate(weight_parts)
        idf = math.log(self._doc_count / (len(docs) + 1)) + 1
        lengths = self._lengths(fieldname)[docs]
        average = self._average_length(fieldname)
        norm = K1 * ((1 - B) + B * lengths / average)
        scores = boost * idf * (tf * (K1 + 1)) / (tf + norm)
        return Matches(docs, scores)

    def _phrase(self, q: wq.Phrase, pending: list[PendingPhrase], required: bool) -> Matches:
        words = [wq.Term(q.fieldname, word, boost=q.boost) for word in q.words]
        if not words:
            return Matches.empty()
        candidates = self._and(list(words), [], required=False)
        if len(q.words) == 1 or not len(candidates.docs):
            return candidates
        if q.fieldname not in self._text_phrase_fields:
            exact = self._exact_phrase_docs(q)
            keep = np.isin(candidates.docs, exact, assume_unique=True)
            return Matches(candidates.docs[keep], candidates.scores[keep])
        if self._pair_filter is not None:
            paired = self._pair_filter(q.fieldname, list(q.words), candidates.docs)
            candidates = Matches(candidates.docs[paired], candidates.scores[paired])
        if required and len(candidates.docs) > PHRASE_CHECK_LIMIT:
            pending.append(PendingPhrase(q, Matches.empty().docs))
            return candidates
        keep = self._check_phrase(q, candidates.docs)
        return Matches(candidates.docs[keep], candidates.scores[keep])

    def _exact_phrase_docs(self, q: wq.Phrase) -> IntArray:
        """Name fields from their distinct values (a few thousand), others through Whoosh."""
        if self._name_phrase_docs is not None:
            found = self._name_phrase_docs(q.fieldname, tuple(q.words))
            if found is not None:
                return found
        return self._whoosh_docs(q).docs

    def _date_range(self, q: wq.NumericRange, dates: np.ndarray) -> Matches:
        """A date range from the date column: one comparison per article instead of a term walk."""
        values = dates.view(np.int64)
        inside = self._live & (dates != 0)  # 0: the article has no date
        if q.start is not None:
            inside &= values > q.start if q.startexcl else values >= q.start
        if q.end is not None:
            inside &= values < q.end if q.endexcl else values <= q.end
        docs = np.flatnonzero(inside).astype(np.int64)
        return Matches(docs, np.zeros(len(docs)))

    def _whoosh_docs(self, q: wq.Query) -> Matches:
        docs = np.fromiter(q.docs(self._searcher), dtype=np.int64)
        docs.sort()
        return Matches(docs, np.zeros(len(docs)))

    # -- helpers ----------------------------------------------------------------------------

    def _is_text_field(self, fieldname: str | None) -> bool:
        if fieldname is None or fieldname not in self._searcher.schema:
            return False
        return isinstance(self._searcher.schema[fieldname], fields.TEXT | fields.ID)

    def _average_length(self, fieldname: str) -> float:
        average = self._searcher.avg_field_length(fieldname)
        return float(average) if average else 1.0


def _intersect(a: Matches, b: Matches) -> Matches:
    docs, in_a, in_b = np.intersect1d(a.docs, b.docs, assume_unique=True, return_indices=True)
    return Matches(docs, a.scores[in_a] + b.scores[in_b])


def _union(parts: list[Matches], use_max: bool = False) -> Matches:
    parts = [part for part in parts if len(part.docs)]
    if not parts:
        return Matches.empty()
    if len(parts) == 1:
        return parts[0]
    docs, inverse = np.unique(np.concatenate([p.docs for p in parts]), return_inverse=True)
    scores = np.concatenate([p.scores for p in parts])
    combined: FloatArray = np.zeros(len(docs))
    if use_max:
        np.maximum.at(combined, inverse, scores)
    else:
        combined = np.bincount(inverse, weights=scores, minlength=len(docs)).astype(np.float64)
    return Matches(docs.astype(np.int64), combined)


def _scores_for(docs: IntArray, source: Matches) -> FloatArray:
    """Scores from `source` for `docs` (0 where it has none)."""
    scores = np.zeros(len(docs))
    _, in_docs, in_source = np.intersect1d(
        docs, source.docs, assume_unique=True, return_indices=True
    )
    scores[in_docs] = source.scores[in_source]
    return scores


__all__ = ["Evaluation", "Matches", "PendingPhrase", "QueryEvaluator", "field_lengths"]
