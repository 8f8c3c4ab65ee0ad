"""search, related, check, reindex: finding things across every source."""

from __future__ import annotations

import argparse
import re
import sys
from html import unescape
from typing import Any

from summitreader.cli.common import CommandError, add_json_flag, parse_id, print_json, wrap
from summitreader.core.library import Library
from summitreader.core.library_lock import LibraryBusyError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from summitreader.index.query_language import QUERY_HELP

    p = sub.add_parser(
        "search",
        help="search every source at once",
        description="Search every article in the library.",
        epilog=QUERY_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("query", metavar="QUERY", nargs="+", help="the query (see below)")
    p.add_argument("--limit", type=int, default=20, help="hits per page (default 20)")
    p.add_argument("--offset", type=int, default=0, help="hits to skip (paging)")
    p.add_argument("--sort", choices=["relevance", "date"], default="relevance")
    add_json_flag(p)
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("related", help="other coverage of the same story as one article")
    p.add_argument("id", metavar="ID")
    p.add_argument("--limit", type=int, default=10)
    add_json_flag(p)
    p.set_defaults(handler=cmd_related)

    p = sub.add_parser(
        "check", help="check that the search index agrees with the library (exit 1 if not)"
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("reindex", help="rebuild the search index from the library")
    add_json_flag(p)
    p.set_defaults(handler=cmd_reindex)


def ensure_index(library: Library) -> None:
    """Repair a stale index before answering, and say so: never silently."""
    check = library.check_index()
    if check.ok:
        return
    print(f"summitreader: {check.problem}; rebuilding the search index…", file=sys.stderr)
    try:
        library.ensure_index()
    except LibraryBusyError as exc:
        print(f"summitreader: not rebuilt now ({exc}); results may be incomplete", file=sys.stderr)


def cmd_search(args: argparse.Namespace, library: Library) -> int:
    from summitreader.index.search_index import IndexUnavailableError, QueryError

    if args.limit < 1 or args.offset < 0:
        raise CommandError("--limit must be at least 1 and --offset at least 0")
    ensure_index(library)
    query = " ".join(args.query)
    try:
        results = library.search(query, limit=args.limit, offset=args.offset, sort=args.sort)
    except QueryError as exc:
        raise CommandError(f"cannot read the query: {exc}") from None
    except IndexUnavailableError as exc:
        raise CommandError(f"{exc}; run `summitreader reindex` to rebuild it") from None
    if args.json:
        print_json(
            {
                "query": results.query,
                "total": results.total,
                "total_is_estimate": results.total_is_estimate,
                "facets": results.facets,
                "suggestion": results.suggestion,
                "hits": [
                    {
                        "id": h.id,
                        "title": h.title,
                        "source": h.source,
                        "published": h.published,
                        "score": round(h.score, 4),
                        "snippet": h.snippet,
                    }
                    for h in results.hits
                ],
            }
        )
        return 0
    if results.suggestion:
        print(f"Did you mean: {results.suggestion}")
    about = "about " if results.total_is_estimate else ""
    print(f"{about}{results.total} articles match {query!r}")
    for hit in results.hits:
        date = (hit.published or "")[:10]
        print(f"\n{hit.id:>5}  {hit.title}")
        print(f"       {hit.source or '—'}  {date}")
        print(wrap(_terminal_snippet(hit.snippet), indent="       "))
    sources = results.facets.get("source", {})
    if sources:
        print("\nBy outlet: " + ", ".join(f"{name} {count}" for name, count in sources.items()))
    return 0


def _terminal_snippet(snippet: str) -> str:
    """<mark> becomes bold on a terminal, plain brackets when piped."""
    on, off = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("[", "]")
    return unescape(
        re.sub(r"</?mark>", lambda m: off if m.group().startswith("</") else on, snippet)
    )


def cmd_related(args: argparse.Namespace, library: Library) -> int:
    article_id = parse_id(args.id)
    if library.get(article_id) is None:
        raise CommandError(f"there is no article {article_id} in this library")
    ensure_index(library)
    hits = library.related(article_id, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "id": h.id,
                    "title": h.title,
                    "source": h.source,
                    "published": h.published,
                    "score": round(h.score, 4),
                }
                for h in hits
            ]
        )
        return 0
    if not hits:
        print("No related coverage found.")
    for h in hits:
        print(f"{h.id:>5}  {(h.published or '')[:10]:<10}  {(h.source or '—')[:18]:<18}  {h.title}")
    return 0


def _check_json(check: Any) -> dict[str, Any]:
    return {
        "ok": check.ok,
        "store_count": check.store_count,
        "index_count": check.index_count,
        "store_stamp": check.store_stamp,
        "index_stamp": check.index_stamp,
        "problem": check.problem,
    }


def cmd_check(args: argparse.Namespace, library: Library) -> int:
    check = library.check_index()
    if args.json:
        print_json(_check_json(check))
    elif check.ok:
        print(f"ok: the search index agrees with the library ({check.store_count} articles)")
    else:
        print(f"out of step: {check.problem} (run `summitreader reindex` to repair)")
    return 0 if check.ok else 1


def cmd_reindex(args: argparse.Namespace, library: Library) -> int:
    count = library.reindex()
    if args.json:
        print_json({"indexed": count})
    else:
        print(f"indexed {count} articles")
    return 0
