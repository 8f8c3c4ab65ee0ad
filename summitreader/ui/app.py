"""Start the desktop window (or hand the files to the window already open on the library)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from summitreader.paths import APP_NAME, resolve_library_dir

log = logging.getLogger(__name__)

DESKTOP_FILE_NAME = "io.github.summitreader.SummitReader"


def run_window(
    *,
    library_dir: str | None = None,
    load_samples: bool = False,
    theme: str = "system",
    open_paths: Sequence[str] = (),
) -> int:
    """Open the window on a library; returns the application's exit code.

    When a window is already open on the same library, `open_paths` go to it and this start
    returns 0 at once.
    """
    from PySide6.QtWidgets import QApplication

    from summitreader.ui.single_instance import InstanceServer, hand_over, server_name

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    root = Path(resolve_library_dir(library_dir))
    wanted = [str(Path(p).expanduser().resolve()) for p in open_paths]
    name = server_name(root)
    if hand_over(name, wanted):
        log.info("A window is already open on %s; handed it %d path(s)", root, len(wanted))
        return 0
    server = InstanceServer(name)
    server.listen()

    from summitreader.core.library import Library
    from summitreader.ui.crash import CrashReporter, setup_logging
    from summitreader.ui.library_lock_keeper import LibraryLockKeeper
    from summitreader.ui.main_window import MainWindow

    log_file = setup_logging()
    library = Library(root)
    window = MainWindow(
        library, load_samples=load_samples, theme=None if theme == "system" else theme
    )
    keeper = LibraryLockKeeper(library, window)
    keeper.lock_did_report.connect(window.show_status)
    server.paths_did_arrive.connect(window.receive_paths)
    reporter = CrashReporter(window)
    reporter.install()
    log.info("Window opened on %s (log: %s)", library.root, log_file)
    window.show()
    keeper.try_lock()
    if wanted:
        window.document.import_paths(wanted)
    try:
        return int(app.exec())
    finally:
        keeper.stop()
        server.close()
        reporter.uninstall()
        window.shut_down()
        library.close()
