"""Start the desktop window."""

from __future__ import annotations

import sys
from pathlib import Path

from summitreader.paths import resolve_library_dir


def run_window(*, library_dir: str | None = None, load_samples: bool = False) -> int:
    from PySide6.QtWidgets import QApplication

    from summitreader.core.library import Library
    from summitreader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("SummitReader")
    app.setOrganizationName("SummitReader")
    library = Library(Path(resolve_library_dir(library_dir)))
    window = MainWindow(library, load_samples=load_samples)
    window.show()
    try:
        return int(app.exec())
    finally:
        library.close()
