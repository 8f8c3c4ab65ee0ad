"""Cross-outlet coverage from the command line: compare-quotes, speakers, co-mentions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def test_compare_quotes_contract(samples: Path, cli_json: Callable[..., object]) -> None:
    result = cli_json(samples, "compare-quotes")
    assert isinstance(result, dict) and result["groups"]
    texts = {}
    for group in result["groups"]:
        assert set(group) >= {"speaker", "members"}
        assert len({m["article_id"] for m in group["members"]}) >= 2
        for m in group["members"]:
            assert set(m) >= {"article_id", "source", "published", "text", "kind", "start", "end"}
            if m["article_id"] not in texts:
                texts[m["article_id"]] = cli_json(samples, "show", str(m["article_id"]))["text"]  # type: ignore[index]
            assert texts[m["article_id"]][m["start"] : m["end"]] == m["text"]


def test_compare_quotes_for_one_speaker(samples: Path, cli_json: Callable[..., object]) -> None:
    result = cli_json(samples, "compare-quotes", "--speaker", "Valadão")
    assert isinstance(result, dict) and result["groups"]
    assert {g["speaker"] for g in result["groups"]} == {"Inês Valadão"}
    sources = {m["source"] for g in result["groups"] for m in g["members"]}
    assert len(sources) >= 3


def test_speakers_and_co_mentions(samples: Path, cli_json: Callable[..., object]) -> None:
    speakers = cli_json(samples, "speakers")
    assert isinstance(speakers, list)
    top = speakers[0]
    assert sum(top["by_source"].values()) == top["quotes"]
    together = cli_json(samples, "co-mentions", "Tagus")
    assert isinstance(together, list) and together
    assert "Tagus" not in {c["name"] for c in together}
    assert together[0]["articles"] >= together[-1]["articles"]
