"""File names made from article titles, safe on Windows, macOS and Linux alike."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

MAX_BYTES: Final = 120
"""Well under the usual 255-byte limit, leaving room for an extension, a counter and a folder."""
_SEPARATORS = re.compile(r"[:/\\|]+")
_DROPPED = re.compile(r"[<>?*\x00-\x1f\x7f]+")
_WINDOWS_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$")


def safe_filename(title: str, fallback: str = "untitled") -> str:
    """A readable file name (no extension) for one article's export.

    'Talks fail: what now?' -> 'Talks fail - what now'. Separators become ' - ', double quotes
    single ones; other characters Windows refuses and control characters go, as do trailing dots
    and spaces (Windows drops them silently); reserved device names get a trailing underscore;
    the result fits in MAX_BYTES of UTF-8.
    """
    name = unicodedata.normalize("NFC", title)
    name = _SEPARATORS.sub(" - ", name).replace('"', "'")
    name = _DROPPED.sub(" ", name)
    name = " ".join(name.split())
    name = re.sub(r"(\s*-\s*)+(?=\s)", " -", name)  # 'a - - b' -> 'a - b'
    name = name.strip(" .-")
    name = _truncate_utf8(name, MAX_BYTES).rstrip(" .-")
    if not name:
        return fallback
    if _WINDOWS_RESERVED.match(name):
        name += "_"
    return name


def unique_filename(title: str, taken: set[str], extension: str = ".md") -> str:
    """safe_filename plus the extension, numbered ' (2)', ' (3)'... if already in `taken`.

    Comparison ignores case (macOS and Windows do); the chosen name is added to `taken`.
    """
    base = safe_filename(title)
    lowered = {name.casefold() for name in taken}
    candidate = base + extension
    counter = 2
    while candidate.casefold() in lowered:
        candidate = f"{base} ({counter}){extension}"
        counter += 1
    taken.add(candidate)
    return candidate


def _truncate_utf8(text: str, limit: int) -> str:
    """Cut at a word boundary where one is near, never inside a character."""
    if len(text.encode("utf-8")) <= limit:
        return text
    cut = text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")
    space = cut.rfind(" ")
    return cut[:space] if space > limit // 2 else cut
