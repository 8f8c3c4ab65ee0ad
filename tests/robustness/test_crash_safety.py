"""Kill a real process at random points while it imports, analyses, indexes and annotates.

After every kill the library must be consistent (SQLite integrity_check), hold every annotation
the process had reported as saved, hold no half-written article, and have its search index either
in step or detected as stale and repaired. CI runs a few rounds; set SUMMITREADER_KILL_ROUNDS=50
(tests/benchmarks/bench_crash.sh) for the full count.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summitreader.core.library import Library

WORKER = Path(__file__).with_name("kill_worker.py")
ROUNDS = int(os.environ.get("SUMMITREADER_KILL_ROUNDS", "6"))


def run_and_kill(root: Path, seed: int, delay: float) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(root), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, err[-2000:]
    return out.splitlines()


@pytest.mark.slow
def test_library_survives_repeated_kills(tmp_path: Path) -> None:
    root = tmp_path / "library"
    rng = random.Random(20261123)
    saved: set[str] = set()
    stale_repaired = 0
    for round_number in range(ROUNDS):
        # Early kills land in start-up and model loading, later ones mid-batch.
        lines = run_and_kill(root, round_number, rng.uniform(1.5, 6.0))
        saved |= {line.split()[1] for line in lines if line.startswith("annotation ")}
        with Library(root) as library:
            conn = library.db.conn
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            kept = {a.id for a in library.annotations(include_deleted=True)}
            assert saved <= kept, f"round {round_number}: lost {saved - kept}"
            for summary in library.list():
                article = library.get(summary.id)
                assert article is not None and article.paragraphs and article.title
            check = library.check_index()
            if not check.ok:
                stale_repaired += 1
                assert library.ensure_index()
            assert library.check_index().ok
            assert library.search("sign").total == library.count()
    print(f"{ROUNDS} kills, {len(saved)} annotations kept, index repaired {stale_repaired} times")
