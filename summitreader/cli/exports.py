"""export, import-annotations: notes and quotes leaving and entering the library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from summitreader.cli.common import CommandError, add_json_flag, print_json, refresh_analysis
from summitreader.core.library import Library

FORMATS = ("markdown", "w3c", "quotes-csv", "quotes-md")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="export annotations (Markdown, W3C JSON-LD) or the quote dossier (CSV, Markdown)",
    )
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--out", metavar="PATH", help="a file (default: standard output)")
    p.add_argument(
        "--per-article",
        action="store_true",
        help="with --format markdown: --out is a folder of one file per article",
    )
    p.add_argument("--speaker", metavar="NAME", help="quotes formats: only this speaker's")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "import-annotations",
        help="merge a W3C Web Annotation JSON-LD file (ids kept, no duplicates)",
    )
    p.add_argument("file", metavar="FILE")
    add_json_flag(p)
    p.set_defaults(handler=cmd_import_annotations)


def cmd_export(args: argparse.Namespace, library: Library) -> int:
    refresh_analysis(library)
    if args.per_article and (args.format != "markdown" or not args.out):
        raise CommandError("--per-article needs --format markdown and an --out folder")
    if args.format.startswith("quotes-"):
        from summitreader.export import quotes_to_csv, quotes_to_markdown

        quotes = library.quotes(speaker=args.speaker)
        text = quotes_to_csv(quotes) if args.format == "quotes-csv" else quotes_to_markdown(quotes)
        _write(text, args.out)
        return 0
    try:
        if args.out:
            written = library.export_annotations_to(
                args.format, Path(args.out), per_article=args.per_article
            )
            print(f"wrote {len(written)} file(s): {', '.join(str(p) for p in written)}")
        else:
            sys.stdout.write(library.export_annotations(args.format))
    except OSError as exc:
        raise CommandError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    return 0


def _write(text: str, out: str | None) -> None:
    if not out:
        sys.stdout.write(text)
        return
    try:
        Path(out).write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise CommandError(f"cannot write {out}: {exc.strerror or exc}") from None
    print(f"wrote {out}")


def cmd_import_annotations(args: argparse.Namespace, library: Library) -> int:
    report = library.import_annotations(Path(args.file))
    if args.json:
        print_json(report.to_json())
    else:
        for path, error in report.failed:
            print(f"failed: {path}: {error}", file=sys.stderr)
        print(
            f"{len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged"
            + (
                f", {len(report.without_article)} whose article is not in this library"
                if report.without_article
                else ""
            )
        )
    return 1 if report.failed else 0
