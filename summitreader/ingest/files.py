"""From paths the user names to parsed articles: walking folders, size limits, format by file type.

Every file yields either articles or a one-line reason it could not be read; one bad file never
stops the others.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from summitreader.ingest.types import IngestError, ParsedArticle

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf"}
IMPORTABLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES


@dataclass(frozen=True, slots=True)
class FileResult:
    """One input file's outcome: the articles it held, or why it could not be read."""

    path: str
    articles: tuple[ParsedArticle, ...] = ()
    error: str | None = None


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | tuple[str, str]]:
    """Files to import, folders walked recursively in name order; a missing path yields its error.

    Inside folders only known article types are taken (a saved page's assets are skipped), and
    hidden files and folders are left alone.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield (str(raw), "no such file or folder")
        elif path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(
                    d for d in dirs if not d.startswith(".") and not d.endswith("_files")
                )
                for name in sorted(files):
                    child = Path(folder) / name
                    if not name.startswith(".") and child.suffix.lower() in IMPORTABLE_SUFFIXES:
                        yield child
        else:
            yield path


def read_file(path: Path) -> FileResult:
    """Read and parse one file; never raises for bad content."""
    try:
        articles = tuple(parse_bytes(_read_limited(path), suffix=path.suffix.lower()))
    except IngestError as exc:
        return FileResult(str(path), error=str(exc))
    except OSError as exc:
        return FileResult(str(path), error=f"cannot read the file: {exc.strerror or exc}")
    except RecursionError:
        return FileResult(str(path), error="the file is nested too deeply to read")
    except Exception as exc:  # a parser bug must cost one file, never the batch
        log.exception("unexpected error reading %s", path)
        return FileResult(str(path), error=f"could not be read ({type(exc).__name__}: {exc})")
    return FileResult(str(path), articles=articles)


def _read_limited(path: Path) -> bytes:
    if not path.is_file():
        raise IngestError("not a regular file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise IngestError(
            f"the file is {size / 1024 / 1024:.1f} MB; files over "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB are not imported"
        )
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise IngestError("the file grew past the size limit while it was read")
    if not data.strip():
        raise IngestError("the file is empty")
    return data


def parse_bytes(
    data: bytes, *, suffix: str = ".txt", url: str | None = None
) -> list[ParsedArticle]:
    """Parse one file's bytes by its type; the content is sniffed when the suffix says little."""
    kind = _kind(data, suffix)
    if kind == "html":
        from summitreader.ingest.html import parse_html

        return [parse_html(data, url=url)]
    if kind == "feed":
        from summitreader.ingest.feeds import parse_feed

        return parse_feed(data)
    from summitreader.ingest.decode import decode_bytes

    text = decode_bytes(data)
    if kind == "markdown":
        from summitreader.ingest.markdown import parse_markdown

        return [parse_markdown(text)]
    from summitreader.ingest.plaintext import parse_plain_text

    return [parse_plain_text(text)]


def _kind(data: bytes, suffix: str) -> str:
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return "feed"
    return "text"
