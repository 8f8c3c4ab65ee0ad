"""When two attributions name the same person: "Figueiredo" and "Marta Figueiredo" do.

Analysis gives the fullest name an article offers, so an outlet that only ever writes a surname
yields a surname. Names are compared as folded word sequences: one being the tail of the other
("Ibáñez" / "Tomás Ibáñez") counts as the same speaker; "Ana Ibáñez" and "Tomás Ibáñez" do not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from summitreader.coverage.textmatch import fold_words

_LEADING_ARTICLES = frozenset({"a", "an", "the"})


@lru_cache(maxsize=4096)
def speaker_words(name: str | None) -> tuple[str, ...]:
    """The folded words of a name, without a leading article ("a senior official")."""
    if not name:
        return ()
    words = fold_words(name)
    while words and words[0] in _LEADING_ARTICLES:
        words = words[1:]
    return words


def speaker_block(name: str | None) -> str | None:
    """The last word of the name: every name that could be the same speaker shares it."""
    words = speaker_words(name)
    return words[-1] if words else None


def same_speaker(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when one name's words are the tail of the other's (both non-empty)."""
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return longer[len(longer) - len(shorter) :] == shorter


def display_speaker(names: Iterable[str]) -> str | None:
    """The name to show for a group: the most used full name, else the most used name."""
    counts = Counter(names)
    if not counts:
        return None

    def rank(name: str) -> tuple[bool, int, int, str]:
        words = len(speaker_words(name))
        return (words < 2, -counts[name], -words, name)

    return min(counts, key=rank)
