"""What the words around a name say about what it names, whatever the model labelled it.

The small model splits or mistypes names it has not seen ("Ana Ruiz" as two places, a campaign
group as a person). News writing marks its names plainly, so these cues decide instead:
- an apposition: "Ana Ruiz, a hydrologist at ..." (person), "X, a campaign group" (organisation),
  "X, the longest river ..." (place); ", who"/", whose"/", 61," also mark a person;
- a title or role right before: "Minister Ana Ruiz", "hydrologist Ana Ruiz", "Its spokeswoman, Ana";
- a head word: "... Association" is an organisation, "Tagus basin" a place;
- "in"/"near" right before a bare name: a place.
Names of two or more capitalised words with a strong cue become entities even when the model
missed or split them.
"""

from __future__ import annotations

import re
from collections import Counter

from summitreader.nlp.lexicon import (
    CALENDAR_WORDS,
    DETERMINERS,
    LOCATIVE_PREPOSITIONS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PREPOSITIONS,
    SPEECH_VERBS,
    TITLE_RE,
    title_at_end,
    word_set,
)

RawSpan = tuple[int, int, str]

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[\-’'][^\W\d_]+)*")
_RUN_RE = re.compile(
    r"(?<![\w’'\-])[^\W\d_a-z][\w\-]*(?:[’'][^\W\d_]+)?"
    r"(?:\s(?:(?:de|da|das|do|dos|del|van|von|der|di|du|la|le|bin|al)\s)?"
    r"[^\W\d_a-z][\w\-]*(?:[’'][^\W\d_]+)?)+"
)
_APPOSITION_RE = re.compile(r",\s+(?:(?P<rel>who|whose)\b|(?P<age>\d{1,3}),|(?:a|an|the)\s)")
# a name inside a description ("the University of Lisbon hydrologist") says nothing of its head
_PROPER_NAME_RE = re.compile(
    r"[^\W\d_a-z][\w’'\-]*(?:\s+(?:(?:of|de|for|the)\s+)?[^\W\d_a-z][\w’'\-]*)*"
)
_OF_RE = re.compile(r" of (?:the )?")
_APPOSITION_STOP = PREPOSITIONS | {"who", "whose", "that", "which", "and", "or"}
_CAPITALISED_OFFICE_RE = re.compile(
    r"(?:Secretary|Minister|Director|Commissioner|President|Chair|Head|Chief|Ministry)"
    r"(?:\s+(?:of|for|and|the)\s+[A-Z][\w\-]*)*\s+(?:of|for)\s+$"
)
_SENTENCE_OPENERS = word_set(
    "the a an but and in on at for from by with after as when if while his her its their our "
    "this that asked"
)
_STRONG = 3
_WEAK = 1


def apposition_type(text: str, end: int) -> str | None:
    """The type an apposition right after text[:end] gives: "PERSON", "ORG", "LOC" or None."""
    match = _APPOSITION_RE.match(text, end)
    if match is None:
        return None
    if match.group("rel") or match.group("age"):
        return "PERSON"
    described = _PROPER_NAME_RE.sub("X", text[match.end() : match.end() + 80])
    for word in _TOKEN_RE.findall(described)[:8]:
        lowered = word.casefold()
        if lowered in _APPOSITION_STOP:
            break
        for part in reversed(lowered.split("-")):
            if part in ORG_NOUNS:
                return "ORG"
            if part in PERSON_NOUNS or part.endswith("ologist"):
                return "PERSON"
            if part in PLACE_NOUNS:
                return "LOC"
    return None


def role_before(text: str, start: int) -> bool:
    """A title or role noun written right before a name ("Minister", "hydrologist", "chair,")."""
    window = text[max(0, start - 60) : start]
    if "\n" in window:
        window = window[window.rfind("\n") + 1 :]
    if title_at_end(window):
        return True
    words = window.rstrip(", ").split()
    return bool(words) and words[-1].casefold() in PERSON_NOUNS and window.endswith(" ")


def _member_of_organisation(text: str, end: int) -> bool:
    """ "Ana Ruiz of the campaign group ...": a person named by the body she belongs to."""
    match = _OF_RE.match(text, end)
    if match is None:
        return False
    words = _TOKEN_RE.findall(text, match.end(), min(len(text), match.end() + 60))[:6]
    return any(w.casefold() in ORG_NOUNS for w in words)


def _org_noun_before(text: str, start: int) -> bool:
    """ "the campaign group Caudal Vivo": an organisation named after its description."""
    words = text[max(0, start - 30) : start].split()
    return bool(words) and words[-1].casefold() in ORG_NOUNS and text[start - 1 : start] == " "


def _speech_verb_after(text: str, end: int) -> bool:
    words = _TOKEN_RE.findall(text, end, min(len(text), end + 30))[:2]
    if not words:
        return False
    first = words[0].casefold()
    if first.endswith("ly") and len(words) > 1:
        first = words[1].casefold()
    return first in SPEECH_VERBS and not first.endswith("ing") and text[end : end + 1] == " "


def type_votes(text: str, start: int, end: int, label: str) -> Counter[str]:
    """Extra votes the context gives one mention (a strong cue outweighs a model label)."""
    votes: Counter[str] = Counter()
    name = text[start:end]
    head = name.split()[-1].casefold().strip("’'") if name.split() else ""
    if head in ORG_NOUNS or _org_noun_before(text, start):
        votes["ORG"] += _STRONG
    following = _TOKEN_RE.match(text, end + 1) if text[end : end + 1] == " " else None
    if following and following.group(0).casefold() in PLACE_NOUNS and label != "PERSON":
        votes["LOC"] += _WEAK
    described = apposition_type(text, end)
    if described is not None:
        votes[described] += _STRONG
    if head not in ORG_NOUNS and (
        role_before(text, start) or (" " in name and _member_of_organisation(text, end))
    ):
        votes["PERSON"] += _STRONG
    elif _speech_verb_after(text, end) and " " not in name:
        votes["PERSON"] += _WEAK
    before = text[max(0, start - 12) : start].split()
    if before and before[-1].casefold() in LOCATIVE_PREPOSITIONS and " " not in name:
        votes["GPE"] += _WEAK
    return votes


def _common_words(text: str) -> frozenset[str]:
    """Words the article writes in lower case: a capitalised one of them is not part of a name."""
    return frozenset(w for w in _TOKEN_RE.findall(text) if w.islower())


def _name_part(
    text: str, start: int, end: int, common: frozenset[str], *, after_office: bool
) -> tuple[int, int] | None:
    """The bare name inside a capitalised run: titles, offices and ordinary words cut off.
    After "Secretary of" the run's first word still belongs to the office ("State", "Water")."""
    tokens = list(_TOKEN_RE.finditer(text, start, end))
    keep = 1 if after_office and len(tokens) > 2 else 0
    for index, token in enumerate(tokens):
        word = token.group(0)
        lowered = word.casefold()
        if (
            lowered in PERSON_NOUNS
            or TITLE_RE.fullmatch(word)
            or lowered in CALENDAR_WORDS
            or (index == keep and lowered in common | _SENTENCE_OPENERS | DETERMINERS)
        ):
            keep = index + 1
    tokens = tokens[keep:]
    if len(tokens) < 2:
        return None
    name_end = tokens[-1].end()
    if re.match(r"[’']s?\b", text[name_end : name_end + 2]):
        return None  # "Spain’s Ana": a possessive is not a name's end
    return tokens[0].start(), name_end


def evidence_spans(text: str) -> list[RawSpan]:
    """Names of two or more words that their context shows to be a person or an organisation."""
    common = _common_words(text)
    found: list[RawSpan] = []
    for run in _RUN_RE.finditer(text):
        office_before = _CAPITALISED_OFFICE_RE.search(text, max(0, run.start() - 80), run.start())
        part = _name_part(
            text, run.start(), run.end(), common, after_office=office_before is not None
        )
        if part is None:
            continue
        start, end = part
        described = apposition_type(text, end)
        titled_in_run = TITLE_RE.search(text[run.start() : start]) is not None
        if described == "ORG" or _org_noun_before(text, start):
            found.append((start, end, "ORG"))
        elif text[start:end].split()[-1].casefold().strip("’'") in ORG_NOUNS:
            continue
        elif (
            described == "PERSON"
            or titled_in_run
            or role_before(text, start)
            or office_before is not None
            or _member_of_organisation(text, end)
        ):
            found.append((start, end, "PERSON"))
    return found


def merge_spans(model: list[RawSpan], evidence: list[RawSpan]) -> list[RawSpan]:
    """Evidence spans replace the model spans they overlap; other model spans stay."""
    kept = [
        span
        for span in model
        if not any(span[0] < e_end and e_start < span[1] for e_start, e_end, _ in evidence)
    ]
    return sorted(kept + evidence)
