"""Import throughput: parse-free store + analysis + indexing, the way the app imports articles.

Usage: python tests/benchmarks/bench_import.py [--n 400] [--processes 1|2] [--batch 200]
Articles come from the synthetic corpus (700 words, quotes, names); each batch goes through
Library.import_parsed, which stores them (one transaction each), analyses them and indexes them.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_articles

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    articles = [
        ParsedArticle(
            title=a["title"],
            paragraphs=tuple(a["paragraphs"]),
            source=a["source"],
            author=a["author"],
            published=a["published"],
            dateline=a["dateline"],
            section=a["section"],
        )
        for a in generate_articles(args.n)
    ]
    with tempfile.TemporaryDirectory() as tmp, Library(Path(tmp), processes=args.processes) as lib:
        lib.analysis_runner.analyser.analyse("Warm up: “the model loads once,” she said.")
        started = time.perf_counter()
        for at in range(0, len(articles), args.batch):
            lib.import_parsed(articles[at : at + args.batch], origin="bench")
        elapsed = time.perf_counter() - started
        assert lib.count() == args.n and lib.check_index().ok
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print(
        f"imported {args.n} articles (store + analysis + index) in {elapsed:.1f} s: "
        f"{args.n / elapsed:.1f} articles/s with {args.processes} process(es), "
        f"peak {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
