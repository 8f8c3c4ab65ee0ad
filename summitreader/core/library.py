"""`Library`: the one door to a reader's collection, for the CLI and the window alike.

Everything a caller can do to the library goes through here; every mutating call returns a
`Changes` record (or a report holding one) so the window can refresh exactly what changed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from summitreader.core import textnorm
from summitreader.core.models import Article, ArticleSummary, Changes, ImportReport
from summitreader.ingest.files import expand_paths, read_file
from summitreader.ingest.types import ParsedArticle
from summitreader.paths import LibraryLayout, resolve_library_dir
from summitreader.store.articles import ArticleFilter, ArticleStore
from summitreader.store.database import Database

log = logging.getLogger(__name__)

# progress(done, total, what) — total is 0 when unknown.
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class Library:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.layout = LibraryLayout(root)
        root.mkdir(parents=True, exist_ok=True)
        self.db = Database(self.layout.database)
        self.articles_store = ArticleStore(self.db)

    @classmethod
    def open(cls, explicit: str | os.PathLike[str] | None = None) -> Library:
        """The library named by `--library`, $SUMMITREADER_LIBRARY, or the user's default."""
        return cls(resolve_library_dir(explicit))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- import -----------------------------------------------------------------------------------

    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportReport:
        """Import files and folders (recursively). Bad files are reported, never fatal."""
        report = ImportReport()
        items = list(expand_paths(paths))
        changes = Changes()
        for done, item in enumerate(items):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            if isinstance(item, tuple):
                report.failed.append(item)
                continue
            if progress is not None:
                progress(done, len(items), item.name)
            result = read_file(item)
            if result.error is not None:
                report.failed.append((result.path, result.error))
                continue
            for parsed in result.articles:
                changes = changes.merged(self._store_one(parsed, result.path, report))
        if progress is not None:
            progress(len(items), len(items), "")
        report.changes = changes
        return report

    def import_samples(
        self, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> ImportReport:
        from summitreader.resources import sample_files

        return self.import_paths(sample_files(), progress=progress, cancelled=cancelled)

    def import_parsed(self, articles: Sequence[ParsedArticle], *, origin: str) -> ImportReport:
        """Store articles another importer already parsed (a feed fetched from a URL, a backup)."""
        report = ImportReport()
        changes = Changes()
        for parsed in articles:
            changes = changes.merged(self._store_one(parsed, origin, report))
        report.changes = changes
        return report

    def _store_one(self, parsed: ParsedArticle, origin: str, report: ImportReport) -> Changes:
        """One article, one transaction: a duplicate, a corrected version, or a new article."""
        store = self.articles_store
        normalized = textnorm.normalized_hash(parsed.text)
        with self.db.write() as conn:
            same = store.find_same_text(normalized)
            if same is not None:
                report.duplicates.append((origin, same))
                return Changes()
            earlier = store.find_earlier_version(parsed)
            if earlier is not None:
                store.replace(conn, earlier, parsed, origin=origin)
                report.updated.append((origin, earlier))
                return Changes(updated=frozenset({earlier}))
            new_id = store.insert(conn, parsed, origin=origin)
        report.imported.append((origin, new_id, parsed.title))
        return Changes(added=frozenset({new_id}))

    # -- reading ----------------------------------------------------------------------------------

    def get(self, article_id: int) -> Article | None:
        return self.articles_store.get(article_id)

    def list(
        self, flt: ArticleFilter | None = None, *, limit: int = -1, offset: int = 0
    ) -> list[ArticleSummary]:
        return self.articles_store.summaries(flt, limit=limit, offset=offset)

    def count(self, flt: ArticleFilter | None = None) -> int:
        return self.articles_store.count(flt)

    def sources(self) -> list[tuple[str, int]]:
        """Outlets with their article counts, most covered first."""
        return self.articles_store.sources()

    # -- changing ---------------------------------------------------------------------------------

    def delete(self, ids: Iterable[int]) -> Changes:
        with self.db.write() as conn:
            removed = self.articles_store.delete(conn, list(ids))
        return Changes(removed=frozenset(removed))

    def mark_read(self, ids: Iterable[int], read: bool = True) -> Changes:
        ids = list(ids)
        self.articles_store.set_flags(ids, unread=not read)
        return Changes(updated=frozenset(ids))

    def set_starred(self, ids: Iterable[int], starred: bool) -> Changes:
        ids = list(ids)
        self.articles_store.set_flags(ids, starred=starred)
        return Changes(updated=frozenset(ids))
