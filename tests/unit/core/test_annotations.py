"""Annotations survive a corrected article, a deleted one, and never vanish silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle

URL = "https://example.org/basin-talks"
V1 = (
    "Delegates met in Lisbon on Tuesday to share the river.",
    "The minister called the plan “a river on credit” and left early.",
    "Farmers waited outside the hall for news of the 💧 quotas.",
)


def _article(paragraphs: tuple[str, ...]) -> ParsedArticle:
    return ParsedArticle(title="Basin talks", paragraphs=paragraphs, source="NWS", url=URL)


@pytest.fixture
def article_id(library: Library) -> int:
    return library.import_parsed([_article(V1)], origin="v1").imported[0][1]


def test_annotate_finds_the_passage_and_shows_it(library: Library, article_id: int) -> None:
    annotation, changes = library.annotate_text(
        article_id, "a river on credit", note="key line", tags="#credit, basin", color="green"
    )
    assert changes.annotations and changes.updated == {article_id}
    text = library.get(article_id).text  # type: ignore[union-attr]
    assert text[annotation.start : annotation.end] == "a river on credit"
    assert annotation.tags == ("credit", "basin")
    assert [a.id for a in library.annotations(article_id=article_id)] == [annotation.id]
    assert library.search("note:key").total == 1
    assert library.search("tag:credit").total == 1


def test_corrected_article_moves_keeps_and_orphans(library: Library, article_id: int) -> None:
    before, _ = library.annotate_text(article_id, "Delegates met in Lisbon")
    inside, _ = library.annotate_text(article_id, "The minister called the plan")
    after, _ = library.annotate_text(article_id, "news of the 💧 quotas")
    gone, _ = library.annotate_text(article_id, "and left early")
    edited = (
        "CORRECTION: an earlier version gave the wrong day.",
        "Delegates met in Lisbon on Wednesday to share the river.",
        "The Minister called the plan “a river on credit”.",
        "Farmers waited outside the hall for news of the 💧 quotas.",
    )
    report = library.import_parsed([_article(edited)], origin="v2")
    assert report.updated == [("v2", article_id)]
    text = library.get(article_id).text  # type: ignore[union-attr]
    found = {a.id: a for a in library.annotations(article_id=article_id)}
    assert len(found) == 4  # nothing lost
    for kept in (before, after):
        moved = found[kept.id]
        assert not moved.orphan and text[moved.start : moved.end] == kept.exact
    corrected = found[inside.id]  # a letter corrected inside it: found approximately
    assert not corrected.orphan
    assert text[corrected.start : corrected.end] == "The Minister called the plan"
    assert found[gone.id].orphan  # its words are gone: kept, listed, not guessed
    assert found[gone.id].exact == "and left early"


def test_orphan_can_be_reattached(library: Library, article_id: int) -> None:
    lost, _ = library.annotate_text(article_id, "left early")
    library.import_parsed([_article((*V1[:2], "The minister stayed."))], origin="v2")
    library.import_parsed([_article((V1[0], "Someone else spoke.", V1[2]))], origin="v3")
    [orphan] = [a for a in library.annotations() if a.orphan]
    text = library.get(article_id).text  # type: ignore[union-attr]
    start = text.index("Someone")
    library.reattach_annotation(orphan.id, start, start + len("Someone else"))
    again = library.annotations(article_id=article_id)[0]
    assert not again.orphan and again.exact == "Someone else" and again.id == lost.id


def test_delete_is_a_marker_until_purged(library: Library, article_id: int) -> None:
    annotation, _ = library.annotate_text(article_id, "Farmers waited")
    library.delete_annotation(annotation.id)
    assert library.annotations() == []
    assert [a.id for a in library.annotations(include_deleted=True)] == [annotation.id]
    library.delete_annotation(annotation.id, deleted=False)  # undo
    assert [a.id for a in library.annotations()] == [annotation.id]
    library.delete_annotation(annotation.id)
    library.purge_deleted_annotations()
    assert library.annotations(include_deleted=True) == []


def test_deleting_the_article_keeps_the_note(
    library: Library, article_id: int, tmp_path: Path
) -> None:
    annotation, _ = library.annotate_text(article_id, "share the river", note="keep me")
    backup = tmp_path / "b.jsonl.gz"
    library.export_library(backup)
    library.delete([article_id])
    [kept] = library.annotations()
    assert kept.id == annotation.id and kept.note == "keep me" and kept.article_id == 0
    report = library.import_library(backup)  # the article comes back: the note finds it again
    [again] = library.annotations()
    assert again.article_id == report.imported[0][1]


def test_bookmark_a_reading_position(library: Library, article_id: int) -> None:
    bookmark, _ = library.annotate(article_id, 40, 40, kind="bookmark")
    assert bookmark.is_reading_position
    assert [b.id for b in library.annotations(kind="bookmark")] == [bookmark.id]


def test_unknown_passage_is_a_clear_error(library: Library, article_id: int) -> None:
    with pytest.raises(ValueError, match="does not contain"):
        library.annotate_text(article_id, "words that are not there")
