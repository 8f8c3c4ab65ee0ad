"""Plain-text news articles (web captures, wire copy, notes) -> `ParsedArticle`.

Lines are classified one by one (see `_textlines`): page furniture is dropped, and the furniture
that carries facts (bylines, date lines, "Write to ..." footers, copyright lines, breadcrumbs)
feeds the metadata. What remains is the headline, if the first line reads like one, and the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summitreader.ingest._textblocks import RawLine, join_run, raw_lines, wrap_width
from summitreader.ingest._textdates import parse_news_date
from summitreader.ingest._textlead import (
    find_dateline,
    looks_like_headline,
    shorten,
    title_from_lead,
)
from summitreader.ingest._textlines import (
    LineFacts,
    LineKind,
    author_from_trailer,
    classify_line,
    outlet_line,
)
from summitreader.ingest.decode import clean_text
from summitreader.ingest.types import IngestError, ParsedArticle

_TRAILING_CREDIT = re.compile(
    r"\s*\(\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|edited)\s+by\b[^()]{0,400}\)"
    r"\s*$",
    re.IGNORECASE,
)
_TRAIL_SEPARATOR = re.compile(r"\s[>›»]\s")
_HOME = "home"
_METADATA_KINDS = frozenset(
    {LineKind.PUBLISHED, LineKind.BYLINE, LineKind.CONTACT, LineKind.TRAILER, LineKind.COPYRIGHT}
)
_DROPPED_KINDS = frozenset({LineKind.CAPTION, LineKind.FURNITURE})

# Where a fact was found decides which one wins when a page gives two.
_AUTHOR_RANK = {
    LineKind.BYLINE: 3,
    LineKind.PUBLISHED: 3,  # "Posted on March 1, 2019 by Jane Doe"
    LineKind.CONTACT: 2,
    LineKind.TRAILER: 1,
}
# Who published this copy. The page's own footer and its copyright line name the outlet that
# printed it; an agency in the dateline names who wrote it, which differs when a paper reprints
# wire copy, so it only counts when the page does not name itself.
_SOURCE_RANK = {
    LineKind.LIST_HEADING: 7,  # "More Must-Reads from TIME": the page names its own outlet
    LineKind.BYLINE: 6,  # "By Priya Nair / BBC News"
    LineKind.CONTACT: 5,  # "Write to … at …@time.com"
    LineKind.COPYRIGHT: 5,  # "© 2025 The Lisbon Courier" on a reprinted wire story
}
_DATELINE_SOURCE_RANK = 4


def parse_plain_text(text: str) -> ParsedArticle:
    """Read a plain-text article; raises IngestError when there is no article text in it."""
    text = clean_text(text)
    if not text.strip():
        raise IngestError("the file is empty")
    units = _units(raw_lines(text))
    return _Assembly().build(units)


def _units(lines: list[RawLine]) -> list[LineFacts]:
    """Classified lines, with consecutive body lines of a block joined where they were wrapped."""
    width = wrap_width(lines)
    units: list[LineFacts] = []
    run: list[RawLine] = []

    def flush() -> None:
        for paragraph in join_run(run, width):
            joined = classify_line(paragraph) if len(run) > 1 else None
            if joined is not None and joined.kind is not LineKind.CONTENT:
                units.append(joined)
            else:
                units.append(LineFacts(LineKind.CONTENT, paragraph))
        run.clear()

    previous: tuple[LineFacts, int] | None = None
    for line in lines:
        collapsed = RawLine(" ".join(line.text.split()), line.indent, line.block)
        facts = classify_line(collapsed.text)
        if previous is not None and _continues_byline(facts, previous, line.block):
            facts = outlet_line(collapsed.text) or facts
        previous = (facts, line.block)
        if facts.kind is LineKind.CONTENT and (not run or run[-1].block == line.block):
            run.append(collapsed)
            continue
        flush()
        if facts.kind is LineKind.CONTENT:
            run.append(collapsed)
        else:
            units.append(facts)
    flush()
    return units


def _continues_byline(facts: LineFacts, previous: tuple[LineFacts, int], block: int) -> bool:
    """ "By Jane Doe" then "BBC News" on the next line: the outlet belongs to the byline."""
    previous_facts, previous_block = previous
    return (
        facts.kind is LineKind.CONTENT
        and previous_facts.kind is LineKind.BYLINE
        and previous_block == block
    )


@dataclass
class _Ranked:
    """Keeps the value found at the highest rank; the first one wins a tie."""

    value: str | None = None
    rank: int = -1

    def offer(self, value: str | None, rank: int) -> None:
        if value and rank > self.rank:
            self.value, self.rank = value, rank


@dataclass
class _Assembly:
    section: list[str] = field(default_factory=list)
    title: str | None = None
    body: list[str] = field(default_factory=list)
    author: _Ranked = field(default_factory=_Ranked)
    source: _Ranked = field(default_factory=_Ranked)
    published: _Ranked = field(default_factory=_Ranked)
    skipping_links: bool = False

    def build(self, units: list[LineFacts]) -> ParsedArticle:
        for unit in units:
            self._take(unit)
        self._strip_trailing_credits()
        if not self.body:
            if self.title is None:
                raise IngestError("no article text found, only page furniture")
            self.body.append(self.title)
        dateline = find_dateline(self.body[0])
        if dateline is not None:
            self.source.offer(dateline.agency, _DATELINE_SOURCE_RANK)
        title = self.title or self._title_from_lead(dateline.end if dateline else 0)
        return ParsedArticle(
            title=title,
            paragraphs=tuple(self.body),
            source=self.source.value,
            author=self.author.value,
            published=self.published.value,
            dateline=dateline.place if dateline else None,
            section=" / ".join(self.section) or None,
        )

    @property
    def _in_header(self) -> bool:
        return not self.body

    def _take(self, unit: LineFacts) -> None:
        kind = unit.kind
        if self.skipping_links:
            if kind is LineKind.BREADCRUMB or (
                kind is LineKind.CONTENT and looks_like_headline(unit.text)
            ):
                return  # headlines of other stories listed under "More from ..."
            if kind is LineKind.CONTENT:
                self.skipping_links = False
        if kind is LineKind.BREADCRUMB and self._in_header and self.title is None:
            self.section.extend(_section_parts(unit.label or unit.text))
        elif kind is LineKind.DATE and self._in_header:
            # A date-shaped line that gives no full date ("March 2019") is dropped, not guessed.
            self.published.offer(parse_news_date(unit.text), unit.date_priority)
        elif kind in _METADATA_KINDS:
            self._take_metadata(unit)
        elif kind is LineKind.LIST_HEADING:
            self.source.offer(unit.source, _SOURCE_RANK[kind])
            self.skipping_links = True
        elif kind in _DROPPED_KINDS:
            return
        elif self._in_header and self.title is None and looks_like_headline(unit.text):
            self.title = unit.text
        else:
            self.body.append(unit.text)

    def _take_metadata(self, unit: LineFacts) -> None:
        if unit.published is not None:
            self.published.offer(unit.published, unit.date_priority)
        self.author.offer(unit.author, _AUTHOR_RANK.get(unit.kind, 0))
        self.source.offer(unit.source, _SOURCE_RANK.get(unit.kind, 0))

    def _strip_trailing_credits(self) -> None:
        """Wire copy often ends its last paragraph with "(Reporting by X; Editing by Y)"."""
        kept: list[str] = []
        for paragraph in self.body:
            tail_start = max(0, len(paragraph) - 500)
            match = _TRAILING_CREDIT.search(paragraph, tail_start)
            if match is not None:
                self.author.offer(
                    author_from_trailer(match.group()), _AUTHOR_RANK[LineKind.TRAILER]
                )
                paragraph = paragraph[: match.start()].rstrip()
            if paragraph:
                kept.append(paragraph)
        self.body = kept

    def _title_from_lead(self, dateline_end: int) -> str:
        title = title_from_lead(self.body[0][dateline_end:])
        return title or shorten(self.body[0])


def _section_parts(label: str) -> list[str]:
    parts = [part.strip() for part in _TRAIL_SEPARATOR.split(label) if part.strip()]
    return [part for part in parts if part.lower() != _HOME]


__all__ = ["parse_plain_text"]
