"""Side panels: who is named and who else covered the story (speakers: speaker_panel.py).

Each panel listens to the DocumentModel and asks it for what it shows; a click becomes a call
on the model (focus an entity, search, open an article), never a call into another view.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from summitreader.nlp.types import EntityResult
from summitreader.ui.cards import Card, CardListModel, card_delegate, card_list
from summitreader.ui.co_mentions_view import CoMentionList
from summitreader.ui.document_model import DocumentModel, OpenedArticle
from summitreader.ui.reader_document import display_date
from summitreader.ui.rows_model import Column, RowsModel
from summitreader.ui.theme import ENTITY_TYPE_NAMES, LIGHT, Theme


def panel_table(model: RowsModel, name: str, *, stretch: int = 0) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultSectionSize(72)
    header.resizeSection(0, 124)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    return view


def panel_hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("panelHint")
    label.setWordWrap(True)
    return label


def _entity_type(entity_type: str) -> str:
    return ENTITY_TYPE_NAMES.get(entity_type, entity_type)


class EntityPanel(QWidget):
    """Names in the open article and across the library; a click highlights, Search searches."""

    def __init__(self, document: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.theme: Theme = LIGHT
        self.setAccessibleName("Entities")
        self.article_model: RowsModel[EntityResult] = RowsModel(
            [
                Column(
                    "Name",
                    lambda e: e.name,
                    lambda e: _entity_type(e.type),
                    lambda e: self.theme.entity_colour(e.type),
                ),
                Column("Type", lambda e: _entity_type(e.type)),
                Column("Mentions", lambda e: str(len(e.mentions)), numeric=True),
            ],
            self,
        )
        self.library_model: RowsModel = RowsModel(
            [
                Column(
                    "Name",
                    lambda e: e.name,
                    lambda e: ", ".join(f"{s} {n}" for s, n in e.by_source.items()),
                    lambda e: self.theme.entity_colour(e.type),
                ),
                Column("Articles", lambda e: str(e.articles), numeric=True),
                Column("Mentions", lambda e: str(e.mentions), numeric=True),
            ],
            self,
        )
        self.article_view = panel_table(self.article_model, "Names in this article")
        self.library_view = panel_table(self.library_model, "Names across the library")
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        tabs.addTab(self.article_view, "This article")
        tabs.addTab(self.library_view, "Library")
        self.tabs = tabs
        self.search_button = QPushButton("Search this name")
        self.search_button.setAccessibleName("Search for the selected name")
        self.search_button.setEnabled(False)
        self.mentioned_with = CoMentionList(document)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(tabs, 3)
        layout.addWidget(panel_hint("Click a name to highlight it in the article."))
        layout.addWidget(self.search_button)
        layout.addWidget(self.mentioned_with, 2)

        self.article_view.clicked.connect(self._article_entity_clicked)
        self.library_view.clicked.connect(self._library_entity_clicked)
        self.article_view.doubleClicked.connect(self._search_article_entity)
        self.library_view.doubleClicked.connect(self._search_library_entity)
        self.search_button.clicked.connect(self._search_selected)
        self.mentioned_with.name_chosen.connect(self._co_mention_chosen)
        document.article_did_open.connect(self._article_opened)
        document.article_did_close.connect(lambda: self.article_model.set_rows([]))
        document.library_entities_did_load.connect(self.library_model.set_rows)
        document.library_did_change.connect(self._library_changed)
        self._selected: str | None = None

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.article_model.set_rows(self.article_model.rows())
        self.library_model.set_rows(self.library_model.rows())
        self.mentioned_with.set_theme(theme)

    def _article_opened(self, opened: OpenedArticle) -> None:
        entities = opened.analysis.entities if opened.analysis else ()
        self.article_model.set_rows(sorted(entities, key=lambda e: (-len(e.mentions), e.name)))
        self._selected = None
        self.search_button.setEnabled(False)

    def _library_changed(self, changes: object) -> None:
        if self.isVisible():
            self.document.load_library_entities()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if not self.library_model.rowCount():
            self.document.load_library_entities()

    def _select(self, name: str) -> None:
        self._selected = name
        self.search_button.setEnabled(True)
        self.search_button.setText(f"Search “{name}”")
        if name != self.mentioned_with.entity:
            self.mentioned_with.show_entity(name)

    def select_name(self, name: str) -> None:
        """Choose a name: highlight it in the article and list what is mentioned with it."""
        self._select(name)
        self.document.focus_entity(name)

    def _co_mention_chosen(self, name: str) -> None:
        self.select_name(name)

    def _article_entity_clicked(self, index: QModelIndex) -> None:
        entity = self.article_model.record(index.row())
        if entity is not None:
            self._select(entity.name)
            self.document.focus_entity(entity.name)

    def _library_entity_clicked(self, index: QModelIndex) -> None:
        entity = self.library_model.record(index.row())
        if entity is not None:
            self._select(entity.name)
            self.document.focus_entity(entity.name)

    def _search_article_entity(self, index: QModelIndex) -> None:
        self._article_entity_clicked(index)
        self._search_selected()

    def _search_library_entity(self, index: QModelIndex) -> None:
        self._library_entity_clicked(index)
        self._search_selected()

    def _search_selected(self) -> None:
        if self._selected:
            self.document.search(f'entity:"{self._selected}"')


class RelatedPanel(QWidget):
    """Other coverage of the open article's story, other outlets first."""

    def __init__(self, document: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setAccessibleName("Related coverage")
        self.theme: Theme = LIGHT
        self.model = CardListModel(self)
        self.view = card_list(self.model, "Related articles")
        self.title = panel_hint("Open an article to see who else covered it.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        document.article_did_open.connect(self._article_opened)
        document.related_did_load.connect(self._related_loaded)
        self._source: str | None = None

    def _article_opened(self, opened: OpenedArticle) -> None:
        self._source = opened.article.source
        self.document.load_related(opened.article.id)

    def _related_loaded(self, article_id: int, hits: list) -> None:
        if article_id != self.document.current_id:
            return
        source = self._source
        ordered = sorted(hits, key=lambda h: (h.source == source, -h.score))
        self.model.set_cards(
            [
                Card(
                    h.title,
                    meta=" · ".join(
                        p for p in (h.source or "Unknown outlet", display_date(h.published)) if p
                    ),
                    colour=None if h.source == source else QColor(self.theme.accent),
                    tooltip="Same outlet" if h.source == source else "",
                    payload=h,
                )
                for h in ordered
            ]
        )
        others = sum(1 for h in ordered if h.source != source)
        self.title.setText(f"{len(ordered)} related articles, {others} from other outlets")

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        card_delegate(self.view).set_theme(theme)

    def _open(self, index: QModelIndex) -> None:
        card = self.model.card(index.row())
        if card is not None:
            self.document.open_article(card.payload.id)
