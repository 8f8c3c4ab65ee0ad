"""Mentioned with: the names that share the most articles with a chosen one, by outlet.

A part of the Names panel: it asks the model for one entity's co-mentions and lists them as
cards (name, articles together, the outlets that carry the pair).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from summitreader.ui.cards import Card, CardListModel, card_delegate, card_list
from summitreader.ui.document_model import DocumentModel
from summitreader.ui.theme import LIGHT, Theme

LIMIT = 15


def outlet_counts(by_source: dict[str, int]) -> str:
    ranked = sorted(by_source.items(), key=lambda item: (-item[1], item[0]))
    return " · ".join(f"{source} {count}" for source, count in ranked)


def co_mention_card(row: Any) -> Card:
    plural = "s" if row.articles != 1 else ""
    return Card(
        f"{row.name} — {row.articles} article{plural}",
        meta=outlet_counts(row.by_source),
        tooltip=f"Mentioned together in: {outlet_counts(row.by_source)}",
        payload=row.name,
    )


class CoMentionList(QWidget):
    """Who and what is mentioned most with one entity.

    Signals:
        name_chosen(str): a listed name was double-clicked (look at it next).
    """

    name_chosen = Signal(str)

    def __init__(self, document: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coverage = document.coverage
        self.entity = ""
        self.setAccessibleName("Mentioned with")
        self.title = QLabel("Choose a name to see who and what is mentioned with it.")
        self.title.setObjectName("panelHint")
        self.title.setWordWrap(True)
        self.model = CardListModel(self)
        self.view = card_list(self.model, "Names mentioned with the chosen one")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self.view.doubleClicked.connect(self._chosen)
        self.view.activated.connect(self._chosen)
        self.coverage.co_mentions_did_load.connect(self._loaded)
        self.theme: Theme = LIGHT

    def show_entity(self, name: str) -> None:
        self.entity = name
        self.title.setText(f"Finding what is mentioned with {name}…")
        self.coverage.load_co_mentions(name, limit=LIMIT)

    def names(self) -> list[str]:
        return [card.payload for card in self.model.cards()]

    def _loaded(self, entity: str, rows: list[Any]) -> None:
        if entity != self.entity:
            return
        self.model.set_cards([co_mention_card(row) for row in rows])
        self.title.setText(
            f"Mentioned with {entity}" if rows else f"Nothing else is mentioned with {entity}"
        )

    def _chosen(self, index: QModelIndex) -> None:
        card = self.model.card(index.row())
        if card is not None:
            self.name_chosen.emit(card.payload)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        card_delegate(self.view).set_theme(theme)
