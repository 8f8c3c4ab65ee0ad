"""Import a saved web page (.html/.htm, "Save page as" output) as one article.

trafilatura finds the main text and drops the boilerplate (navigation, ads, comments, related
links, cookie banners); its metadata pass reads title, author, site name, canonical URL and
categories from meta tags and JSON-LD, and htmldate finds the date.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import lxml.etree
import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import load_html

from summitreader.ingest._web_text import (
    TRAFILATURA_BLOCK_TAGS,
    TRAFILATURA_SKIP_TAGS,
    clean_inline_text,
    paragraphs_from_tree,
    title_from_paragraphs,
)
from summitreader.ingest.types import IngestError, ParsedArticle

LOGGER = logging.getLogger(__name__)

MAX_PAGE_BYTES = 20 * 1024 * 1024
NO_ARTICLE_TEXT = "no article text found in the page"


def parse_html(data: bytes, *, url: str | None = None) -> ParsedArticle:
    """Read the article in a saved page; `url` is where it came from, if known.

    Raises IngestError with a one-line reason when the page is too large or holds no article.
    """
    if len(data) > MAX_PAGE_BYTES:
        raise IngestError(f"the page is larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise IngestError("the page is empty")
    document = _extract(data, url)
    if document is None or document.body is None:
        raise IngestError(NO_ARTICLE_TEXT)
    paragraphs = paragraphs_from_tree(
        document.body, block_tags=TRAFILATURA_BLOCK_TAGS, skip_tags=TRAFILATURA_SKIP_TAGS
    )
    if not paragraphs or _is_only_link_text(document.body, data):
        raise IngestError(NO_ARTICLE_TEXT)
    title = _clean(document.title) or title_from_paragraphs(paragraphs)
    if paragraphs[0] == title:
        # trafilatura sometimes keeps the page's <h1> as the first block; the title is metadata.
        paragraphs = paragraphs[1:] or paragraphs
    categories = [_clean(category) for category in document.categories or []]
    return ParsedArticle(
        title=title,
        paragraphs=paragraphs,
        source=_clean(document.sitename),
        author=_clean(document.author),
        published=_valid_iso_date(document.date),
        url=_clean(document.url) or url,
        section=next((category for category in categories if category), None),
        tags=tuple(dict.fromkeys(tag for tag in map(_clean, document.tags or []) if tag)),
    )


def _extract(data: bytes, url: str | None) -> Document | None:
    try:
        result = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params=_date_params(),
        )
    except RecursionError as error:
        raise IngestError("the page is nested too deeply to read") from error
    except Exception as error:  # trafilatura and lxml raise many types on broken pages
        LOGGER.warning("page extraction failed: %r", error)
        raise IngestError(f"the page could not be read ({type(error).__name__})") from error
    return result if isinstance(result, Document) else None


def _is_only_link_text(body: lxml.etree._Element, data: bytes) -> bool:
    """True when every extracted line is the text of a link: a menu or site map, not an article.

    trafilatura falls back to whatever text a page has, so a page of navigation alone would
    otherwise come back as a one-paragraph "article".
    """
    page = load_html(data)
    if page is None:
        return False
    link_texts = {clean_inline_text(link.text_content()) for link in page.iter("a")}
    lines = (clean_inline_text(line) for line in "\n".join(body.itertext()).splitlines())
    return all(line in link_texts for line in lines if line)


def _date_params() -> dict[str, Any]:
    # extensive_search off: htmldate's free-text heuristics pick up dates that merely appear in
    # the body or copyright line; we only accept dates the page declares in its markup or URL.
    return {
        "original_date": True,
        "extensive_search": False,
        "outputformat": "%Y-%m-%d",
        "max_date": date.today().isoformat(),
    }


def _valid_iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    return clean_inline_text(value) or None
