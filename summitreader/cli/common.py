"""What every command shares: opening the library, printing JSON and text."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any

from summitreader.core.library import Library


class CommandError(Exception):
    """A command cannot do what was asked; the message is one line for the user."""


def open_library(explicit: str | None) -> Library:
    return Library.open(explicit)


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (stable keys)")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def wrap(text: str, width: int = 78, indent: str = "") -> str:
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent)


def parse_id(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise CommandError(f"{raw!r} is not an article id (ids are numbers; see `list`)") from None
    if value <= 0:
        raise CommandError(f"{raw!r} is not an article id")
    return value


def refresh_analysis(library: Library) -> None:
    """Re-analyse articles analysed by an older analyser before showing quotes or names.

    Cheap when nothing is stale. If another process holds the library, show what is stored.
    """
    import sys

    from summitreader.core.library_lock import LibraryBusyError

    if not library.analysis_runner.pending():
        return
    try:
        changes = library.analyse()
    except LibraryBusyError:
        return
    if changes.updated:
        print(
            f"summitreader: brought quotes and names up to date in {len(changes.updated)} articles",
            file=sys.stderr,
        )
