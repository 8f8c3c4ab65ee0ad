"""Index folders on disk: each rebuild writes a new generation beside the live one, then swaps.

Layout of the index directory:
    CURRENT          name of the live generation (replaced atomically)
    gen-<stamp>/     Whoosh index folders; only the one CURRENT names is live
    build-<id>/      a rebuild in progress, or left behind by one that was killed
A rebuild that is cancelled or killed never touches CURRENT, so the old index stays in place.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from pathlib import Path

CURRENT_FILE = "CURRENT"
GENERATION_PREFIX = "gen-"
BUILD_PREFIX = "build-"


def current_generation(directory: Path) -> Path | None:
    """The live generation's folder, or None when there is no index yet."""
    try:
        name = (directory / CURRENT_FILE).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not name or "/" in name or "\\" in name:
        return None
    return directory / name


def new_build_folder(directory: Path) -> Path:
    folder = directory / f"{BUILD_PREFIX}{uuid.uuid4().hex}"
    folder.mkdir(parents=True)
    return folder


def publish(directory: Path, build: Path) -> Path:
    """Make a finished build the live generation; the previous one is removed."""
    previous = current_generation(directory)
    generation = directory / f"{GENERATION_PREFIX}{time.time_ns()}-{uuid.uuid4().hex[:6]}"
    os.replace(build, generation)
    pointer = directory / f"{CURRENT_FILE}.{uuid.uuid4().hex}.tmp"
    with open(pointer, "w", encoding="utf-8") as handle:
        handle.write(generation.name)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(pointer, directory / CURRENT_FILE)
    if previous is not None and previous != generation:
        shutil.rmtree(previous, ignore_errors=True)
    return generation


def remove_abandoned(directory: Path) -> None:
    """Delete builds and generations nobody points to (call while holding the writer lock)."""
    live = current_generation(directory)
    for entry in directory.iterdir():
        is_ours = entry.name.startswith((BUILD_PREFIX, GENERATION_PREFIX))
        if entry.is_dir() and is_ours and entry != live:
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith(f"{CURRENT_FILE}.") and entry.name.endswith(".tmp"):
            entry.unlink(missing_ok=True)
