"""Downloads against a local server only: redirects, limits, timeouts, errors, refused schemes."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from summitreader.ingest.fetch import FetchedPage, fetch_url
from summitreader.ingest.types import IngestError

PAGE = "<html><body><p>Délégués à Kralin.</p></body></html>".encode()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes = {
            "/page": self._page,
            "/redirect": lambda: self._redirect("/page"),
            "/loop": lambda: self._redirect("/loop"),
            "/to-file": lambda: self._redirect("file:///etc/passwd"),
            "/to-ftp": lambda: self._redirect("ftp://127.0.0.1/secret"),
            "/big": self._big_without_length,
            "/big-declared": self._big_declared,
            "/slow": self._slow,
            "/trickle": self._trickle,
        }
        routes.get(self.path, self._missing)()

    def _page(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _big_without_length(self) -> None:
        self.send_response(200)
        self.end_headers()
        for _ in range(64):
            self.wfile.write(b"x" * 16384)

    def _big_declared(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(10**9))
        self.end_headers()

    def _slow(self) -> None:
        time.sleep(2)
        self._page()

    def _trickle(self) -> None:
        self.send_response(200)
        self.end_headers()
        for _ in range(30):
            self.wfile.write(b"y" * 10)
            self.wfile.flush()
            time.sleep(0.1)

    def _missing(self) -> None:
        self.send_error(404, "Not Found")

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_fetches_bytes_and_content_type(server: str) -> None:
    page = fetch_url(f"{server}/page")
    assert page == FetchedPage(PAGE, f"{server}/page", "text/html; charset=utf-8")


def test_follows_redirects_and_reports_the_final_url(server: str) -> None:
    page = fetch_url(f"{server}/redirect")
    assert page.final_url == f"{server}/page"
    assert page.data == PAGE


def test_redirect_loops_are_bounded(server: str) -> None:
    with pytest.raises(IngestError, match="302"):
        fetch_url(f"{server}/loop")


@pytest.mark.parametrize("path", ["/to-file", "/to-ftp"])
def test_redirect_to_a_non_web_address_is_refused(server: str, path: str) -> None:
    with pytest.raises(IngestError, match=r"(non-web address|is not allowed)"):
        fetch_url(f"{server}{path}")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/plain,hi", "127.0.0.1/page", ""]
)
def test_only_http_and_https_are_allowed(url: str) -> None:
    with pytest.raises(IngestError, match="only http and https"):
        fetch_url(url)


def test_streaming_stops_past_max_bytes(server: str) -> None:
    with pytest.raises(IngestError, match="larger than the 100,000 bytes"):
        fetch_url(f"{server}/big", max_bytes=100_000)
    assert len(fetch_url(f"{server}/big", max_bytes=2_000_000).data) == 64 * 16384


def test_declared_length_over_the_limit_is_refused_before_reading(server: str) -> None:
    with pytest.raises(IngestError, match="larger than"):
        fetch_url(f"{server}/big-declared", max_bytes=1000)


def test_http_errors_are_one_line(server: str) -> None:
    with pytest.raises(IngestError, match=r"^the server answered 404 Not Found for ") as caught:
        fetch_url(f"{server}/missing")
    assert "\n" not in str(caught.value)


def test_slow_server_times_out(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"within 0\.5 s"):
        fetch_url(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - started < 2


def test_trickling_server_is_cut_off_by_the_overall_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(IngestError, match="longer than 1 s"):
        fetch_url(f"{server}/trickle", timeout=1.0)
    assert time.monotonic() - started < 2.5


def test_connection_refused_is_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(IngestError, match=r"^could not reach 127\.0\.0\.1:\d+: "):
        fetch_url(f"http://127.0.0.1:{port}/page", timeout=2)
