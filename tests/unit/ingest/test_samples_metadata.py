"""Every bundled sample comes out of the plain-text importer with its gold metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.ingest.files import read_file
from summitreader.resources import sample_files

GOLD = json.loads(
    (Path(__file__).resolve().parents[2] / "gold" / "samples_quotes.json").read_text("utf-8")
)["articles"]


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_sample_metadata_matches_gold(path: Path) -> None:
    result = read_file(path)
    assert result.error is None
    [article] = result.articles
    gold = GOLD[path.name]["metadata"]
    if gold["title"] is None:  # wire copy: a title made from the lead, never the date line
        assert article.title and not article.title[:1].isdigit()
    else:
        assert article.title == gold["title"]
    assert article.source == gold["source"]
    assert article.author == gold["author"]
    assert ((article.published or "")[:10] or None) == gold["published"]
    assert article.dateline == gold["dateline"]
    assert article.section == gold["section"]
    if gold.get("body_starts"):
        assert article.text.startswith(gold["body_starts"])


def test_samples_cover_the_required_shapes() -> None:
    sources = {GOLD[p.name]["metadata"]["source"] for p in sample_files()}
    assert len(sample_files()) >= 8 and len(sources) >= 4
