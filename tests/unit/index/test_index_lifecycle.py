from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from summitreader.index import generations, search_index
from summitreader.index.documents import IndexDocument
from summitreader.index.errors import IndexBusyError
from summitreader.index.locking import writer_lock
from summitreader.index.search_index import SearchIndex

REPO = Path(__file__).resolve().parents[3]


def doc(article_id: int, body: str, source: str = "Wire") -> IndexDocument:
    return IndexDocument(article_id, f"Title {article_id}", body, source, None, None, None, None)


def test_state_of_a_missing_index(tmp_path: Path) -> None:
    state = SearchIndex(tmp_path / "none").state()
    assert (state.exists, state.readable, state.schema_ok, state.count, state.stamp) == (
        False,
        False,
        False,
        0,
        None,
    )
    assert state.problem


def test_state_reports_count_and_stamp_of_each_commit(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    assert index.rebuild([doc(1, "alpha"), doc(2, "beta")], stamp="7") == 2
    state = index.state()
    assert (state.exists, state.readable, state.schema_ok) == (True, True, True)
    assert (state.count, state.stamp, state.problem) == (2, "7", None)
    assert index.upsert([doc(2, "gamma"), doc(3, "delta")], stamp="8") == 2
    assert (index.state().count, index.state().stamp) == (3, "8")
    index.delete([1, 99], stamp="9")
    assert (index.state().count, index.state().stamp) == (2, "9")
    # Another handle on the same folder sees the same thing.
    assert (
        SearchIndex(tmp_path / "ix").state().count,
        SearchIndex(tmp_path / "ix").state().stamp,
    ) == (
        2,
        "9",
    )


def test_upsert_replaces_and_delete_removes_from_search(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild([doc(1, "the ferry sailed"), doc(2, "a quiet harbour")], stamp="1")
    assert index.search("ferry").total == 1
    index.upsert([doc(1, "the train left")], stamp="2")
    assert index.search("ferry").total == 0
    assert [h.id for h in index.search("train").hits] == [1]
    index.delete([1], stamp="3")
    assert index.search("train").total == 0
    assert index.search("harbour").total == 1


def test_upsert_creates_the_index_when_there_is_none(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.upsert([doc(5, "first words")], stamp="1")
    assert index.state().count == 1
    assert [h.id for h in index.search("words").hits] == [5]


def test_a_searcher_sees_commits_made_by_another_handle(tmp_path: Path) -> None:
    reader, writer = SearchIndex(tmp_path / "ix"), SearchIndex(tmp_path / "ix")
    writer.rebuild([doc(1, "alpha")], stamp="1")
    assert reader.search("alpha").total == 1
    writer.upsert([doc(2, "alpha again")], stamp="2")
    assert reader.search("alpha").total == 2
    writer.rebuild([doc(3, "beta")], stamp="3")
    assert reader.search("alpha").total == 0
    assert reader.state().stamp == "3"


def test_rebuild_reports_progress(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.PROGRESS_EVERY = 2
    calls: list[tuple[int, int]] = []
    docs = [doc(n, f"word{n}") for n in range(5)]
    assert index.rebuild(docs, stamp="1", total=5, progress=lambda d, t: calls.append((d, t))) == 5
    assert calls == [(2, 5), (4, 5), (5, 5)]


def test_cancelled_rebuild_keeps_the_old_index(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild([doc(1, "original")], stamp="1")
    index.PROGRESS_EVERY = 2
    seen: list[int] = []

    def docs():  # type: ignore[no-untyped-def]
        for n in range(10):
            seen.append(n)
            yield doc(100 + n, "replacement")

    assert index.rebuild(docs(), stamp="2", cancelled=lambda: len(seen) >= 3) == 0
    assert len(seen) < 10
    state = index.state()
    assert (state.count, state.stamp) == (1, "1")
    assert index.search("original").total == 1
    assert not [p for p in (tmp_path / "ix").iterdir() if p.name.startswith("build-")]


def test_a_failing_rebuild_keeps_the_old_index(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild([doc(1, "original")], stamp="1")

    def docs():  # type: ignore[no-untyped-def]
        yield doc(2, "new")
        raise OSError("store went away")

    with pytest.raises(OSError):
        index.rebuild(docs(), stamp="2")
    assert index.state().stamp == "1"
    assert index.search("original").total == 1


def test_leftovers_of_a_killed_rebuild_do_not_matter(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild([doc(1, "original")], stamp="1")
    leftover = tmp_path / "ix" / "build-deadbeef"
    leftover.mkdir()
    (leftover / "half.seg").write_bytes(b"\0" * 100)
    assert index.state().count == 1
    index.rebuild([doc(2, "fresh")], stamp="2")
    assert not leftover.exists()


def test_corrupt_index_is_reported_not_raised(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild([doc(1, "alpha")], stamp="1")
    index.close()
    live = generations.current_generation(tmp_path / "ix")
    assert live is not None
    for path in live.iterdir():
        path.write_bytes(b"garbage")
    state = SearchIndex(tmp_path / "ix").state()
    assert state.exists and not state.readable and not state.schema_ok
    assert state.problem and "cannot be read" in state.problem
    # A rebuild repairs it.
    repaired = SearchIndex(tmp_path / "ix")
    repaired.rebuild([doc(2, "beta")], stamp="2")
    assert repaired.state().readable and repaired.search("beta").total == 1


def test_index_of_another_schema_version_is_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    SearchIndex(tmp_path / "ix").rebuild([doc(1, "alpha")], stamp="1")
    # As if this build of the app had a newer schema than the one on disk.
    monkeypatch.setattr(search_index, "SCHEMA_VERSION", search_index.SCHEMA_VERSION + 1)
    state = SearchIndex(tmp_path / "ix").state()
    assert state.readable and not state.schema_ok
    assert state.problem and "rebuild" in state.problem


def test_writer_lock_times_out_with_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "ix"
    index = SearchIndex(folder, lock_timeout=0.3)
    index.rebuild([doc(1, "alpha")], stamp="1")
    holder = _hold_lock_in_subprocess(folder)
    try:
        started = time.monotonic()
        with pytest.raises(IndexBusyError) as caught:
            index.upsert([doc(2, "beta")], stamp="2")
        assert 0.25 <= time.monotonic() - started < 5
        assert "another program" in str(caught.value)
        assert "\n" not in str(caught.value)
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_writer_does_not_block(tmp_path: Path) -> None:
    folder = tmp_path / "ix"
    index = SearchIndex(folder, lock_timeout=2.0)
    index.rebuild([doc(1, "alpha")], stamp="1")
    holder = _hold_lock_in_subprocess(folder)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert (folder / "WRITE.lock").exists()  # the stale file is still there
    index.upsert([doc(2, "beta")], stamp="2")
    assert index.state().count == 2


def test_writers_in_one_process_take_turns(tmp_path: Path) -> None:
    folder = tmp_path / "ix"
    with writer_lock(folder, timeout=1.0), pytest.raises(IndexBusyError):
        SearchIndex(folder, lock_timeout=0.1).upsert([doc(1, "alpha")], stamp="1")
    SearchIndex(folder, lock_timeout=0.1).upsert([doc(1, "alpha")], stamp="1")


def _hold_lock_in_subprocess(folder: Path) -> subprocess.Popen[str]:
    """A real second process that takes the writer lock and keeps it until killed."""
    code = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from summitreader.index.locking import writer_lock
        with writer_lock(Path({str(folder)!r}), timeout=5):
            print("locked", flush=True)
            time.sleep(60)
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "locked"
    return process
