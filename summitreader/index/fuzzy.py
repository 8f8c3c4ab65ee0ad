"""Fuzzy (`word~`) and prefix (`word*`) terms expanded over a cached vocabulary.

Whoosh expands a FuzzyTerm by walking a Levenshtein automaton over its term file, a key read at
a time: about a second per query on a few thousand articles. Reading each field's vocabulary
once per searcher and letting rapidfuzz compare strings in C is two orders of magnitude faster.
Distances are optimal string alignment, so a swapped pair of letters is one typo, not two.

A prefix is matched against stems, and stems are often shorter than the words a user has in mind
("negotiat*" should find "negotiations", indexed as "negoti"), so a prefix also matches stems
that are a slightly shorter prefix of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh import query as wq
from whoosh.reading import IndexReader

from summitreader.index.analysis import normalize_word

# Most expansions kept per fuzzy word: the closest ones, ties by frequency order of the vocabulary.
MAX_EXPANSIONS = 50
# How much shorter than a typed prefix a stem may be and still count as its word.
STEM_SLACK = 3
MIN_STEM_PREFIX = 4


class TermSource(Protocol):
    """What fuzzy and prefix expansion needs to know: the terms a field holds."""

    def stems_of_prefix(self, fieldname: str, prefix: str) -> list[str]: ...

    def near(self, fieldname: str, text: str, maxdist: int, prefixlength: int = 0) -> list[str]: ...


class Vocabulary:
    """Each field's indexed terms, read on first use, for one searcher's lifetime."""

    def __init__(self, reader: IndexReader) -> None:
        self._reader = reader
        self._terms: dict[str, list[str]] = {}
        self._term_sets: dict[str, frozenset[str]] = {}

    def terms(self, fieldname: str) -> list[str]:
        if fieldname not in self._terms:
            self._terms[fieldname] = self._read_terms(fieldname)
        return self._terms[fieldname]

    def _read_terms(self, fieldname: str) -> list[str]:
        if fieldname in self._reader.indexed_field_names():
            return list(self._reader.field_terms(fieldname))
        return []

    def stems_of_prefix(self, fieldname: str, prefix: str) -> list[str]:
        """Indexed terms that `prefix` starts with, at most STEM_SLACK characters shorter."""
        if fieldname not in self._term_sets:
            self._term_sets[fieldname] = frozenset(self.terms(fieldname))
        known = self._term_sets[fieldname]
        shortest = max(MIN_STEM_PREFIX, len(prefix) - STEM_SLACK)
        return [prefix[:end] for end in range(shortest, len(prefix)) if prefix[:end] in known]

    def near(self, fieldname: str, text: str, maxdist: int, prefixlength: int = 0) -> list[str]:
        """Indexed terms within `maxdist` edits of `text` (sharing its first letters if asked)."""
        choices = self.terms(fieldname)
        if prefixlength:
            prefix = text[:prefixlength]
            choices = [term for term in choices if term.startswith(prefix)]
        found = process.extract(
            text, choices, scorer=OSA.distance, score_cutoff=maxdist, limit=MAX_EXPANSIONS
        )
        return [term for term, _, _ in found]

    def closest(self, fieldname: str, text: str, maxdist: int = 2) -> str | None:
        """The nearest indexed term, the most frequent one among equally near ones."""
        found = process.extract(
            text, self.terms(fieldname), scorer=OSA.distance, score_cutoff=maxdist, limit=None
        )
        if not found:
            return None
        best = min(distance for _, distance, _ in found)
        nearest = [term for term, distance, _ in found if distance == best]
        return max(nearest, key=lambda term: self._reader.doc_frequency(fieldname, term))


class TextVocabulary(Vocabulary):
    """The terms of one text, the same in every field: expands a query against that text alone."""

    def __init__(self, terms: Iterable[str]) -> None:
        super().__init__(None)  # never read: terms are given
        self._all = sorted(set(terms))

    def _read_terms(self, fieldname: str) -> list[str]:
        return self._all


def expand_terms(q: wq.Query, vocabulary: TermSource) -> wq.Query:
    """The same query with fuzzy terms as ORs of near terms, prefixes widened to their stems."""

    def expand(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.Prefix):
            stems = vocabulary.stems_of_prefix(node.fieldname, node.text)
            words: list[wq.Query] = [
                wq.Term(node.fieldname, stem, boost=node.boost) for stem in stems
            ]
            whole_word = normalize_word(node.text)
            if whole_word != node.text:  # "negotiations*" also finds what "negotiations" finds
                words.append(wq.Prefix(node.fieldname, whole_word, boost=node.boost))
            return wq.Or([node, *words]) if words else node
        if not isinstance(node, wq.FuzzyTerm):
            return node
        terms = vocabulary.near(node.fieldname, node.text, node.maxdist, node.prefixlength)
        if not terms:
            return wq.NullQuery
        return wq.Or([wq.Term(node.fieldname, term, boost=node.boost) for term in terms])

    return q.accept(expand)
