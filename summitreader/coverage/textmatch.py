"""How alike two quote texts are, once the ways outlets print the same words are folded away.

Outlets trim a remark, splice two sentences with an ellipsis, swap curly for straight quotes or
drop an accent. Comparing folded word sequences, and counting only runs of words that appear in
the same order, tells a cut of one remark apart from two remarks that merely share a few words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

# Quote marks vanish, apostrophes become one kind, ellipses and dashes separate words.
_FOLDS = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "“": " ",
        "”": " ",
        "„": " ",
        "«": " ",
        "»": " ",
        '"': " ",
        "…": " ",
        "—": " ",
        "–": " ",
        "\u00a0": " ",
    }
)
_WORD = re.compile(r"\w+(?:'\w+)*")
_COMBINING_MARKS = re.compile(
    r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)

# Words matched alone (an "the" here, a "we" there) are coincidence, not quotation.
MIN_RUN_WORDS = 2
# Below this many words a quote is a term, and finding it inside another quote proves little.
MIN_CONTAINED_WORDS = 3


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A quote's words in order, folded for comparison, and the same words as one string."""

    words: tuple[str, ...]
    folded: str


def fold_words(text: str) -> tuple[str, ...]:
    """Case, accents, quote marks, apostrophe style, ellipses and punctuation folded away."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLDS).casefold()
    if not text.isascii():
        text = _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", text))
    return tuple(m.group(0).replace("'", "") for m in _WORD.finditer(text))


def fold_text(text: str) -> FoldedText:
    words = fold_words(text)
    return FoldedText(words, " ".join(words))


class WordCodes:
    """One character per distinct word, so rapidfuzz can compare quotes word by word.

    `LCSseq` over these strings counts words in common order at C speed, for whole matrices
    at once; that bounds `containment` from above and rules most pairs out cheaply.
    """

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, words: tuple[str, ...]) -> str:
        codes = self._codes
        out = []
        for word in words:
            code = codes.get(word)
            if code is None:
                number = 0x100 + len(codes)
                if number >= 0xD800:  # skip the surrogate range
                    number += 0x800
                code = codes[word] = chr(number)
            out.append(code)
        return "".join(out)


def words_in_runs(shorter: tuple[str, ...], longer: tuple[str, ...]) -> int:
    """Words of `shorter` found in `longer` in the same order, in runs of two or more."""
    if not shorter or not longer:
        return 0
    return sum(
        op.src_end - op.src_start
        for op in LCSseq.opcodes(shorter, longer)
        if op.tag == "equal" and op.src_end - op.src_start >= MIN_RUN_WORDS
    )


def containment(part: tuple[str, ...], whole: tuple[str, ...]) -> float:
    """Share (0..1) of `part`'s words that `whole` repeats in order: 1.0 for a trim or splice."""
    if not part:
        return 0.0
    return words_in_runs(part, whole) / len(part)


def similarity(a: FoldedText, b: FoldedText) -> float:
    """0..100: the shorter quote's share found in the longer, or whole-text likeness if higher.

    Containment catches trims, fragments and splices; the character ratio catches the same
    sentence with a word or a spelling changed. Partial and token-set ratios are not used: they
    score "I said the chairs were still here" against "The chairs are still here, and so am I"
    above 80, while only four of its seven words recur in order.
    """
    whole = fuzz.ratio(a.folded, b.folded)
    shorter, longer = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if len(shorter.words) < MIN_CONTAINED_WORDS:
        return float(whole)
    return max(float(whole), 100.0 * containment(shorter.words, longer.words))
