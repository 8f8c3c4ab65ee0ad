"""Import a Markdown note or article, with optional YAML front matter.

Front matter keys: title, source, author, date, url, tags. The body becomes plain paragraphs:
emphasis and link markup are reduced to their text, URLs and images dropped, raw HTML read as
text without its tags. Without a front-matter title, the first level-1 heading is the title;
other headings stay as short paragraphs of their own.

Front matter that is not valid YAML is refused with a one-line IngestError rather than read as
body text: the writer meant it as metadata, and importing it as prose would put field names
and punctuation into the article and hide the mistake.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import yaml
from dateutil import parser as date_parser
from markdown_it import MarkdownIt
from markdown_it.token import Token

from summitreader.ingest._web_text import (
    clean_inline_text,
    paragraphs_from_html_fragment,
    title_from_paragraphs,
)
from summitreader.ingest.types import IngestError, ParsedArticle

MAX_MARKDOWN_CHARS = 5_000_000
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*$\r?\n?", re.S | re.M
)
_TEXT_FIELDS = ("title", "source", "author", "url")
_SKIPPED_INLINE_HTML = re.compile(r"<\s*(script|style|iframe|noscript|template)\b", re.I)
# Two far-apart defaults: a component the text leaves out shows up as a difference.
_DEFAULTS = (dt.datetime(2000, 1, 1, 0, 0, 0), dt.datetime(2001, 2, 2, 1, 1, 1))

_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse_markdown(text: str) -> ParsedArticle:
    """Read a Markdown document; raises IngestError for bad front matter or an empty body."""
    if len(text) > MAX_MARKDOWN_CHARS:
        raise IngestError("the Markdown file is too large (over 5 million characters)")
    text = text.replace("\x00", "")
    meta, body = _split_front_matter(text)
    blocks = list(_blocks(_MARKDOWN.parse(body)))
    title = _text_field(meta, "title")
    if title is None:
        first_h1 = next((i for i, (kind, _) in enumerate(blocks) if kind == "h1"), None)
        if first_h1 is not None:
            title = blocks.pop(first_h1)[1]
    elif blocks and blocks[0][0].startswith("h") and blocks[0][1] == title:
        blocks.pop(0)  # the body repeats the front-matter title as its heading
    paragraphs = tuple(paragraph for _, paragraph in blocks)
    if not paragraphs:
        raise IngestError("no text found in the Markdown file")
    return ParsedArticle(
        title=title or title_from_paragraphs(paragraphs),
        paragraphs=paragraphs,
        source=_text_field(meta, "source"),
        author=_text_field(meta, "author"),
        published=_date_field(meta),
        url=_text_field(meta, "url"),
        tags=_tags_field(meta),
    )


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text.removeprefix("\ufeff")
    try:
        loaded = yaml.safe_load(match.group(1))
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise IngestError(f"the front matter is not valid YAML{where}") from error
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise IngestError("the front matter must be a list of 'key: value' fields")
    return {str(key).lower(): value for key, value in loaded.items()}, text[match.end() :]


def _text_field(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise IngestError(f"the front matter field '{key}' must be a single value")
    return clean_inline_text(str(value)) or None


def _tags_field(meta: dict[str, Any]) -> tuple[str, ...]:
    value = meta.get("tags")
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str | int | float) for i in items):
        raise IngestError("the front matter field 'tags' must be a list of words")
    return tuple(dict.fromkeys(tag for tag in (clean_inline_text(str(i)) for i in items) if tag))


def _date_field(meta: dict[str, Any]) -> str | None:
    value = meta.get("date")
    if value is None:
        return None
    if isinstance(value, dt.date):  # YAML reads unquoted dates and datetimes itself
        iso: str = value.isoformat()
        return iso
    if not isinstance(value, str):
        raise IngestError("the front matter field 'date' is not a date")
    try:
        readings: list[dt.datetime] = [
            date_parser.parse(value, default=default) for default in _DEFAULTS
        ]
    except (ValueError, OverflowError) as error:
        raise IngestError(f"the front matter date {value!r:.40} is not a date") from error
    first, second = readings
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        raise IngestError(f"the front matter date {value!r:.40} lacks a year, month or day")
    if first.hour != second.hour:
        return first.date().isoformat()  # no time given: do not invent midnight
    return first.isoformat()


def _blocks(tokens: list[Token]) -> Iterator[tuple[str, str]]:
    """(kind, text) for each block: "h1".."h6" for headings, "p" for everything else."""
    heading: str | None = None
    table_row: list[str] | None = None
    for token in tokens:
        if token.type == "tr_open":
            table_row = []
        elif token.type == "tr_close" and table_row is not None:
            cells = [cell for cell in table_row if cell]
            if cells:
                yield "p", " | ".join(cells)  # one paragraph per table row keeps cells together
            table_row = None
        elif token.type == "inline" and table_row is not None:
            table_row.append(clean_inline_text(_inline_text(token.children or [])))
        elif token.type == "heading_open":
            heading = token.tag
        elif token.type == "heading_close":
            heading = None
        elif token.type == "inline":
            text = clean_inline_text(_inline_text(token.children or []))
            if text:
                yield heading or "p", text
        elif token.type in ("fence", "code_block"):
            text = clean_inline_text(token.content)
            if text:
                yield "p", text
        elif token.type == "html_block":
            for paragraph in paragraphs_from_html_fragment(token.content):
                yield "p", paragraph


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    skipping_until: str | None = None
    for child in children:
        if skipping_until is not None:
            if child.type == "html_inline" and child.content.lower().startswith(skipping_until):
                skipping_until = None
            continue
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline":
            unreadable = _SKIPPED_INLINE_HTML.match(child.content)
            if unreadable:
                skipping_until = f"</{unreadable.group(1).lower()}"
        # link_open/close, em/strong markers and images contribute no text of their own.
    return "".join(parts)
