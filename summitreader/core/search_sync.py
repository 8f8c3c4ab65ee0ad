"""Keeps the derived search index in step with the store, the truth.

The store counts every change to indexed content (its generation); the index records the
generation it last saw. When they differ, or the index is missing, unreadable or from an older
schema, it is rebuilt from the store, and the caller is told.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from summitreader.core.models import Article
from summitreader.index.documents import IndexDocument
from summitreader.index.search_index import SearchIndex
from summitreader.store.analysis import AnalysisStore
from summitreader.store.annotations import AnnotationStore
from summitreader.store.articles import ArticleStore
from summitreader.store.database import Database, ReadOnlyLibraryError

log = logging.getLogger(__name__)

BYTES_PER_ARTICLE = 20_000


@dataclass(frozen=True, slots=True)
class IndexCheck:
    """Whether the search index agrees with the store, and if not, why."""

    ok: bool
    store_count: int
    index_count: int
    store_stamp: str
    index_stamp: str | None
    problem: str | None


class SearchSync:
    def __init__(
        self,
        directory: Path,
        db: Database,
        articles: ArticleStore,
        analysis: AnalysisStore,
        annotations: AnnotationStore,
    ) -> None:
        self.index = SearchIndex(directory)
        self.db = db
        self.articles = articles
        self.analysis = analysis
        self.annotations = annotations

    def close(self) -> None:
        self.index.close()

    def stamp(self) -> str:
        return str(self.db.generation())

    def check(self) -> IndexCheck:
        state = self.index.state()
        store_count = self.articles.count()
        stamp = self.stamp()
        problem = state.problem
        if problem is None:
            if not state.exists:
                problem = "the search index does not exist yet"
            elif not state.readable:
                problem = "the search index cannot be read"
            elif not state.schema_ok:
                problem = "the search index is from an older version"
            elif state.count != store_count:
                problem = (
                    f"the search index holds {state.count} articles, the library {store_count}"
                )
            elif state.stamp != stamp:
                problem = "the search index missed a change to the library"
        return IndexCheck(
            ok=problem is None,
            store_count=store_count,
            index_count=state.count,
            store_stamp=stamp,
            index_stamp=state.stamp,
            problem=problem,
        )

    def rebuild(
        self,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> int:
        total = self.articles.count()
        self._check_room(total)
        stamp = self.stamp()
        docs = (self.document(article) for article in self.articles.iter_all())
        return self.index.rebuild(
            docs, stamp=stamp, total=total, progress=progress, cancelled=cancelled
        )

    def _check_room(self, total: int) -> None:
        """Refuse a rebuild the disk cannot hold, before it starts, in one line.

        A rebuild is written beside the old index and swapped in; measured on the synthetic
        corpus it needs about 10 KB per article of working space, so ask for twice that.
        """
        folder = self.index.directory
        folder.mkdir(parents=True, exist_ok=True)
        needed = total * BYTES_PER_ARTICLE
        free = shutil.disk_usage(folder).free
        if free < needed:
            raise ReadOnlyLibraryError(
                f"not enough free disk space to rebuild the search index: it needs about "
                f"{needed / 1e9:.1f} GB and {free / 1e9:.1f} GB are free"
            )

    def apply(
        self,
        *,
        changed: Iterable[int],
        removed: Iterable[int],
        in_sync_before: bool,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Bring the index up to date after a write; rebuild if it was already behind."""
        if not in_sync_before:
            log.info("search index was out of step before this change; rebuilding it")
            self.rebuild(progress=progress)
            return
        stamp = self.stamp()
        removed = list(removed)
        docs = [
            self.document(article)
            for article in (self.articles.get(i) for i in sorted(set(changed)))
            if article is not None
        ]
        if removed:
            self.index.delete(removed, stamp=stamp)
        if docs or not removed:
            self.index.upsert(docs, stamp=stamp)

    def document(self, article: Article) -> IndexDocument:
        speakers, entities, quotes = self.analysis.index_fields(article.id)
        notes, tags, annotated = self.annotations.index_fields(article.id)
        return IndexDocument(
            id=article.id,
            title=article.title,
            body=article.text,
            source=article.source,
            author=article.author,
            published=article.published,
            dateline=article.dateline,
            section=article.section,
            speakers=speakers,
            entities=entities,
            quotes=quotes,
            notes=notes,
            tags=tuple(dict.fromkeys((*article.tags, *tags))),
            annotated=annotated,
        )
