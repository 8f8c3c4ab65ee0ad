"""Start the desktop window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from summitreader.paths import APP_NAME, resolve_library_dir

log = logging.getLogger(__name__)


def run_window(
    *, library_dir: str | None = None, load_samples: bool = False, theme: str = "system"
) -> int:
    """Open the window on a library; returns the application's exit code."""
    from PySide6.QtWidgets import QApplication

    from summitreader.core.library import Library
    from summitreader.ui.crash import CrashReporter, setup_logging
    from summitreader.ui.main_window import MainWindow

    log_file = setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    library = Library(Path(resolve_library_dir(library_dir)))
    window = MainWindow(
        library, load_samples=load_samples, theme=None if theme == "system" else theme
    )
    reporter = CrashReporter(window)
    reporter.install()
    log.info("Window opened on %s (log: %s)", library.root, log_file)
    window.show()
    try:
        return int(app.exec())
    finally:
        reporter.uninstall()
        window.shut_down()
        library.close()
