"""Paragraph structure of plain text: blank-line blocks, one-paragraph-per-line, or hard-wrapped.

Hard wrapping is decided once per file, from how its lines end: wrapped lines crowd just under a
fixed width and rarely end a sentence, while paragraph-per-line text ends almost every line.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

_MIN_WRAP_WIDTH = 30
_MAX_WRAP_WIDTH = 120
_FULL_LINE_SHARE = 0.7  # a line this close to the width was broken by the wrapper, not the author
_MIN_FULL_LINES = 0.6
_MAX_SENTENCE_ENDS = 0.5
_SENTENCE_ENDINGS = tuple(".?!:\"”’')")


@dataclass(frozen=True, slots=True)
class RawLine:
    """A non-blank line, with the block (run of lines between blank lines) it belongs to."""

    text: str  # stripped
    indent: int
    block: int


def raw_lines(text: str) -> list[RawLine]:
    lines: list[RawLine] = []
    block = 0
    previous_blank = True
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            if not previous_blank:
                block += 1
            previous_blank = True
            continue
        previous_blank = False
        indent = len(line) - len(line.lstrip())
        lines.append(RawLine(stripped, indent, block))
    return lines


def wrap_width(lines: list[RawLine]) -> int | None:
    """The width the file was hard-wrapped at, or None when lines are whole paragraphs."""
    inner = [line for line, after in itertools.pairwise(lines) if line.block == after.block]
    if len(inner) < 2:
        return None
    lengths = sorted(len(line.text) for line in lines)
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.95))]
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH:
        return None
    full = sum(1 for line in inner if len(line.text) >= width * _FULL_LINE_SHARE)
    sentence_ends = sum(1 for line in inner if line.text.endswith(_SENTENCE_ENDINGS))
    if full < len(inner) * _MIN_FULL_LINES or sentence_ends > len(inner) * _MAX_SENTENCE_ENDS:
        return None
    return width


def join_run(run: list[RawLine], width: int | None) -> list[str]:
    """Consecutive body lines of one block -> paragraphs (joined only where the wrapper broke)."""
    if width is None or not run:
        return [line.text for line in run]
    paragraphs: list[str] = []
    current: list[str] = []
    for line, after in zip(run, [*run[1:], None], strict=True):
        current.append(line.text)
        wrapped = len(line.text) >= width * _FULL_LINE_SHARE
        indented_next = after is not None and after.indent > line.indent
        if after is None or not wrapped or indented_next:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs
