"""Cross-outlet coverage from the command line: compare-quotes, speakers, co-mentions."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from summitreader.cli import main


def run_json(library: Path, *args: str) -> object:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["--library", str(library), *args, "--json"])
    assert status == 0
    return json.loads(out.getvalue())


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    library = tmp_path_factory.mktemp("samples") / "library"
    run_json(library, "import", "--samples")
    return library


def test_compare_quotes_contract(samples: Path) -> None:
    result = run_json(samples, "compare-quotes")
    assert isinstance(result, dict) and result["groups"]
    texts = {}
    for group in result["groups"]:
        assert set(group) >= {"speaker", "members"}
        assert len({m["article_id"] for m in group["members"]}) >= 2
        for m in group["members"]:
            assert set(m) >= {"article_id", "source", "published", "text", "kind", "start", "end"}
            if m["article_id"] not in texts:
                texts[m["article_id"]] = run_json(samples, "show", str(m["article_id"]))["text"]  # type: ignore[index]
            assert texts[m["article_id"]][m["start"] : m["end"]] == m["text"]


def test_compare_quotes_for_one_speaker(samples: Path) -> None:
    result = run_json(samples, "compare-quotes", "--speaker", "Valadão")
    assert isinstance(result, dict) and result["groups"]
    assert {g["speaker"] for g in result["groups"]} == {"Inês Valadão"}
    sources = {m["source"] for g in result["groups"] for m in g["members"]}
    assert len(sources) >= 3


def test_speakers_and_co_mentions(samples: Path) -> None:
    speakers = run_json(samples, "speakers")
    assert isinstance(speakers, list)
    top = speakers[0]
    assert sum(top["by_source"].values()) == top["quotes"]
    together = run_json(samples, "co-mentions", "Tagus")
    assert isinstance(together, list) and together
    assert "Tagus" not in {c["name"] for c in together}
    assert together[0]["articles"] >= together[-1]["articles"]
