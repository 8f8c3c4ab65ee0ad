"""The reading pane: layer toggles and legend above the article, find bar and hit count below."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from summitreader.ui.document_model import DocumentModel, OpenedArticle
from summitreader.ui.reader_view import ReaderView
from summitreader.ui.theme import ENTITY_TYPE_NAMES, LIGHT, Theme

LEGEND_SPEAKERS = 5


class FindBar(QWidget):
    """Find within the open article (Ctrl+F); Enter finds next, Shift+Enter previous, Esc closes.

    Signals:
        find_requested(str, bool): the text and whether to search backwards.
        closed(): the bar was dismissed.
    """

    find_requested = Signal(str, bool)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in article")
        self.field.setAccessibleName("Find in article")
        self.status = QLabel()
        previous = QToolButton()
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+Enter)")
        previous.setAccessibleName("Previous match")
        following = QToolButton()
        following.setText("▼")
        following.setToolTip("Next match (Enter)")
        following.setAccessibleName("Next match")
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close find bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.status)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.field.returnPressed.connect(lambda: self.find_requested.emit(self.field.text(), False))
        self.field.textEdited.connect(lambda text: self.find_requested.emit(text, False))
        previous.clicked.connect(lambda: self.find_requested.emit(self.field.text(), True))
        following.clicked.connect(lambda: self.find_requested.emit(self.field.text(), False))
        close.clicked.connect(self.dismiss)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_requested.emit(self.field.text(), True)
            return
        super().keyPressEvent(event)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()


class ReaderPane(QWidget):
    """Holds the ReaderView with its toolbar (toggles, legend, hits) and the find bar."""

    def __init__(
        self,
        document: DocumentModel,
        *,
        quotes_action: QAction,
        entities_action: QAction,
        previous_hit_action: QAction,
        next_hit_action: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.theme: Theme = LIGHT
        self.setAccessibleName("Reader")
        self.view = ReaderView()
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName("Legend")
        self.legend.setWordWrap(True)
        bar = QWidget()
        bar.setObjectName("readerBar")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(10, 4, 10, 4)
        for action in (quotes_action, entities_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setObjectName("layerToggle")
            bar_layout.addWidget(button)
        bar_layout.addWidget(self.legend, 1)
        self.hits = QLabel()
        self.hits.setObjectName("hitCount")
        self.hits.setAccessibleName("Search hits in this article")
        self.hit_buttons = []
        for symbol, action in (("▲", previous_hit_action), ("▼", next_hit_action)):
            button = QToolButton()
            button.setText(symbol)
            button.setToolTip(action.toolTip())
            button.setAccessibleName(action.text().replace("&", ""))
            button.clicked.connect(action.trigger)
            self.hit_buttons.append(button)
        bar_layout.addWidget(self.hit_buttons[0])
        bar_layout.addWidget(self.hits)
        bar_layout.addWidget(self.hit_buttons[1])
        self.find_bar = FindBar()
        self.find_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self._show_hits(-1, 0)

        self.find_bar.find_requested.connect(self._find)
        self.find_bar.closed.connect(self.view.setFocus)
        self.view.hit_did_change.connect(self._show_hits)
        quotes_action.toggled.connect(self._quotes_toggled)
        entities_action.toggled.connect(self._entities_toggled)
        document.article_did_open.connect(self._article_opened)
        document.article_did_close.connect(self._article_closed)
        document.entity_did_focus.connect(lambda _name, spans: self.view.set_focus_spans(spans))

    def _article_opened(self, opened: OpenedArticle) -> None:
        self.view.show_article(opened)
        self._update_legend()

    def _article_closed(self) -> None:
        self.view.clear_article()
        self.legend.clear()

    def _quotes_toggled(self, on: bool) -> None:
        self.view.set_layers(show_quotes=on)
        self._update_legend()

    def _entities_toggled(self, on: bool) -> None:
        self.view.set_layers(show_entities=on)
        self._update_legend()

    def _find(self, text: str, backward: bool) -> None:
        found = self.view.find_text(text, backward=backward)
        self.find_bar.status.setText("" if found or not text else "Not found")

    def _show_hits(self, current: int, count: int) -> None:
        visible = count > 0
        self.hits.setVisible(visible)
        for button in self.hit_buttons:
            button.setVisible(visible)
        if visible:
            self.hits.setText(f"hit {current + 1} of {count}")

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.view.set_theme(theme)
        self._update_legend()

    def _update_legend(self) -> None:
        """Speakers with their colour, then the entity types present, with their underline."""
        page = self.view.page
        if page is None or page.analysis is None:
            self.legend.clear()
            return
        parts = []
        if self.view.layers.show_quotes and page.slots:
            chips = [
                f'<span style="background:{self.theme.quote_fill(slot).name()};">'
                f"&nbsp;{html.escape(name)}&nbsp;</span>"
                for name, slot in list(page.slots.items())[:LEGEND_SPEAKERS]
            ]
            more = len(page.slots) - LEGEND_SPEAKERS
            if more > 0:
                chips.append(f'<span style="color:{self.theme.muted};">+{more}</span>')
            parts.append(" ".join(chips))
        if self.view.layers.show_entities:
            types = sorted({e.type for e in page.analysis.entities})
            parts.append(
                " ".join(
                    f'<span style="color:{self.theme.entity_colour(t).name()};'
                    f'text-decoration:underline;">{ENTITY_TYPE_NAMES.get(t, t)}</span>'
                    for t in types
                )
            )
        self.legend.setText(
            f'&nbsp;&nbsp;<span style="color:{self.theme.rule};">|</span>&nbsp;&nbsp;'.join(
                p for p in parts if p
            )
        )
