"""Score the analyser against every gold set: quote recall/precision, speakers, kinds, entities.

Usage:  .venv/bin/python tests/benchmarks/eval_quotes.py [--verbose]
Gold sets (each skipped when its files are absent):
  seeds     ../shared/seeds/*.txt with ../shared/acceptance/seeds_gold.json (page furniture removed)
  fixtures  tests/fixtures/nlp/*.txt with tests/gold/fixtures_quotes.json
  samples   resources/samples/*.txt with tests/gold/samples_quotes.json (body from the
            plain-text importer, once summitreader.ingest.plaintext exists)
Matching follows ../shared/acceptance/seeds.py: quotes by their first words, speakers by canonical
name (case, quote marks and spacing folded), entities by name, type and minimum mentions.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from summitreader.nlp import Analyser, ArticleAnalysis  # noqa: E402

_MINUTE_READ_RE = re.compile(r"^\d+\s+min(?:ute)?s?\s+read\b", re.IGNORECASE)
_DATE_LINE_RE = re.compile(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$|^[A-Z][a-z]+\s+\d{1,2},\s+\d{4}$")
_FOOTER_RE = re.compile(r"^(?:More Must-Reads from|Write to )")


def norm(text: str | None) -> str:
    """Fold quotes, dashes, case and spacing so that matching is about words."""
    text = unicodedata.normalize("NFKC", text or "")
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("—", "-"), ("–", "-")):
        text = text.replace(a, b)
    text = text.strip().strip("\"'").strip()
    return " ".join(text.lower().split())


def seed_body(raw: str) -> str:
    """A captured page minus its furniture: breadcrumbs, headline, read time, dates, footers."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if all(line.startswith("•") for line in lines):
            continue
        if _MINUTE_READ_RE.match(lines[0]) or lines[0].startswith("Updated:"):
            body.clear()  # everything before the read-time line was the headline block
            continue
        if index == 0 and _DATE_LINE_RE.match(paragraph):
            continue
        if _FOOTER_RE.match(paragraph):
            continue
        body.append(paragraph)
    return "\n\n".join(body)


def fixture_body(raw: str) -> str:
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip())


def sample_body(raw: str) -> str | None:
    try:
        from summitreader.ingest.plaintext import parse_plain_text
    except ImportError:
        return None
    return "\n\n".join(parse_plain_text(raw).paragraphs)


@dataclass
class Tally:
    gold_quotes: int = 0
    found_quotes: int = 0
    returned_quotes: int = 0
    false_quotes: int = 0
    speakers_right: int = 0
    kinds_right: int = 0
    gold_entities: int = 0
    entities_right: int = 0
    entity_names_found: int = 0
    bad_entities: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            if name != "problems":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.problems += other.problems

    @property
    def quote_recall(self) -> float:
        return self.found_quotes / self.gold_quotes if self.gold_quotes else 1.0

    @property
    def quote_precision(self) -> float:
        right = self.returned_quotes - self.false_quotes
        return right / self.returned_quotes if self.returned_quotes else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.found_quotes if self.found_quotes else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.found_quotes if self.found_quotes else 1.0

    @property
    def entity_recall(self) -> float:
        return self.entities_right / self.gold_entities if self.gold_entities else 1.0

    @property
    def entity_precision(self) -> float:
        """Of the gold-named entities found, the share typed right; forbidden ones count wrong."""
        seen = self.entity_names_found + self.bad_entities
        return (self.entities_right / seen) if seen else 1.0


def _speaker_ok(found: str | None, gold: dict[str, Any]) -> bool:
    want = gold.get("speaker_any") or [gold.get("speaker")]
    got = norm(found)
    return any(norm(w) == got or (len(want) > 1 and norm(w) in got) for w in want)


def score_article(name: str, text: str, result: ArticleAnalysis, gold: dict[str, Any]) -> Tally:
    tally = Tally()
    quotes = list(result.quotes)
    for quote in quotes:
        if text[quote.start : quote.end] != quote.text:
            tally.problems.append(f"{name}: offsets of {quote.text[:30]!r} do not match the text")
    used: set[int] = set()
    for g in gold.get("quotes", []):
        tally.gold_quotes += 1
        hits = [
            i
            for i, q in enumerate(quotes)
            if i not in used and norm(q.text).startswith(norm(g["starts"]))
        ]
        if not hits:
            tally.problems.append(f"{name}: missed {g['kind']} quote {g['starts']!r}")
            continue
        used.add(hits[0])
        quote = quotes[hits[0]]
        tally.found_quotes += 1
        if _speaker_ok(quote.speaker, g):
            tally.speakers_right += 1
        else:
            want = g.get("speaker_any") or g.get("speaker")
            tally.problems.append(
                f"{name}: {g['starts']!r} given to {quote.speaker!r}, want {want}"
            )
        if quote.kind == g["kind"]:
            tally.kinds_right += 1
        else:
            tally.problems.append(f"{name}: {g['starts']!r} is {quote.kind}, want {g['kind']}")
    tally.returned_quotes = len(quotes)
    for i, quote in enumerate(quotes):
        if i not in used:
            tally.false_quotes += 1
            tally.problems.append(f"{name}: quote {quote.text[:50]!r} is not in the gold")
    for g in gold.get("entities", []):
        tally.gold_entities += 1
        found = [e for e in result.entities if norm(e.name) == norm(g["name"])]
        if not found:
            names = sorted({e.name for e in result.entities})
            tally.problems.append(f"{name}: entity {g['name']!r} missing (seen: {names[:30]})")
            continue
        tally.entity_names_found += 1
        entity = found[0]
        mentions = sum(len(e.mentions) for e in found)
        problems = []
        if entity.type not in g["types"]:
            problems.append(f"typed {entity.type}, want {g['types']}")
        if mentions < g.get("min_mentions", 1):
            problems.append(f"{mentions} mentions, want {g['min_mentions']}")
        if len(found) > 1:
            problems.append(f"split into {len(found)}")
        if problems:
            tally.problems.append(f"{name}: {g['name']!r} " + "; ".join(problems))
        else:
            tally.entities_right += 1
    for bad in gold.get("entities_must_not", []):
        for entity in result.entities:
            if "name_contains" in bad and bad["name_contains"] in entity.name:
                tally.bad_entities += 1
                tally.problems.append(
                    f"{name}: entity {entity.name!r} holds {bad['name_contains']!r}"
                )
            elif (
                "name" in bad
                and norm(entity.name) == norm(bad["name"])
                and entity.type == bad["type"]
            ):
                tally.bad_entities += 1
                tally.problems.append(f"{name}: {bad['name']!r} typed {bad['type']}")
    return tally


GoldSet = tuple[str, Path, Path, Callable[[str], str | None]]


def gold_sets() -> list[GoldSet]:
    return [
        ("seeds", SHARED / "acceptance" / "seeds_gold.json", SHARED / "seeds", seed_body),
        (
            "fixtures",
            REPO / "tests/gold/fixtures_quotes.json",
            REPO / "tests/fixtures/nlp",
            fixture_body,
        ),
        (
            "samples",
            REPO / "tests/gold/samples_quotes.json",
            REPO / "resources/samples",
            sample_body,
        ),
    ]


def articles(
    gold_path: Path, folder: Path, body: Callable[[str], str | None]
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(file name, body text, gold) for each gold article whose file and body are available."""
    if not gold_path.is_file() or not folder.is_dir():
        return
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for name, article_gold in gold["articles"].items():
        path = folder / name
        if not path.is_file():
            continue
        text = body(path.read_text(encoding="utf-8"))
        if text is not None:
            yield name, text, article_gold


def evaluate(analyser: Analyser) -> dict[str, Tally]:
    """A tally per gold set that could be read, plus 'all'."""
    results: dict[str, Tally] = {}
    total = Tally()
    for set_name, gold_path, folder, body in gold_sets():
        found = list(articles(gold_path, folder, body))
        if not found:
            continue
        tally = Tally()
        for name, text, gold in found:
            tally.add(score_article(name, text, analyser.analyse(text), gold))
        results[set_name] = tally
        total.add(tally)
    results["all"] = total
    return results


def format_tally(name: str, t: Tally) -> str:
    return (
        f"{name:9} quotes {t.found_quotes}/{t.gold_quotes} recall {t.quote_recall:.1%} "
        f"precision {t.quote_precision:.1%} (false {t.false_quotes}) | speaker "
        f"{t.speaker_accuracy:.1%} | kind {t.kind_accuracy:.1%} | entities recall "
        f"{t.entity_recall:.1%} precision {t.entity_precision:.1%}"
    )


def main(argv: list[str]) -> int:
    analyser = Analyser()
    print(analyser.model_description)
    results = evaluate(analyser)
    for name, tally in results.items():
        print(format_tally(name, tally))
    if "--verbose" in argv:
        for problem in results["all"].problems:
            print("-", problem)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
