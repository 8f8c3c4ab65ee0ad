"""Word-level differences between two wordings of one remark, for the Compare view.

Words are compared folded (case, accents, quote marks, trailing punctuation), so "blame," and
"blame." are the same word, while the segments keep the words as each outlet printed them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from summitreader.coverage.textmatch import fold_words

DiffOp = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True, slots=True)
class DiffSegment:
    """A run of words: the same in both, only in `b` (insert), only in `a` (delete), or changed."""

    op: DiffOp
    a_text: str
    b_text: str


def display_words(text: str) -> list[str]:
    """The text split at whitespace, punctuation left on the word it touches ("blame,")."""
    return text.split()


def _key(word: str) -> str:
    """A word's comparison key; pure punctuation ("…", "--") compares as itself."""
    folded = fold_words(word)
    return " ".join(folded) if folded else word.strip()


def word_diff(a: str, b: str) -> list[DiffSegment]:
    """The edits turning wording `a` into wording `b`, as runs of words."""
    words_a, words_b = display_words(a), display_words(b)
    matcher = difflib.SequenceMatcher(
        None, [_key(w) for w in words_a], [_key(w) for w in words_b], autojunk=False
    )
    segments: list[DiffSegment] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        segments.append(DiffSegment(op, " ".join(words_a[a0:a1]), " ".join(words_b[b0:b1])))
    return segments


def diff_against(representative: str, variant: str) -> list[tuple[str, bool]]:
    """The variant's words, each flagged True where it differs from the representative."""
    marked: list[tuple[str, bool]] = []
    for segment in word_diff(representative, variant):
        if segment.op == "delete":
            continue
        differs = segment.op != "equal"
        marked.extend((word, differs) for word in display_words(segment.b_text))
    return marked
