"""import, list, show, delete: getting articles in and looking at them."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from summitreader.cli.annotations import annotation_json
from summitreader.cli.common import (
    CommandError,
    add_json_flag,
    parse_id,
    print_json,
    refresh_analysis,
    wrap,
)
from summitreader.core.library import Library
from summitreader.core.models import Article, ImportReport


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help="import article files and folders (recursively)",
        description="Import .txt, .md, .html and feed files, and folders of them. "
        "Each file that cannot be read is reported with its reason; "
        "the rest import. Exit status 1 when any failed.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--samples", action="store_true", help="import the bundled sample articles")
    p.add_argument(
        "--url",
        action="append",
        default=[],
        metavar="URL",
        help="fetch a page or feed and import it",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("list", help="list the articles in the library")
    add_json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="show one article")
    p.add_argument("id", metavar="ID")
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("delete", help="delete articles from the library")
    p.add_argument("ids", nargs="+", metavar="ID")
    add_json_flag(p)
    p.set_defaults(handler=cmd_delete)


def cmd_import(args: argparse.Namespace, library: Library) -> int:
    if not args.paths and not args.samples and not args.url:
        raise CommandError("name at least one file or folder to import (or --samples, --url)")
    report = ImportReport()
    parts = []
    if args.samples:
        parts.append(library.import_samples())
    if args.paths:
        parts.append(library.import_paths(args.paths))
    parts += [library.import_url(url) for url in args.url]
    for part in parts:
        report.imported += part.imported
        report.duplicates += part.duplicates
        report.updated += part.updated
        report.failed += part.failed
    if args.json:
        print_json(report.to_json())
    else:
        print_report(report)
    return 1 if report.failed else 0


def print_report(report: ImportReport) -> None:
    for path, article_id, title in report.imported:
        print(f"imported  {article_id:>5}  {title}  ({path})")
    for path, article_id in report.updated:
        print(f"updated   {article_id:>5}  ({path})")
    for path, article_id in report.duplicates:
        print(f"duplicate {article_id:>5}  ({path})")
    for path, error in report.failed:
        print(f"failed           {path}: {error}", file=sys.stderr)
    print(
        f"{len(report.imported)} imported, {len(report.updated)} updated, "
        f"{len(report.duplicates)} duplicates, {len(report.failed)} failed"
    )


def cmd_list(args: argparse.Namespace, library: Library) -> int:
    rows = library.list()
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "title": r.title,
                    "source": r.source,
                    "author": r.author,
                    "published": r.published,
                    "dateline": r.dateline,
                    "words": r.words,
                    "quotes": r.quote_count,
                    "syndicated_from": r.syndicated_from,
                    "also_in": r.also_in,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print(
            "The library is empty. Import articles with `summitreader import PATH` "
            "or `summitreader import --samples`."
        )
        return 0
    for r in rows:
        date = (r.published or "")[:10] or "—"
        copies = f"  (same story in {r.also_in} more)" if r.also_in else ""
        print(f"{r.id:>5}  {date:<10}  {(r.source or '—')[:18]:<18}  {r.title}{copies}")
    return 0


def article_json(library: Library, article: Article) -> dict[str, Any]:
    """The `show --json` record; keys are a contract."""
    analysis = library.analysis(article.id)
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "author": article.author,
        "published": article.published,
        "dateline": article.dateline,
        "section": article.section,
        "reading_minutes": article.reading_minutes,
        "words": article.words,
        "url": article.url,
        "tags": list(article.tags),
        "is_excerpt": article.is_excerpt,
        "content_hash": article.content_hash,
        "imported_at": article.imported_at,
        "paragraphs": list(article.paragraphs),
        "text": article.text,
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "kind": q.kind,
                "start": q.start,
                "end": q.end,
                "cue": q.cue,
            }
            for q in (analysis.quotes if analysis else ())
        ],
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in e.mentions],
            }
            for e in (analysis.entities if analysis else ())
        ],
        "annotations": [annotation_json(a) for a in library.annotations(article_id=article.id)],
    }


def cmd_show(args: argparse.Namespace, library: Library) -> int:
    refresh_analysis(library)
    article_id = parse_id(args.id)
    article = library.get(article_id)
    if article is None:
        raise CommandError(f"there is no article {article_id} in this library")
    if args.json:
        print_json(article_json(library, article))
        return 0
    print(article.title)
    print("=" * min(len(article.title), 78))
    byline = " · ".join(
        x for x in (article.source, article.author, (article.published or "")[:10] or None) if x
    )
    if byline:
        print(byline)
    print(f"{article.words} words, {article.reading_minutes} min read")
    print()
    for paragraph in article.paragraphs:
        print(wrap(paragraph))
        print()
    return 0


def cmd_delete(args: argparse.Namespace, library: Library) -> int:
    ids = [parse_id(raw) for raw in args.ids]
    changes = library.delete(ids)
    missing = [i for i in ids if i not in changes.removed]
    if args.json:
        print_json({"deleted": sorted(changes.removed), "missing": missing})
    else:
        for i in sorted(changes.removed):
            print(f"deleted {i}")
        for i in missing:
            print(f"no article {i}", file=sys.stderr)
    return 1 if missing else 0
