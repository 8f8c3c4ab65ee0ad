"""Cross-outlet views' data: shared remarks, speakers, co-mentions and the story's charts.

Every question goes to the Library on a reader thread through `TaskRunner`; the answer comes
back as one signal. A newer question of the same kind makes an older answer stale, so a view
never shows a late result for a speaker the user has already left.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from summitreader.core.library import Library
from summitreader.coverage import CoverageTimeline, SpeakerGrid
from summitreader.ui.tasks import TaskContext, TaskRunner

log = logging.getLogger(__name__)

# Articles a search scope may cover at most (the charts count them; the list shows them).
SCOPE_LIMIT = 5000
GRID_SPEAKERS = 16


@dataclass(frozen=True, slots=True)
class RemarkList:
    """The answer to `load_remarks`: which speaker ("" for all), how loose, and the groups."""

    speaker: str
    loose: bool
    groups: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class GlanceData:
    """What the story-at-a-glance charts draw, for the library or one search's articles.

    `ids` is None for the whole library, else the articles in scope (the grid's clicks keep to
    them). `query` names the search the scope came from.
    """

    timeline: CoverageTimeline
    grid: SpeakerGrid
    ids: tuple[int, ...] | None = None
    query: str = ""


class CoverageService(QObject):
    """Loads what the Compare view, the speaker index, the Names panel and the charts show.

    Signals:
        remarks_did_load(RemarkList): shared remarks for the Compare view.
        speakers_did_load(list): SpeakerSummary rows, most quoted first.
        speaker_remarks_did_load(str, list): a speaker and all their remarks (groups, shared
            ones merged, single quotes as groups of one), most carried first.
        co_mentions_did_load(str, list): an entity and its CoMention rows.
        glance_did_load(GlanceData): the charts' data.
        glance_did_fail(str): the charts' data could not be loaded; a one-line reason.
        quoting_ids_did_load(str, str, list): speaker, outlet, ids of that outlet's articles
            quoting the speaker (within the charts' scope).
        compare_did_request(str): show the Compare view on this speaker ("" for everyone).
    """

    remarks_did_load = Signal(object)
    speakers_did_load = Signal(object)
    speaker_remarks_did_load = Signal(str, object)
    co_mentions_did_load = Signal(str, object)
    glance_did_load = Signal(object)
    glance_did_fail = Signal(str)
    quoting_ids_did_load = Signal(str, str, object)
    compare_did_request = Signal(str)

    def __init__(self, library: Library, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self._generations: dict[str, int] = {}

    def _next(self, kind: str) -> int:
        self._generations[kind] = self._generations.get(kind, 0) + 1
        return self._generations[kind]

    def _current(self, kind: str, generation: int) -> bool:
        return self._generations.get(kind) == generation

    def _run(self, kind: str, label: str, work: Any, emit: Any) -> None:
        generation = self._next(kind)

        def done(result: object) -> None:
            if self._current(kind, generation) and result is not None:
                emit(result)

        self.tasks.run(
            label,
            work,
            on_done=done,
            on_failed=lambda reason: log.warning("%s failed: %s", label, reason),
            visible=False,
        )

    # -- questions ----------------------------------------------------------------------------

    def load_remarks(self, speaker: str = "", *, loose: bool = False) -> None:
        """Remarks carried by two or more articles; for one speaker, or everyone ("")."""
        library = self.library

        def work(_ctx: TaskContext) -> RemarkList:
            groups = library.compare_quotes(speaker=speaker or None, loose=loose)
            return RemarkList(speaker, loose, tuple(groups))

        self._run("remarks", "Comparing quotes", work, self.remarks_did_load.emit)

    def load_speakers(self) -> None:
        library = self.library
        self._run(
            "speakers",
            "Listing speakers",
            lambda _ctx: library.speakers(),
            self.speakers_did_load.emit,
        )

    def load_speaker_remarks(self, speaker: str) -> None:
        """All of one speaker's quotes, grouped by remark (a remark only one article has too)."""
        library = self.library

        def work(_ctx: TaskContext) -> list[Any]:
            from summitreader.coverage import group_remarks

            quotes = [q for q in library.quotes(speaker=speaker) if q.kind != "scare"]
            return group_remarks(quotes, include_singletons=True)

        self._run(
            "speaker_remarks",
            "Collecting remarks",
            work,
            lambda groups: self.speaker_remarks_did_load.emit(speaker, groups),
        )

    def load_co_mentions(self, entity: str, *, limit: int = 20) -> None:
        library = self.library
        self._run(
            "co_mentions",
            "Finding names mentioned together",
            lambda _ctx: library.co_mentions(entity, limit=limit),
            lambda rows: self.co_mentions_did_load.emit(entity, rows),
        )

    def load_glance(self, query: str = "") -> None:
        """Chart data for the whole library, or for the articles a search finds."""
        library = self.library
        generation = self._next("glance")

        def work(_ctx: TaskContext) -> GlanceData:
            ids: tuple[int, ...] | None = None
            if query:
                results = library.search(query, limit=SCOPE_LIMIT)
                ids = tuple(hit.id for hit in results.hits)
            timeline = library.coverage_timeline(ids)
            grid = library.speaker_grid(ids, top_speakers=GRID_SPEAKERS)
            return GlanceData(timeline, grid, ids, query)

        def done(data: GlanceData | None) -> None:
            if self._current("glance", generation) and data is not None:
                self.glance_did_load.emit(data)

        def failed(reason: str) -> None:
            if self._current("glance", generation):
                self.glance_did_fail.emit(reason)

        self.tasks.run("Drawing the story", work, on_done=done, on_failed=failed, visible=False)

    def load_quoting_ids(
        self, speaker: str, outlet: str, scope: Sequence[int] | None = None
    ) -> None:
        """Articles of `outlet` that quote `speaker` (within `scope` when given)."""
        library = self.library
        wanted = set(scope) if scope is not None else None

        def work(_ctx: TaskContext) -> list[int]:
            from summitreader.coverage.timeline import UNKNOWN_SOURCE

            ids = {
                q.article_id
                for q in library.quotes(speaker=speaker)
                if (q.source or UNKNOWN_SOURCE) == outlet
                and (wanted is None or q.article_id in wanted)
            }
            return sorted(ids)

        self._run(
            "quoting",
            "Finding articles",
            work,
            lambda ids: self.quoting_ids_did_load.emit(speaker, outlet, ids),
        )

    def request_compare(self, speaker: str) -> None:
        """Ask the window to show the Compare view on one speaker ("" for everyone)."""
        self.compare_did_request.emit(speaker)
