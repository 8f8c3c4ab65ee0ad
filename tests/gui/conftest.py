"""GUI fixtures: settings in a temp folder, a prepared sample library, a window that cleans up."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from summitreader.core.library import Library


@pytest.fixture(autouse=True)
def _temporary_settings(tmp_path: Path) -> None:
    """Window settings go to the test's folder, never the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture(scope="session")
def _sample_library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples imported, analysed and indexed once; each test gets a copy."""
    root = tmp_path_factory.mktemp("samples") / "library"
    library = Library(root)
    try:
        library.import_samples()
        library.ensure_index()
    finally:
        library.close()
    return root


@pytest.fixture
def sample_library(_sample_library_template: Path, tmp_path: Path) -> Iterator[Library]:
    root = tmp_path / "sample-library"
    shutil.copytree(_sample_library_template, root)
    library = Library(root)
    yield library
    library.close()


@pytest.fixture
def make_window(qtbot):  # type: ignore[no-untyped-def]
    """Build a MainWindow on a library; it is shut down (workers joined) after the test."""
    from summitreader.ui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make(library: Library, **kwargs: object) -> MainWindow:
        window = MainWindow(library, theme="light", **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.resize(1300, 850)
        window.show()
        qtbot.waitUntil(window.document.is_idle, timeout=30_000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shut_down()


# The offscreen platform plugin warns whenever a top-level window's size constraints change (any
# QMainWindow with a layout does); it is a limit of that plugin, not a fault of the window.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
