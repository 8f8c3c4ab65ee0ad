"""export-library, import-library: a whole library in one portable file."""

from __future__ import annotations

import argparse
from pathlib import Path

from summitreader.cli.articles import print_report
from summitreader.cli.common import CommandError, add_json_flag, print_json
from summitreader.core.library import Library


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export-library",
        help="write every article (and annotation) to one portable file (.jsonl.gz)",
    )
    p.add_argument("file", metavar="FILE")
    add_json_flag(p)
    p.set_defaults(handler=cmd_export_library)

    p = sub.add_parser(
        "import-library",
        help="merge a library file into this library (no duplicates)",
    )
    p.add_argument("file", metavar="FILE")
    add_json_flag(p)
    p.set_defaults(handler=cmd_import_library)


def cmd_export_library(args: argparse.Namespace, library: Library) -> int:
    path = Path(args.file)
    try:
        count = library.export_library(path)
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from None
    if args.json:
        print_json({"path": str(path), "articles": count})
    else:
        print(f"wrote {count} articles to {path}")
    return 0


def cmd_import_library(args: argparse.Namespace, library: Library) -> int:
    report = library.import_library(Path(args.file))
    if args.json:
        print_json(report.to_json())
    else:
        print_report(report)
    return 1 if report.failed else 0
