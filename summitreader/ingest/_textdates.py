"""Dates as news pages print them -> ISO 8601, or None rather than a guess.

A date is only returned when the text gives a day, a month and a four-digit year; a time is only
kept when a zone makes it unambiguous, so `published` never claims more than the page said.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime

from dateutil import parser as date_parser
from dateutil import tz

_MONTHS_TEXT = (
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
)
_MONTHS = frozenset(_MONTHS_TEXT.split())
_WEEKDAYS_TEXT = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu "
    "thur thurs fri sat sun"
)
_WEEKDAYS = frozenset(_WEEKDAYS_TEXT.split())
# Abbreviations news sites print; ambiguous ones (IST, CST in Asia, ET) are left out on purpose.
_ZONE_HOURS: dict[str, float] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AKST": -9,
    "AKDT": -8,
    "HST": -10,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "MSK": 3,
    "ICT": 7,
    "WIB": 7,
    "HKT": 8,
    "SGT": 8,
    "AWST": 8,
    "JST": 9,
    "KST": 9,
    "AEST": 10,
    "AEDT": 11,
    "NZST": 12,
    "NZDT": 13,
}
_ZONES = {name: tz.tzoffset(name, int(hours * 3600)) for name, hours in _ZONE_HOURS.items()}
_FILLER_WORDS = frozenset({"at", "on", "of", "the", "am", "pm", "a", "p", "m", "t", "st", "nd"})
_ORDINAL_WORDS = frozenset({"rd", "th"})
_ALLOWED_WORDS = (
    _MONTHS | _WEEKDAYS | _FILLER_WORDS | _ORDINAL_WORDS | {z.lower() for z in _ZONE_HOURS}
)

_MAX_DATE_LINE = 80
_WORD = re.compile(r"[^\W\d_]+")
_DATE_LINE_CHARS = re.compile(r"[\w\s,./:+\-|()\u2013\u2014']*")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_DOTTED_MERIDIEM = re.compile(r"\b([ap])\.m\.?", re.IGNORECASE)
_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")
_FILLER = re.compile(r"\b(?:at|on|of|the)\b", re.IGNORECASE)

_DEFAULT_A = datetime(1901, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(1902, 2, 2, 1, 1, 1)


def is_date_line(line: str) -> bool:
    """True when the whole line is a date (with optional weekday, time and zone) and a year."""
    return is_date_shaped(line) and parse_news_date(line.strip()) is not None


def is_date_shaped(line: str) -> bool:
    """The cheap half of `is_date_line`: only date words, digits and separators, and a year."""
    text = line.strip()
    if not text or len(text) > _MAX_DATE_LINE or not _YEAR.search(text):
        return False
    if not _DATE_LINE_CHARS.fullmatch(text):
        return False
    words = [word.lower() for word in _WORD.findall(text)]
    if any(word not in _ALLOWED_WORDS for word in words):
        return False
    has_month = any(word in _MONTHS for word in words)
    return has_month or bool(_NUMERIC_DATE.search(text) or _ISO_DATE.search(text))


@functools.lru_cache(maxsize=1024)
def parse_news_date(text: str) -> str | None:
    """ISO date ("2024-07-11"), ISO datetime with offset when a time and zone are given, or None."""
    text = text.strip()
    if not text or len(text) > 200 or not _YEAR.search(text):
        return None
    dayfirst = _numeric_day_first(text)
    if dayfirst is None:
        return None
    cleaned = _ORDINAL.sub("", text)
    cleaned = _DOTTED_MERIDIEM.sub(r"\1m", cleaned)
    cleaned = _DOTTED_TIME.sub(r"\1:\2", cleaned)
    cleaned = _FILLER.sub(" ", cleaned).replace("|", " ").strip(" ,;:-\u2013\u2014")
    first = _parse(cleaned, _DEFAULT_A, dayfirst)
    second = _parse(cleaned, _DEFAULT_B, dayfirst)
    if first is None or second is None:
        return None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # the text lacked a day, month or year: do not fill one in
    if not 1900 <= first.year <= 2100:
        return None
    has_time = first.hour == second.hour
    if has_time and first.tzinfo is not None:
        return first.isoformat()
    return first.date().isoformat()


def _numeric_day_first(text: str) -> bool | None:
    """Month-first unless the first number cannot be a month; None when it fits neither way."""
    match = _NUMERIC_DATE.search(text)
    if match is None:
        return False
    first, second = int(match.group(1)), int(match.group(2))
    if first > 12 and second <= 12:
        return True
    if first <= 12:
        return False
    return None


def _parse(text: str, default: datetime, dayfirst: bool) -> datetime | None:
    try:
        parsed = date_parser.parse(text, default=default, dayfirst=dayfirst, tzinfos=_ZONES)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed if isinstance(parsed, datetime) else None
