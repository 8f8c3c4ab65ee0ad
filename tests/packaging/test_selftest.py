"""`summitreader --self-test`: each check's line, the exit code, and a real run on the samples."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from summitreader import selftest
from summitreader.selftest import CheckFailed, SelfTestState, run_checks


def _passes(state: SelfTestState) -> str:
    (state.workdir / "seen").write_text("yes")
    return "all good"


def _fails(_state: SelfTestState) -> str:
    raise CheckFailed("the thing is missing\nsecond line")


def _crashes(_state: SelfTestState) -> str:
    raise RuntimeError("boom")


def test_each_check_prints_one_line_with_status_time_and_detail(tmp_path: Path) -> None:
    out = io.StringIO()
    results = run_checks(
        [("first", _passes), ("second", _fails), ("third", _crashes)], tmp_path, out
    )
    assert [r.ok for r in results] == [True, False, False]
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("ok   first") and lines[0].endswith("all good")
    assert lines[1].startswith("FAIL second") and "the thing is missing second line" in lines[1]
    assert lines[2].startswith("FAIL third") and lines[2].endswith("RuntimeError: boom")
    assert all(" s  " in line for line in lines)
    assert (tmp_path / "seen").read_text() == "yes"


def test_checks_after_a_failed_import_fail_instead_of_crashing(tmp_path: Path) -> None:
    out = io.StringIO()
    results = run_checks(
        [("language model", selftest.check_model), ("search", selftest.check_search)],
        tmp_path,
        out,
    )
    assert [r.ok for r in results] == [False, False]
    assert "the import check did not pass" in results[0].detail


def test_exit_code_is_one_when_any_check_fails(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(selftest, "CHECKS", [("fine", lambda s: "ok"), ("broken", _fails)])
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    assert "self-test FAILED" in out.getvalue() and "broken" in out.getvalue()
    monkeypatch.setattr(selftest, "CHECKS", [("fine", lambda s: "ok")])
    out = io.StringIO()
    assert selftest.run_self_test(out) == 0
    assert out.getvalue().splitlines()[-1].startswith("self-test passed: 1 checks")


def test_self_test_passes_on_this_installation(tmp_path: Path) -> None:
    """The real thing, in its own process (it owns a QApplication and sets Qt's settings path)."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), TMPDIR=str(scratch))
    done = subprocess.run(
        [sys.executable, "-m", "summitreader.selftest"],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    names = [name for name, _check in selftest.CHECKS]
    for name in names:
        assert any(line.startswith(f"ok   {name}") for line in lines), done.stdout
    assert lines[-1].startswith(f"self-test passed: {len(names)} checks")
    assert not list(scratch.iterdir()), "the self-test left its temporary library behind"
