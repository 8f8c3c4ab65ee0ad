"""Suggestions ("did you mean"): each unknown plain word replaced by the closest indexed word.

The replacement is shown as some article wrote it (not as its stem), in the user's own case.
"""

from __future__ import annotations

from whoosh import query as wq
from whoosh.searching import Searcher

from summitreader.index.analysis import WORD_PATTERN, normalize_word
from summitreader.index.fuzzy import Vocabulary
from summitreader.index.query_language import normalize_quotes, plain_words
from summitreader.index.schema import DEFAULT_FIELD_BOOSTS, decompress_body


def suggest(searcher: Searcher, vocabulary: Vocabulary, q: wq.Query, typed: str) -> str | None:
    """The query with each unknown plain word replaced by the closest indexed word."""
    reader = searcher.reader()
    suggestion = normalize_quotes(typed)
    changed = False
    for word in plain_words(q):
        if any(reader.doc_frequency(name, word) for name in DEFAULT_FIELD_BOOSTS):
            continue
        candidate = vocabulary.closest("body", word)
        if candidate is None:
            continue
        surface = _surface_form(searcher, candidate)
        if surface is None:
            continue
        replaced = _replace_word(suggestion, word, surface)
        if replaced != suggestion:
            suggestion, changed = replaced, True
    return suggestion if changed else None


def _surface_form(searcher: Searcher, term: str) -> str | None:
    """A word as written in some article whose indexed form is `term`."""
    postings = searcher.reader().postings("body", term)
    if not postings.is_active():
        return None
    body = decompress_body(searcher.stored_fields(postings.id()).get("body_z"))
    for match in WORD_PATTERN.finditer(body):
        if normalize_word(match.group()) == term:
            return match.group()
    return None


def _replace_word(text: str, term: str, surface: str) -> str:
    for match in WORD_PATTERN.finditer(text):
        word = match.group()
        if normalize_word(word) == term:
            shown = surface.lower() if word.islower() else surface
            return text[: match.start()] + shown + text[match.end() :]
    return text
