"""Phrase checks against an article's text, for the body field, which is indexed without positions.

Positions would double the work of indexing the body for the sake of one query shape; instead the
words of a phrase find candidate articles through the index, and the text decides. A regular
expression finds runs of words that start like the phrase's stems (with dropped words such as
stop words between them), then each run is confirmed with the index's own word forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from summitreader.index.analysis import STOPWORDS, WORD_PATTERN, index_form

_GAP_WORDS = "|".join(sorted((re.escape(word) for word in STOPWORDS), key=len, reverse=True))
# Runs start and end where WORD_PATTERN's words do, and so do the words dropped between them, so a
# run is whole words of the text ("U.S.Army" is one word, "...press" starts one). A run found is
# then the only one from its first word, and the phrase matches exactly when the text's word
# forms hold it in a row, which is also what the body's word pairs (PairField) record.
_WORD_START = r"(?<!\w)(?<!\w\.)"
_WORD_END = r"(?!\w)(?!\.\w)"
# Between two phrase words: separators and any number of words the analyzer drops.
_GAP = rf"{_WORD_END}(?:\W+(?:{_GAP_WORDS}|\w){_WORD_END})*\W+"


@lru_cache(maxsize=256)
def _phrase_pattern(words: tuple[str, ...], ignore_case: bool) -> re.Pattern[str]:
    parts = [rf"{re.escape(word[: max(1, len(word) - 1)])}(?:\.?\w)*" for word in words]
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(_WORD_START + _GAP.join(parts) + _WORD_END, flags)


def _runs(body: str, words: list[str]) -> Iterator[re.Match[str]]:
    """Candidate runs, overlapping ones too ("right right right" holds "right right" twice)."""
    # Lowercased ASCII keeps every offset and lets the engine look for the first stem as a
    # literal, several times faster than a case-insensitive scan.
    ascii_text = body.isascii()
    pattern = _phrase_pattern(tuple(words), ignore_case=not ascii_text)
    haystack = body.lower() if ascii_text else body
    position = 0
    while (match := pattern.search(haystack, position)) is not None:
        yield match
        first_word = WORD_PATTERN.search(body, match.start())
        position = first_word.end() if first_word is not None else match.end()


def _forms(text: str) -> list[str]:
    return [form for form in map(index_form, WORD_PATTERN.findall(text)) if form is not None]


def phrase_word_spans(body: str, words: Sequence[str]) -> list[tuple[int, int]] | None:
    """Spans of the kept words of every run of `words` in `body`, in order.

    None when the text has accents that could hide a stem from the pattern: the caller must
    then compare every run of words itself.
    """
    wanted = list(words)
    spans: list[tuple[int, int]] = []
    for match in _runs(body, wanted):
        kept = [
            (match.start() + word.start(), match.start() + word.end(), form)
            for word in WORD_PATTERN.finditer(match.group())
            if (form := index_form(word.group())) is not None
        ]
        if [form for _, _, form in kept] == wanted:
            spans.extend((start, end) for start, end, _ in kept)
    if not spans and not body.isascii():
        return None
    return spans


def contains_phrase(body: str, words: Sequence[str]) -> bool:
    """Whether `body` has the indexed forms `words` in a row (dropped words may sit between)."""
    wanted = list(words)
    if not wanted:
        return True
    for match in _runs(body, wanted):
        if _forms(match.group()) == wanted:
            return True
    if body.isascii():
        return False
    # Accents can hide a stem from the pattern: compare every run of words instead.
    forms = _forms(body)
    length = len(wanted)
    return any(forms[i : i + length] == wanted for i in range(len(forms) - length + 1))
