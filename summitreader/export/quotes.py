"""The quote dossier: who said what, where, as CSV for a spreadsheet or Markdown for a draft.

Rows are duck-typed (store.analysis.LibraryQuote fits): the export needs only the fields below.
CSV cells that a spreadsheet would run as a formula are defused with a leading apostrophe,
because quoted text comes from the web and a cell like `=HYPERLINK(...)` must stay text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Final, Protocol

from summitreader.export.markdown import escape_markdown
from summitreader.export.records import iso_date

CSV_HEADER: Final = ("speaker", "quote", "kind", "outlet", "date", "title", "url", "start", "end")
UNATTRIBUTED: Final = "Unattributed"
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


class QuoteRow(Protocol):
    @property
    def article_id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def quotes_to_csv(rows: Iterable[QuoteRow]) -> str:
    """RFC 4180 CSV (CRLF rows, fields quoted where needed) with CSV_HEADER, in the order given."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        cells = [
            row.speaker or "",
            row.text,
            row.kind,
            row.source or "",
            iso_date(row.published),
            row.title,
            row.url or "",
        ]
        writer.writerow([*(defuse_formula(cell) for cell in cells), row.start, row.end])
    return out.getvalue()


def defuse_formula(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would evaluate (OWASP CSV injection)."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def quotes_to_markdown(rows: Iterable[QuoteRow], *, title: str = "Quotes") -> str:
    """Quotes grouped by speaker, most-quoted first, unattributed ones last; each speaker's
    quotes in date order, each with its outlet, date and a link to the article."""
    by_speaker: dict[str, list[QuoteRow]] = {}
    for row in rows:
        by_speaker.setdefault(row.speaker or "", []).append(row)
    speakers = sorted(
        (name for name in by_speaker if name), key=lambda n: (-len(by_speaker[n]), n.casefold())
    )
    if "" in by_speaker:
        speakers.append("")
    sections = [f"# {title}"]
    for speaker in speakers:
        quotes = sorted(
            by_speaker[speaker], key=lambda q: (q.published or "", q.title, q.article_id, q.start)
        )
        name = escape_markdown(" ".join(speaker.split())) if speaker else UNATTRIBUTED
        sections.append(f"## {name} ({len(quotes)})")
        sections.extend(_quote(q) for q in quotes)
    return "\n\n".join(sections) + "\n"


def _quote(row: QuoteRow) -> str:
    quoted = "\n".join(f"> {line}".rstrip() for line in escape_markdown(row.text).split("\n"))
    title = escape_markdown(" ".join(row.title.split())) or "Untitled"
    cited = f"[{title}](<{row.url}>)" if row.url else f"*{title}*"
    pieces = [escape_markdown(row.source or ""), iso_date(row.published), cited]
    line = "— " + " · ".join(piece for piece in pieces if piece)
    if row.kind != "speech":
        line += f" ({row.kind})"
    return f"{quoted}\n\n{line}"
