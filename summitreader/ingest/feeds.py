"""Import a saved news feed (RSS 0.91/0.92/1.0/2.0, Atom 1.0): one article per entry with text.

feedparser reads every dialect and repairs much broken XML; it sees the bytes only after they
passed the hostile-XML check, because its strict pass would expand entity declarations.
Its HTML sanitiser is off on purpose: it removes <iframe> and <script> tags but keeps their inner
text, whereas our paragraph walker drops those elements whole and never emits markup.
"""

from __future__ import annotations

import calendar
import email.utils
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import feedparser

from summitreader.ingest._web_text import (
    clean_inline_text,
    paragraphs_from_html_fragment,
    split_plain_text,
    title_from_paragraphs,
)
from summitreader.ingest._web_xml import refuse_hostile_xml
from summitreader.ingest.types import IngestError, ParsedArticle

MAX_FEED_BYTES = 20 * 1024 * 1024
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_DATE_ONLY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
_EMAIL_WITH_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")


def parse_feed(data: bytes) -> list[ParsedArticle]:
    """Articles of a feed, in feed order.

    Entries with full content become articles; entries with only a summary are imported as
    excerpts (`is_excerpt=True`). Raises IngestError when the bytes are not a feed, are hostile,
    or hold no entry with text.
    """
    if len(data) > MAX_FEED_BYTES:
        raise IngestError(f"the feed is larger than {MAX_FEED_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise IngestError("the feed is empty")
    refuse_hostile_xml(data)
    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as error:  # feedparser can fail in many ways on hostile bytes
        raise IngestError(f"the feed could not be read ({type(error).__name__})") from error
    if not parsed.get("version") and not parsed.get("entries"):
        raise IngestError("not a news feed (no RSS or Atom structure found)")
    source = _feed_title(parsed.get("feed", {}))
    articles = [
        article
        for entry in parsed.get("entries", [])
        if (article := _entry_article(entry, source)) is not None
    ]
    if not articles:
        raise IngestError("the feed has no entries with text")
    return articles


def _feed_title(feed: dict[str, Any]) -> str | None:
    detail = feed.get("title_detail") or {}
    return _plain(feed.get("title"), detail.get("type")) or None


def _entry_article(entry: dict[str, Any], source: str | None) -> ParsedArticle | None:
    paragraphs = _content_paragraphs(entry)
    is_excerpt = False
    if not paragraphs:
        summary_type = (entry.get("summary_detail") or {}).get("type")
        paragraphs = _paragraphs(entry.get("summary"), summary_type)
        is_excerpt = True
    if not paragraphs:
        return None
    title_type = (entry.get("title_detail") or {}).get("type")
    title = _plain(entry.get("title"), title_type) or title_from_paragraphs(paragraphs)
    return ParsedArticle(
        title=title,
        paragraphs=paragraphs,
        source=source,
        author=_author(entry),
        published=_published(entry),
        url=_link(entry),
        tags=_tags(entry),
        is_excerpt=is_excerpt,
    )


def _content_paragraphs(entry: dict[str, Any]) -> tuple[str, ...]:
    # Several content elements may be offered; the longest is the full text.
    candidates = [
        _paragraphs(item.get("value"), item.get("type")) for item in entry.get("content", [])
    ]
    return max(candidates, key=lambda paragraphs: sum(map(len, paragraphs)), default=())


def _paragraphs(value: str | None, content_type: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    if content_type and content_type.lower() not in _HTML_TYPES:
        return split_plain_text(value)
    return paragraphs_from_html_fragment(value)


def _plain(value: str | None, content_type: str | None) -> str:
    """One line of text from a title that may carry markup."""
    return " ".join(_paragraphs(value, content_type))


def _author(entry: dict[str, Any]) -> str | None:
    raw = clean_inline_text(entry.get("author") or "")
    # RSS <author> is "email (Name)"; feedparser's own split garbles some addresses.
    match = _EMAIL_WITH_NAME.match(raw)
    if match:
        return clean_inline_text(match.group(1)) or None
    name = clean_inline_text((entry.get("author_detail") or {}).get("name") or "")
    return name or raw or None


def _link(entry: dict[str, Any]) -> str | None:
    # Atom entries without a link make feedparser fall back to the id, which may be a tag: URI.
    link = clean_inline_text(entry.get("link") or "")
    return link if link.lower().startswith(("http://", "https://")) else None


def _published(entry: dict[str, Any]) -> str | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key) or ""
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed is None:
            continue
        if _DATE_ONLY.match(raw):
            # A feed that gives only the day must not gain an invented midnight.
            return raw.strip()
        moment = _moment_with_offset(raw) or _utc_moment(parsed)
        if moment is not None:
            return moment.isoformat()
    return None


def _moment_with_offset(raw: str) -> datetime | None:
    """The date as written (ISO 8601 or RFC 822), keeping the publisher's UTC offset."""
    readers: tuple[Callable[[str], datetime], ...] = (
        datetime.fromisoformat,
        email.utils.parsedate_to_datetime,
    )
    for reader in readers:
        try:
            moment = reader(raw.strip())
        except (ValueError, TypeError, IndexError, OverflowError):
            continue
        if moment.tzinfo is not None:
            return moment
    return None


def _utc_moment(parsed: time.struct_time) -> datetime | None:
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _tags(entry: dict[str, Any]) -> tuple[str, ...]:
    terms = (
        clean_inline_text(tag.get("label") or tag.get("term") or "")
        for tag in entry.get("tags", [])
    )
    return tuple(dict.fromkeys(term for term in terms if term))
