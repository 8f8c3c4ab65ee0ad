"""The one place the window runs work off the GUI thread.

Work functions get a `TaskContext` (progress, cancellation, batches) and never touch widgets;
every result comes back as a signal on a `TaskSignals` object that the runner, on the GUI
thread, owns. Writes (import, index rebuild, analysis, delete) queue on a single thread so the
store and the Whoosh index only ever see one writer; reads (searches, related coverage) run on
their own pool so a long import never holds up typing a search.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for_futures
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from summitreader.store.database import ReadOnlyLibraryError

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05


class TaskCancelled(Exception):
    """Raised by a work function that notices it was cancelled and has nothing to return."""


class TaskSignals(QObject):
    """What a worker may say; each signal carries the task's id.

    Signals:
        progress(int, int, int, str): task id, done, total (0 when unknown), what is being done.
        batch(int, object): task id, a list of results ready before the task ends.
        finished(int, object): task id, the work function's return value.
        failed(int, str): task id, a one-line reason.
        refused(int, str): task id, the library's one-line reason it cannot save (read-only
            folder, full disk); reading still works.
    """

    progress = Signal(int, int, int, str)
    batch = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str)
    refused = Signal(int, str)


class TaskContext:
    """Handed to a work function: report progress, deliver batches, check for cancellation."""

    def __init__(self, task_id: int, signals: TaskSignals, cancel_event: threading.Event) -> None:
        self._task_id = task_id
        self._signals = signals
        self._cancel_event = cancel_event
        self._last_progress = 0.0

    def cancelled(self) -> bool:
        return self._cancel_event.is_set()

    def progress(self, done: int, total: int, label: str = "") -> None:
        """Report progress; throttled so a fast loop cannot flood the GUI thread."""
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        self._signals.progress.emit(self._task_id, done, total, label)

    def deliver(self, items: list[Any]) -> None:
        """Send a batch of results to the GUI thread (one signal for many items)."""
        if items:
            self._signals.batch.emit(self._task_id, items)


WorkFunction = Callable[[TaskContext], Any]


class _Runnable:
    """Runs one work function on a pool thread and reports only through signals."""

    def __init__(self, work: WorkFunction, context: TaskContext, signals: TaskSignals) -> None:
        self._work = work
        self._context = context
        self._signals = signals
        self._task_id = context._task_id

    def run(self) -> None:
        try:
            result = self._work(self._context)
        except TaskCancelled:
            self._signals.finished.emit(self._task_id, None)
        except ReadOnlyLibraryError as exc:
            log.warning("The library refused a change: %s", exc)
            self._signals.refused.emit(self._task_id, str(exc).splitlines()[0])
        except Exception as exc:
            log.exception("Background task failed")
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self._signals.failed.emit(self._task_id, reason)
        else:
            self._signals.finished.emit(self._task_id, result)


@dataclass
class Task:
    """A running task as the GUI thread sees it."""

    id: int
    label: str
    visible: bool
    cancel_event: threading.Event = field(default_factory=threading.Event)
    on_done: Callable[[Any], None] | None = None
    on_failed: Callable[[str], None] | None = None
    on_batch: Callable[[list[Any]], None] | None = None

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class TaskRunner(QObject):
    """Starts work on the writer or reader pool and turns its signals into callbacks.

    Signals:
        task_did_start(int, str): a visible task began (id, label).
        task_did_progress(int, int, int, str): id, done, total, label.
        task_did_finish(int, bool): id, True when it succeeded (False: failed or cancelled).
        task_did_fail(str, str): a task's label and its one-line reason.
        write_did_refuse(str): the library cannot save (read-only, disk full); one line.
    """

    task_did_start = Signal(int, str)
    task_did_progress = Signal(int, int, int, str)
    task_did_finish = Signal(int, bool)
    task_did_fail = Signal(str, str)
    write_did_refuse = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Python threads (not QThreadPool's) so the threading module knows them and they can
        # be joined at shutdown.
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="summitreader-writer")
        self._reader = ThreadPoolExecutor(2, thread_name_prefix="summitreader-reader")
        self._futures: set[Future[None]] = set()
        self._closed = False
        self._signals = TaskSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.batch.connect(self._on_batch)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._signals.refused.connect(self._on_refused)
        self._tasks: dict[int, Task] = {}
        self._next_id = 1

    def run(
        self,
        label: str,
        work: WorkFunction,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_batch: Callable[[list[Any]], None] | None = None,
        writes: bool = False,
        visible: bool = True,
    ) -> Task:
        """Queue `work`; `visible` tasks show in the status bar with progress and Cancel."""
        task = Task(self._next_id, label, visible, on_done=on_done, on_failed=on_failed)
        task.on_batch = on_batch
        self._next_id += 1
        if self._closed:
            # The window is closing: a view that reacts to the last results may still ask for
            # more (related articles, a read mark). That work has no one left to show it to.
            log.debug("dropped %r: the task runner is shut down", label)
            task.cancel()
            return task
        self._tasks[task.id] = task
        context = TaskContext(task.id, self._signals, task.cancel_event)
        if visible:
            self.task_did_start.emit(task.id, label)
        pool = self._writer if writes else self._reader
        future = pool.submit(_Runnable(work, context, self._signals).run)
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)
        return task

    def running(self) -> list[Task]:
        return list(self._tasks.values())

    def cancel(self, task_id: int) -> None:
        task = self._tasks.get(task_id)
        if task is not None:
            task.cancel()

    def cancel_all(self) -> None:
        for task in self._tasks.values():
            task.cancel()

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until queued work has run (results still arrive as signals); True if so."""
        timeout = None if timeout_ms < 0 else timeout_ms / 1000
        _done, pending = wait_for_futures(list(self._futures), timeout=timeout)
        return not pending

    def shut_down(self) -> None:
        """Cancel everything, wait for running work, and join the pool threads."""
        self.cancel_all()
        self._closed = True
        self._writer.shutdown(wait=True, cancel_futures=True)
        self._reader.shutdown(wait=True, cancel_futures=True)

    def is_idle(self) -> bool:
        return not self._tasks

    def _on_progress(self, task_id: int, done: int, total: int, label: str) -> None:
        task = self._tasks.get(task_id)
        if task is not None and task.visible:
            self.task_did_progress.emit(task_id, done, total, label)

    def _on_batch(self, task_id: int, items: object) -> None:
        task = self._tasks.get(task_id)
        if task is not None and task.on_batch is not None and isinstance(items, list):
            task.on_batch(items)

    def _on_finished(self, task_id: int, result: object) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        if task.visible:
            self.task_did_finish.emit(task_id, not task.cancelled)
        if task.on_done is not None:
            task.on_done(result)

    def _on_failed(self, task_id: int, reason: str) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        if task.visible:
            self.task_did_finish.emit(task_id, False)
        if task.on_failed is not None:
            task.on_failed(reason)
        else:
            self.task_did_fail.emit(task.label, reason)

    def _on_refused(self, task_id: int, reason: str) -> None:
        """A write the library cannot take: say so once, let the caller clean up quietly."""
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        if task.visible:
            self.task_did_finish.emit(task_id, False)
        self.write_did_refuse.emit(reason)
        if task.on_failed is not None:
            task.on_failed(reason)
