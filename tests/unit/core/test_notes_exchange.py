"""Notes leave as Markdown or W3C JSON-LD and come back whole: ids kept, nothing duplicated."""

from __future__ import annotations

import json
from pathlib import Path

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle

ARTICLES = [
    ParsedArticle(
        title="Talks open",
        source="NWS",
        published="2025-03-03",
        paragraphs=(
            "Delegates met in Lisbon 💧 to share the river.",
            "“We came to listen,” the minister said.",
        ),
    ),
    ParsedArticle(
        title="Talks stall",
        source="Courier",
        url="https://example.org/stall",
        paragraphs=("The walkout came late on the fourth day.",),
    ),
]


def _annotated(library: Library) -> list[str]:
    first, second = (i for _, i, _ in library.import_parsed(ARTICLES, origin="x").imported)
    a, _ = library.annotate_text(
        first, "share the river", note="the aim", tags="#aim, basin", color="green"
    )
    b, _ = library.annotate_text(first, "We came to listen")
    c, _ = library.annotate(second, 4, 4, kind="bookmark")
    d, _ = library.annotate_text(second, "fourth day", note="to be dropped")
    library.delete_annotation(d.id)
    return [a.id, b.id, c.id]


def _comparable(library: Library) -> list[tuple[object, ...]]:
    return sorted(
        (
            a.id,
            a.kind,
            a.exact,
            a.start,
            a.end,
            a.note,
            a.tags,
            a.color,
            a.created,
            a.modified,
            library.get(a.article_id).title,
        )  # type: ignore[union-attr]
        for a in library.annotations()
    )


def test_w3c_round_trip_into_a_fresh_library(library: Library, tmp_path: Path) -> None:
    ids = _annotated(library)
    out = tmp_path / "notes.jsonld"
    library.export_annotations_to("w3c", out)
    data = json.loads(out.read_text("utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    with Library(tmp_path / "fresh") as fresh:
        fresh.import_parsed(ARTICLES, origin="y")  # the same articles, other ids and uids
        report = fresh.import_annotations(out)
        assert sorted(report.added) == sorted(ids) and report.failed == []
        assert _comparable(fresh) == _comparable(library)
        again = fresh.import_annotations(out)
        assert again.added == [] and sorted(again.unchanged) == sorted(ids)
        assert len(fresh.annotations()) == 3
        assert fresh.search("note:aim").total == 1


def test_markdown_export(library: Library, tmp_path: Path) -> None:
    _annotated(library)
    text = library.export_annotations("markdown")
    assert "## Talks open" in text and "> share the river" in text
    assert "the aim" in text and "#aim #basin" in text
    assert "to be dropped" not in text  # deleted
    written = library.export_annotations_to("markdown", tmp_path / "notes", per_article=True)
    assert sorted(p.name for p in written) == ["Talks open.md", "Talks stall.md"]


def test_broken_notes_file_is_one_line(library: Library, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "Annotation"}', encoding="utf-8")
    report = library.import_annotations(bad)
    assert len(report.failed) == 1 and "\n" not in report.failed[0][1]
    bad.write_text("not json", encoding="utf-8")
    assert library.import_annotations(bad).failed
    assert library.import_annotations(tmp_path / "missing.json").failed


def test_library_backup_carries_the_notes(library: Library, tmp_path: Path) -> None:
    _annotated(library)
    backup = tmp_path / "lib.jsonl.gz"
    library.export_library(backup)
    with Library(tmp_path / "restored") as restored:
        restored.import_library(backup)
        assert _comparable(restored) == _comparable(library)
        assert len(restored.annotations(include_deleted=True)) == 4
