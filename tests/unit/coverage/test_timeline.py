"""Coverage per day and the speaker-by-outlet grid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from summitreader.coverage import coverage_by_day, speaker_outlet_grid


@dataclass(frozen=True)
class Row:
    published: str | None
    source: str | None


@dataclass(frozen=True)
class Said:
    speaker: str | None
    source: str | None


def test_days_are_continuous_and_outlets_stack_by_size() -> None:
    rows = [
        Row("2025-03-02T21:00:00-05:00", "HORIZON"),
        Row("2025-03-03", "NWS"),
        Row("2025-03-05", "NWS"),
        Row("2025-03-05", "NWS"),
        Row("2025-03-05", "Courier"),
        Row(None, "Watershed"),
        Row("not a date", "Courier"),
    ]
    timeline = coverage_by_day(rows)
    assert timeline.days == [date(2025, 3, d) for d in (2, 3, 4, 5)]
    assert timeline.outlets == ["NWS", "Courier", "HORIZON", "Watershed"]
    assert timeline.counts == {
        "NWS": [0, 1, 0, 2],
        "Courier": [0, 0, 0, 1],
        "HORIZON": [1, 0, 0, 0],
        "Watershed": [0, 0, 0, 0],
    }
    assert timeline.undated == {"Courier": 1, "Watershed": 1}


def test_unknown_source_and_empty_input() -> None:
    timeline = coverage_by_day([Row(None, None)])
    assert (timeline.days, timeline.outlets, timeline.undated) == (
        [],
        ["(unknown)"],
        {"(unknown)": 1},
    )
    empty = coverage_by_day([])
    assert (empty.days, empty.outlets, empty.counts, empty.undated) == ([], [], {}, {})


def test_grid_orders_by_quotes_and_skips_unattributed() -> None:
    quotes = [
        Said("Tomás Ibáñez", "NWS"),
        Said("Tomás Ibáñez", "NWS"),
        Said("Tomás Ibáñez", "Ledger"),
        Said("Inês Valadão", "Ledger"),
        Said("Inês Valadão", "Courier"),
        Said("Beatriz Lobo", None),
        Said(None, "NWS"),
    ]
    grid = speaker_outlet_grid(quotes)
    assert grid.speakers == ["Tomás Ibáñez", "Inês Valadão", "Beatriz Lobo"]
    assert grid.outlets == ["Ledger", "NWS", "(unknown)", "Courier"]
    assert grid.counts == [[1, 2, 0, 0], [1, 0, 0, 1], [0, 0, 1, 0]]


def test_grid_limits() -> None:
    quotes = [Said("A", "X")] * 3 + [Said("B", "Y")] * 2 + [Said("C", "Z")]
    grid = speaker_outlet_grid(quotes, top_speakers=2, top_outlets=1)
    assert grid.speakers == ["A", "B"]
    assert grid.outlets == ["X"]
    assert grid.counts == [[3], [0]]
