"""Grouping on the sample library against tests/gold/samples_groups.json.

Quote extraction and attribution on the samples change on their own schedule; recall is asserted
over the gold members whose quote was extracted with the gold speaker (or none), and reported over
every member and over every extracted member.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from summitreader.coverage import DEFAULT_THRESHOLD, group_remarks


@pytest.fixture(scope="module")
def evaluation() -> ModuleType:
    """tests/benchmarks/eval_groups.py, loaded by path (the tests folders are not packages)."""
    path = Path(__file__).parents[2] / "benchmarks" / "eval_groups.py"
    spec = importlib.util.spec_from_file_location("eval_groups", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample(evaluation: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Any:
    return evaluation.load_sample_quotes(tmp_path_factory.mktemp("samples") / "library")


def test_default_threshold_meets_the_gold_bar(evaluation: ModuleType, sample: Any) -> None:
    gold = evaluation.match_gold(sample)
    scores = evaluation.score(sample, gold, DEFAULT_THRESHOLD)
    print(
        f"precision {scores.precision:.3f}, recall {scores.recall:.3f} (all gold members), "
        f"{scores.recall_extracted:.3f} (extracted), {scores.recall_attributed:.3f} (right speaker)"
    )
    assert scores.predicted_pairs > 0
    assert scores.precision >= 0.9
    assert scores.recall_attributed >= 0.8


def test_most_gold_members_are_extracted(evaluation: ModuleType, sample: Any) -> None:
    gold = evaluation.match_gold(sample)
    found = sum(1 for _, index in gold.members if index is not None)
    assert found >= 0.8 * len(gold.members)


def test_scare_term_repeated_everywhere_is_not_a_remark(sample: Any) -> None:
    groups = group_remarks(sample.quotes)
    assert not any(
        "water bank" in g.representative.lower() and len(g.representative.split()) <= 3
        for g in groups
    )
