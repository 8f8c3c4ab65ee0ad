"""One writer at a time: a lock per index folder inside this process and a file lock across.

Whoosh raises LockError at once when a second writer appears; users should instead wait a little
and, if the other writer does not finish, get a one-line IndexBusyError. The file lock is an OS
lock (fcntl/msvcrt through Whoosh), so the kernel frees it when a holder is killed: a stale lock
file left by a SIGKILL never blocks.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh.util.filelock import FileLock

from summitreader.index.errors import IndexBusyError

WRITE_LOCK_NAME = "WRITE.lock"
DEFAULT_TIMEOUT_S = 10.0
_RETRY_DELAY_S = 0.05

_process_locks: dict[str, threading.Lock] = {}
_process_locks_guard = threading.Lock()


def _process_lock(directory: Path) -> threading.Lock:
    key = str(directory.resolve())
    with _process_locks_guard:
        return _process_locks.setdefault(key, threading.Lock())


def busy_message(directory: Path, timeout: float) -> str:
    return (
        f"The search index in {directory} is being written by another program "
        f"(waited {timeout:g} s); try again when it has finished."
    )


@contextmanager
def writer_lock(directory: Path, timeout: float = DEFAULT_TIMEOUT_S) -> Iterator[None]:
    """Hold the index's writer lock, waiting at most `timeout` seconds in all."""
    deadline = time.monotonic() + timeout
    thread_lock = _process_lock(directory)
    if not thread_lock.acquire(timeout=max(timeout, 0.0)):
        raise IndexBusyError(busy_message(directory, timeout))
    try:
        directory.mkdir(parents=True, exist_ok=True)
        file_lock = FileLock(str(directory / WRITE_LOCK_NAME))
        while not file_lock.acquire(blocking=False):
            if time.monotonic() >= deadline:
                raise IndexBusyError(busy_message(directory, timeout))
            time.sleep(_RETRY_DELAY_S)
        try:
            yield
        finally:
            file_lock.release()
    finally:
        thread_lock.release()
