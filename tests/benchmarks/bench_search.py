"""Benchmark: SearchIndex (Whoosh) against a SQLite FTS5 baseline over the same synthetic corpus.

    .venv/bin/python tests/benchmarks/bench_search.py            # 10,000 articles
    .venv/bin/python tests/benchmarks/bench_search.py --large    # 100,000 articles (slow)

Each engine runs in its own forked process so peak memory (getrusage ru_maxrss) is its own.
Query latency includes what a user waits for: Whoosh returns total, facets, suggestion and the
first 20 hits with snippets; FTS5 returns total (count) and 20 hits with snippet().
FTS5 has no fuzzy search: the fuzzy query is run there as a prefix query.
A Whoosh total marked "~" is an estimate (a phrase in too many articles to check them all).
"Open + first query" is the median of OPEN_RUNS fresh processes.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpus import generate_articles, world

from summitreader.index.documents import IndexDocument
from summitreader.index.search_index import SearchIndex

ROUNDS = 5
PAGE = 20
OPEN_RUNS = 3


@dataclass(frozen=True)
class BenchQuery:
    kind: str
    whoosh: str
    fts5: str
    published_range: tuple[str, str] | None = None


def query_mix(seed: int) -> list[BenchQuery]:
    """A fixed mix of query shapes, built from the corpus's own vocabulary by Zipf rank."""
    w = world(seed)
    vocab: list[str] = w["vocabulary"]
    common, mid, rare = vocab[90], vocab[400], vocab[12_000]
    speaker = w["people"][3]
    outlet = w["outlets"][-1]
    typo = rare[:-2] + rare[-1] + rare[-2]  # two letters swapped: one edit for Whoosh's ~2
    return [
        BenchQuery("common", common, common),
        BenchQuery("rare", rare, rare),
        BenchQuery("and", f"{common} {mid}", f"{common} AND {mid}"),
        BenchQuery("or", f"{mid} OR {rare}", f"{mid} OR {rare}"),
        BenchQuery("phrase", '"sanctions relief"', '"sanctions relief"'),
        # Common words, rarely side by side: thousands hold both, few hold the phrase.
        BenchQuery("rare phrase", '"press conference"', '"press conference"'),
        BenchQuery("field", f'speaker:"{speaker}"', f'speaker:"{speaker}"'),
        BenchQuery("source+word", f'source:"{outlet}" {mid}', f'source:"{outlet}" AND {mid}'),
        BenchQuery(
            "date range",
            f"{mid} published:[2019-02-01 to 2019-03-01]",
            mid,
            ("2019-02-01", "2019-03-01T23:59:59"),
        ),
        BenchQuery("fuzzy", f"{typo}~2", f"{rare[:5]}*"),
        BenchQuery("prefix", f"{mid[:4]}*", f"{mid[:4]}*"),
    ]


def index_documents(n: int, seed: int) -> Iterator[IndexDocument]:
    for number, article in enumerate(generate_articles(n, seed), start=1):
        yield IndexDocument(
            id=number,
            title=article["title"],
            body="\n\n".join(article["paragraphs"]),
            source=article["source"],
            author=article["author"],
            published=article["published"],
            dateline=article["dateline"],
            section=article["section"],
            speakers=tuple(article["speakers"]),
            entities=tuple(article["entities"]),
        )


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latencies(run: Callable[[BenchQuery], Any], queries: list[BenchQuery]) -> dict[str, Any]:
    for q in queries:  # warm-up: caches, first-touch of files
        run(q)
    times: list[float] = []
    per_kind: dict[str, list[float]] = {q.kind: [] for q in queries}
    for _ in range(ROUNDS):
        for q in queries:
            started = time.perf_counter()
            run(q)
            elapsed = (time.perf_counter() - started) * 1000
            times.append(elapsed)
            per_kind[q.kind].append(elapsed)
    return {
        "p50": statistics.median(times),
        "p95": statistics.quantiles(times, n=20)[-1],
        "per_kind": {kind: statistics.median(values) for kind, values in per_kind.items()},
    }


# -- Whoosh ----------------------------------------------------------------------------------


def bench_whoosh(n: int, seed: int, folder: Path) -> dict[str, Any]:
    index = SearchIndex(folder)
    started = time.perf_counter()
    count = index.rebuild(index_documents(n, seed), stamp="bench", total=n)
    build_s = time.perf_counter() - started
    index.close()
    index = SearchIndex(folder)
    queries = query_mix(seed)
    hits_seen: dict[str, int] = {}
    estimated: list[str] = []

    def run(q: BenchQuery) -> None:
        results = index.search(q.whoosh, limit=PAGE)
        hits_seen[q.kind] = results.total
        if results.total_is_estimate and q.kind not in estimated:
            estimated.append(q.kind)

    stats = latencies(run, queries)
    index.close()
    return {
        "count": count,
        "articles_per_s": count / build_s,
        "build_s": build_s,
        "size_mb": folder_size(folder) / 1e6,
        "peak_mb": peak_rss_mb(),
        "totals": hits_seen,
        "estimated": estimated,
        **stats,
    }


def whoosh_open_first_query(folder: Path, seed: int) -> dict[str, Any]:
    started = time.perf_counter()
    index = SearchIndex(folder)
    results = index.search(query_mix(seed)[2].whoosh, limit=PAGE)
    elapsed = time.perf_counter() - started
    index.close()
    return {"open_first_ms": elapsed * 1000, "total": results.total, "peak_mb": peak_rss_mb()}


# -- SQLite FTS5 -----------------------------------------------------------------------------

FTS_SCHEMA = """
CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT, source TEXT,
                       published TEXT);
CREATE INDEX articles_published ON articles(published);
CREATE VIRTUAL TABLE fts USING fts5(title, body, source, speaker, entity,
                                    content='articles_fts_content', content_rowid='id',
                                    tokenize='porter unicode61');
"""


def bench_fts5(n: int, seed: int, folder: Path) -> dict[str, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "fts.sqlite"
    db = sqlite3.connect(path)
    db.executescript(FTS_SCHEMA.replace("content='articles_fts_content', content_rowid='id',", ""))
    started = time.perf_counter()
    with db:
        for doc in index_documents(n, seed):
            db.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
                (doc.id, doc.title, doc.body, doc.source, doc.published),
            )
            db.execute(
                "INSERT INTO fts(rowid, title, body, source, speaker, entity)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    doc.id,
                    doc.title,
                    doc.body,
                    doc.source,
                    "; ".join(doc.speakers),
                    "; ".join(doc.entities),
                ),
            )
    build_s = time.perf_counter() - started
    db.close()
    db = sqlite3.connect(path)
    queries = query_mix(seed)
    totals: dict[str, int] = {}

    def run(q: BenchQuery) -> None:
        where = "fts MATCH ?"
        params: list[Any] = [q.fts5]
        if q.published_range:
            where += " AND fts.rowid IN (SELECT id FROM articles WHERE published BETWEEN ? AND ?)"
            params += list(q.published_range)
        totals[q.kind] = db.execute(f"SELECT count(*) FROM fts WHERE {where}", params).fetchone()[0]
        db.execute(
            "SELECT fts.rowid, a.title, a.source, a.published,"
            " snippet(fts, 1, '<mark>', '</mark>', '\u2026', 32)"
            f" FROM fts JOIN articles a ON a.id = fts.rowid WHERE {where}"
            " ORDER BY bm25(fts, 2.0, 1.0) LIMIT ?",
            [*params, PAGE],
        ).fetchall()

    stats = latencies(run, queries)
    db.close()
    return {
        "count": n,
        "articles_per_s": n / build_s,
        "build_s": build_s,
        "size_mb": folder_size(folder) / 1e6,
        "peak_mb": peak_rss_mb(),
        "totals": totals,
        **stats,
    }


def fts5_open_first_query(folder: Path, seed: int) -> dict[str, Any]:
    started = time.perf_counter()
    db = sqlite3.connect(folder / "fts.sqlite")
    q = query_mix(seed)[2].fts5
    db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (q,)).fetchone()
    db.execute(
        "SELECT rowid, snippet(fts, 1, '<mark>', '</mark>', '\u2026', 32) FROM fts"
        " WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 20",
        (q,),
    ).fetchall()
    elapsed = time.perf_counter() - started
    db.close()
    return {"open_first_ms": elapsed * 1000, "peak_mb": peak_rss_mb()}


# -- running ---------------------------------------------------------------------------------


def _child(fn: Callable[..., dict[str, Any]], args: tuple[Any, ...], out: Any) -> None:
    out.put(fn(*args))


def in_child(fn: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """Run `fn` in a forked process, so memory peaks and caches are its own."""
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    process = context.Process(target=_child, args=(fn, args, out))
    process.start()
    result: dict[str, Any] = out.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of articles")
    parser.add_argument("--large", action="store_true", help="100,000 articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=None, help="where to build (kept)")
    parser.add_argument("--only", choices=("whoosh", "fts5"), default=None)
    args = parser.parse_args()
    n = 100_000 if args.large else args.n
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    world(args.seed)  # built once before forking
    print(f"corpus: {n} articles, seed {args.seed}, in {work}", flush=True)
    print("load average (1, 5, 15 min) at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    results: dict[str, dict[str, Any]] = {}
    if args.only in (None, "whoosh"):
        results["Whoosh"] = in_child(bench_whoosh, n, args.seed, work / "whoosh")
        results["Whoosh"]["open_first_ms"] = statistics.median(
            in_child(whoosh_open_first_query, work / "whoosh", args.seed)["open_first_ms"]
            for _ in range(OPEN_RUNS)
        )
        print(f"whoosh done: {results['Whoosh']['articles_per_s']:.0f} articles/s", flush=True)
    if args.only in (None, "fts5"):
        results["FTS5"] = in_child(bench_fts5, n, args.seed, work / "fts5")
        results["FTS5"]["open_first_ms"] = statistics.median(
            in_child(fts5_open_first_query, work / "fts5", args.seed)["open_first_ms"]
            for _ in range(OPEN_RUNS)
        )
    print_table(results)
    print("load average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)


def print_table(results: dict[str, dict[str, Any]]) -> None:
    rows = [
        ("index articles/s", "articles_per_s", "{:.0f}"),
        ("index build s", "build_s", "{:.1f}"),
        ("query p50 ms", "p50", "{:.1f}"),
        ("query p95 ms", "p95", "{:.1f}"),
        ("index size MB", "size_mb", "{:.0f}"),
        ("peak memory MB", "peak_mb", "{:.0f}"),
        ("open + first query ms", "open_first_ms", "{:.0f}"),
    ]
    engines = list(results)
    header = f"{'':24}" + "".join(f"{name:>12}" for name in engines)
    if len(engines) == 2:
        header += f"{'Whoosh/FTS5':>14}"
    print(header)
    for label, key, fmt in rows:
        line = f"{label:24}" + "".join(f"{fmt.format(results[e][key]):>12}" for e in engines)
        if len(engines) == 2 and results["FTS5"][key]:
            line += f"{results['Whoosh'][key] / results['FTS5'][key]:>13.2f}x"
        print(line)
    print("\nmedian ms per query shape (matches):")
    kinds = list(next(iter(results.values()))["per_kind"])
    for kind in kinds:
        cells = "".join(
            f"{results[e]['per_kind'][kind]:>10.1f} ({_total(results[e], kind):>7})"
            for e in engines
        )
        print(f"  {kind:22}{cells}")


def _total(result: dict[str, Any], kind: str) -> str:
    mark = "~" if kind in result.get("estimated", ()) else ""
    return f"{mark}{result['totals'].get(kind, 0)}"


if __name__ == "__main__":
    main()
