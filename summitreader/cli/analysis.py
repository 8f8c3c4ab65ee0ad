"""analyse, entities, quotes, correct: who said what and who is mentioned."""

from __future__ import annotations

import argparse
import sys

from summitreader.cli.common import (
    CommandError,
    add_json_flag,
    parse_id,
    print_json,
    refresh_analysis,
    wrap,
)
from summitreader.core.library import Library
from summitreader.nlp.types import ENTITY_TYPES


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "analyse",
        aliases=["analyze"],
        help="find quotes, speakers and entities (articles not yet analysed, or --all)",
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="only these articles")
    p.add_argument("--all", action="store_true", help="analyse every article again")
    add_json_flag(p)
    p.set_defaults(handler=cmd_analyse)

    p = sub.add_parser("entities", help="people, organisations and places across the library")
    p.add_argument("--type", choices=ENTITY_TYPES, help="only this type")
    p.add_argument("--limit", type=int, help="at most this many")
    add_json_flag(p)
    p.set_defaults(handler=cmd_entities)

    p = sub.add_parser("quotes", help="every quote across the library, with who said it")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's quotes")
    add_json_flag(p)
    p.set_defaults(handler=cmd_quotes)

    p = sub.add_parser(
        "correct",
        help="correct an entity's type or name for this library",
        description="`correct Yongbyon FAC` fixes a type; `correct 'U.S.' 'United States'` makes "
        "an alias. Corrections win over the language model; run `analyse --all` to apply them "
        "to articles already analysed.",
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument("value", metavar="TYPE_OR_CANONICAL_NAME")
    p.set_defaults(handler=cmd_correct)


def cmd_analyse(args: argparse.Namespace, library: Library) -> int:
    ids = [parse_id(raw) for raw in args.ids] or None
    interactive = sys.stderr.isatty() and not args.json

    def progress(done: int, total: int, label: str) -> None:
        if interactive and total:
            print(f"\r{label}: {done}/{total}", end="", file=sys.stderr, flush=True)

    changes = library.analyse(ids, force=args.all, progress=progress)
    if interactive:
        print(file=sys.stderr)
    if args.json:
        print_json({"analysed": sorted(changes.updated)})
    else:
        print(
            f"analysed {len(changes.updated)} articles "
            f"({library.analysis_runner.analyser.model_description})"
        )
    return 0


def cmd_entities(args: argparse.Namespace, library: Library) -> int:
    refresh_analysis(library)
    found = library.entities(type=args.type, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "name": e.name,
                    "type": e.type,
                    "articles": e.articles,
                    "mentions": e.mentions,
                    "by_source": e.by_source,
                }
                for e in found
            ]
        )
        return 0
    for e in found:
        outlets = ", ".join(f"{s} {n}" for s, n in sorted(e.by_source.items()))
        print(
            f"{e.name:<32} {e.type:<7} {e.articles:>4} articles {e.mentions:>5} mentions  "
            f"({outlets})"
        )
    return 0


def cmd_quotes(args: argparse.Namespace, library: Library) -> int:
    refresh_analysis(library)
    found = library.quotes(speaker=args.speaker)
    if args.json:
        print_json(
            [
                {
                    "article_id": q.article_id,
                    "title": q.title,
                    "source": q.source,
                    "published": q.published,
                    "text": q.text,
                    "speaker": q.speaker,
                    "kind": q.kind,
                    "start": q.start,
                    "end": q.end,
                    "cue": q.cue,
                }
                for q in found
            ]
        )
        return 0
    if not found:
        print("No quotes found." + (f" (speaker {args.speaker!r})" if args.speaker else ""))
    for q in found:
        who = q.speaker or "(unattributed)"
        print(f"{who} — {q.source or '—'} {(q.published or '')[:10]} [{q.kind}] #{q.article_id}")
        print(wrap(f"“{q.text}”", indent="    "))
    return 0


def cmd_correct(args: argparse.Namespace, library: Library) -> int:
    try:
        library.add_correction(args.name, args.value)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    print(
        f"saved: {args.name} → {args.value} (in {library.layout.corrections}); "
        "run `summitreader analyse --all` to apply it to articles already analysed"
    )
    return 0
