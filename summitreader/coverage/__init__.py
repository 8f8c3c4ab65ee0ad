"""Comparing coverage across outlets: shared remarks, their variants, timelines, co-mentions.

Qt-free; the Library, the command line and the window build their views on these functions.
"""

from __future__ import annotations

from summitreader.coverage.comentions import CoMention, co_mentions
from summitreader.coverage.diff import DiffSegment, diff_against, word_diff
from summitreader.coverage.remarks import (
    DEFAULT_THRESHOLD,
    LOOSE_THRESHOLD,
    UNATTRIBUTED_THRESHOLD,
    QuoteLike,
    RemarkGroup,
    VariantKind,
    classify_variant,
    group_remarks,
)
from summitreader.coverage.timeline import (
    CoverageTimeline,
    SpeakerGrid,
    coverage_by_day,
    speaker_outlet_grid,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "LOOSE_THRESHOLD",
    "UNATTRIBUTED_THRESHOLD",
    "CoMention",
    "CoverageTimeline",
    "DiffSegment",
    "QuoteLike",
    "RemarkGroup",
    "SpeakerGrid",
    "VariantKind",
    "classify_variant",
    "co_mentions",
    "coverage_by_day",
    "diff_against",
    "group_remarks",
    "speaker_outlet_grid",
    "word_diff",
]
