"""A 100,000-article library: how fast it opens, pages, searches, and how much memory it takes.

Usage: python tests/benchmarks/bench_scale.py [--n 100000] [--library /tmp/scale-100k]
The library is built once (store writes in large transactions, then one index rebuild; analysis is
skipped: it does not change what is measured here) and reused. Each figure is measured in a fresh
process, the way a user meets it: open the library and show the first page of the list, page
through the list in several orders, search a fixed mix of queries with snippets, peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERIES = [
    "talks",
    "summit minister",
    '"press conference"',
    "sanctions OR tariffs",
    "negotiat*",
    "sanctons~",
    "source:Daily",
    "published:[2020-01-01 to 2020-06-30]",
    "agreement -walk",
    "title:summit",
]


def build(root: Path, n: int) -> None:
    sys.path.insert(0, str(HERE))
    from corpus import generate_articles

    from summitreader.core.library import Library
    from summitreader.ingest.types import ParsedArticle

    with Library(root) as library:
        have = library.count()
        if have >= n:
            started = time.perf_counter()
            if library.ensure_index():  # an index from an older version is rebuilt once
                print(f"  re-indexed in {time.perf_counter() - started:.0f} s", flush=True)
            return
        started = time.perf_counter()
        batch = []
        for number, item in enumerate(generate_articles(n)):
            if number < have:
                continue
            batch.append(
                ParsedArticle(
                    title=item["title"],
                    paragraphs=tuple(item["paragraphs"]),
                    source=item["source"],
                    author=item["author"],
                    published=item["published"],
                    dateline=item["dateline"],
                    section=item["section"],
                )
            )
            if len(batch) == 2000 or number == n - 1:
                with library.db.write() as conn:
                    for parsed in batch:
                        library.articles_store.insert(conn, parsed, origin="bench")
                batch = []
                print(
                    f"  stored {number + 1:,} ({time.perf_counter() - started:.0f} s)", flush=True
                )
        started = time.perf_counter()
        library.reindex(progress=lambda done, total, _: None)
        print(f"  indexed in {time.perf_counter() - started:.0f} s", flush=True)


def measure(root: Path) -> dict[str, object]:
    """Runs in a fresh process: every figure as a user would meet it."""
    started = time.perf_counter()
    from summitreader.core.library import Library
    from summitreader.store.articles import ArticleFilter

    library = Library(root)
    first_page = library.list(ArticleFilter(), limit=200)
    total = library.count()
    opened = time.perf_counter() - started
    pages = []
    for order in ("published", "title", "source", "words"):
        for offset in (0, total // 3, total - 200):
            t = time.perf_counter()
            library.list(ArticleFilter(order_by=order), limit=200, offset=offset)
            pages.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    library.search("talks")
    first_query = (time.perf_counter() - t) * 1000
    latencies = []
    for _ in range(3):
        for query in QUERIES:
            t = time.perf_counter()
            library.search(query, limit=20)
            latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    return {
        "articles": total,
        "first_page_rows": len(first_page),
        "open_and_first_page_s": round(opened, 3),
        "page_ms_median": round(statistics.median(pages), 1),
        "page_ms_max": round(max(pages), 1),
        "first_search_ms": round(first_query, 1),
        "search_p50_ms": round(latencies[len(latencies) // 2], 1),
        "search_p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--library", type=Path, default=Path("/tmp/scale-100k"))
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_only:
        print(json.dumps(measure(args.library)))
        return
    build(args.library, args.n)
    out = subprocess.run(
        [sys.executable, __file__, "--measure-only", "--library", str(args.library)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    for key, value in figures.items():
        print(f"  {key:<24} {value}")


if __name__ == "__main__":
    main()
