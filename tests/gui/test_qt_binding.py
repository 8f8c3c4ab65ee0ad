"""The Qt binding we install keeps Python's reference counts intact.

PySide6 6.12.0 for Python 3.11 dropped a reference to None on every call returning nothing, and
a long session aborted; pyproject excludes that build. This catches such a build if one returns.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter, QPen
from pytestqt.qtbot import QtBot


def test_painting_does_not_leak_references_to_none(qtbot: QtBot) -> None:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    pen = QPen(QColor("red"))
    before = sys.getrefcount(None)
    for _ in range(20_000):
        painter.setPen(pen)
    after = sys.getrefcount(None)
    painter.end()
    assert after > before - 1_000, f"None lost {before - after} references"
