"""Where a query matches inside one article's text, for the reader's highlights.

The reader needs every match, not one snippet, and the article may be newer than the index, so
fuzzy and prefix terms are expanded against the text's own words rather than the index's
vocabulary. Marks follow the snippet rules (analysis.py forms, phrases only as runs).
"""

from __future__ import annotations

import re

from whoosh import query as wq

from summitreader.index.fuzzy import TextVocabulary, expand_terms
from summitreader.index.query_language import positive_leaves
from summitreader.index.snippets import find_marks, text_forms

# Fields whose words appear in an article's text; leaves on other fields mark nothing.
TEXT_FIELDS = frozenset({"body", "title", "quote"})


def _matching_forms(leaf: wq.Query, forms: list[str]) -> list[str]:
    """The text's forms a prefix, wildcard, regex or term range query matches."""
    if isinstance(leaf, wq.Prefix):
        return [form for form in forms if form.startswith(leaf.text)]
    if isinstance(leaf, wq.PatternQuery):
        pattern = re.compile(leaf._get_pattern())
        return [form for form in forms if pattern.match(form)]
    if isinstance(leaf, wq.TermRange):
        low, high = leaf.start or "", leaf.end or "\uffff"
        return [
            form
            for form in forms
            if (low < form or (form == low and not leaf.startexcl))
            and (form < high or (form == high and not leaf.endexcl))
        ]
    return []


def text_hit_spans(q: wq.Query, text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping code-point spans of `text` where the parsed query `q` matches."""
    forms = sorted(text_forms(text))
    expanded = expand_terms(q, TextVocabulary(forms))
    terms: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for leaf in positive_leaves(expanded):
        if getattr(leaf, "fieldname", None) not in TEXT_FIELDS:
            continue
        if isinstance(leaf, wq.Phrase):
            if tuple(leaf.words) not in phrases:  # one phrase is searched in several fields
                phrases.append(tuple(leaf.words))
        elif isinstance(leaf, wq.MultiTerm):
            terms.update(_matching_forms(leaf, forms))
        elif isinstance(leaf, wq.Term):
            terms.add(str(leaf.text))
    return find_marks(text, terms, phrases)
