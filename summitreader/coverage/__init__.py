"""Comparing coverage across outlets: shared remarks, their variants, timelines, co-mentions.

Qt-free; the Library, the command line and the window build their views on these functions.
"""

from __future__ import annotations

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

__all__ = [
    "DEFAULT_THRESHOLD",
    "LOOSE_THRESHOLD",
    "UNATTRIBUTED_THRESHOLD",
    "QuoteLike",
    "RemarkGroup",
    "VariantKind",
    "classify_variant",
    "group_remarks",
]
