"""Articles per second for the analyser on generated ~700-word news and on the seeds.

Usage:  .venv/bin/python tests/benchmarks/bench_analysis.py [--articles 120] [--processes 1 2]
The generated articles are deterministic (fixed random seed) and original: names, places and
sentences are put together from the small lists below.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from summitreader.nlp import Analyser  # noqa: E402

FIRST = ["Anna", "Tomas", "Leila", "Jonas", "Marta", "Kenji", "Rosa", "Pavel", "Nadia", "Omar"]
LAST = ["Berg", "Ferraz", "Okafor", "Lindqvist", "Reyes", "Kowalczyk", "Haddad", "Sato", "Moreau"]
PLACES = ["Lisbon", "Gdansk", "Nairobi", "Osaka", "Valparaiso", "Tbilisi", "Bergen", "Quebec"]
ORGS = ["the Harbour Board", "the Ministry of Water", "Nordvik Shipping", "the Port Union"]
TITLES = ["Minister", "President", "Governor", "Mayor"]
VERBS = ["said", "told reporters", "added", "insisted", "warned"]
FILLER = [
    "Officials in {place} spent the morning reviewing figures that had been delayed for weeks.",
    "The talks in {place} were meant to settle a dispute over river levels and shipping fees.",
    "{org} published a report on Tuesday that questioned the cost of the new locks.",
    "Negotiators from both sides met again after lunch, and the session ran late into the night.",
    "Analysts expect prices to rise in the coming months if the agreement is not signed.",
    "Residents near the harbour have complained about noise from the construction site.",
]
QUOTES = [
    "We are not going to sign something we cannot keep",
    "The numbers speak for themselves, and they are not good",
    "Nobody wants another winter like the last one",
    "This is a fair offer and we expect an answer soon",
]


def generated_article(rng: random.Random, words: int = 700) -> str:
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    paragraphs = [
        f"{rng.choice(TITLES)} {people[0]} arrived in {rng.choice(PLACES)} on Monday for talks "
        f"with {people[1]} and officials from {rng.choice(ORGS)}."
    ]
    while sum(len(p.split()) for p in paragraphs) < words:
        person = rng.choice(people)
        surname = person.split()[-1]
        shape = rng.randrange(5)
        quote = rng.choice(QUOTES)
        if shape == 0:
            paragraphs.append(f"“{quote},” {surname} {rng.choice(VERBS)}.")
        elif shape == 1:
            paragraphs.append(
                f"{surname} said: “{quote}.” "
                + rng.choice(FILLER).format(place=rng.choice(PLACES), org=rng.choice(ORGS))
            )
        else:
            paragraphs.append(
                " ".join(
                    rng.choice(FILLER).format(place=rng.choice(PLACES), org=rng.choice(ORGS))
                    for _ in range(3)
                )
            )
    return "\n\n".join(paragraphs)


def seed_texts() -> list[str]:
    folder = REPO.parent / "shared" / "seeds"
    texts = []
    for path in sorted(folder.glob("*.txt")):
        paragraphs = re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))
        texts.append("\n\n".join(p.strip() for p in paragraphs if p.strip()))
    return texts


def rate(analyser: Analyser, texts: list[str], processes: int) -> float:
    started = time.perf_counter()
    count = sum(1 for _ in analyser.analyse_many(texts, n_process=processes, batch_size=32))
    return count / (time.perf_counter() - started)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)
    rng = random.Random(20240711)
    texts = [generated_article(rng) for _ in range(args.articles)]
    words = sum(len(t.split()) for t in texts) / len(texts)
    analyser = Analyser()
    started = time.perf_counter()
    print(analyser.model_description, f"(loaded in {time.perf_counter() - started:.1f} s)")
    analyser.analyse(texts[0])  # warm up
    for processes in args.processes:
        print(
            f"generated: {len(texts)} articles of ~{words:.0f} words, {processes} process(es): "
            f"{rate(analyser, texts, processes):.1f} articles/s"
        )
    seeds = seed_texts()
    if seeds:
        repeated = seeds * 20
        print(
            f"seeds: {len(repeated)} analyses, 1 process: {rate(analyser, repeated, 1):.1f} "
            "articles/s"
        )
    rules_only = Analyser(use_model=False)
    print(f"rules only (no model): {rate(rules_only, texts, 1):.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
