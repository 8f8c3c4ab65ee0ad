"""One writer per library across processes, and a crash never leaves the library locked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from summitreader.core.library import Library
from summitreader.core.library_lock import LibraryBusyError, LibraryLock
from summitreader.ingest.types import ParsedArticle

HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from summitreader.core.library_lock import LibraryLock
    lock = LibraryLock(Path(sys.argv[1]), holder="window")
    lock.acquire()
    print("held", flush=True)
    time.sleep(60)
    """
)


def _holder(path: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_process_is_told_who_holds_the_library(tmp_path: Path) -> None:
    path = tmp_path / "library.lock"
    proc = _holder(path)
    try:
        with pytest.raises(LibraryBusyError, match=rf"window \(process {proc.pid}\)"):
            LibraryLock(path, holder="command").acquire(timeout=0.2)
    finally:
        proc.kill()
        proc.wait()


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    path = tmp_path / "library.lock"
    proc = _holder(path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert path.exists()  # the file stays behind, as after any crash...
    lock = LibraryLock(path, holder="command")
    lock.acquire(timeout=1.0)  # ...but the lock is free at once
    assert lock.held
    lock.release()


def test_writes_wait_for_the_lock_and_reads_do_not(tmp_path: Path) -> None:
    with Library(tmp_path / "lib") as lib:
        lib.import_parsed([ParsedArticle(title="T", paragraphs=("Body text.",))], origin="x")
    proc = _holder(tmp_path / "lib" / "library.lock")
    try:
        with Library(tmp_path / "lib") as lib:
            lib.lock_timeout = 0.3
            assert [s.title for s in lib.list()] == ["T"]  # reads work while the window runs
            assert lib.search("body").total == 1
            started = time.monotonic()
            with pytest.raises(LibraryBusyError):
                lib.import_parsed([ParsedArticle(title="U", paragraphs=("More.",))], origin="y")
            assert time.monotonic() - started >= 0.3
            assert lib.count() == 1
    finally:
        proc.kill()
        proc.wait()


def test_the_holder_itself_writes_freely(library: Library) -> None:
    library.hold_lock("window")
    library.import_parsed([ParsedArticle(title="T", paragraphs=("Body.",))], origin="x")
    assert library.count() == 1
