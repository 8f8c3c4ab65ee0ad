"""Errors nobody caught: log them, show them with the log's tail, and keep the window running.

A Qt slot that raises would otherwise print to a terminal the user never sees (or abort);
both `sys.excepthook` and `threading.excepthook` route here instead.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from summitreader.paths import log_dir

log = logging.getLogger(__name__)

LOG_FILE_NAME = "summitreader.log"
LOG_TAIL_LINES = 40
_handler: RotatingFileHandler | None = None


def setup_logging(folder: Path | None = None) -> Path:
    """Log to a rotating file under the user log folder; returns the file's path."""
    global _handler
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    _handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    _handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    root.addHandler(_handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def log_tail(lines: int = LOG_TAIL_LINES) -> str:
    if _handler is None:
        return ""
    _handler.flush()
    try:
        text = Path(_handler.baseFilename).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


class CrashDialog(QDialog):
    """What went wrong, in full, with the log's tail to copy into a bug report."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("SummitReader hit an error")
        self.setAccessibleName("Error report")
        heading = QLabel(
            "Something went wrong. SummitReader will keep running; if it misbehaves, save your "
            "work and restart it. The details below help fix the problem."
        )
        heading.setWordWrap(True)
        self.summary = QLabel(summary)
        self.summary.setObjectName("crashSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Error details and log")
        self.details.setMinimumSize(640, 300)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)


class CrashReporter(QObject):
    """Installs the hooks; reports from other threads are carried to the GUI thread.

    Signals:
        error_did_occur(str, str): one-line summary and the traceback with the log's tail.
    """

    error_did_occur = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._previous_hooks: tuple[Callable[..., object], Callable[..., object]] | None = None
        self._showing = False
        self.error_did_occur.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle_exception
        threading.excepthook = self._handle_thread_exception

    def uninstall(self) -> None:
        if self._previous_hooks is not None:
            sys.excepthook, threading.excepthook = self._previous_hooks  # type: ignore[assignment]
            self._previous_hooks = None

    def handle_exception(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("Uncaught error", exc_info=(exc_type, exc, tb))
        summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
        trace = "".join(traceback.format_exception(exc_type, exc, tb))
        self.error_did_occur.emit(summary, f"{trace}\n--- log ---\n{log_tail()}")

    def _handle_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, summary: str, details: str) -> None:
        if self._showing:
            return  # one dialog at a time; the rest are in the log
        self._showing = True
        try:
            dialog = CrashDialog(summary, details, self._parent_widget)
            self.last_dialog = dialog
            dialog.exec()
        finally:
            self._showing = False
