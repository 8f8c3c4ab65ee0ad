from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from summitreader.export.quotes import CSV_HEADER, defuse_formula, quotes_to_csv, quotes_to_markdown
from summitreader.store.analysis import LibraryQuote


@dataclass(frozen=True)
class Row:
    article_id: int
    title: str
    source: str | None
    published: str | None
    url: str | None
    text: str
    speaker: str | None
    kind: str
    start: int
    end: int


def _row(text: str, speaker: str | None, **fields: object) -> Row:
    values: dict[str, object] = {
        "article_id": 1, "title": "Talks collapse", "source": "Tagus Herald",
        "published": "2024-05-01T09:30:00+00:00", "url": "https://ex.com/a",
        "kind": "speech", "start": 10, "end": 10 + len(text),
    }  # fmt: skip
    values.update(fields)
    return Row(text=text, speaker=speaker, **values)  # type: ignore[arg-type]


def test_csv_header_and_a_plain_row() -> None:
    out = quotes_to_csv([_row("We are further apart.", "Ana Ribeiro")])
    assert out == (
        "speaker,quote,kind,outlet,date,title,url,start,end\r\n"
        "Ana Ribeiro,We are further apart.,speech,Tagus Herald,2024-05-01,Talks collapse,"
        "https://ex.com/a,10,31\r\n"
    )


def test_csv_survives_commas_quotes_and_newlines() -> None:
    text = 'He said, "no deal",\nand left.\r\nThen: “maybe”.'
    rows = [_row(text, "Silva, J.", title='The "final" round')]
    parsed = list(csv.reader(io.StringIO(quotes_to_csv(rows), newline="")))
    assert parsed[0] == list(CSV_HEADER)
    assert parsed[1][:2] == ["Silva, J.", text]
    assert parsed[1][5] == 'The "final" round'


def test_csv_defuses_formula_injection() -> None:
    rows = [
        _row('=HYPERLINK("http://evil")', "+Speaker", source="-Outlet", title="@title"),
        _row("plain", None, url=None, source=None, published=None),
    ]
    parsed = list(csv.reader(io.StringIO(quotes_to_csv(rows), newline="")))
    assert parsed[1][:4] == ["'+Speaker", '\'=HYPERLINK("http://evil")', "speech", "'-Outlet"]
    assert parsed[1][5] == "'@title"
    assert parsed[2] == ["", "plain", "speech", "", "", "Talks collapse", "", "10", "15"]


def test_defuse_formula() -> None:
    for risky in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert defuse_formula(risky) == "'" + risky
    assert defuse_formula("a=1") == "a=1"
    assert defuse_formula("") == ""


def test_library_quote_rows_fit() -> None:
    quote = LibraryQuote(
        article_id=4, title="T", source=None, published=None, url=None,
        text="Enough.", speaker="Ana Ribeiro", kind="fragment", start=0, end=7, cue="said",
    )  # fmt: skip
    assert quotes_to_csv([quote]).endswith("Ana Ribeiro,Enough.,fragment,,,T,,0,7\r\n")


def test_markdown_groups_by_speaker_most_quoted_first_unattributed_last() -> None:
    rows = [
        _row("Later words.", "Ana Ribeiro", published="2024-05-03", title="Day three", url=None),
        _row("A “scare” term", None, kind="scare"),
        _row("Not now.", "João Silva", source=None),
        _row("We are further apart.", "Ana Ribeiro", published="2024-05-01"),
    ]
    assert quotes_to_markdown(rows) == (
        "# Quotes\n\n"
        "## Ana Ribeiro (2)\n\n"
        "> We are further apart.\n\n"
        "— Tagus Herald · 2024-05-01 · [Talks collapse](<https://ex.com/a>)\n\n"
        "> Later words.\n\n"
        "— Tagus Herald · 2024-05-03 · *Day three*\n\n"
        "## João Silva (1)\n\n"
        "> Not now.\n\n"
        "— 2024-05-01 · [Talks collapse](<https://ex.com/a>)\n\n"
        "## Unattributed (1)\n\n"
        "> A “scare” term\n\n"
        "— Tagus Herald · 2024-05-01 · [Talks collapse](<https://ex.com/a>) (scare)\n"
    )


def test_markdown_of_no_quotes() -> None:
    assert quotes_to_markdown([]) == "# Quotes\n"
