"""Grouping one remark across outlets, with hand-made quotes."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from summitreader.coverage import (
    DEFAULT_THRESHOLD,
    LOOSE_THRESHOLD,
    classify_variant,
    group_remarks,
)


@dataclass(frozen=True)
class Quote:
    article_id: int
    text: str
    speaker: str | None = "Inês Valadão"
    kind: str = "speech"
    source: str | None = "NWS"
    published: str | None = "2025-03-06"


FULL = (
    "A river does not stop at a border, and neither can our responsibility for it. "
    "We came here to share the water, not to share the blame,"
)


def test_reprint_trim_splice_and_fragment_are_one_remark() -> None:
    quotes = [
        Quote(1, FULL),
        Quote(2, FULL.replace(",", ".", 1), source="Courier", published="2025-03-07"),
        Quote(3, "We came here to share the water, not to share the blame,", source="IPR"),
        Quote(4, "A river does not stop at a border … We came here to share the water."),
        Quote(5, "to share the water, not to share the blame", kind="fragment", published=None),
    ]
    groups = group_remarks(quotes)
    assert len(groups) == 1
    group = groups[0]
    assert group.speaker == "Inês Valadão"
    assert sorted(m.article_id for m in group.members) == [1, 2, 3, 4, 5]
    assert group.article_ids[-1] == 5  # undated last
    assert group.representative == FULL.rstrip(",")


def test_members_ordered_by_published_then_source() -> None:
    quotes = [
        Quote(1, FULL, source="Zeta", published="2025-03-07"),
        Quote(2, FULL, source="Alpha", published="2025-03-07"),
        Quote(3, FULL, source="Mid", published="2025-03-05T22:00:00-05:00"),
    ]
    (group,) = group_remarks(quotes)
    assert [m.article_id for m in group.members] == [3, 2, 1]
    assert group.sources == ("Mid", "Alpha", "Zeta")


def test_different_speakers_with_the_same_words_do_not_group() -> None:
    quotes = [
        Quote(1, "We will not sign a promise that the sky may not let us keep", "Tomás Ibáñez"),
        Quote(2, "We will not sign a promise that the sky may not let us keep", "Inês Valadão"),
        Quote(3, "We will not sign a promise that the sky may not let us keep", "Ana Ibáñez"),
    ]
    assert group_remarks(quotes) == []


def test_surname_only_attribution_is_the_same_speaker() -> None:
    quotes = [
        Quote(1, "every week of delay is a week the estuary pays for.", "Figueiredo"),
        Quote(2, "Every week of delay is a week the estuary pays for,", "Marta Figueiredo"),
    ]
    (group,) = group_remarks(quotes)
    assert group.speaker == "Marta Figueiredo"


def test_a_surname_does_not_bridge_two_people() -> None:
    text = "Every week of delay is a week the estuary pays for"
    quotes = [
        Quote(1, text, "Marta Figueiredo"),
        Quote(2, text, "Figueiredo"),
        Quote(3, text, "Ana Figueiredo"),
    ]
    (group,) = group_remarks(quotes)
    names = {m.speaker for m in group.members}
    assert names in ({"Marta Figueiredo", "Figueiredo"}, {"Ana Figueiredo", "Figueiredo"})


def test_a_speakers_echo_of_an_earlier_remark_stays_apart() -> None:
    quotes = [
        Quote(1, "I said the chairs were still here,", "Jørgen Holm"),
        Quote(
            2,
            "Nobody has left the table for good. The chairs are still here, and so am I,",
            "Jørgen Holm",
        ),
        Quote(3, "There has to be a number below which the river does not go,"),
        Quote(4, "For the first time, there is a number below which the river does not go,"),
    ]
    assert group_remarks(quotes) == []


def test_a_splice_of_two_remarks_does_not_merge_their_groups() -> None:
    spain = "Spain cannot sign a promise that the sky may not let us keep,"
    farmers = (
        "Our farmers have already given more than their share this winter. "
        "We will come back when there is something to come back to."
    )
    both = spain.rstrip(",") + ". Our farmers have already given more than their share this winter,"
    quotes = [Quote(a, t, "Tomás Ibáñez") for a in (1, 2) for t in (spain, farmers)]
    quotes.append(Quote(3, both, "Tomás Ibáñez"))
    groups = group_remarks(quotes)
    assert len(groups) == 2
    for group in groups:
        assert len(group.article_ids) == len(group.members)  # one quote per article
    spain_group = next(g for g in groups if g.representative.startswith("Spain"))
    assert len(spain_group.members) == 3
    assert spain_group.representative == spain.rstrip(",")


def test_paraphrase_groups_only_at_the_loose_threshold() -> None:
    quotes = [
        Quote(1, "Sometimes you have to leave", "Ana Costa"),
        Quote(2, "You have to be ready to leave the table", "Ana Costa"),
        Quote(3, "we had to leave the table", "Ana Costa"),
    ]
    assert group_remarks(quotes) == []
    (group,) = group_remarks(quotes, threshold=LOOSE_THRESHOLD)
    assert len(group.members) == 3


def test_light_rewording_groups_at_the_default() -> None:
    quotes = [
        Quote(1, "We spent two nights arguing about one number"),
        Quote(2, "We spent two days arguing about a number"),
    ]
    assert len(group_remarks(quotes, threshold=DEFAULT_THRESHOLD)) == 1


def test_unattributed_quote_joins_only_on_a_near_verbatim_match() -> None:
    quotes = [
        Quote(1, FULL),
        Quote(
            2,
            "A river does not stop at a border … We came here to share the water,",
            None,
            kind="scare",
        ),
        Quote(3, "A river stops at no border and we share the water", None),
    ]
    (group,) = group_remarks(quotes)
    assert [m.article_id for m in group.members] == [1, 2]
    assert group.speaker == "Inês Valadão"


def test_short_unattributed_terms_never_group() -> None:
    quotes = [Quote(n, "water bank,", None, kind="scare") for n in range(1, 6)]
    assert group_remarks(quotes) == []


def test_unattributed_phrase_repeated_verbatim_groups_without_a_speaker() -> None:
    quotes = [Quote(1, "a river on credit,", None), Quote(2, "a river on credit.", None)]
    (group,) = group_remarks(quotes)
    assert group.speaker is None


def test_quotes_of_one_article_are_never_one_group() -> None:
    quotes = [Quote(1, FULL), Quote(1, "We came here to share the water, not to share the blame")]
    assert group_remarks(quotes) == []


def test_singletons_on_request() -> None:
    quotes = [Quote(1, FULL), Quote(2, FULL), Quote(2, "Something else entirely, said once")]
    groups = group_remarks(quotes, include_singletons=True)
    assert [len(g.members) for g in groups] == [2, 1]
    assert groups[1].representative == "Something else entirely, said once"


def test_classify_variant() -> None:
    rep = FULL.rstrip(",")
    assert classify_variant(Quote(1, FULL.replace("—", "")), rep) == "full"
    assert classify_variant(Quote(1, "“" + FULL + " That is all.”"), rep) == "full"
    assert classify_variant(Quote(1, "We came here to share the water,"), rep) == "trimmed"
    spliced = "A river does not stop at a border … We came here to share the water."
    assert classify_variant(Quote(1, spliced), rep) == "trimmed"
    fragment = Quote(1, "to share the blame", kind="fragment")
    assert classify_variant(fragment, rep) == "fragment"
    reworded = "Rivers ignore borders, and so must our duty; we share water, not blame."
    assert classify_variant(Quote(1, reworded), rep) == "paraphrased"


def test_twenty_thousand_quotes_in_a_few_seconds() -> None:
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(3000)] + ["the", "we", "will", "not", "to", "river"] * 50
    speakers = [f"Person{i} Name{i}" for i in range(300)]
    originals = [
        (rng.choice(speakers), rng.choices(vocab, k=rng.randint(5, 30))) for _ in range(12000)
    ]
    quotes = []
    for n in range(20000):
        speaker, words = originals[n] if n < 12000 else rng.choice(originals)
        if n >= 12000 and rng.random() < 0.5:
            words = words[rng.randint(0, len(words) // 2) :]  # trimmed reprint
        quotes.append(Quote(n // 12, " ".join(words), None if rng.random() < 0.1 else speaker))
    started = time.perf_counter()
    groups = group_remarks(quotes)
    elapsed = time.perf_counter() - started
    print(f"20,000 quotes grouped in {elapsed:.2f} s into {len(groups)} groups")
    assert len(groups) > 3000
    assert elapsed < 20.0
