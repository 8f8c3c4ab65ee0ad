"""Sentence spans that never cut through a quotation.

Quote contents are masked before splitting, so a full stop inside a quote only ends the
sentence when the quote itself ends there (“… appropriate.” Next sentence).
"""

from __future__ import annotations

import re

from summitreader.nlp.lexicon import word_set
from summitreader.nlp.paragraphs import paragraph_spans
from summitreader.nlp.quotemarks import QuoteSpan

MASK = "_"
_BOUNDARY_RE = re.compile(r"[.?!][”\"’')\]]*\s+(?=[“\"‘'(\[]|[A-Z0-9])")
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st gen sen rep gov lt col capt adm prof rev jr sr no vs a.m p.m u.s u.k u.n e.u "
    "jan feb mar apr aug sept sep oct nov dec inc corp co ltd"
)


def mask_quotes(text: str, quotes: list[QuoteSpan]) -> str:
    """The text with each quote's content replaced by MASK (its final punctuation kept)."""
    chars = list(text)
    for quote in quotes:
        keep_last = text[quote.end - 1] in ".?!,"
        for i in range(quote.start, quote.end - (1 if keep_last else 0)):
            chars[i] = MASK
    return "".join(chars)


def sentence_spans(masked: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a quote-masked text; paragraphs always end sentences."""
    spans: list[tuple[int, int]] = []
    for lo, hi in paragraph_spans(masked):
        start = lo
        for match in _BOUNDARY_RE.finditer(masked, lo, hi):
            word_start = masked.rfind(" ", lo, match.start()) + 1
            word = masked[word_start : match.start()].strip("(“\"‘'").casefold()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            end = match.start() + len(match.group(0).rstrip())
            spans.append((start, end))
            start = match.end()
        if start < hi:
            spans.append((start, hi))
    return spans
