"""Who said what, from the command line: quotes, speakers, entities, corrections, re-analysis."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

from summitreader.cli import main


def test_show_fills_quotes_and_entities_with_exact_offsets(
    samples: Path, cli_json: Callable[..., object]
) -> None:
    for row in cli_json(samples, "list"):  # type: ignore[attr-defined]
        shown = cli_json(samples, "show", str(row["id"]))
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


def test_entities_across_the_library(samples: Path, cli_json: Callable[..., object]) -> None:
    entities = cli_json(samples, "entities")
    assert isinstance(entities, list)
    by_name = {e["name"]: e for e in entities}
    assert by_name["Portugal"]["type"] in {"GPE", "LOC"}
    assert by_name["Portugal"]["articles"] >= 10
    assert sum(by_name["Portugal"]["by_source"].values()) == by_name["Portugal"]["articles"]
    people = cli_json(samples, "entities", "--type", "PERSON")
    assert isinstance(people, list) and all(e["type"] == "PERSON" for e in people)
    assert "Inês Valadão" in {e["name"] for e in people}


def test_quotes_by_speaker(samples: Path, cli_json: Callable[..., object]) -> None:
    quotes = cli_json(samples, "quotes", "--speaker", "Inês Valadão")
    assert isinstance(quotes, list) and len(quotes) >= 5
    assert {q["speaker"] for q in quotes} == {"Inês Valadão"}
    assert len({q["source"] for q in quotes}) >= 3
    assert set(quotes[0]) >= {"article_id", "title", "source", "published", "text", "kind"}


def test_a_correction_wins_over_the_model(tmp_path: Path, cli_json: Callable[..., object]) -> None:
    library = tmp_path / "library"
    article = tmp_path / "a.txt"
    article.write_text(
        "Plant inspection\n\nInspectors visited Kelderwick on Monday. Kelderwick is the valley's "
        "only pumping station, and Kelderwick will close in May, the operator said.\n",
        encoding="utf-8",
    )
    cli_json(library, "import", str(article))
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["--library", str(library), "correct", "Kelderwick", "FAC"]) == 0
    cli_json(library, "analyse", "--all")
    names = {e["name"]: e["type"] for e in cli_json(library, "entities")}  # type: ignore[attr-defined]
    assert names.get("Kelderwick") == "FAC"


def test_analyse_only_what_needs_it(samples: Path, cli_json: Callable[..., object]) -> None:
    assert cli_json(samples, "analyse") == {"analysed": []}
