"""The one shape the index accepts: what the store hands over for each article."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IndexDocument:
    """One article as the search index sees it.

    `body` is the article's `text` (paragraphs joined by "\\n\\n") so snippets come from the same
    text the reader shows. `published` is ISO 8601, a date or a datetime with offset.
    `annotated` holds the highlighted passages of the user's annotations.
    """

    id: int
    title: str
    body: str
    source: str | None
    author: str | None
    published: str | None
    dateline: str | None
    section: str | None
    speakers: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    annotated: tuple[str, ...] = ()
