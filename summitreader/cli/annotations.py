"""annotate, annotations, bookmarks: marking up passages from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from summitreader.annotate.model import COLORS, Annotation
from summitreader.cli.common import CommandError, add_json_flag, parse_id, print_json, wrap
from summitreader.core.library import Library


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("annotate", help="highlight a passage of an article, with a note and tags")
    p.add_argument("id", metavar="ID")
    p.add_argument("--quote", required=True, metavar="TEXT", help="the passage to highlight")
    p.add_argument("--note", default="", metavar="NOTE")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="repeatable")
    p.add_argument("--color", choices=COLORS, default="yellow")
    p.add_argument("--bookmark", action="store_true", help="a bookmark rather than a highlight")
    add_json_flag(p)
    p.set_defaults(handler=cmd_annotate)

    p = sub.add_parser("annotations", help="every annotation in the library")
    p.add_argument("--article", metavar="ID", help="only this article's")
    p.add_argument("--deleted", action="store_true", help="include deleted ones")
    add_json_flag(p)
    p.set_defaults(handler=cmd_annotations)

    p = sub.add_parser("bookmarks", help="every bookmark in the library")
    add_json_flag(p)
    p.set_defaults(handler=cmd_bookmarks)


def annotation_json(a: Annotation) -> dict[str, Any]:
    """The annotation record of `show --json` and `annotations --json`; keys are a contract."""
    return {
        "id": a.id,
        "article_id": a.article_id or None,
        "kind": a.kind,
        "exact": a.exact,
        "start": a.start,
        "end": a.end,
        "note": a.note,
        "tags": list(a.tags),
        "color": a.color,
        "orphan": a.orphan,
        "deleted": a.deleted,
        "created": a.created,
        "modified": a.modified,
    }


def cmd_annotate(args: argparse.Namespace, library: Library) -> int:
    article_id = parse_id(args.id)
    try:
        annotation, _ = library.annotate_text(
            article_id,
            args.quote,
            kind="bookmark" if args.bookmark else "highlight",
            note=args.note,
            tags=args.tag,
            color=args.color,
        )
    except (KeyError, ValueError) as exc:
        raise CommandError(str(exc).strip("'\"")) from None
    if args.json:
        print_json(annotation_json(annotation))
    else:
        print(f"{annotation.kind} {annotation.id} on article {article_id}: “{annotation.exact}”")
    return 0


def _print(found: list[Annotation], library: Library) -> None:
    titles: dict[int, str] = {}
    for a in found:
        if a.article_id and a.article_id not in titles:
            article = library.get(a.article_id)
            titles[a.article_id] = article.title if article else "(article not in this library)"
        where = titles.get(a.article_id, "(article not in this library)")
        flags = " ".join(f for f, on in (("orphan", a.orphan), ("deleted", a.deleted)) if on)
        print(
            f"{a.id}  [{a.kind}, {a.color}{', ' + flags if flags else ''}]  #{a.article_id} {where}"
        )
        if a.exact:
            print(wrap(f"“{a.exact}”", indent="    "))
        if a.note:
            print(wrap(a.note, indent="    note: "))
        if a.tags:
            print("    tags: " + " ".join(f"#{t}" for t in a.tags))


def cmd_annotations(args: argparse.Namespace, library: Library) -> int:
    article_id = parse_id(args.article) if args.article else None
    found = library.annotations(article_id=article_id, include_deleted=args.deleted)
    if args.json:
        print_json([annotation_json(a) for a in found])
    elif not found:
        print("No annotations yet.")
    else:
        _print(found, library)
    return 0


def cmd_bookmarks(args: argparse.Namespace, library: Library) -> int:
    found = library.annotations(kind="bookmark")
    if args.json:
        print_json([annotation_json(a) for a in found])
    elif not found:
        print("No bookmarks yet.")
    else:
        _print(found, library)
    return 0
