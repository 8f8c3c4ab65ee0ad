"""A second start hands its files to the running window; the library lock; read-only saves."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.core.library_lock import LibraryBusyError
from summitreader.store.database import ReadOnlyLibraryError
from summitreader.ui.library_lock_keeper import LibraryLockKeeper
from summitreader.ui.single_instance import (
    InstanceServer,
    decode_paths,
    encode_paths,
    hand_over,
    server_name,
)


def test_the_socket_name_follows_the_library_path(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") == server_name(tmp_path / "b" / ".." / "a")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert decode_paths(encode_paths(["/x/ü.html"]).strip()) == ["/x/ü.html"]
    assert decode_paths(b"not json") is None
    assert decode_paths(b'{"open": [1]}') is None


def test_a_second_start_hands_its_paths_to_the_running_one(qtbot, tmp_path: Path) -> None:
    name = server_name(tmp_path / "library")
    assert not hand_over(name, ["/nowhere"], timeout_ms=200)  # nobody listens yet
    server = InstanceServer(name)
    assert server.listen()
    paths = [str(tmp_path / "one.html"), str(tmp_path / "two words.md")]
    with qtbot.waitSignal(server.paths_did_arrive, timeout=5_000) as arrived:
        assert hand_over(name, paths)
    assert arrived.args[0] == paths
    with qtbot.waitSignal(server.paths_did_arrive, timeout=5_000) as empty:
        assert hand_over(name, [])  # no files: the running window only comes forward
    assert empty.args[0] == []
    server.close()
    assert not hand_over(name, paths, timeout_ms=200)


def test_a_socket_left_by_a_crashed_window_is_replaced(qtbot, tmp_path: Path) -> None:
    name = server_name(tmp_path / "library")
    first = InstanceServer(name)
    assert first.listen()
    second = InstanceServer(name)  # as if the first had died without cleaning up
    assert second.listen()
    with qtbot.waitSignal(second.paths_did_arrive, timeout=5_000) as arrived:
        assert hand_over(name, ["/a"])
    assert arrived.args[0] == ["/a"]
    first.close()
    second.close()


@pytest.mark.qt_log_ignore("This plugin does not support")  # raise(), offscreen
def test_handed_paths_are_imported_by_the_window(sample_library, make_window, qtbot) -> None:
    from summitreader.resources import sample_files

    window = make_window(sample_library)
    server = InstanceServer(server_name(sample_library.root))
    assert server.listen()
    server.paths_did_arrive.connect(window.receive_paths)
    with qtbot.waitSignal(window.document.import_did_finish, timeout=60_000) as finished:
        assert hand_over(server.name, [str(sample_files()[0])])
    assert finished.args[0] is not None
    server.close()


class _BusyLibrary:
    def __init__(self, busy_for: int) -> None:
        self.busy_for = busy_for
        self.calls = 0

    def hold_lock(self, holder: str) -> None:
        self.calls += 1
        if self.calls <= self.busy_for:
            raise LibraryBusyError("a command-line import (pid 42) is writing to this library")


def test_the_window_retries_the_lock_while_an_import_runs(qtbot) -> None:
    library = _BusyLibrary(busy_for=2)
    keeper = LibraryLockKeeper(library, retry_ms=20, attempts=5)  # type: ignore[arg-type]
    reports: list[str] = []
    keeper.lock_did_report.connect(reports.append)
    with qtbot.waitSignal(keeper.lock_did_take, timeout=5_000):
        assert not keeper.try_lock()
    assert keeper.held and library.calls == 3
    assert "command-line import" in reports[0] and reports[-1] == "The library is free again"


def test_the_window_gives_up_politely_when_the_lock_stays_busy(qtbot) -> None:
    library = _BusyLibrary(busy_for=99)
    keeper = LibraryLockKeeper(library, retry_ms=10, attempts=3)  # type: ignore[arg-type]
    reports: list[str] = []
    keeper.lock_did_report.connect(reports.append)
    keeper.try_lock()
    qtbot.waitUntil(lambda: library.calls == 3, timeout=5_000)
    qtbot.wait(50)
    assert not keeper.held and library.calls == 3 and not keeper.timer.isActive()
    assert len(reports) == 3


def test_a_read_only_library_says_so_and_keeps_reading(
    sample_library, make_window, qtbot, monkeypatch
) -> None:
    window = make_window(sample_library)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ReadOnlyLibraryError("the disk is full: nothing was saved; free some space")

    monkeypatch.setattr(sample_library, "set_starred", refuse)
    article_id = window.document.table_model.article_id(0)
    with qtbot.waitSignal(window.document.write_did_refuse, timeout=10_000):
        window.document.set_starred([article_id], True)
    assert window.notice.isVisible()
    assert window.notice.text().startswith("The disk is full")
    assert "disk is full" in window.statusBar().currentMessage()
    other = window.document.table_model.article_id(1)
    with qtbot.waitSignal(window.document.article_did_open, timeout=10_000) as opened:
        window.document.open_article(other)
    assert opened.args[0].article.id == other
