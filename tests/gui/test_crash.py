"""Uncaught errors show a dialog with the traceback and the log's tail; the app carries on."""

from __future__ import annotations

import logging
import sys
import threading

from summitreader.ui import crash
from summitreader.ui.crash import CrashDialog, CrashReporter, setup_logging


def test_uncaught_errors_show_a_dialog_with_the_log_tail(qtbot, tmp_path, monkeypatch) -> None:
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    log_file = setup_logging(tmp_path / "logs")
    logging.getLogger("summitreader.test").warning("a line before the crash")
    reporter = CrashReporter()
    reporter.install()
    try:
        assert sys.excepthook == reporter.handle_exception
        try:
            raise ValueError("the feed had no items")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: len(shown) == 1)
        assert "ValueError: the feed had no items" in shown[0].summary.text()
        details = shown[0].details.toPlainText()
        assert "a line before the crash" in details
        assert "Traceback" in details

        def fail() -> None:
            raise RuntimeError("worker thread broke")

        thread = threading.Thread(target=fail)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(shown) == 2)
        assert "worker thread broke" in shown[1].summary.text()
    finally:
        reporter.uninstall()
        handler = crash._handler
        if handler is not None:
            logging.getLogger().removeHandler(handler)
            handler.close()
            crash._handler = None
    assert log_file.exists()
    assert sys.excepthook is not reporter.handle_exception
