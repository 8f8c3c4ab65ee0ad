"""Highlights and bookmarks after the W3C Web Annotation model.

An annotation remembers *what* it marked (the exact text and a little context either side) as well
as *where* (code-point offsets), so it can be found again when the article's text changes. Ids are
UUIDs so annotations keep their identity across libraries and exports.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Final

COLORS: Final = ("yellow", "green", "blue", "pink", "purple")
KINDS: Final = ("highlight", "bookmark")
DEFAULT_COLOR: Final = "yellow"
CONTEXT_LENGTH: Final = 32
"""Code points of prefix and suffix kept either side: enough to tell repeated phrases apart."""


@dataclass(frozen=True, slots=True)
class Annotation:
    """One highlight or bookmark on one version of one article.

    `start`/`end` are code-point offsets into the article's text at `content_hash`; `exact` is the
    text between them (empty for a reading-position bookmark, where start == end). `deleted` is a
    marker kept until purged so undo and export stay honest; `orphan` means the text it marked could
    not be found in the article's current version (the selectors still describe the old one).
    """

    id: str
    article_id: int
    article_uid: str
    kind: str
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    content_hash: str
    note: str = ""
    tags: tuple[str, ...] = ()
    color: str = DEFAULT_COLOR
    created: str = ""
    modified: str = ""
    deleted: bool = False
    orphan: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown annotation kind {self.kind!r} (expected one of {KINDS})")
        if self.color not in COLORS:
            raise ValueError(f"unknown colour {self.color!r} (expected one of {COLORS})")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if len(self.exact) != self.end - self.start:
            raise ValueError(
                f"exact text has {len(self.exact)} code points, span {self.start}..{self.end}"
            )
        if self.kind == "highlight" and not self.exact:
            raise ValueError("a highlight needs some text")
        if not isinstance(self.tags, tuple):
            raise ValueError("tags must be a tuple")

    @property
    def is_reading_position(self) -> bool:
        """A bookmark on a point in the text rather than on a passage."""
        return self.start == self.end


def utc_now() -> str:
    """ISO 8601 UTC with milliseconds, so two edits in one second still sort in order."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def quote_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(prefix, exact, suffix) of a span: what a TextQuoteSelector stores."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} is outside a text of {len(text)} code points")
    prefix = text[max(0, start - CONTEXT_LENGTH) : start]
    return prefix, text[start:end], text[end : end + CONTEXT_LENGTH]


def new_annotation(
    article_id: int,
    article_uid: str,
    text: str,
    start: int,
    end: int,
    content_hash: str,
    *,
    kind: str = "highlight",
    note: str = "",
    tags: Iterable[str] | str = (),
    color: str = DEFAULT_COLOR,
) -> Annotation:
    """A fresh annotation on `text[start:end]`.

    A highlight's span is trimmed of surrounding whitespace (a selection dragged across a paragraph
    break should not anchor on the break); a highlight that is only whitespace is refused.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} is outside a text of {len(text)} code points")
    if kind == "highlight":
        start, end = _trimmed(text, start, end)
        if start == end:
            raise ValueError("a highlight needs some text that is not whitespace")
    prefix, exact, suffix = quote_context(text, start, end)
    now = utc_now()
    return Annotation(
        id=str(uuid.uuid4()),
        article_id=article_id,
        article_uid=article_uid,
        kind=kind,
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        start=start,
        end=end,
        content_hash=content_hash,
        note=note.strip(),
        tags=normalize_tags(tags),
        color=color,
        created=now,
        modified=now,
    )


def edited(
    annotation: Annotation,
    *,
    note: str | None = None,
    tags: Iterable[str] | str | None = None,
    color: str | None = None,
) -> Annotation:
    """The annotation with a new body (note, tags, colour); `modified` moves on."""
    return replace(
        annotation,
        note=annotation.note if note is None else note.strip(),
        tags=annotation.tags if tags is None else normalize_tags(tags),
        color=annotation.color if color is None else color,
        modified=utc_now(),
    )


def marked_deleted(annotation: Annotation, deleted: bool = True) -> Annotation:
    """Set or clear the deletion marker (undo clears it); `modified` moves on."""
    return replace(annotation, deleted=deleted, modified=utc_now())


_TAG_SPLIT = re.compile(r",|\s+(?=#)")
_WHITESPACE = re.compile(r"\s+")


def normalize_tags(tags: Iterable[str] | str) -> tuple[str, ...]:
    """Tags as a user means them: '#eu, Summit talks' -> ('eu', 'Summit-talks').

    A string is split on commas (and before a '#'); leading '#' is dropped and inner whitespace
    becomes '-' so every tag still reads as one `#tag` in Markdown. Duplicates that differ only in
    case are dropped, keeping the first spelling and the user's order.
    """
    pieces = _TAG_SPLIT.split(tags) if isinstance(tags, str) else list(tags)
    result: list[str] = []
    seen: set[str] = set()
    for piece in pieces:
        tag = _WHITESPACE.sub("-", piece.strip().lstrip("#").strip())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            result.append(tag)
    return tuple(result)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
