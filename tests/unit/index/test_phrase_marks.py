"""Phrase marks found by pattern agree with comparing every word, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summitreader.index.analysis import index_form
from summitreader.index.phrases import contains_phrase
from summitreader.index.snippets import _marks_by_tokens, find_marks

WORDS = ["sanctions", "relief", "Relief", "the", "of", "a", "deal", "U.S.", "x", "right", "rights"]
SEPARATORS = [" ", ", ", ". ", "\n\n", " \u201c", "-", " (", "'s "]

texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=30
).map(lambda pairs: "".join(word + sep for word, sep in pairs))
phrases = st.lists(
    st.sampled_from(["sanctions", "relief", "right", "deal", "rights"]), min_size=1, max_size=3
)


def forms(phrase: list[str]) -> tuple[str, ...]:
    return tuple(form for form in map(index_form, phrase) if form is not None)


@settings(max_examples=300, deadline=None)
@given(texts, phrases)
def test_pattern_marks_equal_word_by_word_marks(text: str, phrase: list[str]) -> None:
    wanted = forms(phrase)
    assert find_marks(text, {"deal"}, [wanted]) == _marks_by_tokens(text, {"deal"}, [wanted])
    assert contains_phrase(text, wanted) == bool(_marks_by_tokens(text, (), [wanted]))
