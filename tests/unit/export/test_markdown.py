from __future__ import annotations

from dataclasses import replace
from typing import Any

from summitreader.annotate.model import Annotation, new_annotation
from summitreader.export.markdown import (
    annotations_to_markdown,
    article_annotations_to_markdown,
    escape_markdown,
)
from summitreader.export.records import ArticleRef, group_by_article

TEXT = (
    "Talks on the Tagus treaty broke down on Tuesday.\n\n"
    "“We are further apart than ever,” the minister said, leaving the hall.\n\n"
    "*Markets* barely moved.\n\n"
    "1. Analysts shrugged and went home for the evening."
)
ARTICLE = ArticleRef(
    1, "uid-1", "Tagus talks collapse", "Tagus Herald", "2024-05-01T09:30:00+00:00",
    "https://example.com/tagus",
)  # fmt: skip
STAMP = "2024-05-02T10:00:00.000Z"


def _annotation(phrase: str, *, point: bool = False, **fields: Any) -> Annotation:
    start = TEXT.index(phrase)
    end = start if point else start + len(phrase)
    body = {k: fields.pop(k) for k in ("kind", "note", "tags", "color") if k in fields}
    made = new_annotation(1, "uid-1", TEXT, start, end, "hash", **body)
    return replace(made, created=STAMP, modified=STAMP, **fields)


ANNOTATIONS = [
    _annotation("further apart than ever", note="Lead quote.", tags="eu, water"),
    _annotation("broke down on Tuesday.\n\n“We are"),
    _annotation("*Markets* barely moved.\n\n1. Analysts"),
    _annotation("the minister said", kind="bookmark", note="check\nname"),
    _annotation("Analysts", kind="bookmark", point=True),
    _annotation("home for the evening.", kind="bookmark", point=True, tags="end"),
    _annotation("Tagus treaty", orphan=True, note="gone?"),
    _annotation("Talks", deleted=True, note="deleted, so never shown"),
]

EXPECTED_BODY = """\
Tagus Herald · 2024-05-01 · <https://example.com/tagus>

> broke down on Tuesday.
>
> “We are

> further apart than ever

Lead quote.

#eu #water

> \\*Markets\\* barely moved.
>
> 1\\. Analysts

{h}# Bookmarks

- “the minister said” — check name
- Reading position: “Analysts shrugged and went home…”
- Reading position: “home for the evening.” #end

{h}# Orphaned annotations

_No longer found in the article's current text; kept as they were._

> Tagus treaty

gone?
"""


def test_collection_document_exact_output() -> None:
    groups = group_by_article(ANNOTATIONS, {1: ARTICLE})
    expected = "# Annotations\n\n## Tagus talks collapse\n\n" + EXPECTED_BODY.format(h="##")
    assert annotations_to_markdown(groups) == expected


def test_per_article_document_exact_output() -> None:
    expected = "# Tagus talks collapse\n\n" + EXPECTED_BODY.format(h="#")
    assert article_annotations_to_markdown(ARTICLE, ANNOTATIONS) == expected


def test_deleted_annotations_are_left_out_and_empty_articles_skipped() -> None:
    other = ArticleRef(2, "uid-2", "Only deleted notes here")
    deleted = replace(ANNOTATIONS[0], article_id=2, article_uid="uid-2", deleted=True)
    text = annotations_to_markdown([(ARTICLE, ANNOTATIONS), (other, [deleted])])
    assert "deleted, so never shown" not in text
    assert "Only deleted notes here" not in text


def test_article_without_metadata_or_annotations() -> None:
    bare = ArticleRef(9, "uid-9", "")
    assert article_annotations_to_markdown(bare, []) == "# Untitled\n\n_No annotations._\n"


def test_byline_keeps_what_is_known() -> None:
    undated = ArticleRef(1, "uid-1", "T", "Wire", None, None)
    assert article_annotations_to_markdown(undated, ANNOTATIONS[:1]).split("\n")[2] == "Wire"


def test_escape_markdown_keeps_article_text_literal() -> None:
    assert escape_markdown("# Not a heading") == "\\# Not a heading"
    assert escape_markdown("- not a list\n2) nor this") == "\\- not a list\n2\\) nor this"
    assert escape_markdown("a [link](x) and <b> and `code` and _em_") == (
        "a \\[link\\](x) and \\<b\\> and \\`code\\` and \\_em\\_"
    )
    assert escape_markdown("Plain “quoted” text — 🇵🇹") == "Plain “quoted” text — 🇵🇹"
