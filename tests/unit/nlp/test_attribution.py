"""Speaker and kind rules, each on a small original sentence."""

from __future__ import annotations

import pytest

from summitreader.nlp import Analyser, QuoteResult


def quotes(analyser: Analyser, text: str) -> list[QuoteResult]:
    result = analyser.analyse(text)
    for quote in result.quotes:
        assert text[quote.start : quote.end] == quote.text
    return list(result.quotes)


def who(analyser: Analyser, text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.kind) for q in quotes(analyser, text)]


def test_all_word_orders(analyser: Analyser) -> None:
    text = (
        "Helen Marsh chairs the board.\n\n"
        "“We will reopen,” Marsh said.\n\n"
        "“Not this year,” said Marsh.\n\n"
        "Marsh told the meeting: “The money is there.”\n\n"
        "“It is a start,” Marsh told reporters on Thursday."
    )
    assert who(analyser, text) == [("Helen Marsh", "speech")] * 4


def test_split_quote_gives_two_quotes_one_speaker(analyser: Analyser) -> None:
    text = "“We made progress,” Omar Reyes said, “but not enough.”"
    found = quotes(analyser, text)
    assert [q.text for q in found] == ["We made progress,", "but not enough."]
    assert {q.speaker for q in found} == {"Omar Reyes"}


def test_pronoun_goes_to_the_last_person_who_was_a_subject(analyser: Analyser) -> None:
    text = (
        "Governor Lucia Ferraz met the mayor of Braga on Monday. Ferraz spoke with Tomas Lind "
        "for an hour.\n\n“We agreed on nothing,” she said."
    )
    assert who(analyser, text) == [("Lucia Ferraz", "speech")]


def test_description_resolves_through_the_title(analyser: Analyser) -> None:
    text = (
        "President Anna Kovacs flew to Oslo for the talks.\n\n"
        "“This will take time,” the president said."
    )
    assert who(analyser, text) == [("Anna Kovacs", "speech")]


def test_role_without_a_name_is_the_speaker(analyser: Analyser) -> None:
    text = "According to the Harbour Board Press Secretary, “the pier stays shut.”"
    assert who(analyser, text) == [("Harbour Board Press Secretary", "speech")]


def test_apposition_between_name_and_verb(analyser: Analyser) -> None:
    text = (
        "“Rivers do not negotiate,” Carla Mendes, a hydrologist at the University of Porto, "
        "told the paper."
    )
    assert who(analyser, text) == [("Carla Mendes", "speech")]


def test_unattributed_quote_follows_the_previous_speaker(analyser: Analyser) -> None:
    text = "“We are ready,” Karl Weber said. “The others are not.”"
    assert who(analyser, text) == [("Karl Weber", "speech"), ("Karl Weber", "speech")]


def test_fragment_scare_and_title(analyser: Analyser) -> None:
    text = (
        "Opposition leader Victor Lund called the budget “a fantasy” on Tuesday.\n\n"
        "The so-called “green levy” was dropped.\n\n"
        "The film “Quiet Water” opens next week."
    )
    assert who(analyser, text) == [
        ("Victor Lund", "fragment"),
        (None, "scare"),
        (None, "scare"),
    ]


def test_bbc_style_mr_and_reuters_style(analyser: Analyser) -> None:
    text = (
        "Daniel Okafor runs the ferry company.\n\n"
        "Mr Okafor said: “Prices will rise.”\n\n"
        "“We cannot absorb the fuel cost,” Okafor said on Thursday."
    )
    assert who(analyser, text) == [("Daniel Okafor", "speech"), ("Daniel Okafor", "speech")]


def test_interview_answers_go_to_the_interviewee(analyser: Analyser) -> None:
    text = (
        "Rosa Lindqvist has coached the team for a decade. Lindqvist spoke before the final.\n\n"
        "Q: Are you nervous?\n\nA: Not at all. We have prepared for this."
    )
    found = quotes(analyser, text)
    assert [(q.text, q.speaker, q.kind) for q in found] == [
        ("Not at all. We have prepared for this.", "Rosa Lindqvist", "speech")
    ]


def test_passive_report_has_no_named_speaker(analyser: Analyser) -> None:
    text = "Farmers were told the plan was “a lifeline” by officials."
    assert who(analyser, text) == [(None, "fragment")]


@pytest.mark.parametrize(
    "text",
    [
        "“We will stay,” Ines Duarte said, adding that the plan was “fair.”",
        "Ines Duarte insisted the plan was fair, saying it would “last a decade.”",
    ],
)
def test_participle_cues_go_to_the_main_subject(analyser: Analyser, text: str) -> None:
    assert quotes(analyser, text)[-1].speaker == "Ines Duarte"


def test_rules_only_fallback_still_finds_quotes_and_speakers(rules_only: Analyser) -> None:
    assert "fallback" in rules_only.model_description
    text = "“The bridge is safe,” Marta Silva said. “We checked it twice.”"
    result = rules_only.analyse(text)
    assert [(q.speaker, q.kind) for q in result.quotes] == [
        ("Marta Silva", "speech"),
        ("Marta Silva", "speech"),
    ]
    assert result.analyser_version.endswith("+rules-only")


def test_speaker_in_apposition_after_a_role(analyser: Analyser) -> None:
    text = (
        "Its spokeswoman, Lena Ortiz, said the campaign had shown that "
        "“a law nobody reads is a rumour.”"
    )
    [quote] = analyser.analyse(text).quotes
    assert quote.speaker == "Lena Ortiz"


def test_role_named_in_the_next_paragraph(analyser: Analyser) -> None:
    text = (
        "“Day one is for speeches,” the conference chair told reporters.\n\n"
        "The chair, Odile Marchetti, is a retired judge."
    )
    [quote] = analyser.analyse(text).quotes
    assert quote.speaker == "Odile Marchetti"


def test_pronoun_skips_a_name_beside_an_object(analyser: Analyser) -> None:
    text = (
        "Pavel Novak was careful not to blame his counterpart, Ewa Lis, personally. "
        "He described her as “a tough negotiator.”"
    )
    [quote] = analyser.analyse(text).quotes
    assert quote.speaker == "Pavel Novak"


def test_description_of_the_words_is_not_a_speaker(analyser: Analyser) -> None:
    text = "Mira Kahn has said she will not accept “a loan of water,” a phrase her aides repeat."
    [quote] = analyser.analyse(text).quotes
    assert (quote.speaker, quote.kind) == ("Mira Kahn", "fragment")


def test_colon_introduces_the_subject_s_words(analyser: Analyser) -> None:
    text = "Later Mira Kahn gave her own account to the cameras: “We came to share the water.”"
    [quote] = analyser.analyse(text).quotes
    assert (quote.speaker, quote.kind) == ("Mira Kahn", "speech")


def test_so_called_stays_a_scare_quote_before_a_speech_verb(analyser: Analyser) -> None:
    text = "Growers, who liked the so-called “water loan,” said the walkout was right."
    [quote] = analyser.analyse(text).quotes
    assert (quote.speaker, quote.kind) == (None, "scare")


def test_words_after_that_are_a_fragment(analyser: Analyser) -> None:
    text = "Ilse Baum, a geologist, warned that “every dry week costs the delta dearly.”"
    [quote] = analyser.analyse(text).quotes
    assert (quote.speaker, quote.kind) == ("Ilse Baum", "fragment")
