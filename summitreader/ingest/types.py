"""What every importer produces, whatever the file format."""

from __future__ import annotations

from dataclasses import dataclass, field


class IngestError(Exception):
    """A file cannot be imported; the message is a one-line reason a user can act on."""


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article as read from a file, before it is stored.

    `published` is an ISO 8601 string (a date "2024-07-11" or a datetime with offset) or None when
    the input gives no date: dates are never invented.
    """

    title: str
    paragraphs: tuple[str, ...]
    source: str | None = None
    author: str | None = None
    published: str | None = None
    dateline: str | None = None
    url: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    is_excerpt: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)
