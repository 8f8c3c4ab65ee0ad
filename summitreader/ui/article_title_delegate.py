"""The article list's Title cell: up to two lines of headline and a badge for syndicated copies.

A wire story carried by several outlets gets a small "+3" pill at the top right of its title, so
the reader sees at a glance that reading one copy covers the others (the tooltip says so in words).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from summitreader.ui.article_table_model import SUMMARY_ROLE
from summitreader.ui.theme import LIGHT, Theme

Index = QModelIndex | QPersistentModelIndex
PADDING = 6
TITLE_LINES = 2


def badge_text(also_in: int) -> str:
    return f"+{also_in}" if also_in > 0 else ""


class ArticleTitleDelegate(QStyledItemDelegate):
    """Paints the headline wrapped to two lines (elided) and the syndication badge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = LIGHT

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary = index.data(SUMMARY_ROLE)
        if summary is None:
            super().paint(painter, option, index)
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, QColor(self.theme.selection))
        rect = option.rect.adjusted(PADDING, 2, -PADDING, -2)
        font = QFont(option.font)
        font.setBold(bool(summary.unread))
        badge = badge_text(summary.also_in)
        if badge:
            small = QFont(option.font)
            small.setPointSizeF(option.font.pointSizeF() * 0.8)
            small.setBold(True)
            metrics = QFontMetrics(small)
            width = metrics.horizontalAdvance(badge) + 10
            pill = QRect(rect.right() - width + 1, rect.top() + 4, width, metrics.height() + 2)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.theme.rule))
            painter.drawRoundedRect(QRectF(pill), pill.height() / 2, pill.height() / 2)
            painter.setFont(small)
            painter.setPen(QColor(self.theme.muted))
            painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), badge)
            rect.setRight(pill.left() - 6)
        painter.setFont(font)
        painter.setPen(QColor(self.theme.text))
        self._draw_title(painter, font, rect, summary.title)
        painter.restore()

    def _draw_title(self, painter: QPainter, font: QFont, rect: QRect, title: str) -> None:
        """Wrap to at most two lines, eliding the second, vertically centred in the row."""
        metrics = QFontMetrics(font)
        layout = QTextLayout(title, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        lines: list[str] = []
        layout.beginLayout()
        while len(lines) < TITLE_LINES:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(rect.width())
            start, length = line.textStart(), line.textLength()
            if len(lines) == TITLE_LINES - 1:
                rest = title[start:]
                lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, rect.width()))
                break
            lines.append(title[start : start + length].rstrip())
        layout.endLayout()
        height = metrics.lineSpacing() * len(lines)
        top = rect.top() + max(0, (rect.height() - height) // 2)
        for number, text in enumerate(lines):
            line_rect = QRect(
                rect.left(), top + number * metrics.lineSpacing(), rect.width(), metrics.height()
            )
            painter.drawText(line_rect, int(Qt.AlignmentFlag.AlignLeft), text)
