"""Every query form from the command line, on the sample library, and index repair after a kill."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from summitreader.cli import main


def run(library: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--library", str(library), *args])
    return status, out.getvalue(), err.getvalue()


def search(library: Path, *args: str) -> dict[str, object]:
    status, out, err = run(library, "search", "--json", *args)
    assert status == 0, err
    result = json.loads(out)
    assert isinstance(result, dict)
    return result


def titles(result: dict[str, object]) -> list[str]:
    return [str(h["title"]) for h in result["hits"]]  # type: ignore[index, union-attr]


@pytest.mark.parametrize(
    ("query", "at_least"),
    [
        ("walk", 3),  # stemmed: walked, walks, walkout
        ('"drought clause"', 5),  # phrase
        ("“drought clause”", 5),  # curly quotes
        ("reservoir AND Cedillo", 1),
        ("Cedillo OR Santarém", 2),
        ("(Cedillo OR Santarém) AND floor", 1),
        ("drought NOT Cedillo", 1),
        ("drought -Cedillo", 1),
        ("source:NWS", 5),
        ('source:"The Lisbon Courier"', 3),
        ("title:Tagus", 3),
        ("dateline:Lisbon", 3),
        ('speaker:"Inês Valadão"', 3),
        ("entity:Portugal", 5),
        ("published:2025-03", 10),
        ("published:2025-03-06", 2),
        ("published:[2025-03-01 to 2025-03-05]", 3),
        ("Cedilo~", 1),  # fuzzy
        ("negotiat*", 3),  # prefix
        ("RESERVOIR", 1),  # case does not matter
    ],
)
def test_query_forms(samples: Path, query: str, at_least: int) -> None:
    result = search(samples, query)
    assert isinstance(result["total"], int) and result["total"] >= at_least, (query, result)
    assert set(result) >= {"query", "total", "facets", "suggestion", "hits"}
    for hit in result["hits"]:  # type: ignore[union-attr]
        assert set(hit) >= {"id", "title", "source", "published", "score", "snippet"}  # type: ignore[arg-type]


def test_not_excludes(samples: Path) -> None:
    everything = search(samples, "drought", "--limit", "50")
    without = search(samples, "drought NOT Cedillo", "--limit", "50")
    assert without["total"] < everything["total"]  # type: ignore[operator]


def test_snippets_mark_the_hits_and_facets_count_outlets(samples: Path) -> None:
    result = search(samples, "reservoir")
    assert all("<mark>" in str(h["snippet"]) for h in result["hits"])  # type: ignore[union-attr]
    facets = result["facets"]
    assert isinstance(facets, dict) and sum(facets["source"].values()) == result["total"]


def test_sort_by_date_and_paging(samples: Path) -> None:
    first = search(samples, "Tagus", "--sort", "date", "--limit", "3")
    dates = [h["published"] or "" for h in first["hits"]]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True)
    second = search(samples, "Tagus", "--sort", "date", "--limit", "3", "--offset", "3")
    assert not set(titles(first)) & set(titles(second))


def test_did_you_mean(samples: Path) -> None:
    assert str(search(samples, "resevoir")["suggestion"]).startswith("reservoir")
    assert search(samples, "reservoir")["suggestion"] is None


@pytest.mark.parametrize(
    "query", ['"unbalanced', "(drought", "AND", "nosuchfield:x", "published:2025-13"]
)
def test_bad_queries_get_one_line(samples: Path, query: str) -> None:
    status, _, err = run(samples, "search", query)
    assert status == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_related_puts_other_outlets_first(samples: Path) -> None:
    status, out, _ = run(samples, "list", "--json")
    rows = json.loads(out)
    wire = next(r for r in rows if r["source"] == "NWS")
    status, out, _ = run(samples, "related", str(wire["id"]), "--json")
    related = json.loads(out)
    assert status == 0 and related and wire["id"] not in [r["id"] for r in related]
    sources = [r["source"] for r in related]
    first_same = sources.index("NWS") if "NWS" in sources else len(sources)
    assert all(s != "NWS" for s in sources[:first_same])
    assert all("\x1f" not in (s or "") for s in sources)


KILLED_IMPORT = textwrap.dedent(
    """
    import os, signal, sys
    from summitreader.core import search_sync
    from summitreader.core.library import Library
    # Die the moment the store has committed and the index is about to follow.
    search_sync.SearchSync.apply = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
    Library.open(sys.argv[1]).import_paths([sys.argv[2]])
    """
)


def test_killed_import_is_reported_by_check_and_repaired(tmp_path: Path) -> None:
    library = tmp_path / "library"
    article = tmp_path / "a.txt"
    article.write_text(
        "Basin talks resume\n\nThe delegates returned to Lisbon on Monday.\n", encoding="utf-8"
    )
    assert run(library, "check")[0] in (0, 1)  # creates the library
    proc = subprocess.run(
        [sys.executable, "-c", KILLED_IMPORT, str(library), str(article)],
        env={**os.environ},
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL
    status, out, _ = run(library, "check", "--json")
    assert status == 1 and json.loads(out)["ok"] is False
    status, _, err = run(library, "search", "delegates", "--json")  # the next use repairs it...
    assert status == 0 and "rebuilding the search index" in err  # ...and says so
    assert run(library, "check")[0] == 0
    assert run(library, "reindex")[0] == 0
