"""Find an annotation again after its article's text changed (a re-import, a corrected copy).

Order: (a) the old position, if the text there still equals `exact` and the context agrees;
(b) every exact occurrence, scored by context and distance; (c) approximate matches for text that
was edited slightly. A place is accepted only with a minimum score *and* a clear margin over the
best place elsewhere: wire copy repeats paragraphs, and guessing between two identical copies
would silently move a journalist's note. Otherwise the annotation is an orphan: kept and listed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from summitreader.annotate.approximate import PROBE_LENGTH, approximate_candidates
from summitreader.annotate.evidence import (
    Candidate,
    Method,
    QuoteTarget,
    best_and_runner_up,
    occurrences,
    score_candidate,
)
from summitreader.annotate.model import Annotation, quote_context

MIN_SCORE: Final = 0.75
"""An exact occurrence passes with about half its context intact; an approximate match needs
nearly all of it (0.5 * text + 0.45 * context + 0.05 * proximity)."""
MARGIN: Final = 0.1
"""Over the best candidate elsewhere. Larger than PROXIMITY_WEIGHT, so two copies that differ
only in where they stand are never told apart by distance: that is an orphan, not a coin toss."""
POINT_MIN_SCORE: Final = 0.9
"""A reading-position bookmark has no text of its own, only context: demand most of it."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation now stands in the new text.

    `method` None means orphan: then start/end are only the old span clipped to the new text
    (always inside it), not a place to draw.
    """

    start: int
    end: int
    method: Method | None
    score: float

    @property
    def is_orphan(self) -> bool:
        return self.method is None


def reanchor(target: QuoteTarget, new_text: str) -> Anchor:
    """Locate an annotation (anything with exact/prefix/suffix/start/end) in `new_text`."""
    if not target.exact:
        return _reanchor_point(target, new_text)
    if new_text[target.start : target.end] == target.exact:
        here = score_candidate(target, new_text, target.start, target.end, "position", 1.0)
        if here.score >= MIN_SCORE:
            return _found(here)
    exact = [
        score_candidate(target, new_text, at, at + len(target.exact), "exact", 1.0)
        for at in occurrences(new_text, target.exact)
    ]
    if exact:
        decided = _decisive(exact, MIN_SCORE)
        if decided is None and len(exact) == 1:
            decided = exact[0]  # the marked words still occur exactly once: that outweighs context
        if decided is not None:
            return _found(decided)
        return _orphan(target, new_text, best_and_runner_up(exact)[0])
    # Only when the words occur nowhere: an approximate match (a word corrected inside them).
    approximate = approximate_candidates(target, new_text)
    decided = _decisive(approximate, MIN_SCORE)
    if decided is not None:
        return _found(decided)
    return _orphan(target, new_text, best_and_runner_up(approximate)[0])


def reanchored(
    annotation: Annotation, anchor: Anchor, new_text: str, content_hash: str
) -> Annotation:
    """The annotation moved onto the new version of its article, or marked as an orphan.

    An orphan keeps its old selectors and content hash, so it can be tried again against a later
    version. `modified` is left alone: re-anchoring is not the user's edit.
    """
    if anchor.is_orphan:
        return replace(annotation, orphan=True)
    prefix, exact, suffix = quote_context(new_text, anchor.start, anchor.end)
    return replace(
        annotation,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        start=anchor.start,
        end=anchor.end,
        content_hash=content_hash,
        orphan=False,
    )


def _reanchor_point(target: QuoteTarget, text: str) -> Anchor:
    """A reading position: only the context either side can say where it was."""
    prefix_probe = target.prefix[-PROBE_LENGTH:]
    suffix_probe = target.suffix[:PROBE_LENGTH]
    # Only points where a probe matches exactly: a point a few code points off the right one has
    # a context almost as alike, and would pass for a rival place.
    points: set[int] = set()
    points.update(at + len(prefix_probe) for at in occurrences(text, prefix_probe, limit=20))
    points.update(occurrences(text, suffix_probe, limit=20))
    if not prefix_probe:
        points.add(0)  # it stood at the very start
    if not suffix_probe:
        points.add(len(text))  # it stood at the very end
    candidates = []
    for point in sorted(points):
        intact = text[:point].endswith(prefix_probe) and text[point:].startswith(suffix_probe)
        method: Method = "fuzzy"
        if intact:
            method = "position" if point == target.start else "exact"
        candidates.append(score_candidate(target, text, point, point, method, 1.0))
    decided = _decisive(candidates, POINT_MIN_SCORE)
    if decided is not None:
        return _found(decided)
    return _orphan(target, text, best_and_runner_up(candidates)[0])


def _decisive(candidates: list[Candidate], minimum: float) -> Candidate | None:
    best, runner_up = best_and_runner_up(candidates)
    if best is None or best.score < minimum:
        return None
    if runner_up is not None and best.score - runner_up.score < MARGIN:
        return None
    return best


def _found(candidate: Candidate) -> Anchor:
    return Anchor(candidate.start, candidate.end, candidate.method, round(candidate.score, 4))


def _orphan(target: QuoteTarget, text: str, best: Candidate | None) -> Anchor:
    start = min(target.start, len(text))
    end = min(target.end, len(text))
    return Anchor(start, end, None, round(best.score, 4) if best else 0.0)
