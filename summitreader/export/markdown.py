"""Annotations as Markdown notes, to paste into a draft or keep beside it (Obsidian and the like).

Per article: a heading with the title, then outlet · date · link; each highlight as a blockquote
followed by its note and `#tags`; bookmarks in a list; orphans in their own section, marked as
such. Deleted annotations are left out: they are markers for undo, not notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summitreader.annotate.model import CONTEXT_LENGTH, Annotation
from summitreader.export.filenames import safe_filename, unique_filename
from summitreader.export.records import ArticleRef, iso_date

__all__ = [
    "annotations_to_markdown",
    "article_annotations_to_markdown",
    "escape_markdown",
    "safe_filename",
    "unique_filename",
]

ORPHAN_EXPLANATION = "_No longer found in the article's current text; kept as they were._"
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_BLOCK_START = re.compile(r"^(\s*)([#>+\-=|]|\d+[.)])")


def annotations_to_markdown(
    groups: Iterable[tuple[ArticleRef, Iterable[Annotation]]], *, title: str = "Annotations"
) -> str:
    """One document for many articles; articles with nothing left to show are skipped."""
    sections = [f"# {_one_line(title)}"]
    for article, members in groups:
        live = [a for a in members if not a.deleted]
        if live:
            sections.append(_article_section(article, live, level=2))
    return "\n\n".join(sections) + "\n"


def article_annotations_to_markdown(article: ArticleRef, annotations: Iterable[Annotation]) -> str:
    """One document for one article (for one-file-per-article export, named by safe_filename)."""
    live = [a for a in annotations if not a.deleted]
    return _article_section(article, live, level=1) + "\n"


def escape_markdown(text: str) -> str:
    """Article text shown literally: no stray emphasis, links, headings or list items."""
    lines = []
    for line in text.split("\n"):
        line = _INLINE_SPECIAL.sub(r"\\\1", line)
        lines.append(_BLOCK_START.sub(_escape_block_start, line))
    return "\n".join(lines)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[-1] in ".)":
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"


def _article_section(article: ArticleRef, annotations: list[Annotation], *, level: int) -> str:
    hashes = "#" * level
    parts = [f"{hashes} {escape_markdown(_one_line(article.title or 'Untitled'))}"]
    byline = _byline(article)
    if byline:
        parts.append(byline)
    ordered = sorted(annotations, key=lambda a: (a.start, a.end, a.created))
    highlights = [a for a in ordered if not a.orphan and a.kind == "highlight"]
    bookmarks = [a for a in ordered if not a.orphan and a.kind == "bookmark"]
    orphans = [a for a in ordered if a.orphan]
    parts.extend(_highlight(a) for a in highlights)
    if bookmarks:
        parts.append(f"{hashes}# Bookmarks")
        parts.append("\n".join(_bookmark(a) for a in bookmarks))
    if orphans:
        parts.append(f"{hashes}# Orphaned annotations")
        parts.append(ORPHAN_EXPLANATION)
        parts.extend(_highlight(a) if a.exact else _bookmark(a) for a in orphans)
    if not annotations:
        parts.append("_No annotations._")
    return "\n\n".join(parts)


def _byline(article: ArticleRef) -> str:
    pieces = [escape_markdown(_one_line(article.source or "")), iso_date(article.published)]
    if article.url:
        pieces.append(f"<{article.url}>")
    return " · ".join(piece for piece in pieces if piece)


def _highlight(annotation: Annotation) -> str:
    quoted = "\n".join(
        f"> {line}".rstrip() for line in escape_markdown(annotation.exact).split("\n")
    )
    parts = [quoted]
    if annotation.note:
        parts.append(annotation.note)
    if annotation.tags:
        parts.append(_tags(annotation))
    return "\n\n".join(parts)


def _bookmark(annotation: Annotation) -> str:
    if annotation.exact:
        line = f"- “{escape_markdown(_one_line(annotation.exact))}”"
    else:
        more = "…" if len(annotation.suffix) == CONTEXT_LENGTH else ""  # else the text ends there
        line = f"- Reading position: “{escape_markdown(_one_line(annotation.suffix))}{more}”"
    if annotation.note:
        line += f" — {_one_line(annotation.note)}"
    if annotation.tags:
        line += f" {_tags(annotation)}"
    return line


def _tags(annotation: Annotation) -> str:
    return " ".join(f"#{tag}" for tag in annotation.tags)


def _one_line(text: str) -> str:
    return " ".join(text.split())
