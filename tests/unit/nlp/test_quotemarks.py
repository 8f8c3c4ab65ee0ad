from __future__ import annotations

from summitreader.nlp.quotemarks import find_quotes


def contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_straight_and_single_marks() -> None:
    text = "“One,” she said. He said \"two\" and then ‘three’ and 'four'."
    assert contents(text) == ["One,", "two", "three", "four"]


def test_apostrophes_are_not_quotes() -> None:
    text = "We don’t know, the ministers’ aides said of Ana’s plan from the ’90s."
    assert contents(text) == []


def test_plural_possessive_inside_single_quotes() -> None:
    text = "‘The growers’ figures are wrong,’ she said."
    assert contents(text) == ["The growers’ figures are wrong,"]


def test_nested_quote_stays_inside_the_outer_one() -> None:
    text = "“They called it a ‘pause’, not a stop,” he said."
    assert contents(text) == ["They called it a ‘pause’, not a stop,"]


def test_quote_running_over_two_paragraphs_is_one_span() -> None:
    text = "“The first part ends here.\n\n“The second part closes it.” More text."
    [quote] = find_quotes(text)
    assert quote.start == 1
    assert (
        text[quote.start : quote.end] == "The first part ends here.\n\n“The second part closes it."
    )


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "He said “we will see\n\nNext paragraph."
    assert contents(text) == ["we will see"]
