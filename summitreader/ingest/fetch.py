"""Download one web page for import: http(s) only, bounded in time, size and redirects."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import IO, Any

from summitreader.ingest.types import IngestError

_ALLOWED_SCHEMES = ("http", "https")
_CHUNK_BYTES = 64 * 1024
_MAX_REDIRECTS = 5
_USER_AGENT = "SummitReader (news reader; one page at a user's request)"


@dataclass(frozen=True)
class FetchedPage:
    """The raw bytes of a page, where the redirects ended, and the server's Content-Type."""

    data: bytes
    final_url: str
    content_type: str | None


class _BoundedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a few redirects, and only to http(s): a page may not send us to file: or ftp:."""

    max_redirections = _MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme.lower() not in _ALLOWED_SCHEMES:
            raise IngestError(f"refused a redirect to a non-web address: {newurl:.200}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    # Built by hand so that no file:, ftp: or data: handler is ever installed.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _BoundedRedirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch_url(url: str, *, timeout: float = 20.0, max_bytes: int = 20 * 1024 * 1024) -> FetchedPage:
    """Download `url`; raises IngestError with a one-line reason on any failure.

    `timeout` bounds the whole download, not only each socket read, so a server that trickles
    bytes cannot hold an import forever.
    """
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in _ALLOWED_SCHEMES or not parts.netloc:
        raise IngestError(f"only http and https addresses can be fetched, not {url:.200}")
    request = urllib.request.Request(
        parts.geturl(), headers={"User-Agent": _USER_AGENT, "Accept-Encoding": "identity"}
    )
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise IngestError(_too_large(max_bytes))
            data = _read_bounded(response, max_bytes, deadline, timeout)
            return FetchedPage(
                data=data,
                final_url=response.geturl(),
                content_type=response.headers.get("Content-Type"),
            )
    except IngestError:
        raise
    except urllib.error.HTTPError as error:
        raise IngestError(
            f"the server answered {error.code} {error.reason} for {url:.200}"
        ) from error
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise IngestError(f"no answer within {timeout:g} s from {url:.200}") from error
        raise IngestError(f"could not reach {parts.netloc}: {_one_line(reason)}") from error
    except TimeoutError as error:
        raise IngestError(f"no answer within {timeout:g} s from {url:.200}") from error
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise IngestError(f"the download from {parts.netloc} failed: {_one_line(error)}") from error


def _read_bounded(
    response: http.client.HTTPResponse, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    chunks: list[bytes] = []
    received = 0
    # read1 returns what has arrived instead of waiting for a full chunk, so the deadline is
    # checked while a slow server trickles.
    while chunk := response.read1(_CHUNK_BYTES):
        received += len(chunk)
        if received > max_bytes:
            raise IngestError(_too_large(max_bytes))
        if time.monotonic() > deadline:
            raise IngestError(f"the download took longer than {timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(max_bytes: int) -> str:
    return f"the page is larger than the {max_bytes:,} bytes allowed"


def _one_line(reason: object) -> str:
    return " ".join(str(reason).split()) or type(reason).__name__
