"""The best-matching passage of an article, HTML-escaped, matched words wrapped in <mark>.

Marks come from the same word pattern and normalization the index uses (see analysis.py), so a
stemmed, fuzzy or prefix hit is marked exactly where the index found it; a phrase is marked only
where its words occur in a row, not wherever one of them appears.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from summitreader.index.analysis import WORD_PATTERN, index_form
from summitreader.index.phrases import phrase_word_spans

SNIPPET_CHARS = 200
ELLIPSIS = "\u2026"
_SENTENCE_START = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019)]))\s+|\n\s*")
# How far a window may stretch to end on a sentence boundary instead of mid-sentence.
_SENTENCE_SLACK = 40
_LEAD_IN = 60


def _tokens(body: str) -> list[tuple[int, int, str]]:
    """(start, end, normalized) for every word the index keeps, in order."""
    kept: list[tuple[int, int, str]] = []
    for match in WORD_PATTERN.finditer(body):
        form = index_form(match.group())
        if form is not None:
            kept.append((match.start(), match.end(), form))
    return kept


def text_forms(body: str) -> set[str]:
    """Every indexed form of the words of `body`."""
    return {form for _, _, form in _tokens(body)}


def find_marks(
    body: str, terms: Collection[str], phrases: Sequence[Sequence[str]] = ()
) -> list[tuple[int, int]]:
    """Spans of `body` to mark: words whose normalized form is in `terms`, and phrase runs."""
    if not terms and not phrases:
        return []
    if not phrases:
        return _term_marks(body, terms)
    marked = _term_marks(body, terms) if terms else []
    for phrase in phrases:
        found = phrase_word_spans(body, phrase) if phrase else []
        if found is None:
            return _marks_by_tokens(body, terms, phrases)
        marked.extend(found)
    return _joined(body, sorted(set(marked)))


def _marks_by_tokens(
    body: str, terms: Collection[str], phrases: Sequence[Sequence[str]]
) -> list[tuple[int, int]]:
    """Every word compared with the phrases: slow, for texts whose accents defeat the pattern."""
    tokens = _tokens(body)
    marked = [norm in terms for _, _, norm in tokens]
    for phrase in phrases:
        length = len(phrase)
        if not length:
            continue
        first = phrase[0]
        for i in range(len(tokens) - length + 1):
            if tokens[i][2] == first and all(
                tokens[i + k][2] == phrase[k] for k in range(1, length)
            ):
                for k in range(length):
                    marked[i + k] = True
    words = [(start, end) for (start, end, _), hit in zip(tokens, marked, strict=True) if hit]
    return _joined(body, words)


def _joined(body: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted word spans, those separated only by a space joined into one mark."""
    spans: list[tuple[int, int]] = []
    for start, end in words:
        if spans and start < spans[-1][1]:
            continue  # the same word marked twice
        if spans and _only_space_between(body, spans[-1][1], start):
            spans[-1] = (spans[-1][0], end)  # one <mark> around a whole matched phrase
        else:
            spans.append((start, end))
    return spans


def _term_marks(body: str, terms: Collection[str]) -> list[tuple[int, int]]:
    """Fast path without phrases: let the regex engine find candidate words, then verify them.

    A word's stem nearly always starts with the word's first letters, so words beginning with
    a term's first letters are the candidates; a body where accents hide them gets a full scan.
    """
    candidates = _candidate_pattern(frozenset(terms)).finditer(body)
    spans = [m.span() for m in candidates if index_form(m.group()) in terms]
    if spans:
        return spans
    hits = {word for word in set(WORD_PATTERN.findall(body)) if index_form(word) in terms}
    if not hits:
        return []
    return [match.span() for match in WORD_PATTERN.finditer(body) if match.group() in hits]


@lru_cache(maxsize=256)
def _candidate_pattern(terms: frozenset[str]) -> re.Pattern[str]:
    heads = sorted({term[: max(2, len(term) - 1)] for term in terms if term}, key=len)
    alternatives = "|".join(re.escape(head) for head in heads) or "(?!)"
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?:\.?\w)*", re.IGNORECASE)


def _only_space_between(body: str, end: int, start: int) -> bool:
    return start - end <= 1 and not body[end:start].strip()


def _sentence_starts(body: str, begin: int = 0, end: int | None = None) -> list[int]:
    """Sentence starts in body[begin:end] (0 always counts), without scanning the rest."""
    stop = len(body) if end is None else end
    found = [match.end() for match in _SENTENCE_START.finditer(body, begin, stop)]
    return [0, *found] if begin == 0 else found


def _best_start(body: str, marks: list[tuple[int, int]], width: int) -> int:
    """The sentence start whose window holds the most different marked words."""
    best_start, best_score = 0, -1
    first, last = marks[0][0], marks[-1][1]
    for start in [0, *_sentence_starts(body, max(0, first - width - 1), last + 1)]:
        if start > last or start + width < first:
            continue
        inside = [body[a:b].lower() for a, b in marks if start <= a and b <= start + width]
        score = len(set(inside)) * 100 + len(inside)
        if score > best_score:
            best_start, best_score = start, score
    first_mark = next((a for a, _ in marks if a >= best_start), None)
    if first_mark is not None and first_mark - best_start > width - _LEAD_IN:
        # The mark sits deep in a long sentence: start a little before it, at a word.
        cut = body.rfind(" ", best_start, max(best_start, first_mark - _LEAD_IN))
        best_start = cut + 1 if cut >= 0 else best_start
    return best_start


def _window_end(body: str, start: int, width: int, marks: list[tuple[int, int]]) -> int:
    limit = start + width
    if limit >= len(body):
        return len(body)
    for boundary in _sentence_starts(body[limit - width // 4 : limit + _SENTENCE_SLACK]):
        if boundary:
            return limit - width // 4 + boundary
    cut = body.rfind(" ", start, limit)
    end = cut if cut > start else limit
    for a, b in marks:
        if a < end < b:
            return b
    return end


def make_snippet(
    body: str,
    terms: Collection[str] = (),
    phrases: Sequence[Sequence[str]] = (),
    width: int = SNIPPET_CHARS,
) -> str:
    """About `width` characters of the best passage as safe HTML; the lead when nothing matches."""
    marks = find_marks(body, terms, phrases)
    start = _best_start(body, marks, width) if marks else 0
    end = _window_end(body, start, width, marks)
    parts: list[str] = [ELLIPSIS] if start > 0 else []
    cursor = start
    for a, b in marks:
        if b <= start or a >= end:
            continue
        parts.append(html.escape(body[cursor:a]))
        parts.append(f"<mark>{html.escape(body[a:b])}</mark>")
        cursor = b
    parts.append(html.escape(body[cursor:end]))
    text = " ".join("".join(parts).split())
    return text + ELLIPSIS if end < len(body.rstrip()) else text
