"""Lists of cards for the side panels: a text that wraps across the full width, a line under it.

Quotes, related headlines and notes are read, not compared column by column, so they get the
panel's whole width and as many lines as they need, with a colour bar at the left edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from summitreader.ui.theme import LIGHT, Theme

Index = QModelIndex | QPersistentModelIndex
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
PADDING = 8
BAR = 3
FLAGS = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)


@dataclass(frozen=True, slots=True)
class Card:
    """One card: `text` wraps; `detail` (optional) wraps under it in a smaller face; `meta` is one
    muted line; `colour` draws the bar; a `header` card is a section title, not selectable."""

    text: str
    meta: str = ""
    detail: str = ""
    colour: QColor | None = None
    tooltip: str = ""
    payload: Any = None
    header: bool = False
    italic: bool = False


class CardListModel(QAbstractListModel):
    """A short list of cards, replaced whole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cards: list[Card] = []

    def set_cards(self, cards: Sequence[Card]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def card(self, row: int) -> Card | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def cards(self) -> list[Card]:
        return list(self._cards)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def flags(self, index: Index) -> Qt.ItemFlag:
        card = self.card(index.row()) if index.isValid() else None
        if card is None or card.header:
            return Qt.ItemFlag.NoItemFlags | Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        card = self.card(index.row()) if index.isValid() else None
        if card is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return card.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " — ".join(p for p in (card.text, card.detail, card.meta) if p)
        if role == Qt.ItemDataRole.ToolTipRole and card.tooltip:
            return card.tooltip
        if role == CARD_ROLE:
            return card
        return None


class CardDelegate(QStyledItemDelegate):
    """Paints a `Card`; its height follows the wrapped text at the view's width."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self.theme: Theme = LIGHT
        # Text layout is the costly part and views ask for every row's size again and again
        # (each scroll, each reset): remember heights by what they depend on.
        self._heights: dict[tuple[object, ...], int] = {}

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.view.viewport().update()

    def _fonts(self, base: QFont, card: Card) -> tuple[QFont, QFont, QFont]:
        text = QFont(base)
        text.setItalic(card.italic)
        if card.header:
            text.setBold(True)
            text.setPointSizeF(base.pointSizeF() * 0.9)
        detail = QFont(base)
        detail.setPointSizeF(base.pointSizeF() * 0.92)
        meta = QFont(base)
        meta.setPointSizeF(base.pointSizeF() * 0.85)
        return text, detail, meta

    def _inner_width(self) -> int:
        return max(80, self.view.viewport().width() - 2 * PADDING - BAR - 4)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        card = index.data(CARD_ROLE)
        if card is None:
            return QSize(0, 0)
        width = self._inner_width()
        key = (
            card.text,
            card.detail,
            card.meta,
            card.header,
            card.italic,
            width,
            option.font.key(),
        )
        cached = self._heights.get(key)
        if cached is not None:
            return QSize(width, cached)
        text_font, detail_font, meta_font = self._fonts(option.font, card)
        height = 2 * PADDING
        height += (
            QFontMetrics(text_font)
            .boundingRect(QRect(0, 0, width, 10**6), FLAGS, card.text)
            .height()
        )
        if card.detail:
            bound = QRect(0, 0, width, 10**6)
            height += 4 + QFontMetrics(detail_font).boundingRect(bound, FLAGS, card.detail).height()
        if card.meta:
            height += 3 + QFontMetrics(meta_font).height()
        if len(self._heights) > 20_000:
            self._heights.clear()
        self._heights[key] = height
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = index.data(CARD_ROLE)
        if card is None:
            return
        theme = self.theme
        painter.save()
        rect = option.rect
        if option.state & QStyle.StateFlag.State_Selected and not card.header:
            painter.fillRect(rect, QColor(theme.selection))
        if not card.header:
            painter.setPen(QColor(theme.rule))
            painter.drawLine(
                rect.left() + PADDING, rect.bottom(), rect.right() - PADDING, rect.bottom()
            )
        if card.colour is not None:
            painter.fillRect(
                QRect(rect.left() + 4, rect.top() + PADDING, BAR, rect.height() - 2 * PADDING),
                card.colour,
            )
        text_font, detail_font, meta_font = self._fonts(option.font, card)
        left = rect.left() + PADDING + BAR + 4
        width = self._inner_width()
        top = rect.top() + PADDING
        painter.setFont(text_font)
        painter.setPen(QColor(theme.muted if card.header else theme.text))
        bound = painter.boundingRect(QRect(left, top, width, 10**6), FLAGS, card.text)
        painter.drawText(QRect(left, top, width, bound.height()), FLAGS, card.text)
        top += bound.height()
        if card.detail:
            top += 4
            painter.setFont(detail_font)
            painter.setPen(QColor(theme.text))
            bound = painter.boundingRect(QRect(left, top, width, 10**6), FLAGS, card.detail)
            painter.drawText(QRect(left, top, width, bound.height()), FLAGS, card.detail)
            top += bound.height()
        if card.meta:
            top += 3
            painter.setFont(meta_font)
            painter.setPen(QColor(theme.muted))
            metrics = QFontMetrics(meta_font)
            meta = metrics.elidedText(card.meta, Qt.TextElideMode.ElideRight, width)
            painter.drawText(
                QRect(left, top, width, metrics.height()), int(Qt.AlignmentFlag.AlignLeft), meta
            )
        painter.restore()


def card_list(model: CardListModel, name: str, parent: QWidget | None = None) -> QListView:
    """A QListView set up for cards: wraps, resizes with the panel, scrolls by pixel."""
    view = QListView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setObjectName("cardList")
    view.setItemDelegate(CardDelegate(view))
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    view.setWordWrap(True)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


def card_delegate(view: QListView) -> CardDelegate:
    delegate = view.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    return delegate
