"""Data for "story at a glance": who covered the story on which day, who quoted whom.

Plain counts in chart order, so the window only draws. Days are the calendar date the outlet
printed (the first ten characters of the ISO date), not converted to another zone: a story
filed late on 2 March in New York belongs to 2 March for its readers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

UNKNOWN_SOURCE = "(unknown)"


class DatedRow(Protocol):
    """An article as the timeline needs it (core.models.ArticleSummary fits)."""

    @property
    def published(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...


class AttributedRow(Protocol):
    """A quote as the grid needs it (store.analysis.LibraryQuote fits)."""

    @property
    def speaker(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class CoverageTimeline:
    """Articles per outlet per day; every day from the first to the last, quiet days as 0.

    `counts[outlet][i]` is that outlet's articles on `days[i]`; outlets are in stacking order
    (most articles first). Undated articles are not on the axis; `undated` counts them.
    """

    days: list[date]
    outlets: list[str]
    counts: dict[str, list[int]]
    undated: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SpeakerGrid:
    """Quotes per speaker (rows, most quoted first) per outlet (columns, most quotes first)."""

    speakers: list[str]
    outlets: list[str]
    counts: list[list[int]]


def published_day(published: str | None) -> date | None:
    """The calendar day an ISO date or timestamp names, or None when it names none."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def coverage_by_day(rows: Iterable[DatedRow]) -> CoverageTimeline:
    per_day: dict[str, Counter[date]] = defaultdict(Counter)
    undated: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for row in rows:
        outlet = row.source or UNKNOWN_SOURCE
        totals[outlet] += 1
        day = published_day(row.published)
        if day is None:
            undated[outlet] += 1
        else:
            per_day[outlet][day] += 1
    outlets = _by_count(totals)
    dated = [day for counter in per_day.values() for day in counter]
    if not dated:
        return CoverageTimeline([], outlets, {o: [] for o in outlets}, dict(undated))
    first, last = min(dated), max(dated)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    counts = {outlet: [per_day[outlet][day] for day in days] for outlet in outlets}
    return CoverageTimeline(days, outlets, counts, {o: undated[o] for o in outlets if undated[o]})


def speaker_outlet_grid(
    quotes: Iterable[AttributedRow],
    *,
    top_speakers: int | None = None,
    top_outlets: int | None = None,
) -> SpeakerGrid:
    """Who is quoted by whom; quotes without a speaker (scare quotes) are left out.

    With limits, the most quoted speakers are kept first and the outlets ranked on their quotes.
    """
    cells: Counter[tuple[str, str]] = Counter()
    for quote in quotes:
        if quote.speaker:
            cells[(quote.speaker, quote.source or UNKNOWN_SOURCE)] += 1
    speaker_totals: Counter[str] = Counter()
    for (speaker, _), count in cells.items():
        speaker_totals[speaker] += count
    speakers = _by_count(speaker_totals)[:top_speakers]
    kept = set(speakers)
    outlet_totals: Counter[str] = Counter()
    for (speaker, outlet), count in cells.items():
        if speaker in kept:
            outlet_totals[outlet] += count
    outlets = _by_count(outlet_totals)[:top_outlets]
    counts = [[cells[(speaker, outlet)] for outlet in outlets] for speaker in speakers]
    return SpeakerGrid(speakers, outlets, counts)


def _by_count(counter: Counter[str]) -> list[str]:
    """Keys, largest count first, ties alphabetical (stable colours and rows between runs)."""
    return sorted(counter, key=lambda key: (-counter[key], key))
