"""The two seed articles against ../shared/acceptance/seeds_gold.json (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from summitreader.nlp import Analyser

REPO = Path(__file__).parents[3]
SHARED = REPO / ".." / "shared"
GOLD = SHARED / "acceptance" / "seeds_gold.json"


@pytest.mark.skipif(not GOLD.is_file(), reason="no shared seeds here")
@pytest.mark.parametrize("name", ["000_3f6c93968a024f8e.txt", "001_36e13bbcb7055311.txt"])
def test_seed_article_matches_the_acceptance_gold(
    analyser: Analyser, evaluation: ModuleType, name: str
) -> None:
    path = SHARED / "seeds" / name
    if not path.is_file():
        pytest.skip("seed file absent")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"][name]
    text = evaluation.seed_body(path.read_text(encoding="utf-8"))
    tally = evaluation.score_article(name, text, analyser.analyse(text), gold)
    assert tally.problems == []
    assert tally.false_quotes == 0
    assert tally.found_quotes == tally.gold_quotes


def test_seed_body_drops_page_furniture(evaluation: ModuleType) -> None:
    raw = (
        "• World\n  • Europe\n\nA Headline\n\n2 minute read\nUpdated: | Originally published: ;\n\n"
        "First body paragraph.\n\nMore Must-Reads from Somewhere\n\nWrite to A. Person at x@y.z"
    )
    assert evaluation.seed_body(raw) == "First body paragraph."
