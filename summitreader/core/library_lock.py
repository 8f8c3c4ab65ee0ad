"""One writer per library across processes: a lock file that a crash cannot leave stuck.

The lock is an OS advisory lock (flock) on `library.lock`; the kernel drops it when the holding
process dies, however it dies, so a stale lock never blocks anyone. The file also records who
holds it (pid, what kind of process) so the second comer can say so in one line.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path
from types import TracebackType


class LibraryBusyError(Exception):
    """Another process is writing to this library; the message says which."""


class LibraryLock:
    def __init__(self, path: Path, *, holder: str) -> None:
        self.path = path
        self.holder = holder
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, *, timeout: float = 0.0) -> None:
        """Take the lock, waiting up to `timeout` seconds; LibraryBusyError if someone keeps it."""
        if self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    owner = self.owner()
                    os.close(fd)
                    raise LibraryBusyError(_busy_message(owner)) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "holder": self.holder}).encode())
        os.fsync(fd)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def owner(self) -> dict[str, object]:
        """Who holds (or last held) the lock, as recorded in the file."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def __enter__(self) -> LibraryLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _busy_message(owner: dict[str, object]) -> str:
    who = "another SummitReader"
    if owner.get("holder") == "window":
        who = "the SummitReader window"
    elif owner.get("holder"):
        who = f"another SummitReader {owner['holder']}"
    pid = f" (process {owner['pid']})" if owner.get("pid") else ""
    return f"the library is being changed by {who}{pid}; try again when it has finished"
