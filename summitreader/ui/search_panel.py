"""The search field and its results: as you type, with facets, sorting and "did you mean".

Typing restarts a short timer; when it fires the DocumentModel runs the search and drops any
answer that arrives after a newer question, so a slow search never replaces a fresh one.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from summitreader.ui.document_model import DocumentModel
from summitreader.ui.search_results import SearchHitDelegate, SearchResultsModel
from summitreader.ui.theme import LIGHT, Theme

DEBOUNCE_MS = 250
FACETS_SHOWN = 4
FACET_FIELDS = (("source", "Outlets"), ("speaker", "Speakers"), ("entity", "Names"))
SORTS = (("Relevance", "relevance"), ("Newest first", "date"))


def facet_term(field: str, value: str) -> str:
    """`source:"The Ledger"` — the query text a facet chip appends."""
    return f'{field}:"{value.replace(chr(34), "")}"'


def query_help_text() -> str:
    from summitreader.index.query_language import QUERY_HELP

    return str(QUERY_HELP)


class SearchField(QLineEdit):
    """The query box: Esc clears it, Down moves into the results.

    Signals:
        escape_pressed(): Esc with nothing left to clear.
        down_pressed(): the user wants to walk the results.
    """

    escape_pressed = Signal()
    down_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Search every article  (Ctrl+K)")
        self.setClearButtonEnabled(True)
        self.setAccessibleName("Search")
        self.setObjectName("searchField")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
                self.textEdited.emit("")
            else:
                self.escape_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class SearchResultsPane(QWidget):
    """Status, sort, facet chips, suggestion or error, and the hit list.

    Signals:
        hit_chosen(int): an article id the user opened from the results.
    """

    hit_chosen = Signal(int)

    def __init__(
        self, document: DocumentModel, field: SearchField, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.field = field
        self.theme: Theme = LIGHT
        self.setAccessibleName("Search results")
        self.model = SearchResultsModel(self)
        self.delegate = SearchHitDelegate(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(self.delegate)
        self.list.setAccessibleName("Search hits")
        self.list.setObjectName("searchHits")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(True)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setAccessibleName("Search status")
        self.sort = QComboBox()
        self.sort.setAccessibleName("Sort results")
        for label, key in SORTS:
            self.sort.addItem(label, key)
        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.setToolTip("How to write a search")
        self.help_button.setAccessibleName("Search help")
        self.facets = QLabel()
        self.facets.setObjectName("facets")
        self.facets.setWordWrap(True)
        self.facets.setTextFormat(Qt.TextFormat.RichText)
        self.facets.setAccessibleName("Narrow the search")
        self.suggestion = QLabel()
        self.suggestion.setObjectName("suggestion")
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.hide()
        self.error = QLabel()
        self.error.setObjectName("searchError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Search error")
        self.error.hide()

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.sort)
        top.addWidget(self.help_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.facets)
        layout.addWidget(self.list, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        self._facet_terms: list[str] = []
        self._suggested = ""

        field.textEdited.connect(self._text_edited)
        field.returnPressed.connect(self._return_pressed)
        field.down_pressed.connect(self.focus_results)
        self.sort.currentIndexChanged.connect(self._sort_changed)
        self.help_button.clicked.connect(self.show_help)
        self.facets.linkActivated.connect(self._facet_clicked)
        self.suggestion.linkActivated.connect(self._suggestion_clicked)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        document.search_did_start.connect(self._started)
        document.search_did_finish.connect(self._finished)
        document.search_did_fail.connect(self._failed)
        document.search_did_clear.connect(self._cleared)

    # -- typing ---------------------------------------------------------------------------------

    def _text_edited(self, _text: str) -> None:
        self._timer.start()

    def _return_pressed(self) -> None:
        self.run_now()
        if self.model.rowCount():
            self.focus_results()

    def run_now(self) -> None:
        self._timer.stop()
        if self.field.text().strip() != self.document.query:
            self.document.search(self.field.text(), sort=self.sort.currentData())

    def set_query(self, query: str) -> None:
        """Put a query in the field and run it at once (facets, suggestions, entity clicks)."""
        self.field.setText(query)
        self.run_now()

    def _sort_changed(self, _index: int) -> None:
        if self.document.query:
            self.document.search(self.document.query, sort=self.sort.currentData())

    def focus_results(self) -> None:
        if self.model.rowCount():
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0, 0))

    # -- answers --------------------------------------------------------------------------------

    def _started(self, query: str) -> None:
        if self.field.text().strip() != query:
            self.field.setText(query)
        self.status.setText("Searching…")

    def _finished(self, results: Any) -> None:
        self.error.hide()
        self.delegate.forget()
        self.model.set_hits(results.hits)
        shown = len(results.hits)
        total = results.total
        noun = "article" if total == 1 else "articles"
        count = f"~{total:,}" if results.total_is_estimate else f"{total:,}"
        self.status.setText(
            f"{count} {noun}" if shown >= total else f"{count} {noun}, best {shown} shown"
        )
        self._show_facets(results.facets)
        self._suggested = results.suggestion or ""
        if self._suggested and self._suggested != results.query:
            self.suggestion.setText(
                f'Did you mean <a href="suggest">{html.escape(self._suggested)}</a>?'
            )
            self.suggestion.show()
        else:
            self.suggestion.hide()

    def _failed(self, message: str) -> None:
        self.model.set_hits([])
        self.facets.clear()
        self.suggestion.hide()
        self.status.setText("No results")
        self.error.setText(message)
        self.error.show()

    def _cleared(self) -> None:
        self._timer.stop()
        self.model.set_hits([])
        self.facets.clear()
        self.error.hide()
        self.suggestion.hide()
        self.status.clear()

    def _show_facets(self, facets: dict[str, dict[str, int]]) -> None:
        self._facet_terms = []
        groups = []
        query = self.document.query
        for field, label in FACET_FIELDS:
            counts = facets.get(field) or {}
            chips = []
            for value, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                term = facet_term(field, value)
                if term in query:
                    continue
                self._facet_terms.append(term)
                number = len(self._facet_terms) - 1
                chips.append(
                    f'<a href="facet:{number}" style="text-decoration:none; '
                    f'color:{self.theme.text};">&nbsp;{html.escape(value)}&nbsp;'
                    f'<span style="color:{self.theme.muted};">{count}</span>&nbsp;</a>'
                )
                if len(chips) == FACETS_SHOWN:
                    break
            if chips:
                groups.append(
                    f'<span style="color:{self.theme.muted};">{label}:</span> ' + " · ".join(chips)
                )
        self.facets.setText("<br>".join(groups))
        self.facets.setVisible(bool(groups))

    def _facet_clicked(self, link: str) -> None:
        number = int(link.partition(":")[2])
        if 0 <= number < len(self._facet_terms):
            self.set_query(f"{self.document.query} {self._facet_terms[number]}".strip())

    def _suggestion_clicked(self, _link: str) -> None:
        if self._suggested:
            self.set_query(self._suggested)

    def _activated(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit is not None:
            self.hit_chosen.emit(hit.id)
            self.document.open_article(hit.id)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.delegate.set_theme(theme)
        self.list.viewport().update()

    def show_help(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("How to search")
        text = QPlainTextEdit(query_help_text())
        text.setReadOnly(True)
        text.setObjectName("queryHelp")
        text.setMinimumSize(640, 360)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.open()
        self._help = dialog
