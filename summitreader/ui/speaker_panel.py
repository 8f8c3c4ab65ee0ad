"""Who is quoted: in the open article, and every speaker in the library (the speaker index).

Choosing a speaker in either list shows all their remarks across outlets, shared remarks
grouped with each outlet's wording under them; a quote opens its article at the quote, and
"Compare side by side" hands the speaker to the Compare Quotes view (through the model).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from summitreader.ui.cards import Card, CardListModel, card_delegate, card_list
from summitreader.ui.document_model import DocumentModel, OpenedArticle
from summitreader.ui.panels import panel_hint, panel_table
from summitreader.ui.reader_document import display_date, speaker_slots
from summitreader.ui.rows_model import Column, RowsModel
from summitreader.ui.theme import LIGHT, Theme
from summitreader.ui.variant_card import KIND_LABELS

ARTICLE_TAB, LIBRARY_TAB = 0, 1


def fold(text: str) -> str:
    """Lower case without accents, so "ines" finds "Inês"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def outlets_text(by_source: dict[str, int]) -> str:
    ranked = sorted(by_source.items(), key=lambda item: (-item[1], item[0]))
    return " · ".join(f"{source} {count}" for source, count in ranked)


def remark_cards(groups: list[Any], theme: Theme, slot: int | None) -> list[Card]:
    """A speaker's remarks as cards: a shared remark as a header with one card per outlet."""
    from summitreader.coverage import classify_variant

    colour = theme.quote_mark(slot)
    cards: list[Card] = []
    for group in groups:
        members = list(group.members)
        if len(members) == 1:
            m = members[0]
            cards.append(
                Card(
                    f"“{m.text}”",
                    meta=" · ".join(p for p in (m.source, display_date(m.published)) if p),
                    colour=colour,
                    tooltip=m.title,
                    payload=m,
                )
            )
            continue
        outlets = len(group.sources)
        cards.append(
            Card(
                f"“{group.representative}”",
                meta=f"{len(members)} articles in {outlets} outlet{'s' if outlets != 1 else ''}",
                header=True,
            )
        )
        for m in members:
            kind = KIND_LABELS[classify_variant(m, group.representative)]
            same = m.text.strip() == group.representative.strip()
            cards.append(
                Card(
                    "Same wording" if same else f"“{m.text}”",
                    meta=" · ".join(p for p in (m.source, display_date(m.published), kind) if p),
                    colour=colour,
                    tooltip=m.title,
                    payload=m,
                    italic=same,
                )
            )
    return cards


def outlet_tip(summary: Any) -> str:
    return f"{summary.name} in {summary.articles} articles: {outlets_text(summary.by_source)}"


MAX_REMARKS = 150


class SpeakerPanel(QWidget):
    """Speakers of the open article and of the whole library; one speaker's remarks below."""

    def __init__(self, document: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.coverage = document.coverage
        self.theme: Theme = LIGHT
        self._slots: dict[str, int] = {}
        self._speaker = ""
        self._groups: list[Any] = []
        self._all_speakers: list[Any] = []
        self.setAccessibleName("Speakers")
        self.speaker_model: RowsModel[tuple[str, int]] = RowsModel(
            [
                Column(
                    "Speaker",
                    lambda r: r[0],
                    None,
                    lambda r: self.theme.quote_mark(self._slots.get(r[0])),
                ),
                Column("Quotes", lambda r: str(r[1]), numeric=True),
            ],
            self,
        )
        self.library_model: RowsModel[Any] = RowsModel(
            [
                Column("Speaker", lambda s: s.name, lambda s: outlets_text(s.by_source)),
                Column("Quotes", lambda s: str(s.quotes), outlet_tip, numeric=True),
                Column("Outlets", lambda s: str(len(s.by_source)), outlet_tip, numeric=True),
            ],
            self,
        )
        self.speaker_view = panel_table(self.speaker_model, "Speakers in this article")
        self.library_view = panel_table(self.library_model, "Every speaker in the library")
        header = self.library_view.horizontalHeader()
        header.resizeSection(1, 60)
        header.resizeSection(2, 60)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Find a speaker")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter speakers")
        index_page = QWidget()
        index_layout = QVBoxLayout(index_page)
        index_layout.setContentsMargins(0, 4, 0, 0)
        index_layout.setSpacing(4)
        index_layout.addWidget(self.filter)
        index_layout.addWidget(self.library_view, 1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.speaker_view, "This article")
        self.tabs.addTab(index_page, "All speakers")
        self.quote_model = CardListModel(self)
        self.quote_view = card_list(self.quote_model, "Remarks by the chosen speaker")
        self.quotes_title = panel_hint("Choose a speaker to compare their quotes across outlets.")
        self.compare_button = QPushButton("Compare side by side")
        self.compare_button.setObjectName("flatButton")
        self.compare_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs, 2)
        layout.addWidget(self.quotes_title)
        layout.addWidget(self.quote_view, 3)
        layout.addLayout(buttons)

        self.speaker_view.clicked.connect(self._article_speaker_clicked)
        self.library_view.clicked.connect(self._library_speaker_clicked)
        self.library_view.activated.connect(self._library_speaker_clicked)
        self.filter.textChanged.connect(lambda _t: self._apply_filter())
        self.filter.returnPressed.connect(lambda: self.choose_library_speaker(0))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.quote_view.activated.connect(self._quote_activated)
        self.quote_view.doubleClicked.connect(self._quote_activated)
        self.compare_button.clicked.connect(lambda: self.coverage.request_compare(self._speaker))
        document.article_did_open.connect(self._article_opened)
        document.library_did_change.connect(self._library_changed)
        self.coverage.speakers_did_load.connect(self._speakers_loaded)
        self.coverage.speaker_remarks_did_load.connect(self._remarks_loaded)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.speaker_model.set_rows(self.speaker_model.rows())
        card_delegate(self.quote_view).set_theme(theme)
        self._show_cards()

    # -- the open article ---------------------------------------------------------------------

    def _article_opened(self, opened: OpenedArticle) -> None:
        quotes = opened.analysis.quotes if opened.analysis else ()
        self._slots = speaker_slots(quotes)
        counts = Counter(q.speaker for q in quotes if q.speaker and q.kind != "scare")
        rows = sorted(counts.items(), key=lambda r: (-r[1], r[0]))
        self.speaker_model.set_rows(rows)
        if rows and self.tabs.currentIndex() == ARTICLE_TAB:
            self.speaker_view.selectRow(0)  # start with the most quoted voice
            self.show_speaker(rows[0][0])

    def _article_speaker_clicked(self, index: QModelIndex) -> None:
        row = self.speaker_model.record(index.row())
        if row is not None:
            self.show_speaker(row[0])

    # -- the speaker index --------------------------------------------------------------------

    def show_library(self) -> None:
        """Switch to the index of every speaker and put the cursor in its filter."""
        self.tabs.setCurrentIndex(LIBRARY_TAB)
        self.filter.setFocus()
        self.filter.selectAll()

    def _tab_changed(self, tab: int) -> None:
        if tab == LIBRARY_TAB and not self._all_speakers:
            self.coverage.load_speakers()

    def _library_changed(self, changes: Any) -> None:
        if not (changes.added or changes.removed):
            return  # reading and starring change no quote
        if self.tabs.currentIndex() == LIBRARY_TAB and self.isVisible():
            self.coverage.load_speakers()
        else:
            self._all_speakers = []

    def _speakers_loaded(self, rows: list[Any]) -> None:
        self._all_speakers = list(rows)
        self._apply_filter()

    def _apply_filter(self) -> None:
        wanted = fold(self.filter.text().strip())
        rows = [s for s in self._all_speakers if wanted in fold(s.name)]
        self.library_model.set_rows(rows)

    def visible_speakers(self) -> list[str]:
        return [s.name for s in self.library_model.rows()]

    def choose_library_speaker(self, row: int) -> None:
        record = self.library_model.record(row)
        if record is not None:
            self.library_view.selectRow(row)
            self.show_speaker(record.name)

    def _library_speaker_clicked(self, index: QModelIndex) -> None:
        record = self.library_model.record(index.row())
        if record is not None:
            self.show_speaker(record.name)

    # -- one speaker's remarks ----------------------------------------------------------------

    def show_speaker(self, speaker: str) -> None:
        self._speaker = speaker
        self.compare_button.setEnabled(bool(speaker))
        self.quotes_title.setText(f"Loading remarks by {speaker}…")
        self.coverage.load_speaker_remarks(speaker)

    def _remarks_loaded(self, speaker: str, groups: list[Any]) -> None:
        if speaker != self._speaker:
            return
        self._groups = list(groups)
        quotes = sum(len(g.members) for g in groups)
        shared = sum(1 for g in groups if len(g.members) > 1)
        by_outlet = Counter(m.source or "(unknown)" for g in groups for m in g.members)
        self.quotes_title.setText(
            f"<b>{escape(speaker)}</b>: {quotes} quote{'s' if quotes != 1 else ''} — "
            f"{escape(outlets_text(dict(by_outlet)))}. "
            f"{shared} remark{'s' if shared != 1 else ''} carried by several outlets. "
            + (
                f"The {MAX_REMARKS} most widely reported are listed; Compare shows all. "
                if len(groups) > MAX_REMARKS
                else ""
            )
            + "Double-click a quote to read it."
        )
        self._show_cards()

    def _show_cards(self) -> None:
        # A speaker quoted thousands of times would lay out thousands of wrapped cards on the GUI
        # thread: show the most widely reported remarks; Compare has them all.
        shown = self._groups[:MAX_REMARKS]
        self.quote_model.set_cards(remark_cards(shown, self.theme, self._slots.get(self._speaker)))

    def _quote_activated(self, index: QModelIndex) -> None:
        card = self.quote_model.card(index.row())
        if card is not None and card.payload is not None:
            quote = card.payload
            self.document.show_passage(quote.article_id, quote.start, quote.end)
