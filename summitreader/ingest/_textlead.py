"""The opening of a story: is a line a headline, where is the lead's dateline, a fallback title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summitreader.ingest._textdates import is_date_line
from summitreader.ingest._textsources import canonical_outlet

MAX_TITLE_CHARS = 90
_MAX_HEADLINE_WORDS = 20
_MAX_HEADLINE_CHARS = 200
_ELLIPSIS = "…"

_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^()\n—–]{0,80}?)(?:\s*\((?P<agency>[^()\n]{1,25})\))?"
    r"(?:\s*[—–]\s*|\s+-{1,2}\s+)"
)
_DATELINE_DATE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?=\s+[\"“‘'(]?[A-Z0-9])")
_ABBREVIATIONS_TEXT = (
    "mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr rev hon no vs etc inc "
    "corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec"
)
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())
_MINOR_WORDS_TEXT = (
    "a an and as at but by for from in into is it nor of on or over per the to up via vs with"
)
_MINOR_WORDS = frozenset(_MINOR_WORDS_TEXT.split())


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    agency: str | None
    end: int  # where the story text starts after "PLACE (AGENCY) —"


def looks_like_headline(text: str) -> bool:
    """Short, not a date, and not a sentence (no closing period unless written in title case)."""
    words = text.split()
    if not words or len(words) > _MAX_HEADLINE_WORDS or len(text) > _MAX_HEADLINE_CHARS:
        return False
    if not any(char.isalpha() for char in text) or is_date_line(text):
        return False
    if find_dateline(text) is not None:
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return _is_title_case(words)
    return True


def _is_title_case(words: list[str]) -> bool:
    alphabetic = [w for w in words if w[:1].isalpha()]
    significant = [w for w in alphabetic if w.lower() not in _MINOR_WORDS]
    return len(significant) >= 2 and all(w[0].isupper() for w in significant)


def find_dateline(paragraph: str) -> Dateline | None:
    """ "HANOI, Vietnam (AP) — ..." -> place "HANOI, Vietnam", agency "AP"; the text is not cut."""
    match = _DATELINE.match(paragraph)
    if match is None:
        return None
    parts = [part.strip() for part in match.group("place").split(",") if part.strip()]
    if not parts or not _is_city(parts[0]):
        return None
    kept = [parts[0]]
    for part in parts[1:]:
        if _DATELINE_DATE.fullmatch(part):
            continue
        if not _is_region(part):
            return None
        kept.append(part)
    agency_text = match.group("agency")
    agency: str | None = None
    if agency_text is not None:
        if not _is_agency(agency_text):
            return None
        agency = canonical_outlet(agency_text)
    return Dateline(", ".join(kept), agency, match.end())


def _is_city(text: str) -> bool:
    words = text.split()
    letters = [char for char in text if char.isalpha()]
    return 1 <= len(words) <= 4 and len(letters) >= 2 and text.upper() == text


def _is_region(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 3 and all(word[:1].isupper() for word in words)


def _is_agency(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 3 and all(word[:1].isupper() for word in words)


def title_from_lead(lead: str) -> str:
    """The lead's first sentence, cut at a word boundary to about MAX_TITLE_CHARS."""
    sentence = first_sentence(lead).strip()
    if sentence.endswith(".") and not sentence.endswith("..."):
        sentence = sentence[:-1].rstrip()
    return shorten(sentence or lead.strip())


def first_sentence(text: str) -> str:
    window = text[: MAX_TITLE_CHARS * 4]
    for match in _SENTENCE_END.finditer(window):
        before = window[: match.start()].split()
        last_word = before[-1] if before else ""
        if _is_abbreviation(last_word):
            continue
        return window[: match.end()]
    return window


def _is_abbreviation(word: str) -> bool:
    bare = word.strip("\"“‘'(")
    if len(bare) == 1 and bare.isupper():
        return True  # an initial, "John F. Kennedy"
    return "." in bare or bare.lower() in _ABBREVIATIONS


def shorten(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:—–-") + _ELLIPSIS
