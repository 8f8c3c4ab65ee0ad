"""Background work in the status bar: what is running, how far along, and a Cancel button."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from summitreader.ui.document_model import DocumentModel


class TaskStatus(QWidget):
    """Shows the newest visible task; Cancel cancels it (the worker stops between files)."""

    def __init__(self, document: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setAccessibleName("Background tasks")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton("Cancel")
        self.cancel.setAccessibleName("Cancel the running task")
        self.cancel.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self._labels: dict[int, str] = {}
        self._shown: int | None = None
        self.cancel.clicked.connect(self._cancel)
        document.task_did_start.connect(self._started)
        document.task_did_progress.connect(self._progress)
        document.task_did_finish.connect(self._finished)
        self.hide()

    def _started(self, task_id: int, label: str) -> None:
        self._labels[task_id] = label
        self._shown = task_id
        self.label.setText(label + "…")
        self.bar.setRange(0, 0)
        self.show()

    def _progress(self, task_id: int, done: int, total: int, label: str) -> None:
        if task_id != self._shown:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            name = self._labels.get(task_id, "")
            detail = f" — {label}" if label and label != name else ""
            self.label.setText(f"{name} {done:,} of {total:,}{detail}")

    def _finished(self, task_id: int, _ok: bool) -> None:
        self._labels.pop(task_id, None)
        if task_id == self._shown:
            self._shown = next(reversed(self._labels), None) if self._labels else None
            if self._shown is None:
                self.hide()
            else:
                self.label.setText(self._labels[self._shown] + "…")
                self.bar.setRange(0, 0)

    def _cancel(self) -> None:
        if self._shown is not None:
            self.document.tasks.cancel(self._shown)
            self.label.setText("Cancelling…")
