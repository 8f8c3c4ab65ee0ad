"""The window's one shared state: the library, the list, the open article, the search.

Views call its methods and listen to its signals; they never call each other. Anything that
touches the disk for longer than a page fetch runs through `TaskRunner`, and every change the
library reports comes back out as `library_did_change(Changes)` so each view refreshes only what
it shows (Anki's OpChanges → operation_did_execute).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from summitreader.annotate.model import Annotation
from summitreader.core.library import Library
from summitreader.core.models import Article, Changes, ImportReport
from summitreader.nlp.types import ArticleAnalysis
from summitreader.ui.annotation_service import AnnotationService
from summitreader.ui.article_table_model import ArticleTableModel
from summitreader.ui.coverage_service import CoverageService
from summitreader.ui.tasks import TaskContext, TaskRunner

log = logging.getLogger(__name__)

SEARCH_PAGE = 50
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class OpenedArticle:
    """An article ready to read: its analysis, the hits of the query it was opened from, its
    annotations, where to scroll (`focus`, a code-point offset) when the reader should not resume,
    and a passage to flash (`flash`) when it was opened from a note."""

    article: Article
    analysis: ArticleAnalysis | None
    query: str = ""
    hits: tuple[Span, ...] = ()
    focus: int | None = None
    notes: tuple[Annotation, ...] = ()
    flash: Span | None = None


@dataclass(frozen=True, slots=True)
class _SearchFailure:
    message: str
    index_broken: bool = False


class DocumentModel(QObject):
    """Owns the Library handle, the article list model, the open article and the search.

    Signals:
        article_did_open(OpenedArticle): the reader should show this article.
        article_did_close(): nothing is open (it was deleted, or the library emptied).
        search_did_start(str): a search for this query is running.
        search_did_finish(SearchResults): results of the latest search (stale ones are dropped).
        search_did_fail(str): the latest query cannot be read; a one-line reason.
        search_did_clear(): the search was cleared; show the article list.
        library_did_change(Changes): what a mutating call changed.
        import_did_finish(ImportReport): an import ended (also when cancelled).
        related_did_load(int, list): article id, its RelatedHits.
        library_entities_did_load(list): EntitySummary rows, most mentioned first.
        entity_did_focus(str, list): entity name and its spans in the open article.
        notes_did_change(tuple): the open article's annotations, after any change to them.
        passage_did_flash(int, int): bring this span of the open article into view and flash it.
        selection_did_change(bool): whether the reader has a passage of the open article selected.
        index_did_report(str): a sentence about the search index for the status bar.
        list_filter_did_change(ArticleFilter): the article list was filtered from outside the
            list (a chart); the list shows it and offers to clear it.
        task_did_start(int, str), task_did_progress(int, int, int, str),
        task_did_finish(int, bool), task_did_fail(str, str): background work, for the status bar.
        write_did_refuse(str): the library cannot save (read-only, disk full); reading works.
    """

    article_did_open = Signal(object)
    article_did_close = Signal()
    search_did_start = Signal(str)
    search_did_finish = Signal(object)
    search_did_fail = Signal(str)
    search_did_clear = Signal()
    library_did_change = Signal(object)
    import_did_finish = Signal(object)
    related_did_load = Signal(int, object)
    library_entities_did_load = Signal(object)
    entity_did_focus = Signal(str, object)
    notes_did_change = Signal(object)
    passage_did_flash = Signal(int, int)
    selection_did_change = Signal(bool)
    index_did_report = Signal(str)
    list_filter_did_change = Signal(object)
    task_did_start = Signal(int, str)
    task_did_progress = Signal(int, int, int, str)
    task_did_finish = Signal(int, bool)
    task_did_fail = Signal(str, str)
    write_did_refuse = Signal(str)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = TaskRunner(self)
        self.tasks.task_did_start.connect(self.task_did_start)
        self.tasks.task_did_progress.connect(self.task_did_progress)
        self.tasks.task_did_finish.connect(self.task_did_finish)
        self.tasks.task_did_fail.connect(self.task_did_fail)
        self.tasks.write_did_refuse.connect(self.write_did_refuse)
        self.table_model = ArticleTableModel(library, self)
        self.current: OpenedArticle | None = None
        self.query = ""
        self.sort = "relevance"
        self.results: Any = None
        self._search_generation = 0
        self._open_generation = 0
        self.selection: tuple[int, int, int] | None = None  # article id, start, end
        self.notes = AnnotationService(library, self.tasks, self._apply, self)
        self.notes.article_notes_did_load.connect(self._notes_loaded)
        self.coverage = CoverageService(library, self.tasks, self)

    # -- the open article ---------------------------------------------------------------------

    @property
    def current_id(self) -> int | None:
        return self.current.article.id if self.current else None

    def open_article(
        self, article_id: int, *, focus: int | None = None, flash: Span | None = None
    ) -> None:
        """Load the article, its analysis, its notes and the query's hits off the GUI thread."""
        self._open_generation += 1
        generation = self._open_generation
        query = self.query

        def work(_ctx: TaskContext) -> OpenedArticle | None:
            article = self.library.get(article_id)
            if article is None:
                return None
            analysis = self.library.analysis(article_id)
            hits = tuple(self._hit_spans(article_id, query)) if query else ()
            notes = tuple(self.library.annotations(article_id=article_id))
            return OpenedArticle(article, analysis, query, hits, focus, notes, flash)

        def done(opened: OpenedArticle | None) -> None:
            if generation != self._open_generation or opened is None:
                return
            self.current = opened
            self.notes.set_current_article(opened.article.id)
            self.set_selection(None)
            self.article_did_open.emit(opened)
            if opened.article.unread:
                self.mark_read([opened.article.id])

        self.tasks.run("Opening article", work, on_done=done, visible=False)

    def show_passage(self, article_id: int, start: int, end: int) -> None:
        """Scroll to a passage and flash it, opening its article first if it is not open."""
        if article_id == self.current_id:
            self.passage_did_flash.emit(start, end)
        elif article_id:
            self.open_article(article_id, focus=start, flash=(start, end))

    def set_selection(self, span: Span | None) -> None:
        """What the reader has selected in the open article (code points), for re-attaching."""
        current = self.current_id
        selection = (current, *span) if span and current and span[0] < span[1] else None
        if selection != self.selection:
            self.selection = selection
            self.selection_did_change.emit(selection is not None)

    def _notes_loaded(self, article_id: int, notes: list[Annotation]) -> None:
        if self.current is not None and self.current.article.id == article_id:
            self.current = replace(self.current, notes=tuple(notes))
            self.notes_did_change.emit(self.current.notes)

    def _hit_spans(self, article_id: int, query: str) -> list[Span]:
        from summitreader.index.errors import QueryError  # on a worker: keeps it off start-up

        try:
            return list(self.library.hit_spans(article_id, query))
        except QueryError:
            return []

    def focus_entity(self, name: str) -> None:
        """Highlight one entity's mentions in the open article."""
        if self.current is None or self.current.analysis is None:
            return
        spans = [
            (m.start, m.end)
            for e in self.current.analysis.entities
            if e.name == name
            for m in e.mentions
        ]
        self.entity_did_focus.emit(name, spans)

    # -- search -------------------------------------------------------------------------------

    def search(self, query: str, *, sort: str | None = None) -> int:
        """Run a search; a newer call makes any running one stale. Returns its generation."""
        self._search_generation += 1
        generation = self._search_generation
        self.query = query.strip()
        if sort is not None:
            self.sort = sort
        if not self.query:
            self.results = None
            self.search_did_clear.emit()
            return generation
        query_text, sort_key = self.query, self.sort
        self.search_did_start.emit(query_text)

        def work(_ctx: TaskContext) -> object:
            from summitreader.index.errors import IndexUnavailableError, QueryError

            try:
                return self.library.search(query_text, limit=SEARCH_PAGE, sort=sort_key)
            except QueryError as exc:
                return _SearchFailure(str(exc).splitlines()[0] if str(exc) else "Bad query")
            except IndexUnavailableError as exc:
                return _SearchFailure(f"{exc}; rebuilding it now", index_broken=True)

        def done(result: object) -> None:
            if generation != self._search_generation:
                return  # a newer search is on its way; never show this one late
            if isinstance(result, _SearchFailure):
                self.search_did_fail.emit(result.message)
                if result.index_broken:
                    self.ensure_index()
                return
            self.results = result
            self.search_did_finish.emit(result)

        def failed(reason: str) -> None:
            if generation == self._search_generation:
                self.search_did_fail.emit(reason)

        self.tasks.run("Searching", work, on_done=done, on_failed=failed, visible=False)
        return generation

    def clear_search(self) -> None:
        self.search("")

    # -- side panels --------------------------------------------------------------------------

    def load_related(self, article_id: int) -> None:
        self.tasks.run(
            "Finding related coverage",
            lambda _ctx: self.library.related(article_id, limit=12),
            on_done=lambda hits: self.related_did_load.emit(article_id, hits),
            on_failed=lambda reason: log.warning("Related coverage failed: %s", reason),
            visible=False,
        )

    def load_library_entities(self) -> None:
        self.tasks.run(
            "Counting names",
            lambda _ctx: self.library.entities(limit=300),
            on_done=self.library_entities_did_load.emit,
            visible=False,
        )

    # -- the article list's filter ------------------------------------------------------------

    def filter_list(
        self,
        *,
        sources: Sequence[str] = (),
        published_from: str | None = None,
        published_to: str | None = None,
        ids: Sequence[int] | None = None,
    ) -> None:
        """Show only these articles in the list (a day, an outlet, a set of ids); text cleared."""
        flt = replace(
            self.table_model.filter,
            sources=tuple(sources),
            published_from=published_from,
            published_to=published_to,
            ids=tuple(ids) if ids is not None else None,
            text=None,
        )
        self.table_model.set_filter(flt)
        self.list_filter_did_change.emit(flt)

    def clear_list_filter(self) -> None:
        """Back to the whole library in the list's current order."""
        self.filter_list()

    # -- changing the library -----------------------------------------------------------------

    def import_paths(self, paths: Sequence[str | Path]) -> None:
        wanted = [str(p) for p in paths]
        self._run_import(
            "Importing",
            lambda ctx: self.library.import_paths(
                wanted, progress=ctx.progress, cancelled=ctx.cancelled
            ),
        )

    def import_url(self, url: str) -> None:
        """Fetch a page or feed (bounded in time and size) and import it."""
        self._run_import("Fetching " + url, lambda _ctx: self.library.import_url(url))

    def import_samples(self) -> None:
        self._run_import(
            "Loading the sample articles",
            lambda ctx: self.library.import_samples(progress=ctx.progress, cancelled=ctx.cancelled),
        )

    def _run_import(self, label: str, work: Any) -> None:
        def done(report: ImportReport) -> None:
            self._apply(report.changes)
            self.import_did_finish.emit(report)

        self.tasks.run(label, work, on_done=done, writes=True)

    def ensure_index(self) -> None:
        """Bring derived data up to date at start: the search index, then stale analyses.

        An index that disagrees with the store is rebuilt; articles analysed by an older
        analyser (or changed since) are analysed again, so what the window shows is current.
        """

        def work(ctx: TaskContext) -> tuple[bool, Changes]:
            rebuilt = self.library.ensure_index(progress=ctx.progress, cancelled=ctx.cancelled)
            changes = self.library.analyse(progress=ctx.progress, cancelled=ctx.cancelled)
            return rebuilt, changes

        def done(result: tuple[bool, Changes] | None) -> None:
            if result is None:
                return
            rebuilt, changes = result
            if changes:
                self._apply(changes)
            if rebuilt:
                self.index_did_report.emit("Search index rebuilt")
            elif changes.updated:
                self.index_did_report.emit(
                    f"Quotes and names brought up to date in {len(changes.updated)} articles"
                )

        def failed(reason: str) -> None:
            self.index_did_report.emit(f"Search is unavailable: {reason}")

        self.tasks.run(
            "Checking the search index", work, on_done=done, on_failed=failed, writes=True
        )

    def delete(self, ids: Iterable[int]) -> None:
        wanted = list(ids)
        self._write("Deleting", lambda _ctx: self.library.delete(wanted))

    def mark_read(self, ids: Iterable[int], read: bool = True) -> None:
        wanted = list(ids)
        self._write("Marking", lambda _ctx: self.library.mark_read(wanted, read), visible=False)

    def set_starred(self, ids: Iterable[int], starred: bool) -> None:
        wanted = list(ids)
        self._write(
            "Starring", lambda _ctx: self.library.set_starred(wanted, starred), visible=False
        )

    def _write(self, label: str, work: Any, *, visible: bool = True) -> None:
        self.tasks.run(label, work, on_done=self._apply, writes=True, visible=visible)

    def _apply(self, changes: Changes | None) -> None:
        if not changes:
            return
        self.table_model.apply_changes(changes)
        current = self.current
        if current is not None and current.article.id in changes.removed:
            self.current = None
            self.notes.set_current_article(None)
            self.article_did_close.emit()
        elif current is not None and current.article.id in changes.updated:
            fresh = self.library.get(current.article.id)
            if fresh is not None:
                self.current = replace(current, article=fresh)
        self.library_did_change.emit(changes)

    # -- lifetime -----------------------------------------------------------------------------

    def is_idle(self) -> bool:
        return self.tasks.is_idle()

    def close(self) -> None:
        """Cancel background work and wait for it, so nothing outlives the window."""
        self.tasks.shut_down()
