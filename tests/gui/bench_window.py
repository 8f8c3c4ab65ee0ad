"""Window benchmark: cold start, opening an article with every highlight, GUI-thread stalls.

    .venv/bin/python tests/gui/bench_window.py --articles 10000 --library /tmp/bench-window

The library is generated once (tests/benchmarks/corpus.py, imported through
Library.import_parsed, which also analyses and indexes) and reused on later runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
BATCH = 250


def build_library(root: Path, count: int) -> None:
    sys.path.insert(0, str(REPO / "tests" / "benchmarks"))
    from corpus import generate_articles  # type: ignore[import-not-found]

    from summitreader.core.library import Library
    from summitreader.ingest.types import ParsedArticle

    library = Library(root)
    try:
        have = library.count()
        if have >= count:
            return
        started = time.perf_counter()
        batch: list[ParsedArticle] = []
        for number, item in enumerate(generate_articles(count, seed=7)):
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
            if len(batch) == BATCH:
                library.import_parsed(batch, origin="bench")
                batch = []
                print(
                    f"  built {number + 1:,} articles ({time.perf_counter() - started:.0f} s)",
                    flush=True,
                )
        if batch:
            library.import_parsed(batch, origin="bench")
        library.ensure_index()
    finally:
        library.close()


def child_cold_start(root: Path, spawned_at: float) -> None:
    """Runs in a fresh process: time from spawn to a painted window with its first rows."""
    from PySide6.QtWidgets import QApplication

    from summitreader.core.library import Library
    from summitreader.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    library = Library(root)
    window = MainWindow(library, theme="light")
    window.show()
    app.processEvents()
    window.grab()  # forces a full paint
    usable = time.time()
    rows = window.document.table_model.rowCount()
    print(f"{usable - spawned_at:.3f} {rows}")
    window.document.tasks.cancel_all()
    window.shut_down()
    library.close()


def measure_in_window(root: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from summitreader.core.library import Library
    from summitreader.ingest.types import ParsedArticle
    from summitreader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    library = Library(root)
    window = MainWindow(library, theme="light")
    window.resize(1480, 920)
    window.show()
    window.wait_until_idle(600_000)

    # Opening articles with all their highlights, the most quoted first.
    top = [s.id for s in library.list(limit=400)]
    quoted = sorted(top, key=lambda i: -len(library.quotes(article_id=i)))[:20]
    timings = []
    opened: list[float] = []
    window.document.article_did_open.connect(lambda _o: opened.append(time.perf_counter()))
    for article_id in quoted:
        opened.clear()
        started = time.perf_counter()
        window.document.open_article(article_id)
        while not opened:
            app.processEvents()
        window.reader_pane.view.viewport().repaint()
        timings.append(time.perf_counter() - started)
        window.wait_until_idle()
    print(
        f"open article with highlights: median {statistics.median(timings) * 1000:.1f} ms, "
        f"max {max(timings) * 1000:.1f} ms over {len(timings)} articles"
    )

    # GUI-thread stalls: a 5 ms heartbeat while an import runs and a search is typed.
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    extra = [
        ParsedArticle(
            title=f"Stall probe {n} {time.time()}",
            source="Probe Wire",
            paragraphs=(f"Probe article {n} about the Tagus talks and water.",) * 8,
        )
        for n in range(40)
    ]
    window.document.tasks.run(
        "Importing",
        lambda _ctx: library.import_parsed(extra, origin="bench").changes,
        on_done=window.document._apply,
        writes=True,
    )
    window.search_field.setFocus()
    QTest.keyClicks(window.search_field, "reservoir agreement", delay=60)
    window.wait_until_idle(600_000)
    QTest.qWait(300)
    heartbeat.stop()
    longest = max(gaps) * 1000
    p99 = sorted(gaps)[int(len(gaps) * 0.99)] * 1000
    print(
        f"GUI stall while importing and typing: longest {longest:.0f} ms, "
        f"p99 {p99:.0f} ms over {len(gaps)} beats"
    )
    window.shut_down()
    library.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--library", default="/tmp/summitreader-bench-window")
    parser.add_argument("--child-start", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    root = Path(args.library)
    if args.child_start is not None:
        child_cold_start(root, args.child_start)
        return
    print(f"library: {root} ({args.articles:,} articles)")
    build_library(root, args.articles)
    runs = []
    for _ in range(3):
        spawned = time.time()
        out = subprocess.run(
            [sys.executable, __file__, "--library", str(root), "--child-start", str(spawned)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        runs.append(float(out[0]))
    print(
        f"cold start to painted window: best {min(runs):.2f} s, worst {max(runs):.2f} s "
        f"({out[1]} rows fetched of the first page)"
    )
    measure_in_window(root)


if __name__ == "__main__":
    main()
