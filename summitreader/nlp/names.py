"""Clean a named-entity span into the name it holds: no titles, determiners or possessives."""

from __future__ import annotations

import re

from summitreader.nlp.lexicon import CALENDAR_WORDS, TITLE_RE

_POSSESSIVE_RE = re.compile(r"(?:[’'′]s|[’'′])$")
_EDGE_JUNK = " \t\n•·*-–—,;:.()[]\"“”‘’'"
_LEADING_DETERMINER_RE = re.compile(r"(?:the|The|THE)\s+")
_ACRONYM_DOTS_RE = re.compile(r"(?:[A-Z]\.)+$")
# "Environment Minister Inês Valadão": a capitalised office ending in a role word, before a name.
_OFFICE_RE = re.compile(
    r"(?:[A-Z][\w’'\-]*\s+){0,3}(?:Minister|Secretary|Director|Chair(?:man|woman)?|Commissioner|"
    r"President|Spokes(?:man|woman|person)|Leader|Mayor|Governor|Ambassador|Executive|Officer|"
    r"Professor|Editor|Negotiator|Envoy|Adviser|Advisor|Chief)\s+(?=[A-Z])"
)


def clean_name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow (start, end) to the bare name: "President Donald Trump’s" → "Donald Trump"."""
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE_JUNK:
            start += 1
        while end > start and text[end - 1] in _EDGE_JUNK:
            # keep the final dot of an acronym such as "U.S."
            if text[end - 1] == "." and _ACRONYM_DOTS_RE.search(text, start, end):
                break
            end -= 1
        possessive = _POSSESSIVE_RE.search(text, start, end)
        if possessive and possessive.start() > start:
            end = possessive.start()
        determiner = _LEADING_DETERMINER_RE.match(text, start, end)
        if determiner:
            start = determiner.end()
        title = TITLE_RE.match(text, start, end) or _OFFICE_RE.match(text, start, end)
        if title and title.end() < end:
            start = title.end()
        if (start, end) == before:
            return start, end


def name_key(name: str) -> str:
    """Spelling-insensitive key: curly/straight apostrophes and spacing do not matter."""
    return " ".join(name.replace("’", "'").split())


def is_plausible_name(name: str) -> bool:
    """Rejects page furniture and things that are not names (numbers, lower-case words)."""
    if len(name) < 2 or "\n" in name or "•" in name or "@" in name:
        return False
    if not any(ch.isalpha() for ch in name):
        return False
    if not name[0].isupper() and not name[0].isdigit():
        return False
    if name.casefold() in CALENDAR_WORDS:
        return False
    return not name.startswith(("Write to ", "More Must-Reads", "Contact "))
