"""People's names as bylines and credit lines print them ("Jane Doe", "Jane Doe and John Roe")."""

from __future__ import annotations

import re

_MAX_NAME_WORDS = 5
_NAME_PARTICLES = frozenset(
    {"de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le", "van", "von", "der"}
    | {"den", "ter", "ten", "bin", "binti", "al", "el", "y", "e"}
)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|\band\b|&)\s*", re.IGNORECASE)
_NAME_CHARS = frozenset("'’-.")


def person_name(text: str) -> str | None:
    """The text as a tidy person's name, or None when it does not read like one."""
    words = text.strip(" ,;:.").split()
    if not 2 <= len(words) <= _MAX_NAME_WORDS:
        return None
    if not all(_is_name_word(word, edge=i in (0, len(words) - 1)) for i, word in enumerate(words)):
        return None
    name = " ".join(words)
    if name.isupper():
        name = " ".join(_title_word(word) for word in words)
    return name


def person_names(text: str) -> list[str] | None:
    """ "A, B and C" -> ["A", "B", "C"]; None if any part is not a name."""
    parts = [part for part in _NAME_SEPARATORS.split(text.strip()) if part]
    if not parts:
        return None
    names = [person_name(part) for part in parts]
    if any(name is None for name in names):
        return None
    return [name for name in names if name is not None]


def join_names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _is_name_word(word: str, *, edge: bool) -> bool:
    if not edge and word.lower() in _NAME_PARTICLES and word.islower():
        return True
    if not word[0].isupper():
        return False
    return all(char.isalpha() or char in _NAME_CHARS for char in word)


def _title_word(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))
