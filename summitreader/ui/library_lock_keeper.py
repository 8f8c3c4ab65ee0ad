"""The window keeps the library's writer lock, so a command-line import waits for it.

If a command-line import holds the lock when the window starts, the window opens for reading,
says so in one line, and tries again a few times; writes in between wait for the lock as usual.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from summitreader.core.library import Library
from summitreader.core.library_lock import LibraryBusyError

log = logging.getLogger(__name__)

RETRY_MS = 3000
ATTEMPTS = 6


class LibraryLockKeeper(QObject):
    """Takes `Library.hold_lock("window")`, retrying while another process holds it.

    Signals:
        lock_did_report(str): a one-line status about the lock (busy, free again, gave up).
        lock_did_take(): the window now holds the lock.
    """

    lock_did_report = Signal(str)
    lock_did_take = Signal()

    def __init__(
        self,
        library: Library,
        parent: QObject | None = None,
        *,
        retry_ms: int = RETRY_MS,
        attempts: int = ATTEMPTS,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.attempts = attempts
        self.tries = 0
        self.held = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(retry_ms)
        self.timer.timeout.connect(self.try_lock)

    def try_lock(self) -> bool:
        """One attempt; schedules the next while attempts remain."""
        self.tries += 1
        try:
            self.library.hold_lock("window")
        except LibraryBusyError as exc:
            reason = str(exc).splitlines()[0] if str(exc) else "another process is writing"
            if self.tries < self.attempts:
                self.lock_did_report.emit(f"{reason}; reading works, saving waits for it")
                self.timer.start()
            else:
                self.lock_did_report.emit(f"{reason}; changes will wait until it finishes")
            log.info("Library busy (attempt %d): %s", self.tries, reason)
            return False
        self.held = True
        if self.tries > 1:
            self.lock_did_report.emit("The library is free again")
        self.lock_did_take.emit()
        return True

    def stop(self) -> None:
        self.timer.stop()
