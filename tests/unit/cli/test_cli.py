"""The command line end to end, in a temporary library: the contract other tools rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summitreader.cli import main

WIRE = """4 March 2025

GENEVA, Switzerland (NWS) — Delegates from four river states opened talks on Tuesday on how to
share the upper basin's water through a dry decade.

“We came to listen,” said Amara Okafor, the foreign minister. “Then we will decide.”
"""

PLAIN = """Basin talks stall over the reservoir schedule

By Lena Marsh

Negotiators broke off on Wednesday after a dispute over who fills the reservoirs first.

The chair called a pause until Friday.
"""


def run(library: Path, *args: str) -> tuple[int, str]:
    """Run a command in-process and return (exit status, stdout)."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["--library", str(library), *args])
    return status, out.getvalue()


def run_json(library: Path, *args: str) -> tuple[int, object]:
    status, out = run(library, *args, "--json")
    return status, json.loads(out)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "plain.txt").write_text(PLAIN, encoding="utf-8")
    return folder


def test_import_list_show_delete(library_dir: Path, articles: Path) -> None:
    status, report = run_json(library_dir, "import", str(articles))
    assert status == 0
    assert isinstance(report, dict)
    assert set(report) == {"imported", "duplicates", "updated", "failed"}
    assert len(report["imported"]) == 2 and report["failed"] == []
    assert set(report["imported"][0]) == {"path", "id", "title"}

    status, listing = run_json(library_dir, "list")
    assert status == 0 and isinstance(listing, list) and len(listing) == 2
    assert set(listing[0]) >= {"id", "title", "source", "author", "published", "dateline", "words"}
    wire = next(row for row in listing if row["source"] == "NWS")
    assert wire["published"] == "2025-03-04" and wire["dateline"] == "GENEVA, Switzerland"

    status, shown = run_json(library_dir, "show", str(wire["id"]))
    assert status == 0 and isinstance(shown, dict)
    assert set(shown) >= {
        "id",
        "title",
        "source",
        "author",
        "published",
        "dateline",
        "section",
        "reading_minutes",
        "url",
        "paragraphs",
        "text",
        "quotes",
        "entities",
        "annotations",
    }
    assert shown["text"] == "\n\n".join(shown["paragraphs"])
    assert shown["text"].startswith("GENEVA, Switzerland (NWS) — Delegates")

    status, out = run(library_dir, "show", str(wire["id"]))
    assert status == 0 and "GENEVA" in out

    status, deleted = run_json(library_dir, "delete", str(wire["id"]))
    assert status == 0 and deleted == {"deleted": [wire["id"]], "missing": []}
    assert len(run_json(library_dir, "list")[1]) == 1  # type: ignore[arg-type]


def test_second_import_reports_duplicates(library_dir: Path, articles: Path) -> None:
    run_json(library_dir, "import", str(articles))
    status, report = run_json(library_dir, "import", str(articles))
    assert status == 0 and isinstance(report, dict)
    assert report["imported"] == [] and len(report["duplicates"]) == 2


def test_corrected_article_updates_in_place(library_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(PLAIN, encoding="utf-8")
    _, first = run_json(library_dir, "import", str(path))
    path.write_text(PLAIN.replace("Friday", "Saturday"), encoding="utf-8")
    _, second = run_json(library_dir, "import", str(path))
    assert isinstance(first, dict) and isinstance(second, dict)
    assert second["updated"] == [{"path": str(path), "id": first["imported"][0]["id"]}]
    _, shown = run_json(library_dir, "show", str(first["imported"][0]["id"]))
    assert isinstance(shown, dict) and "Saturday" in shown["text"]


def test_bad_inputs_get_a_reason_and_the_rest_imports(library_dir: Path, articles: Path) -> None:
    bad = articles / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "blank.txt").write_bytes(b"  \n\n \t\n")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 500)
    huge = bad / "huge.txt"
    with huge.open("wb") as handle:
        handle.seek(21 * 1024 * 1024)
        handle.write(b"x")
    missing = str(articles / "nowhere.txt")
    status, report = run_json(library_dir, "import", str(articles), missing)
    assert status == 1 and isinstance(report, dict)
    assert len(report["imported"]) == 2
    failed = {Path(f["path"]).name: f["error"] for f in report["failed"]}
    assert set(failed) == {
        "empty.txt",
        "blank.txt",
        "binary.txt",
        "image.txt",
        "huge.txt",
        "nowhere.txt",
    }
    for reason in failed.values():
        assert reason and "\n" not in reason and "Traceback" not in reason
    assert "empty" in failed["empty.txt"] and "empty" in failed["blank.txt"]
    assert "binary" in failed["binary.txt"]
    assert "MB" in failed["huge.txt"]
    assert "no such file" in failed["nowhere.txt"]
    assert len(run_json(library_dir, "list")[1]) == 2  # type: ignore[arg-type]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_import_correctly(
    library_dir: Path, tmp_path: Path, encoding: str
) -> None:
    text = (
        "Café owners in Zürich react\n\nThe owner of the café near the station said the "
        "new rules were fair and that her customers, mostly students, agreed with her. "
        "Prices at the café will not change this year, she added.\n"
    )
    if encoding == "cp1252":
        text = text.replace("were fair", "were “fair”")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    status, report = run_json(library_dir, "import", str(path))
    assert status == 0 and isinstance(report, dict)
    _, shown = run_json(library_dir, "show", str(report["imported"][0]["id"]))
    assert isinstance(shown, dict)
    assert "Zürich" in shown["title"] and "café near the station" in shown["text"]
    if encoding == "cp1252":
        assert "“fair”" in shown["text"]


def test_unknown_id_is_a_one_line_error(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--library", str(library_dir), "show", "12345"]) == 2
    assert main(["--library", str(library_dir), "show", "abc"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "no article 12345" in err[0] and "not an article id" in err[1]


def test_import_needs_something(library_dir: Path) -> None:
    assert main(["--library", str(library_dir), "import"]) == 2


def test_samples_import(library_dir: Path) -> None:
    status, report = run_json(library_dir, "import", "--samples")
    assert status == 0 and isinstance(report, dict)
    assert len(report["imported"]) >= 8 and report["failed"] == []
    _, listing = run_json(library_dir, "list")
    assert isinstance(listing, list)
    assert len({row["source"] for row in listing}) >= 4


def test_library_env_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, articles: Path
) -> None:
    monkeypatch.setenv("SUMMITREADER_LIBRARY", str(tmp_path / "from-env"))
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["import", str(articles / "wire.txt")]) == 0
    assert (tmp_path / "from-env" / "library.sqlite3").is_file()


@pytest.mark.parametrize("command", ["import", "list", "show", "delete"])
def test_every_command_has_help(command: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "summitreader", command, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and "usage: summitreader" in proc.stdout


def test_version_from_the_installed_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "summitreader", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("SummitReader ")


def test_a_folder_of_every_format_imports_in_one_go(library_dir: Path, tmp_path: Path) -> None:
    """Text, saved pages, feeds and Markdown side by side; the broken ones reported, not fatal."""
    import shutil

    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    folder = tmp_path / "mixed"
    (folder / "pages").mkdir(parents=True)
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    shutil.copy(fixtures / "html" / "json_ld_article.html", folder / "pages")
    shutil.copy(fixtures / "html" / "no_article.html", folder / "pages")
    shutil.copy(fixtures / "feeds" / "rss20.xml", folder)
    shutil.copy(fixtures / "feeds" / "billion_laughs.xml", folder)
    shutil.copy(fixtures / "markdown" / "with_front_matter.md", folder)
    status, report = run_json(library_dir, "import", str(folder))
    assert status == 1 and isinstance(report, dict)
    imported = {Path(item["path"]).suffix for item in report["imported"]}
    assert imported == {".txt", ".html", ".xml", ".md"}
    failed = {Path(item["path"]).name: item["error"] for item in report["failed"]}
    assert set(failed) == {"no_article.html", "billion_laughs.xml"}
    assert all("\n" not in reason for reason in failed.values())
