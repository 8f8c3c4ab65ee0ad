"""Copies of one wire story are linked to the earliest article carrying it, in the store."""

from __future__ import annotations

from pathlib import Path

from summitreader.core.library import Library
from summitreader.ingest.markdown import parse_markdown
from summitreader.ingest.types import ParsedArticle
from summitreader.store.articles import ArticleFilter

FIXTURES = Path(__file__).parents[2] / "fixtures" / "markdown" / "syndication"


def _fixture(name: str) -> ParsedArticle:
    return parse_markdown((FIXTURES / f"{name}.md").read_text(encoding="utf-8"))


def test_copies_join_the_earliest_matching_article(library: Library) -> None:
    order = [
        "different_analysis",
        "outlet_trimmed",
        "different_farmers",
        "wire_original",
        "outlet_edited",
        "different_dams",
        "outlet_new_headline_and_intro",
    ]
    ids = {}
    for name in order:  # one at a time, as they would arrive
        ids[name] = library.import_parsed([_fixture(name)], origin=name).imported[0][1]
    rows = {r.id: r for r in library.list(ArticleFilter(order_by="id", descending=False))}
    story = {name: rows[i].syndicated_from for name, i in ids.items()}
    trimmed = ids["outlet_trimmed"]
    assert story == {
        "different_analysis": None,
        "outlet_trimmed": None,
        "different_farmers": None,
        "wire_original": trimmed,
        "outlet_edited": trimmed,
        "different_dams": None,
        "outlet_new_headline_and_intro": trimmed,
    }
    assert rows[trimmed].also_in == 3 and rows[ids["different_dams"]].also_in == 0


def test_texts_without_words_are_never_grouped(library: Library) -> None:
    library.import_parsed([ParsedArticle(title="T0", paragraphs=("— … —",))], origin="a")
    library.import_parsed([ParsedArticle(title="T1", paragraphs=("… — …",))], origin="b")
    assert all(r.syndicated_from is None for r in library.list())
