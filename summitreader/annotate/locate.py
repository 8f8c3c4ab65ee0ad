"""Find a passage a user typed in an article, whatever quote marks, dashes or case they used."""

from __future__ import annotations

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})


def _folded(text: str) -> str:
    """Fold quote marks, dashes and case while keeping every offset where it was."""
    text = text.translate(_FOLD)
    lower = text.lower()
    return lower if len(lower) == len(text) else text


def locate_passage(text: str, passage: str) -> tuple[int, int] | None:
    """Code-point span of the first occurrence of `passage` in `text`, or None."""
    passage = " ".join(passage.split())
    if not passage:
        return None
    at = text.find(passage)
    if at < 0:
        at = _folded(text).find(_folded(passage))
    return None if at < 0 else (at, at + len(passage))
