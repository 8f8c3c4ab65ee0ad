"""Compare quotes: one remark as every outlet printed it, side by side.

Pick a speaker (or everyone), pick a remark from the list, and read its variants in columns,
with what each outlet changed marked; a variant opens its article at the quote.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from summitreader.ui.cards import Card, CardListModel, card_delegate, card_list
from summitreader.ui.coverage_service import RemarkList
from summitreader.ui.document_model import DocumentModel
from summitreader.ui.theme import LIGHT, Theme
from summitreader.ui.variant_card import VariantCard

ALL_SPEAKERS = "All speakers"


def remark_card(group: Any, theme: Theme) -> Card:
    """A remark in the list: its reference wording, who said it, in how many outlets."""
    outlets = len(group.sources)
    articles = len(group.article_ids)
    meta = " · ".join(
        p
        for p in (
            group.speaker or "Unattributed",
            f"{outlets} outlet{'s' if outlets != 1 else ''}",
            f"{articles} article{'s' if articles != 1 else ''}",
        )
        if p
    )
    return Card(
        f"“{group.representative}”",
        meta=meta,
        colour=theme.series(1) if outlets > 2 else theme.series(2),
        tooltip=", ".join(group.sources),
        payload=group,
    )


class SpeakerChooser(QComboBox):
    """An editable combo of speakers; typing filters by any part of the name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(22)
        self.setAccessibleName("Speaker")
        self.lineEdit().setPlaceholderText("Type a speaker's name")
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.addItem(ALL_SPEAKERS, "")

    def set_speakers(self, rows: list[Any]) -> None:
        chosen = self.current_speaker()
        self.blockSignals(True)
        self.clear()
        self.addItem(ALL_SPEAKERS, "")
        for row in rows:
            self.addItem(f"{row.name} ({row.quotes})", row.name)
        found = self.findData(chosen)
        self.setCurrentIndex(max(0, found))
        self.blockSignals(False)

    def current_speaker(self) -> str:
        data = self.currentData()
        return str(data) if data else ""

    def choose(self, speaker: str) -> bool:
        """Select a speaker by name (or everyone for ""); False when the list lacks them."""
        found = self.findData(speaker)
        if found < 0:
            return False
        self.setCurrentIndex(found)
        return True


class CompareView(QWidget):
    """Remarks on the left, the chosen remark's variants side by side on the right."""

    def __init__(self, document: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.coverage = document.coverage
        self.theme: Theme = LIGHT
        self.setObjectName("compareView")
        self.setAccessibleName("Compare quotes")
        self.speaker = SpeakerChooser()
        self.loose = QCheckBox("Include paraphrases")
        self.loose.setToolTip("Also group rewordings that share only a core phrase")
        self.count = QLabel()
        self.count.setObjectName("panelHint")
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 4)
        bar.addWidget(QLabel("Speaker"))
        bar.addWidget(self.speaker)
        bar.addWidget(self.loose)
        bar.addStretch(1)
        bar.addWidget(self.count)

        self.remark_model = CardListModel(self)
        self.remark_list = card_list(self.remark_model, "Remarks carried by several articles")
        self.remark_list.setMinimumWidth(240)
        self.reference = QLabel("Choose a remark to compare how each outlet printed it.")
        self.reference.setObjectName("panelHint")
        self.reference.setWordWrap(True)
        self.strip = QWidget()
        self.strip.setObjectName("variantStrip")
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(8, 4, 8, 8)
        self.strip_layout.setSpacing(8)
        self.strip_layout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.variant_scroll = QScrollArea()
        self.variant_scroll.setObjectName("variantScroll")
        self.variant_scroll.setWidgetResizable(True)
        self.variant_scroll.setWidget(self.strip)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(2)
        right_layout.addWidget(self.reference)
        right_layout.addWidget(self.variant_scroll, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.remark_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 900])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.cards: list[VariantCard] = []
        self._loaded = False
        self._pending_speaker: str | None = None
        self.speaker.currentIndexChanged.connect(lambda _i: self.reload())
        self.loose.toggled.connect(lambda _on: self.reload())
        self.remark_list.selectionModel().currentRowChanged.connect(self._remark_changed)
        self.coverage.remarks_did_load.connect(self._remarks_loaded)
        self.coverage.speakers_did_load.connect(self._speakers_loaded)
        document.library_did_change.connect(self._library_changed)

    # -- loading ------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        """Reload speakers and remarks from the library."""
        self._loaded = True
        self.coverage.load_speakers()
        self.reload()

    def reload(self) -> None:
        self.count.setText("Comparing…")
        self.coverage.load_remarks(self.speaker.current_speaker(), loose=self.loose.isChecked())

    def show_speaker(self, speaker: str) -> None:
        """Compare one speaker's remarks ("" for everyone)."""
        if not self.speaker.choose(speaker):
            self._pending_speaker = speaker  # the list is still loading
            if not self._loaded:
                self.refresh()

    def _library_changed(self, changes: Any) -> None:
        if changes.added or changes.removed:  # reading and starring change no quote
            if self.isVisible():
                self.refresh()
            else:
                self._loaded = False

    def _speakers_loaded(self, rows: list[Any]) -> None:
        self.speaker.set_speakers(rows)
        if self._pending_speaker is not None:
            pending, self._pending_speaker = self._pending_speaker, None
            if self.speaker.choose(pending) and pending == "":
                self.reload()

    def _remarks_loaded(self, result: RemarkList) -> None:
        if result.speaker != self.speaker.current_speaker():
            return
        if result.loose != self.loose.isChecked():
            return
        chosen = self.current_group()
        self.remark_model.set_cards([remark_card(g, self.theme) for g in result.groups])
        count = len(result.groups)
        self.count.setText(f"{count} shared remark{'s' if count != 1 else ''}")
        keep = next(
            (
                row
                for row, g in enumerate(result.groups)
                if chosen is not None
                and (g.speaker, g.representative) == (chosen.speaker, chosen.representative)
            ),
            0,
        )
        if count:
            self.remark_list.setCurrentIndex(self.remark_model.index(keep, 0))
        else:
            self._show_group(None)

    # -- the chosen remark --------------------------------------------------------------------

    def current_group(self) -> Any:
        row = self.remark_list.currentIndex().row()
        card = self.remark_model.card(row)
        return card.payload if card is not None else None

    def select_remark(self, row: int) -> None:
        if 0 <= row < self.remark_model.rowCount():
            self.remark_list.setCurrentIndex(self.remark_model.index(row, 0))

    def _remark_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        card = self.remark_model.card(current.row()) if current.isValid() else None
        self._show_group(card.payload if card is not None else None)

    def _show_group(self, group: Any) -> None:
        for card in self.cards:
            self.strip_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        if group is None:
            self.reference.setText("No remark here is carried by more than one article.")
            return
        who = escape(group.speaker or "Unattributed")
        self.reference.setText(
            f"<b>{who}</b>: “{escape(group.representative)}”<br>"
            "Each outlet's wording, with the words that differ from this one marked. "
            "Double-click a card to read it in its article."
        )
        for member in group.members:
            card = VariantCard(member, group.representative, self.theme)
            card.open_requested.connect(self.document.show_passage)
            self.strip_layout.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)
            self.cards.append(card)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        card_delegate(self.remark_list).set_theme(theme)
        row = self.remark_list.currentIndex().row()
        self.remark_model.set_cards(
            [remark_card(c.payload, theme) for c in self.remark_model.cards()]
        )
        self.select_remark(row)
        for card in self.cards:
            card.set_theme(theme)
