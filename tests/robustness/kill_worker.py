"""A worker that keeps changing a library until it is killed (used by the crash-safety tests).

It imports generated articles in small batches (store, analysis, index), annotates them, and
prints a line for every change it knows is committed, so the test can check none was lost.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle

WORDS = [
    "river",
    "basin",
    "talks",
    "minister",
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
    "sanctions",
    "levels",
    "quota",
    "dry",
    "season",
]


def article(rng: random.Random, n: int) -> ParsedArticle:
    paragraphs = tuple(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))).capitalize()
        + "."
        + (f" “We will not sign,” said Minister Ana Reyes{n}." if i == 1 else "")
        for i in range(rng.randint(3, 8))
    )
    return ParsedArticle(
        title=f"Story {n}",
        paragraphs=paragraphs,
        source=f"Outlet {n % 5}",
        published=f"2025-03-{1 + n % 28:02d}",
    )


def main(root: str, seed: int) -> None:
    rng = random.Random(seed)
    with Library(Path(root)) as library:
        n = library.count()
        while True:
            batch = [article(rng, n + i) for i in range(rng.randint(1, 4))]
            report = library.import_parsed(batch, origin=f"seed-{seed}")
            for _, article_id, _ in report.imported:
                print(f"article {article_id}", flush=True)
                text = library.get(article_id).text  # type: ignore[union-attr]
                start = rng.randrange(0, max(1, len(text) - 20))
                annotation, _ = library.annotate(
                    article_id, start, start + 12, note=f"note {seed}-{article_id}"
                )
                print(f"annotation {annotation.id}", flush=True)
            n += len(batch)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
