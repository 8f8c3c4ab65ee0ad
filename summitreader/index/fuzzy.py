"""Fuzzy terms (`word~`) expanded with rapidfuzz over a cached vocabulary.

Whoosh expands a FuzzyTerm by walking a Levenshtein automaton over its term file, a key read at
a time: about a second per query on a few thousand articles. Reading each field's vocabulary
once per searcher and letting rapidfuzz compare strings in C is two orders of magnitude faster.
Distances are optimal string alignment, so a swapped pair of letters is one typo, not two.
"""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh import query as wq
from whoosh.reading import IndexReader

# Most expansions kept per fuzzy word: the closest ones, ties by frequency order of the vocabulary.
MAX_EXPANSIONS = 50


class Vocabulary:
    """Each field's indexed terms, read on first use, for one searcher's lifetime."""

    def __init__(self, reader: IndexReader) -> None:
        self._reader = reader
        self._terms: dict[str, list[str]] = {}

    def terms(self, fieldname: str) -> list[str]:
        if fieldname not in self._terms:
            if fieldname in self._reader.indexed_field_names():
                self._terms[fieldname] = list(self._reader.field_terms(fieldname))
            else:
                self._terms[fieldname] = []
        return self._terms[fieldname]

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


def expand_fuzzy(q: wq.Query, vocabulary: Vocabulary) -> wq.Query:
    """The same query with every FuzzyTerm replaced by an OR of the terms it stands for."""

    def expand(node: wq.Query) -> wq.Query:
        if not isinstance(node, wq.FuzzyTerm):
            return node
        terms = vocabulary.near(node.fieldname, node.text, node.maxdist, node.prefixlength)
        if not terms:
            return wq.NullQuery
        return wq.Or([wq.Term(node.fieldname, term, boost=node.boost) for term in terms])

    return q.accept(expand)
