"""`summitreader [--library DIR] COMMAND [--json]` — the command line, a stable contract.

JSON keys are never renamed, only added. With no command the desktop window opens.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from summitreader import __version__
from summitreader.cli import (
    analysis,
    articles,
    backup,
    coverage,
    exports,
    maintenance,
    search,
)
from summitreader.cli import annotations as annotation_commands
from summitreader.cli.common import CommandError, open_library
from summitreader.core.library_lock import LibraryBusyError
from summitreader.store.database import StoreError

log = logging.getLogger(__name__)


class CommandModule(Protocol):
    def register(self, sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None: ...


# After these, the daily rolling backup is taken if it is due.
WRITING_COMMANDS = {
    "import",
    "delete",
    "analyse",
    "analyze",
    "import-library",
    "correct",
    "annotate",
    "import-annotations",
}

# Each module adds its subcommands; order here is the order in --help.
COMMAND_MODULES: list[CommandModule] = [
    articles,
    search,
    analysis,
    coverage,
    annotation_commands,
    exports,
    backup,
    maintenance,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summitreader",
        description="Read one news story across many outlets: who said what, who is mentioned, "
        "search across every source. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"SummitReader {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation in a temporary library, then exit (0 when all pass)",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="the library folder (default: $SUMMITREADER_LIBRARY or the user data folder)",
    )
    parser.add_argument(
        "--samples",
        action="store_true",
        help="with no command: open the window and load the sample articles "
        "if the library is empty",
    )
    shot = parser.add_argument_group("screenshots (with no command)")
    shot.add_argument("--screenshot", metavar="FILE", help="render the window offscreen to a PNG")
    shot.add_argument("--article", metavar="ID", type=int, help="the article to show")
    shot.add_argument("--search", metavar="QUERY", help="a search to show")
    shot.add_argument("--theme", choices=["light", "dark", "system"], default="system")
    shot.add_argument(
        "--view",
        choices=["reader", "compare", "speakers", "names", "glance"],
        default="reader",
        help="which view to show in the screenshot",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    opener = sub.add_parser(
        "open",
        help="open the window and import these files (a running window takes them instead)",
    )
    opener.add_argument("paths", nargs="*", metavar="PATH")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from summitreader.selftest import run_self_test

        return run_self_test()
    if args.command == "open":
        from summitreader.ui.app import run_window

        return run_window(
            library_dir=args.library,
            load_samples=args.samples,
            theme=args.theme,
            open_paths=[str(Path(p).resolve()) for p in args.paths],
        )
    if args.command is None:
        if args.screenshot:
            from summitreader.ui.screenshot import render_screenshot

            return render_screenshot(
                library_dir=args.library,
                out=args.screenshot,
                article_id=args.article,
                search=args.search,
                theme=args.theme,
                load_samples=args.samples,
                view=args.view,
            )
        from summitreader.ui.app import run_window

        return run_window(library_dir=args.library, load_samples=args.samples, theme=args.theme)
    try:
        with open_library(args.library) as library:
            status = int(args.handler(args, library))
            if args.command in WRITING_COMMANDS:
                library.backup_if_due()
            return status
    except (CommandError, StoreError, LibraryBusyError) as exc:
        print(f"summitreader: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("summitreader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last resort: one line for the user, the details in the log
        log.debug("command failed", exc_info=True)
        print(f"summitreader: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
