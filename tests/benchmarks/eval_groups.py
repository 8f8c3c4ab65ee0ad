"""Score "same remark, every outlet" grouping against tests/gold/samples_groups.json.

Usage:  .venv/bin/python tests/benchmarks/eval_groups.py [--verbose]
The bundled samples are imported into a temporary library (real importer and analysis), their
quotes grouped by summitreader.coverage.group_remarks, and gold members matched to extracted
quotes by file and first words (folded as the grouping folds them). Scores are pairwise: a pair
of quotes in one predicted group is right when gold puts both in one group. Recall is given over
every gold member, over the gold members whose quote the analysis extracted (a quote that was
never extracted cannot be grouped), and over those extracted with the gold speaker or none (a
quote given to the wrong person is rightly kept out of that person's remark).
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "gold" / "samples_groups.json"
sys.path.insert(0, str(REPO))

from summitreader.core.library import Library  # noqa: E402
from summitreader.coverage import DEFAULT_THRESHOLD, group_remarks  # noqa: E402
from summitreader.coverage.speakers import same_speaker, speaker_words  # noqa: E402
from summitreader.coverage.textmatch import fold_words  # noqa: E402
from summitreader.store.analysis import LibraryQuote  # noqa: E402

THRESHOLDS = (50.0, 60.0, 70.0, 75.0, 80.0, 85.0, 90.0, 95.0, 100.0)


@dataclass(frozen=True, slots=True)
class SampleQuotes:
    """Every quote of the sample library and the sample file each came from."""

    quotes: list[LibraryQuote]
    files: list[str]


@dataclass(frozen=True, slots=True)
class GoldMatch:
    """Gold members as (group number, quote index or None when the quote was not extracted)."""

    members: list[tuple[int, int | None]]
    speakers: list[str]  # the gold speaker of each group


@dataclass(frozen=True, slots=True)
class Scores:
    threshold: float
    predicted_pairs: int
    correct_pairs: int
    gold_pairs: int
    extracted_gold_pairs: int
    attributed_gold_pairs: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def recall_extracted(self) -> float:
        pairs = self.extracted_gold_pairs
        return self.correct_pairs / pairs if pairs else 1.0

    @property
    def recall_attributed(self) -> float:
        pairs = self.attributed_gold_pairs
        return self.correct_pairs / pairs if pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall_extracted
        return 2 * p * r / (p + r) if p + r else 0.0


def load_sample_quotes(directory: Path) -> SampleQuotes:
    """Import the bundled samples into a new library in `directory` and read its quotes."""
    with Library(directory) as library:
        report = library.import_samples()
        file_of = {article_id: Path(path).name for path, article_id, _ in report.imported}
        quotes = library.quotes()
    return SampleQuotes(quotes, [file_of.get(q.article_id, "") for q in quotes])


def match_gold(sample: SampleQuotes, gold_path: Path = GOLD) -> GoldMatch:
    """Each gold member's quote: the one in its file starting with its first words, else the
    one containing them (the analysis may have joined it to the quote before)."""
    groups = json.loads(gold_path.read_text(encoding="utf-8"))["groups"]
    members: list[tuple[int, int | None]] = []
    speakers = [group["speaker"] for group in groups]
    taken: set[int] = set()
    for number, group in enumerate(groups):
        for member in group["members"]:
            start = fold_words(member["starts"])
            in_file = [
                i
                for i, name in enumerate(sample.files)
                if name == member["file"] and i not in taken
            ]
            found = _first(
                i for i in in_file if _starts_with(fold_words(sample.quotes[i].text), start)
            )
            if found is None:
                found = _first(
                    i for i in in_file if _contains(fold_words(sample.quotes[i].text), start)
                )
            if found is not None:
                taken.add(found)
            members.append((number, found))
    return GoldMatch(members, speakers)


def score(sample: SampleQuotes, gold: GoldMatch, threshold: float) -> Scores:
    groups = group_remarks(sample.quotes, threshold=threshold)
    index_of = {id(q): i for i, q in enumerate(sample.quotes)}
    gold_group = {index: number for number, index in gold.members if index is not None}
    predicted = [
        pair for g in groups for pair in combinations(sorted(index_of[id(m)] for m in g.members), 2)
    ]
    correct = sum(
        1
        for a, b in predicted
        if a in gold_group and b in gold_group and gold_group[a] == gold_group[b]
    )
    by_group: dict[int, list[int | None]] = defaultdict(list)
    for number, index in gold.members:
        by_group[number].append(index)
    gold_pairs = sum(_pairs(len(found)) for found in by_group.values())
    extracted = sum(_pairs(sum(1 for i in found if i is not None)) for found in by_group.values())
    attributed = sum(
        _pairs(sum(1 for i in found if i is not None and _speaker_agrees(sample, i, gold, n)))
        for n, found in by_group.items()
    )
    return Scores(threshold, len(predicted), correct, gold_pairs, extracted, attributed)


def _speaker_agrees(sample: SampleQuotes, index: int, gold: GoldMatch, group: int) -> bool:
    """The extracted quote has no speaker, or one naming the gold speaker."""
    speaker = sample.quotes[index].speaker
    return speaker is None or same_speaker(
        speaker_words(speaker), speaker_words(gold.speakers[group])
    )


def report(sample: SampleQuotes, gold: GoldMatch, thresholds: Iterable[float]) -> list[Scores]:
    missing = sum(1 for _, index in gold.members if index is None)
    wrong = sum(
        1
        for number, index in gold.members
        if index is not None and not _speaker_agrees(sample, index, gold, number)
    )
    print(
        f"gold members: {len(gold.members)}, not extracted: {missing}, "
        f"extracted with another speaker: {wrong}"
    )
    print(
        "threshold  predicted  correct  precision  recall: all  extracted  right speaker"
        "  F1(extracted)"
    )
    rows = []
    for threshold in thresholds:
        s = score(sample, gold, threshold)
        rows.append(s)
        mark = "  <- default" if threshold == DEFAULT_THRESHOLD else ""
        print(
            f"{threshold:9.1f}  {s.predicted_pairs:9d}  {s.correct_pairs:7d}  {s.precision:9.3f}"
            f"  {s.recall:11.3f}  {s.recall_extracted:9.3f}  {s.recall_attributed:13.3f}"
            f"  {s.f1:13.3f}{mark}"
        )
    return rows


def show_groups(sample: SampleQuotes, gold: GoldMatch) -> None:
    gold_group = {index: number for number, index in gold.members if index is not None}
    index_of = {id(q): i for i, q in enumerate(sample.quotes)}
    for group in group_remarks(sample.quotes):
        print(f"\n[{group.speaker}] {group.representative[:90]}")
        for member in group.members:
            i = index_of[id(member)]
            label = gold_group.get(i, "-")
            print(f"   gold {label!s:>2}  {sample.files[i][:28]:28}  {member.text[:70]}")
    for number, index in gold.members:
        if index is None:
            print(f"not extracted: gold group {number}")


def _starts_with(words: Sequence[str], start: Sequence[str]) -> bool:
    return bool(start) and tuple(words[: len(start)]) == tuple(start)


def _contains(words: Sequence[str], part: Sequence[str]) -> bool:
    n = len(part)
    return bool(part) and any(tuple(words[i : i + n]) == tuple(part) for i in range(len(words)))


def _first(items: Iterable[int]) -> int | None:
    return next(iter(items), None)


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def main(argv: Sequence[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sample = load_sample_quotes(Path(tmp) / "library")
    gold = match_gold(sample)
    report(sample, gold, sorted({*THRESHOLDS, DEFAULT_THRESHOLD}))
    if "--verbose" in argv:
        show_groups(sample, gold)


if __name__ == "__main__":
    main(sys.argv[1:])
