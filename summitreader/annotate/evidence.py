"""How strongly a place in the new text looks like the place an annotation marked.

One score for every kind of candidate (the old position, an exact occurrence, an approximate
match), so they can be compared with each other and a clear winner demanded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, Protocol

from rapidfuzz.fuzz import ratio

Method = Literal["position", "exact", "fuzzy"]

TEXT_WEIGHT: Final = 0.5
"""How alike the marked text is (1.0 for an exact occurrence)."""
CONTEXT_WEIGHT: Final = 0.45
"""How alike the ~32 code points either side are: what tells repeated phrases apart."""
PROXIMITY_WEIGHT: Final = 0.05
"""Closeness to the old offsets. Kept below the required margin, so distance alone can never pick
between two copies of a passage with the same context: that would be a coin toss."""

POINT_NEARNESS: Final = 16
"""Code points within which two reading positions count as one place."""


class QuoteTarget(Protocol):
    """What re-anchoring needs from an annotation (an Annotation satisfies it)."""

    @property
    def exact(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def suffix(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    method: Method
    score: float

    def overlaps(self, other: Candidate) -> bool:
        """Same place: overlapping spans, or points a few code points apart (text inserted at a
        reading position leaves its prefix and suffix that far apart: one place, not two)."""
        if self.start == self.end and other.start == other.end:
            return abs(self.start - other.start) <= POINT_NEARNESS
        if self.start == self.end:
            return other.start <= self.start <= other.end
        if other.start == other.end:
            return self.start <= other.start <= self.end
        return self.start < other.end and other.start < self.end


def context_similarity(target: QuoteTarget, text: str, start: int, end: int) -> float:
    """0..1: stored prefix/suffix against the same number of code points around start..end."""
    total = 0.0
    weight = 0
    if target.prefix:
        before = text[max(0, start - len(target.prefix)) : start]
        total += len(target.prefix) * ratio(target.prefix, before) / 100
        weight += len(target.prefix)
    if target.suffix:
        after = text[end : end + len(target.suffix)]
        total += len(target.suffix) * ratio(target.suffix, after) / 100
        weight += len(target.suffix)
    return total / weight if weight else 1.0


def proximity(target: QuoteTarget, text: str, start: int) -> float:
    """1.0 at the old offset, falling to 0.0 a whole text's length away."""
    return 1.0 - min(1.0, abs(start - target.start) / max(len(text), 1))


def score_candidate(
    target: QuoteTarget, text: str, start: int, end: int, method: Method, text_similarity: float
) -> Candidate:
    score = (
        TEXT_WEIGHT * text_similarity
        + CONTEXT_WEIGHT * context_similarity(target, text, start, end)
        + PROXIMITY_WEIGHT * proximity(target, text, start)
    )
    return Candidate(start, end, method, score)


def best_and_runner_up(candidates: list[Candidate]) -> tuple[Candidate | None, Candidate | None]:
    """The best candidate and the best one at a *different* place (None where there is none)."""
    if not candidates:
        return None, None
    best = max(candidates, key=lambda c: c.score)
    others = [c for c in candidates if not c.overlaps(best)]
    return best, (max(others, key=lambda c: c.score) if others else None)


def occurrences(text: str, needle: str, limit: int | None = None) -> list[int]:
    """Every start of `needle` in `text`, overlapping ones included; none for an empty needle."""
    hits: list[int] = []
    if not needle:
        return hits
    at = text.find(needle)
    while at != -1 and (limit is None or len(hits) < limit):
        hits.append(at)
        at = text.find(needle, at + 1)
    return hits
