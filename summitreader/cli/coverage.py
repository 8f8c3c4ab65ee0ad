"""compare-quotes, speakers, co-mentions: how each outlet covered the story."""

from __future__ import annotations

import argparse

from summitreader.cli.common import add_json_flag, print_json, refresh_analysis, wrap
from summitreader.core.library import Library


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "compare-quotes",
        help="the same remark as each outlet reported it, side by side",
        description="Groups quotes in which one speaker says the same thing in several articles, "
        "even when outlets trim or splice it.",
    )
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's remarks")
    p.add_argument(
        "--loose", action="store_true", help="also group looser rewordings (paraphrases)"
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_compare)

    p = sub.add_parser("speakers", help="everyone quoted in the library, with counts by outlet")
    add_json_flag(p)
    p.set_defaults(handler=cmd_speakers)

    p = sub.add_parser("co-mentions", help="who and what is mentioned most with an entity")
    p.add_argument("entity", metavar="NAME")
    p.add_argument("--limit", type=int, default=20)
    add_json_flag(p)
    p.set_defaults(handler=cmd_co_mentions)


def cmd_compare(args: argparse.Namespace, library: Library) -> int:
    refresh_analysis(library)
    from summitreader.coverage import classify_variant

    groups = library.compare_quotes(speaker=args.speaker, loose=args.loose)
    if args.json:
        print_json(
            {
                "groups": [
                    {
                        "speaker": g.speaker,
                        "representative": g.representative,
                        "members": [
                            {
                                "article_id": q.article_id,
                                "title": q.title,
                                "source": q.source,
                                "published": q.published,
                                "text": q.text,
                                "kind": q.kind,
                                "variant": classify_variant(q, g.representative),
                                "start": q.start,
                                "end": q.end,
                            }
                            for q in g.members
                        ],
                    }
                    for g in groups
                ]
            }
        )
        return 0
    if not groups:
        print("No remark is reported by more than one article.")
    for g in groups:
        print(f"\n{g.speaker or '(unattributed)'} — in {len(g.article_ids)} articles")
        for q in g.members:
            variant = classify_variant(q, g.representative)
            print(f"  {q.source or '—'}, {(q.published or '')[:10]} [{variant}] #{q.article_id}")
            print(wrap(f"“{q.text}”", indent="      "))
    return 0


def cmd_speakers(args: argparse.Namespace, library: Library) -> int:
    refresh_analysis(library)
    found = library.speakers()
    if args.json:
        print_json(
            [
                {
                    "name": s.name,
                    "quotes": s.quotes,
                    "articles": s.articles,
                    "by_source": s.by_source,
                }
                for s in found
            ]
        )
        return 0
    for s in found:
        outlets = ", ".join(f"{name} {n}" for name, n in sorted(s.by_source.items()))
        print(f"{s.name:<30} {s.quotes:>4} quotes in {s.articles:>3} articles  ({outlets})")
    return 0


def cmd_co_mentions(args: argparse.Namespace, library: Library) -> int:
    refresh_analysis(library)
    found = library.co_mentions(args.entity, limit=args.limit)
    if args.json:
        print_json(
            [{"name": c.name, "articles": c.articles, "by_source": c.by_source} for c in found]
        )
        return 0
    if not found:
        print(f"Nothing is mentioned with {args.entity!r}.")
    for c in found:
        outlets = ", ".join(f"{name} {n}" for name, n in sorted(c.by_source.items()))
        print(f"{c.name:<32} {c.articles:>4} articles  ({outlets})")
    return 0
