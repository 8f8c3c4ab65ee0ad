"""A whole library in one portable file: gzip'd JSON lines, merged back without duplicates.

Only what analysis cannot recompute is written: articles with their metadata and reading state,
and (once they exist) annotations. Quotes, entities and the search index are rebuilt on import.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summitreader import __version__
from summitreader.core.models import Article
from summitreader.ingest.types import IngestError, ParsedArticle

FORMAT = "summitreader-library"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class BackupArticle:
    """One article as read back from a backup."""

    uid: str
    imported_at: str | None
    unread: bool
    starred: bool
    parsed: ParsedArticle


def article_record(article: Article) -> dict[str, Any]:
    return {
        "type": "article",
        "uid": article.uid,
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "published": article.published,
        "dateline": article.dateline,
        "url": article.url,
        "section": article.section,
        "tags": list(article.tags),
        "is_excerpt": article.is_excerpt,
        "unread": article.unread,
        "starred": article.starred,
        "imported_at": article.imported_at,
        "content_hash": article.content_hash,
        "paragraphs": list(article.paragraphs),
    }


def write_backup(path: Path, articles: Iterable[Article], extra: Iterable[dict[str, Any]]) -> int:
    """Write atomically (temp file, then rename) so a failed export never leaves half a file."""
    tmp = path.with_name(path.name + ".part")
    count = 0
    try:
        with gzip.open(tmp, "wt", encoding="utf-8") as out:
            header = {
                "type": "header",
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "app": f"SummitReader {__version__}",
                "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            out.write(json.dumps(header, ensure_ascii=False) + "\n")
            for article in articles:
                out.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")
                count += 1
            for record in extra:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return count


def read_backup(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a backup file, header checked; one-line IngestError for anything else."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            first = handle.readline()
            try:
                header = json.loads(first)
            except json.JSONDecodeError:
                raise IngestError("not a SummitReader library backup") from None
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                raise IngestError("not a SummitReader library backup")
            if int(header.get("version", 0)) > FORMAT_VERSION:
                raise IngestError("this backup was written by a newer SummitReader")
            for number, line in enumerate(handle, start=2):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    raise IngestError(f"the backup is damaged at line {number}") from None
                if not isinstance(record, dict):
                    raise IngestError(f"the backup is damaged at line {number}")
                yield record
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise IngestError("no such file") from None
        raise IngestError(f"cannot read the backup: {exc}") from None


def backup_article(record: dict[str, Any]) -> BackupArticle:
    try:
        paragraphs = tuple(str(p) for p in record["paragraphs"])
        parsed = ParsedArticle(
            title=str(record["title"]),
            paragraphs=paragraphs,
            source=record.get("source"),
            author=record.get("author"),
            published=record.get("published"),
            dateline=record.get("dateline"),
            url=record.get("url"),
            section=record.get("section"),
            tags=tuple(str(t) for t in record.get("tags") or ()),
            is_excerpt=bool(record.get("is_excerpt")),
        )
        return BackupArticle(
            uid=str(record["uid"]),
            imported_at=record.get("imported_at"),
            unread=bool(record.get("unread", True)),
            starred=bool(record.get("starred", False)),
            parsed=parsed,
        )
    except (KeyError, TypeError) as exc:
        raise IngestError(f"an article in the backup lacks {exc}") from None
