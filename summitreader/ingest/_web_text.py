"""Turn marked-up text (HTML fragments, trafilatura's body tree) into clean paragraphs.

Every importer must hand over plain paragraphs, never tags: the reader and the span offsets rely
on `text` being exactly the paragraphs joined by a blank line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import lxml.etree
import lxml.html

# Elements whose content is never article text (code, embedded frames, media, forms).
UNREADABLE_TAGS = frozenset(
    {
        "script",
        "style",
        "iframe",
        "noscript",
        "object",
        "embed",
        "template",
        "svg",
        "math",
        "canvas",
        "video",
        "audio",
        "img",
        "picture",
        "source",
        "form",
        "button",
        "select",
        "textarea",
        "input",
        "head",
        "title",
        "meta",
        "link",
    }
)

# Elements that start a new paragraph in ordinary HTML.
HTML_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "figure",
        "figcaption",
        "hr",
        "address",
        "body",
        "html",
    }
)

# Block elements of trafilatura's internal body tree ("head" there is a heading).
TRAFILATURA_BLOCK_TAGS = frozenset(
    {"doc", "body", "main", "p", "head", "list", "item", "quote", "table", "row", "code", "div"}
)
TRAFILATURA_SKIP_TAGS = frozenset({"graphic", "script", "style", "iframe"})

_LINE_BREAK_TAGS = frozenset({"br", "lb"})
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_WHITESPACE = re.compile(r"\s+")
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")
_MAX_TITLE_CHARS = 90


def clean_inline_text(text: str) -> str:
    """Collapse runs of whitespace (newlines, tabs, no-break spaces) into single spaces."""
    return _WHITESPACE.sub(" ", text).strip()


class _ParagraphCollector:
    """Walks an element tree, starting a paragraph at each block element."""

    def __init__(self, block_tags: frozenset[str], skip_tags: frozenset[str]) -> None:
        self._block_tags = block_tags
        self._skip_tags = skip_tags
        self._pending: list[str] = []
        self.paragraphs: list[str] = []

    def flush(self) -> None:
        # A double line break (<br><br>) separates paragraphs in much feed and wire copy.
        for chunk in _BLANK_LINE.split("".join(self._pending)):
            paragraph = clean_inline_text(chunk)
            if paragraph:
                self.paragraphs.append(paragraph)
        self._pending = []

    def walk(self, element: lxml.etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if not tag or tag in self._skip_tags:
            # Comments, processing instructions and unreadable elements: keep only what follows.
            self._add(element.tail)
            return
        is_block = tag in self._block_tags
        if is_block:
            self.flush()
        if tag in _LINE_BREAK_TAGS:
            self._pending.append("\n")
        self._add(element.text)
        for child in element:
            self.walk(child)
        if is_block:
            self.flush()
        self._add(element.tail)

    def _add(self, text: str | None) -> None:
        if text:
            self._pending.append(text)


def paragraphs_from_tree(
    root: lxml.etree._Element,
    *,
    block_tags: frozenset[str] = HTML_BLOCK_TAGS,
    skip_tags: frozenset[str] = UNREADABLE_TAGS,
) -> tuple[str, ...]:
    """Plain paragraphs of an element tree; text of `skip_tags` elements is dropped."""
    collector = _ParagraphCollector(block_tags, skip_tags)
    collector.walk(root)
    collector.flush()
    return tuple(collector.paragraphs)


def paragraphs_from_html_fragment(fragment: str) -> tuple[str, ...]:
    """Plain paragraphs of an HTML snippet such as a feed entry's content."""
    if not fragment.strip():
        return ()
    if "<" not in fragment:
        # Plain text (RSS descriptions often are): blank lines separate paragraphs.
        return split_plain_text(html.unescape(fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ()
    return paragraphs_from_tree(root)


def split_plain_text(text: str) -> tuple[str, ...]:
    """Paragraphs of plain text, separated by blank lines."""
    paragraphs = (clean_inline_text(chunk) for chunk in _BLANK_LINE.split(text))
    return tuple(paragraph for paragraph in paragraphs if paragraph)


def title_from_paragraphs(paragraphs: Iterable[str]) -> str:
    """A stand-in title for input that has none: the opening sentence, shortened."""
    for paragraph in paragraphs:
        match = _FIRST_SENTENCE.match(paragraph)
        sentence = match.group(1) if match else paragraph
        if len(sentence) <= _MAX_TITLE_CHARS:
            return sentence
        shortened = sentence[:_MAX_TITLE_CHARS].rsplit(" ", 1)[0]
        return shortened.rstrip(",;:") + "…"
    return "Untitled"
