"""Find quotations by their marks: curly and straight, double and single, nested, over paragraphs.

Only outermost quotations are returned; a quote inside a quote stays part of the outer one.
Apostrophes (don’t, Trump’s, the leaders’ lunch, ’90s) are told apart from single quote marks
by the characters around them. A paragraph that opens a double quote without closing it, followed
by a paragraph that opens one again, is one quotation running over both (newspaper convention).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summitreader.nlp.paragraphs import paragraph_spans

_DOUBLE_OPEN = "“„"
_DOUBLE_CLOSE = "”"
_SINGLE_OPEN = "‘‚"
_SINGLE_CLOSE = "’"
_OPENING_CONTEXT = set("([{—–-/“‘\"'«")
_ELISIONS_RE = re.compile(r"(?:\d0s|em|cause|til|n[’'])\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation: content is text[start:end]; the marks sit at open_at and close_at."""

    open_at: int
    start: int
    end: int
    close_at: int | None  # None when the paragraph ended before a closing mark


@dataclass(slots=True)
class _Open:
    at: int
    double: bool
    straight: bool


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _opens_here(text: str, i: int, lo: int) -> bool:
    """An opening mark sits at a word start: after whitespace or an opening bracket."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _OPENING_CONTEXT) and not after.isspace()


def _closes_here(text: str, i: int) -> bool:
    """A closing mark ends a word and is not followed by a letter (which makes it an apostrophe)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not _is_word_char(after)


def _plural_possessive(text: str, i: int, hi: int) -> bool:
    """“the leaders’ lunch”: s + mark + space + lower-case word reads as an apostrophe."""
    return (
        i > 0
        and text[i - 1] in "sS"
        and i + 2 < hi
        and text[i + 1] == " "
        and text[i + 2].islower()
    )


def _later_single_close(text: str, i: int, hi: int, straight: bool) -> bool:
    mark = "'" if straight else _SINGLE_CLOSE
    j = text.find(mark, i + 1, hi)
    while j != -1:
        if _closes_here(text, j) and not _plural_possessive(text, j, hi):
            return True
        j = text.find(mark, j + 1, hi)
    return False


def _scan_paragraph(
    text: str, lo: int, hi: int, carried: _Open | None, ignored: set[int]
) -> tuple[list[QuoteSpan], _Open | None, int | None]:
    """Scan one paragraph. Returns the finished outer quotes, the outer quote still open at the
    end (if a double), and the position of a single opener that never closed (to rescan without).
    """
    found: list[QuoteSpan] = []
    stack: list[_Open] = [carried] if carried else []
    i = lo
    if carried is not None:
        # skip the mark that re-opens a continued quotation
        while i < hi and text[i].isspace():
            i += 1
        if i < hi and text[i] in _DOUBLE_OPEN + '"':
            i += 1

    def close(mark_at: int) -> None:
        opened = stack.pop()
        if not stack and mark_at > opened.at + 1:
            found.append(QuoteSpan(opened.at, opened.at + 1, mark_at, mark_at))

    while i < hi:
        ch = text[i]
        if i in ignored:
            pass
        elif ch in _DOUBLE_OPEN:
            stack.append(_Open(i, double=True, straight=False))
        elif ch == _DOUBLE_CLOSE:
            while stack and not stack[-1].double:
                stack.pop()  # a single left open inside was an apostrophe
            if stack:
                close(i)
        elif ch == '"':
            open_double = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].double), None)
            if open_double is not None and _closes_here(text, i) and not _opens_here(text, i, lo):
                del stack[open_double + 1 :]
                close(i)
            elif _opens_here(text, i, lo):
                stack.append(_Open(i, double=True, straight=True))
            elif open_double is not None:
                del stack[open_double + 1 :]
                close(i)
        elif ch in _SINGLE_OPEN:
            if _opens_here(text, i, lo) and not _ELISIONS_RE.match(text, i + 1):
                stack.append(_Open(i, double=False, straight=False))
        elif ch in "'" + _SINGLE_CLOSE:
            straight = ch == "'"
            single_open = bool(stack) and not stack[-1].double and stack[-1].straight == straight
            if single_open and _closes_here(text, i):
                if not (
                    _plural_possessive(text, i, hi) and _later_single_close(text, i, hi, straight)
                ):
                    close(i)
            elif straight and _opens_here(text, i, lo) and not _ELISIONS_RE.match(text, i + 1):
                stack.append(_Open(i, double=False, straight=True))
        i += 1

    if not stack:
        return found, None, None
    unclosed_single = next((o.at for o in stack if not o.double), None)
    if unclosed_single is not None and not (carried and stack[0] is carried and len(stack) == 1):
        return found, None, unclosed_single
    return found, stack[0], None


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every outermost quotation in the text, in order."""
    paragraphs = paragraph_spans(text)
    quotes: list[QuoteSpan] = []
    carried: _Open | None = None
    for index, (lo, hi) in enumerate(paragraphs):
        ignored: set[int] = set()
        while True:
            found, still_open, bad_single = _scan_paragraph(text, lo, hi, carried, ignored)
            if bad_single is None:
                break
            ignored.add(bad_single)
        quotes.extend(found)
        carried = None
        if still_open is None:
            continue
        next_opens = False
        if index + 1 < len(paragraphs):
            nlo = paragraphs[index + 1][0]
            next_opens = text[nlo] in _DOUBLE_OPEN or (text[nlo] == '"' and still_open.straight)
        if still_open.double and next_opens:
            carried = still_open
        elif still_open.double and hi > still_open.at + 1:
            quotes.append(QuoteSpan(still_open.at, still_open.at + 1, hi, None))
    return [q for q in (_trim(text, q) for q in quotes) if q is not None]


def _trim(text: str, quote: QuoteSpan) -> QuoteSpan | None:
    start, end = quote.start, quote.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < 1 or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return QuoteSpan(quote.open_at, start, end, quote.close_at)
