"""Names without a model: capitalised words written as the subject of a speech verb.

Used only when no spaCy model is available. It finds far fewer entities than the model, on
purpose: a capitalised word next to "said" is nearly always a speaker; elsewhere it is a guess.
"""

from __future__ import annotations

import re

from summitreader.nlp.lexicon import SPEECH_VERBS, TITLE_RE
from summitreader.nlp.names import clean_name_span, is_plausible_name

_NAME = r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3}"
_VERBS = "|".join(sorted((v for v in SPEECH_VERBS if not v.endswith("ing")), key=len, reverse=True))
_NAME_THEN_VERB_RE = re.compile(rf"({_NAME})\s+(?:\w+ly\s+)?(?:{_VERBS})\b")
_VERB_THEN_NAME_RE = re.compile(rf"\b(?:said|says|added|asked|wrote)\s+({_NAME})")
_NOT_NAMES = frozenset({"He", "She", "They", "It", "We", "I", "The", "But", "And", "This", "That"})


def fallback_entity_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "PERSON") for speaker-like names and every later repeat of them."""
    names: set[str] = set()
    for pattern in (_NAME_THEN_VERB_RE, _VERB_THEN_NAME_RE):
        for match in pattern.finditer(text):
            start, end = clean_name_span(text, match.start(1), match.end(1))
            while (title := TITLE_RE.match(text, start, end)) is not None:
                start = title.end() + 1
            name = text[start:end]
            if name in _NOT_NAMES or not is_plausible_name(name):
                continue
            names.add(name)
            names.add(name.split()[-1])  # the surname alone refers to the same person
    if not names:
        return []
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    spans = []
    for match in re.finditer(rf"\b(?:{alternatives})\b", text):
        spans.append((match.start(), match.end(), "PERSON"))
    return spans
