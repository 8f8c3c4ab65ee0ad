"""Question-and-answer interviews: "A:" paragraphs are the interviewee's words.

The interviewee is the person named most often in the introduction (the paragraphs before the
first "Q:" or "A:" line). "Q:" lines are the interviewer's questions and are not quotes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from summitreader.nlp.entities import EntityTable
from summitreader.nlp.paragraphs import paragraph_spans

_QUESTION_RE = re.compile(r"Q\s*:\s*")
_ANSWER_RE = re.compile(r"A\s*:\s*")


@dataclass(frozen=True, slots=True)
class Answer:
    start: int  # first code point of the answer after "A:"
    end: int


def find_answers(text: str) -> list[Answer]:
    """The answer paragraphs of an interview laid out as Q:/A: lines (none otherwise)."""
    paragraphs = paragraph_spans(text)
    if not any(_QUESTION_RE.match(text, lo, hi) for lo, hi in paragraphs):
        return []
    answers = []
    for lo, hi in paragraphs:
        match = _ANSWER_RE.match(text, lo, hi)
        if match and match.end() < hi:
            answers.append(Answer(match.end(), hi))
    return answers


def interviewee(text: str, table: EntityTable) -> str | None:
    """The person the introduction names most often (first named wins a tie)."""
    intro_end = len(text)
    for lo, hi in paragraph_spans(text):
        if _QUESTION_RE.match(text, lo, hi) or _ANSWER_RE.match(text, lo, hi):
            intro_end = lo
            break
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in table.mentions:
        if mention.type == "PERSON" and mention.start < intro_end:
            counts[mention.name] += 1
            first.setdefault(mention.name, mention.start)
    if not counts:
        return None
    return min(counts, key=lambda name: (-counts[name], first[name]))
