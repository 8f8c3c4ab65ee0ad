"""Where things live on disk: the one module that decides paths."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "SummitReader"
LIBRARY_ENV = "SUMMITREADER_LIBRARY"


def default_library_dir() -> Path:
    """The library in the user data dir (e.g. ~/.local/share/SummitReader/library)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library"


def resolve_library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--library` wins, then $SUMMITREADER_LIBRARY, then the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(LIBRARY_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_library_dir()


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class LibraryLayout:
    """The files inside one library folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def database(self) -> Path:
        return self.root / "library.sqlite3"

    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    @property
    def lock(self) -> Path:
        return self.root / "library.lock"

    @property
    def corrections(self) -> Path:
        return self.root / "corrections.tsv"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"
