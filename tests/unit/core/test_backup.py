"""A library written to one file and merged back: identical, and never duplicated."""

from __future__ import annotations

import gzip
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle
from summitreader.store.articles import ArticleFilter


def _article(title: str, body: str, **kw: object) -> ParsedArticle:
    return ParsedArticle(title=title, paragraphs=tuple(body.split("\n\n")), **kw)  # type: ignore[arg-type]


def _snapshot(library: Library) -> list[tuple[object, ...]]:
    rows = []
    for summary in library.list(ArticleFilter(order_by="id", descending=False)):
        a = library.get(summary.id)
        assert a is not None
        rows.append(
            (
                a.id,
                a.uid,
                a.title,
                a.source,
                a.author,
                a.published,
                a.dateline,
                a.url,
                a.section,
                a.paragraphs,
                a.content_hash,
                a.imported_at,
                a.tags,
                a.unread,
                a.starred,
            )
        )
    return rows


def test_round_trip_restores_an_identical_library(library: Library, tmp_path: Path) -> None:
    report = library.import_parsed(
        [
            _article(
                "One",
                "First “story” 💧.\n\nSecond paragraph.",
                source="NWS",
                published="2025-03-04",
                url="https://example.org/1",
                tags=("water",),
            ),
            _article("Two", "Another story entirely.", source="Courier", author="Ana Ruiz"),
        ],
        origin="x",
    )
    library.set_starred([report.imported[0][1]], True)
    library.mark_read([report.imported[1][1]])
    backup = tmp_path / "lib.jsonl.gz"
    assert library.export_library(backup) == 2
    with Library(tmp_path / "restored") as restored:
        merged = restored.import_library(backup)
        assert len(merged.imported) == 2 and merged.failed == []
        assert _snapshot(restored) == _snapshot(library)
        assert restored.search("story").total == 2
        again = restored.import_library(backup)
        assert again.imported == [] and len(again.duplicates) == 2
        assert restored.count() == 2


def test_merge_into_a_library_that_has_some_of_it(library: Library, tmp_path: Path) -> None:
    library.import_parsed(
        [_article("One", "Shared text."), _article("Two", "Only here.")], origin="x"
    )
    backup = tmp_path / "lib.jsonl.gz"
    library.export_library(backup)
    with Library(tmp_path / "other") as other:
        other.import_parsed([_article("One", "Shared text.")], origin="y")
        merged = other.import_library(backup)
        assert len(merged.imported) == 1 and len(merged.duplicates) == 1
        assert other.count() == 2


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"not gzip at all", "cannot read the backup"),
        (gzip.compress(b'{"format": "something-else"}\n'), "not a SummitReader library backup"),
        (
            gzip.compress(
                b'{"type":"header","format":"summitreader-library","version":1}\n{oops\n'
            ),
            "damaged at line 2",
        ),
        (
            gzip.compress(
                b'{"type":"header","format":"summitreader-library","version":1}\n'
                b'{"type":"article","uid":"u"}\n'
            ),
            "lacks",
        ),
    ],
)
def test_bad_backups_are_refused_with_a_reason(
    library: Library, tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(content)
    report = library.import_library(path)
    assert len(report.failed) == 1 and reason in report.failed[0][1]
    assert library.count() == 0


PAGE = b"""<!doctype html><html><head><title>Reservoirs fall | Basin Post</title>
<meta property="og:site_name" content="Basin Post"></head><body><article>
<h1>Reservoirs fall to a ten-year low</h1>
<p>Reservoirs along the upper basin fell to their lowest level in a decade on Monday, officials
said, as a dry winter left the river with little to give to farms downstream.</p>
<p>&#8220;We are rationing what we have,&#8221; said Marta Lind, who runs the basin authority.
She said the authority would publish weekly figures until the rains return.</p>
</article></body></html>"""


@pytest.fixture
def page_server() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/story":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(PAGE)
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_import_from_url(library: Library, page_server: str) -> None:
    report = library.import_url(page_server + "/story")
    assert report.failed == [] and len(report.imported) == 1
    article = library.get(report.imported[0][1])
    assert article is not None
    assert article.url == page_server + "/story"
    assert "rationing" in article.text
    missing = library.import_url(page_server + "/missing")
    assert len(missing.failed) == 1 and "404" in missing.failed[0][1]
    assert library.import_url("file:///etc/passwd").failed
