"""Highlights, notes and bookmarks from the window, with undo.

Every change is a `QUndoCommand` on one `QUndoStack`, so Edit ▸ Undo (Ctrl+Z) takes back a new
highlight, a recolour, a note edit or a deletion. The commands only queue library calls on the
writer thread through `TaskRunner`; each write also re-reads the article's annotations there, so
the reader repaints from what the store holds, in the order the writes happened.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from summitreader.annotate.model import Annotation
from summitreader.core.library import Library
from summitreader.core.models import Changes
from summitreader.store.articles import ArticleFilter
from summitreader.ui.tasks import TaskContext, TaskRunner

log = logging.getLogger(__name__)

ApplyChanges = Callable[[Changes], None]


@dataclass(frozen=True, slots=True)
class NoteRow:
    """An annotation with what the panel shows about its article."""

    annotation: Annotation
    title: str = ""
    source: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class NoteBody:
    """What a user can edit on an annotation."""

    note: str = ""
    tags: tuple[str, ...] = ()
    color: str = "yellow"

    @classmethod
    def of(cls, annotation: Annotation) -> NoteBody:
        return cls(annotation.note, annotation.tags, annotation.color)


@dataclass(slots=True)
class _NoteRef:
    """The id of an annotation a command created. Set and read only on the writer thread, whose
    tasks run one at a time in order, so an undo queued before the creation finished still sees
    it."""

    id: str | None = None


@dataclass(frozen=True, slots=True)
class _WriteResult:
    changes: Changes
    article_id: int
    notes: list[Annotation] = field(default_factory=list)
    created: Annotation | None = None


class AnnotationService(QObject):
    """Creates, edits, deletes and re-attaches annotations; owns the undo stack.

    Signals:
        article_notes_did_load(int, list): an article id and its live annotations (orphans too).
        library_notes_did_load(list): a `NoteRow` for every live annotation in the library.
        note_did_create(object): the `Annotation` a highlight or bookmark command just made.
        note_did_fail(str): a one-line reason a change could not be made.
        notes_did_export(list): the files written by an export.
        notes_did_import(object): the import's report (added, updated, unchanged, failed).
    """

    article_notes_did_load = Signal(int, object)
    library_notes_did_load = Signal(object)
    note_did_create = Signal(object)
    note_did_fail = Signal(str)
    notes_did_export = Signal(object)
    notes_did_import = Signal(object)

    def __init__(
        self,
        library: Library,
        tasks: TaskRunner,
        apply_changes: ApplyChanges,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.tasks = tasks
        self._apply_changes = apply_changes
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self._current_article: int | None = None

    # -- commands (undoable) ----------------------------------------------------------------------

    def highlight(
        self,
        article_id: int,
        start: int,
        end: int,
        *,
        color: str = "yellow",
        kind: str = "highlight",
        note: str = "",
        tags: Iterable[str] = (),
    ) -> None:
        """Mark `text[start:end]` (code points); a bookmark may be a point (start == end)."""
        what = "bookmark" if kind == "bookmark" else "highlight"
        body = NoteBody(note, tuple(tags), color)
        self.undo_stack.push(_CreateNote(self, article_id, start, end, kind, body, f"Add {what}"))

    def edit(
        self,
        annotation: Annotation,
        *,
        note: str | None = None,
        tags: Iterable[str] | None = None,
        color: str | None = None,
    ) -> None:
        """Change an annotation's note, tags or colour (nothing happens if nothing changed)."""
        old = NoteBody.of(annotation)
        new = NoteBody(
            old.note if note is None else note.strip(),
            old.tags if tags is None else tuple(tags),
            old.color if color is None else color,
        )
        if new == old:
            return
        label = "Recolour highlight" if new.color != old.color else "Edit note"
        self.undo_stack.push(_EditNote(self, annotation, old, new, label))

    def delete(self, annotation: Annotation) -> None:
        what = "bookmark" if annotation.kind == "bookmark" else "highlight"
        self.undo_stack.push(_DeleteNote(self, annotation, f"Delete {what}"))

    # -- not undoable ---------------------------------------------------------------------------

    def reattach(self, annotation: Annotation, start: int, end: int) -> None:
        """Give an orphan a new passage in its article (the article's current text)."""
        annotation_id, article_id = annotation.id, annotation.article_id
        self.write(
            "Re-attaching note",
            lambda: self.library.reattach_annotation(annotation_id, start, end),
            article_id,
        )

    # -- export and import ------------------------------------------------------------------------

    def export_to(self, fmt: str, path: Path, *, per_article: bool = False) -> None:
        """Write the library's notes as Markdown (one file, or one per article) or W3C JSON-LD."""
        self.tasks.run(
            "Exporting notes",
            lambda _ctx: self.library.export_annotations_to(fmt, path, per_article=per_article),
            on_done=lambda paths: self.notes_did_export.emit(list(paths or [])),
            on_failed=lambda reason: self.note_did_fail.emit(f"Export failed: {reason}"),
        )

    def import_from(self, path: Path) -> None:
        """Read W3C annotations (JSON or JSON-LD) into the library."""
        current = self._current_article

        def work(_ctx: TaskContext) -> tuple[Any, list[Annotation]]:
            report = self.library.import_annotations(path)
            notes = self.library.annotations(article_id=current) if current else []
            return report, notes

        def done(result: tuple[Any, list[Annotation]]) -> None:
            report, notes = result
            changes = getattr(report, "changes", None)
            self._apply_changes(changes if changes else Changes(annotations=True))
            if current:
                self.article_notes_did_load.emit(current, notes)
            self.notes_did_import.emit(report)

        self.tasks.run(
            "Importing notes",
            work,
            on_done=done,
            on_failed=lambda reason: self.note_did_fail.emit(f"Import failed: {reason}"),
            writes=True,
        )

    def set_current_article(self, article_id: int | None) -> None:
        self._current_article = article_id

    # -- reading ----------------------------------------------------------------------------------

    def load_article(self, article_id: int) -> None:
        self.tasks.run(
            "Loading notes",
            lambda _ctx: self.library.annotations(article_id=article_id),
            on_done=lambda notes: self.article_notes_did_load.emit(article_id, notes),
            visible=False,
        )

    def load_library(self) -> None:
        self.tasks.run(
            "Loading notes",
            lambda _ctx: library_note_rows(self.library),
            on_done=self.library_notes_did_load.emit,
            visible=False,
        )

    # -- the one way a command writes --------------------------------------------------------------

    def write(
        self,
        label: str,
        work: Callable[[], Any],
        article_id: int,
        *,
        created: _NoteRef | None = None,
    ) -> None:
        """Run `work` (a Library call returning Changes or (Annotation, Changes)) on the writer
        thread, then reload the article's annotations there too."""

        def run(_ctx: TaskContext) -> _WriteResult | None:
            result = work()
            if result is None:
                return None
            made = None
            if isinstance(result, tuple):
                made, result = result
                if created is not None:
                    created.id = made.id
            notes = self.library.annotations(article_id=article_id) if article_id else []
            return _WriteResult(result, article_id, notes, made)

        def done(result: _WriteResult | None) -> None:
            if result is None:
                return
            self._apply_changes(result.changes)
            self.article_notes_did_load.emit(result.article_id, result.notes)
            if result.created is not None:
                self.note_did_create.emit(result.created)

        def failed(reason: str) -> None:
            log.warning("%s failed: %s", label, reason)
            self.note_did_fail.emit(f"{label} failed: {reason}")

        self.tasks.run(label, run, on_done=done, on_failed=failed, writes=True, visible=False)


def library_note_rows(library: Library) -> list[NoteRow]:
    """Every live annotation with its article's title, outlet and date (one list query)."""
    notes = library.annotations()
    ids = tuple(sorted({n.article_id for n in notes if n.article_id}))
    summaries = {s.id: s for s in library.list(ArticleFilter(ids=ids))} if ids else {}
    rows = []
    for note in notes:
        summary = summaries.get(note.article_id)
        if summary is None:
            rows.append(NoteRow(note))
        else:
            rows.append(NoteRow(note, summary.title, summary.source, summary.published))
    return rows


class _CreateNote(QUndoCommand):
    """A new highlight or bookmark; undo marks it deleted, redo clears the marker."""

    def __init__(
        self,
        service: AnnotationService,
        article_id: int,
        start: int,
        end: int,
        kind: str,
        body: NoteBody,
        label: str,
    ) -> None:
        super().__init__(label)
        self._service = service
        self._article_id = article_id
        self._span = (start, end)
        self._kind = kind
        self._body = body
        self._ref = _NoteRef()
        self._done_once = False

    def redo(self) -> None:
        library, ref = self._service.library, self._ref
        if not self._done_once:
            self._done_once = True
            article_id, (start, end), kind, body = (
                self._article_id,
                self._span,
                self._kind,
                self._body,
            )
            self._service.write(
                self.text(),
                lambda: library.annotate(
                    article_id,
                    start,
                    end,
                    kind=kind,
                    note=body.note,
                    tags=body.tags,
                    color=body.color,
                ),
                article_id,
                created=ref,
            )
            return
        self._service.write(
            self.text(),
            lambda: library.delete_annotation(ref.id, deleted=False) if ref.id else None,
            self._article_id,
        )

    def undo(self) -> None:
        library, ref = self._service.library, self._ref
        self._service.write(
            f"Undo {self.text().lower()}",
            lambda: library.delete_annotation(ref.id, deleted=True) if ref.id else None,
            self._article_id,
        )


class _EditNote(QUndoCommand):
    """A new note, tags or colour; undo puts the old body back."""

    def __init__(
        self,
        service: AnnotationService,
        annotation: Annotation,
        old: NoteBody,
        new: NoteBody,
        label: str,
    ) -> None:
        super().__init__(label)
        self._service = service
        self._id = annotation.id
        self._article_id = annotation.article_id
        self._old = old
        self._new = new

    def _set(self, body: NoteBody, label: str) -> None:
        library, annotation_id = self._service.library, self._id
        self._service.write(
            label,
            lambda: library.update_annotation(
                annotation_id, note=body.note, tags=body.tags, color=body.color
            ),
            self._article_id,
        )

    def redo(self) -> None:
        self._set(self._new, self.text())

    def undo(self) -> None:
        self._set(self._old, f"Undo {self.text().lower()}")


class _DeleteNote(QUndoCommand):
    """Marks an annotation deleted (kept until purged), so undo simply clears the marker."""

    def __init__(self, service: AnnotationService, annotation: Annotation, label: str) -> None:
        super().__init__(label)
        self._service = service
        self._id = annotation.id
        self._article_id = annotation.article_id

    def _mark(self, deleted: bool, label: str) -> None:
        library, annotation_id = self._service.library, self._id
        self._service.write(
            label,
            lambda: library.delete_annotation(annotation_id, deleted=deleted),
            self._article_id,
        )

    def redo(self) -> None:
        self._mark(True, self.text())

    def undo(self) -> None:
        self._mark(False, f"Undo {self.text().lower()}")
