"""For any text: spans lie inside it, quote text equals its span, and nothing raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitreader.nlp import Analyser

_PIECES = st.sampled_from(
    [
        "“",
        "”",
        "‘",
        "’",
        '"',
        "'",
        "\n\n",
        " said ",
        "Anna Berg",
        " he ",
        ", ",
        ". ",
        "Q: ",
        "A: ",
        "•",
        "’s",
        "the president",
        "Mr ",
        "according to ",
        "😀",
        "x",
    ]
)
_TEXT = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=60).map("".join))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXT)
def test_spans_are_inside_the_text(analyser: Analyser, text: str) -> None:
    result = analyser.analyse(text)
    for quote in result.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in {"speech", "fragment", "scare"}
    for entity in result.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start : mention.end] == mention.text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXT)
def test_fallback_never_raises(rules_only: Analyser, text: str) -> None:
    for quote in rules_only.analyse(text).quotes:
        assert text[quote.start : quote.end] == quote.text


def test_analyse_many_matches_analyse(analyser: Analyser) -> None:
    texts = ["“Yes,” Ana Lima said.", "", "No quotes at all in Lisbon."]
    assert list(analyser.analyse_many(texts)) == [analyser.analyse(t) for t in texts]


def test_model_description_is_one_line(analyser: Analyser) -> None:
    description = analyser.model_description
    assert description and "\n" not in description
