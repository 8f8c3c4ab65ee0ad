"""Search hits as a list model and the delegate that draws each with its snippet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from summitreader.ui.reader_document import display_date
from summitreader.ui.snippets import snippet_document, snippet_segments
from summitreader.ui.theme import LIGHT, Theme

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_LINES = 3
PADDING = 8


class SearchResultsModel(QAbstractListModel):
    """The hits of the latest search, in the order the index returned them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Any] = []

    def set_hits(self, hits: list[Any]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Any:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            plain = "".join(text for text, _ in snippet_segments(hit.snippet))
            return f"{hit.title} — {hit.source or ''}, {display_date(hit.published)}\n{plain}"
        if role == HIT_ROLE:
            return hit
        if role == ID_ROLE:
            return hit.id
        return None


class SearchHitDelegate(QStyledItemDelegate):
    """Headline, outlet and date, then up to three lines of snippet with hits highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = LIGHT
        self._documents: dict[tuple[int, int], QTextDocument] = {}

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._documents.clear()

    def forget(self) -> None:
        """Drop cached snippets (the model was reset)."""
        self._documents.clear()

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        title.setPointSizeF(option.font.pointSizeF() * 1.05)
        meta = QFont(option.font)
        meta.setPointSizeF(option.font.pointSizeF() * 0.88)
        body = QFont(option.font)
        body.setPointSizeF(option.font.pointSizeF() * 0.95)
        return title, meta, body

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title, meta, body = self._fonts(option)
        height = (
            QFontMetrics(title).height()
            + QFontMetrics(meta).height()
            + QFontMetrics(body).lineSpacing() * SNIPPET_LINES
            + 3 * PADDING
        )
        return QSize(option.rect.width() or 300, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:
            return
        theme = self.theme
        painter.save()
        rect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(theme.selection))
        painter.setPen(QColor(theme.rule))
        painter.drawLine(
            rect.left() + PADDING, rect.bottom(), rect.right() - PADDING, rect.bottom()
        )
        title_font, meta_font, body_font = self._fonts(option)
        inner = rect.adjusted(PADDING + 4, PADDING, -PADDING - 4, -PADDING)
        painter.setFont(title_font)
        painter.setPen(QColor(theme.text))
        title_metrics = QFontMetrics(title_font)
        title = title_metrics.elidedText(hit.title, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), title_metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            title,
        )
        top = inner.top() + title_metrics.height()
        painter.setFont(meta_font)
        painter.setPen(QColor(theme.accent))
        meta_metrics = QFontMetrics(meta_font)
        source = (hit.source or "Unknown outlet").upper()
        painter.drawText(
            QRect(inner.left(), top, inner.width(), meta_metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            source,
        )
        painter.setPen(QColor(theme.muted))
        date_x = inner.left() + meta_metrics.horizontalAdvance(source + "   ")
        painter.drawText(
            QRect(date_x, top, inner.width(), meta_metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            display_date(hit.published),
        )
        top += meta_metrics.height() + PADDING // 2
        document = self._snippet(hit, body_font, inner.width())
        clip = QRect(0, 0, inner.width(), QFontMetrics(body_font).lineSpacing() * SNIPPET_LINES)
        painter.translate(inner.left(), top)
        document.drawContents(painter, clip)
        painter.restore()

    def _snippet(self, hit: Any, font: QFont, width: int) -> QTextDocument:
        key = (hit.id, width)
        document = self._documents.get(key)
        if document is None:
            base = QTextCharFormat()
            base.setFont(font)
            base.setForeground(QColor(self.theme.text))
            document = snippet_document(
                hit.snippet,
                base=base,
                mark_background=self.theme.hit,
                mark_text=self.theme.text,
            )
            document.setDefaultFont(font)
            document.setTextWidth(width)
            if len(self._documents) > 400:
                self._documents.clear()
            self._documents[key] = document
        return document
