"""Re-anchoring speed on a long article: how long finding one annotation again takes.

Usage: python tests/benchmarks/bench_anchoring.py [--words 10000] [--runs 20]
Builds a deterministic article of N words, annotates passages, edits the text the ways a
corrected article changes (text inserted before, a word changed inside, the passage deleted) and
times `reanchor` for each case: median and worst over the runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from summitreader.annotate.anchoring import reanchor
from summitreader.annotate.model import new_annotation

WORDS = [
    "the",
    "river",
    "basin",
    "talks",
    "minister",
    "said",
    "delegates",
    "reservoir",
    "drought",
    "clause",
    "treaty",
    "farmers",
    "water",
    "weekly",
    "flow",
    "dam",
    "border",
    "summit",
    "agreement",
    "walkout",
    "chair",
    "levels",
    "quota",
    "dry",
    "season",
]


def article(words: int, rng: random.Random) -> str:
    sentences, count = [], 0
    while count < words:
        n = rng.randint(8, 30)
        sentences.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
        count += n
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paragraphs)


def timed(runs: int, fn: object) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(7)
    text = article(args.words, rng)
    start = len(text) // 2
    start = text.index(" ", start) + 1
    end = start + 60
    ann = new_annotation(1, "uid", text, start, end, "hash")
    inside = start + 20
    cases = {
        "unchanged (position)": text,
        "text inserted before (exact)": "A new opening paragraph.\n\n" + text,
        "a word changed inside (fuzzy)": text[:inside] + "XYZZY" + text[inside + 3 :],
        "passage deleted (orphan)": text[: start - 1] + text[end + 1 :],
    }
    print(f"{args.words:,}-word article ({len(text):,} code points), {args.runs} runs each")
    for name, new_text in cases.items():
        median, worst = timed(args.runs, lambda t=new_text: reanchor(ann, t))
        method = reanchor(ann, new_text).method or "orphan"
        print(f"  {name:<32} {method:<8} median {median:6.2f} ms   worst {worst:6.2f} ms")


if __name__ == "__main__":
    main()
