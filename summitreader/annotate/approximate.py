"""Places where an annotation's text survives with small edits (a word corrected inside it).

rapidfuzz aligns the old text against a few regions of the new one: the whole text (best and
second-best place), around the old offsets, and just after/before where the old prefix/suffix
still occur. Each alignment's ends are then nudged to where the match is closest, because an
alignment window is as long as the old text while the edited passage may be a little longer or
shorter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from rapidfuzz.fuzz import partial_ratio_alignment, ratio

from summitreader.annotate.evidence import Candidate, QuoteTarget, occurrences, score_candidate

MIN_SIMILARITY: Final = 0.8
"""Below this the passage was rewritten rather than corrected: one changed word in a short
highlight scores about 0.85-0.95, a reworded sentence well under 0.8 (see the tests)."""
PROBE_LENGTH: Final = 16
"""Code points of prefix/suffix searched for exactly: the half of the context nearest the span."""
MAX_PROBE_HITS: Final = 20
"""Per probe: wire copy may repeat a phrase, but a probe found more often than this says little."""
_PRESCREEN: Final = MIN_SIMILARITY * 100 - 10
_PIECE: Final = 64
_MIN_SLACK: Final = 16
_MAX_SLACK: Final = 64


def approximate_candidates(target: QuoteTarget, text: str) -> list[Candidate]:
    """Scored fuzzy candidates, one per distinct span, each at least MIN_SIMILARITY alike."""
    exact = target.exact
    if not exact or not text:
        return []
    raw_spans = set(_between_context(target, text))
    for lo, hi in _regions(target, text):
        raw_spans.update(_aligned(exact, text, lo, hi))
    refined: dict[tuple[int, int], float] = {}
    for start, end in raw_spans:
        new_start, new_end, similarity = _refined(target, text, start, end)
        refined[(new_start, new_end)] = similarity
    return [
        score_candidate(target, text, start, end, "fuzzy", similarity)
        for (start, end), similarity in refined.items()
        if similarity >= MIN_SIMILARITY
    ]


def _regions(target: QuoteTarget, text: str) -> list[tuple[int, int]]:
    length = len(target.exact)
    reach = length + length // 2 + PROBE_LENGTH
    regions = [(max(0, target.start - reach), min(len(text), target.end + reach))]
    for best in _aligned(target.exact, text, 0, len(text)):
        regions += [(0, best[0]), (best[1], len(text)), best]
    prefix_probe = target.prefix[-PROBE_LENGTH:]
    if prefix_probe:
        for hit in occurrences(text, prefix_probe, MAX_PROBE_HITS):
            after = hit + len(prefix_probe)
            regions.append((after, min(len(text), after + reach)))
    else:
        regions.append((0, min(len(text), reach)))  # the span began the text
    suffix_probe = target.suffix[:PROBE_LENGTH]
    if suffix_probe:
        for hit in occurrences(text, suffix_probe, MAX_PROBE_HITS):
            regions.append((max(0, hit - reach), hit))
    else:
        regions.append((max(0, len(text) - reach), len(text)))  # the span ended the text
    return regions


def _between_context(target: QuoteTarget, text: str) -> list[tuple[int, int]]:
    """Spans between an intact prefix probe and the nearest intact suffix probe after it: where
    the context survived, the edited passage is exactly what lies between."""
    prefix_probe = target.prefix[-PROBE_LENGTH:]
    suffix_probe = target.suffix[:PROBE_LENGTH]
    if prefix_probe:
        starts = [at + len(prefix_probe) for at in occurrences(text, prefix_probe, MAX_PROBE_HITS)]
    else:
        starts = [0]
    ends = occurrences(text, suffix_probe, MAX_PROBE_HITS) if suffix_probe else [len(text)]
    length = len(target.exact)
    spans = []
    for start in starts:
        end = next((end for end in ends if end >= start + (length + 1) // 2), None)
        if end is not None and end - start <= 2 * length + PROBE_LENGTH:
            spans.append((start, end))
    return spans


def _aligned(exact: str, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Windows of text[lo:hi] most like `exact` that are worth refining.

    rapidfuzz is fast for needles of up to 64 code points; a longer highlight is located by its
    head and its tail instead (either may hold the edit), which keeps a long passage in a long
    article well within budget.
    """
    if hi - lo < max(1, len(exact) // 2):
        return []
    if hi - lo <= len(exact):
        spans = [(lo, hi)]
    elif len(exact) <= _PIECE:
        found = partial_ratio_alignment(exact, text[lo:hi], score_cutoff=_PRESCREEN)
        spans = [] if found is None else [(lo + found.dest_start, lo + found.dest_end)]
    else:
        spans = _aligned_by_ends(exact, text, lo, hi)
    return [span for span in spans if ratio(exact, text[span[0] : span[1]]) >= _PRESCREEN]


def _aligned_by_ends(exact: str, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    region = text[lo:hi]
    head = partial_ratio_alignment(exact[:_PIECE], region, score_cutoff=_PRESCREEN)
    tail = partial_ratio_alignment(exact[-_PIECE:], region, score_cutoff=_PRESCREEN)
    spans = []
    start = end = None
    if head is not None:
        start = lo + head.dest_start - head.src_start
        spans.append((max(0, start), min(len(text), start + len(exact))))
    if tail is not None:
        end = lo + tail.dest_end + (_PIECE - tail.src_end)
        spans.append((max(0, end - len(exact)), min(len(text), end)))
    if start is not None and end is not None and len(exact) // 2 <= end - start <= 2 * len(exact):
        spans.append((max(0, start), min(len(text), end)))
    return [(start, end) for start, end in spans if start < end]


def _refined(target: QuoteTarget, text: str, start: int, end: int) -> tuple[int, int, float]:
    """Move each end a little to where both the text inside and the context outside match best.

    Text alone would shave a few code points off an end to drop a word inserted next to it;
    the stored prefix/suffix pin the ends back. A long highlight's start is judged on its first
    64 code points and its end on its last 64: the middle does not depend on where the ends are.
    """
    exact, prefix, suffix = target.exact, target.prefix, target.suffix
    slack = min(_MAX_SLACK, max(_MIN_SLACK, len(exact) // 4))
    long = len(exact) > 2 * _PIECE
    head = exact[:_PIECE] if long else exact
    head_stop = start + _PIECE if long else end
    best_start = _best(
        start,
        range(max(0, start - slack), min(head_stop - 1, start + slack) + 1),
        lambda at: (
            ratio(head, text[at:head_stop])
            + (ratio(prefix, text[max(0, at - len(prefix)) : at]) if prefix else 0.0)
        ),
    )
    tail = exact[-_PIECE:] if long else exact
    tail_from = end - _PIECE if long else best_start
    best_end = _best(
        end,
        range(max(tail_from, best_start) + 1, min(len(text), end + slack) + 1),
        lambda at: (
            ratio(tail, text[tail_from:at])
            + (ratio(suffix, text[at : at + len(suffix)]) if suffix else 0.0)
        ),
    )
    return best_start, best_end, ratio(exact, text[best_start:best_end]) / 100


def _best(origin: int, choices: range, score: Callable[[int], float]) -> int:
    """The choice with the highest score; the one nearest `origin` among equals."""
    best, best_score = origin, -1.0
    for choice in sorted(choices, key=lambda n: abs(n - origin)):
        value = score(choice)
        if value > best_score:
            best, best_score = choice, value
    return best
