"""Quote recall, precision and speaker accuracy over every gold set that is available."""

from __future__ import annotations

from types import ModuleType

import pytest

from summitreader.nlp import Analyser


def _check(evaluation: ModuleType, analyser: Analyser, names: set[str]) -> None:
    results = evaluation.evaluate(analyser)
    summary = "\n".join(evaluation.format_tally(n, t) for n, t in results.items())
    chosen = [t for n, t in results.items() if n in names]
    if not chosen:
        pytest.skip(f"none of the gold sets {sorted(names)} is available")
    for tally in chosen:
        assert tally.gold_quotes > 0, summary
        assert tally.quote_recall >= 0.95, summary
        assert tally.false_quotes == 0, summary
        assert tally.speaker_accuracy >= 0.90, summary


def test_gold_thresholds_on_seeds_and_fixtures(analyser: Analyser, evaluation: ModuleType) -> None:
    _check(evaluation, analyser, {"seeds", "fixtures"})


def test_gold_thresholds_on_samples(analyser: Analyser, evaluation: ModuleType) -> None:
    _check(evaluation, analyser, {"samples"})
