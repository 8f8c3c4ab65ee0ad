"""Who said what, from the command line: quotes, speakers, entities, corrections, re-analysis."""

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


def test_show_fills_quotes_and_entities_with_exact_offsets(samples: Path) -> None:
    for row in run_json(samples, "list"):  # type: ignore[attr-defined]
        shown = run_json(samples, "show", str(row["id"]))
        assert isinstance(shown, dict)
        text = shown["text"]
        assert shown["quotes"], row["title"]
        for q in shown["quotes"]:
            assert set(q) >= {"text", "speaker", "kind", "start", "end", "cue"}
            assert text[q["start"] : q["end"]] == q["text"]
            assert q["kind"] in {"speech", "fragment", "scare"}
        for e in shown["entities"]:
            assert set(e) >= {"name", "type", "mentions"}
            for m in e["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]
                assert "\n" not in m["text"]


def test_entities_across_the_library(samples: Path) -> None:
    entities = run_json(samples, "entities")
    assert isinstance(entities, list)
    by_name = {e["name"]: e for e in entities}
    assert by_name["Portugal"]["type"] in {"GPE", "LOC"}
    assert by_name["Portugal"]["articles"] >= 10
    assert sum(by_name["Portugal"]["by_source"].values()) == by_name["Portugal"]["articles"]
    people = run_json(samples, "entities", "--type", "PERSON")
    assert isinstance(people, list) and all(e["type"] == "PERSON" for e in people)
    assert "Inês Valadão" in {e["name"] for e in people}


def test_quotes_by_speaker(samples: Path) -> None:
    quotes = run_json(samples, "quotes", "--speaker", "Inês Valadão")
    assert isinstance(quotes, list) and len(quotes) >= 5
    assert {q["speaker"] for q in quotes} == {"Inês Valadão"}
    assert len({q["source"] for q in quotes}) >= 3
    assert set(quotes[0]) >= {"article_id", "title", "source", "published", "text", "kind"}


def test_a_correction_wins_over_the_model(tmp_path: Path) -> None:
    library = tmp_path / "library"
    article = tmp_path / "a.txt"
    article.write_text(
        "Plant inspection\n\nInspectors visited Kelderwick on Monday. Kelderwick is the valley's "
        "only pumping station, and Kelderwick will close in May, the operator said.\n",
        encoding="utf-8",
    )
    run_json(library, "import", str(article))
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--library", str(library), "correct", "Kelderwick", "FAC"]) == 0
    run_json(library, "analyse", "--all")
    names = {e["name"]: e["type"] for e in run_json(library, "entities")}  # type: ignore[attr-defined]
    assert names.get("Kelderwick") == "FAC"


def test_analyse_only_what_needs_it(samples: Path) -> None:
    assert run_json(samples, "analyse") == {"analysed": []}
