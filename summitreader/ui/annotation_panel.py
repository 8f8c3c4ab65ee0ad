"""The Annotations panel: the open article's notes or the whole library's, filtered, with orphans.

A card per highlight or bookmark (its passage, note and tags, outlet and date); activating one
asks the DocumentModel to show the passage. Orphans (whose passage is gone from the current text)
are listed apart with their old quote, and can be re-attached to the reader's selection.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from summitreader.annotate.model import COLORS, Annotation
from summitreader.core.models import Changes
from summitreader.ui.annotation_editor import COLOUR_NAMES, colour_icon
from summitreader.ui.annotation_service import NoteRow
from summitreader.ui.cards import Card, CardListModel, card_delegate, card_list
from summitreader.ui.document_model import DocumentModel, OpenedArticle
from summitreader.ui.reader_document import display_date
from summitreader.ui.theme import LIGHT, Theme

THIS_ARTICLE, LIBRARY = 0, 1
ANY = ""


def note_matches(row: NoteRow, *, colour: str, tag: str, source: str, text: str) -> bool:
    """Whether a row passes the panel's filters (text: in passage, note, tags or title)."""
    note = row.annotation
    if colour and note.color != colour:
        return False
    if tag and tag.casefold() not in {t.casefold() for t in note.tags}:
        return False
    if source and (row.source or "") != source:
        return False
    if text:
        haystack = " ".join((note.exact, note.note, " ".join(note.tags), row.title)).casefold()
        return all(word in haystack for word in text.casefold().split())
    return True


class AnnotationPanel(QWidget):
    """Lists annotations; a click shows the passage; orphans can be re-attached."""

    def __init__(self, document: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.theme: Theme = LIGHT
        self.setAccessibleName("Annotations")
        self._article_rows: list[NoteRow] = []
        self._library_rows: list[NoteRow] | None = None
        self.scope = QTabBar()
        self.scope.setDocumentMode(True)
        self.scope.setExpanding(False)
        self.scope.addTab("This article")
        self.scope.addTab("Library")
        self.scope.setAccessibleName("Which annotations")
        self.colour = QComboBox()
        self.colour.setAccessibleName("Filter by colour")
        self.tag = QComboBox()
        self.tag.setAccessibleName("Filter by tag")
        self.source = QComboBox()
        self.source.setAccessibleName("Filter by outlet")
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter notes")
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName("Filter notes by text")
        self.model = CardListModel(self)
        self.list = card_list(self.model, "Annotations")
        self.summary = QLabel()
        self.summary.setObjectName("panelHint")
        self.summary.setWordWrap(True)
        self.reattach_button = QPushButton("Re-attach to selection")
        self.reattach_button.setAccessibleName("Re-attach the orphaned note to the selection")
        self.reattach_button.setToolTip(
            "Select the passage in the reader that this note belongs to, then click here"
        )
        self.reattach_button.hide()
        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName("Delete the selected note")
        self.delete_button.setEnabled(False)
        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.colour)
        filters.addWidget(self.tag)
        filters.addWidget(self.source)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reattach_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.scope)
        layout.addLayout(filters)
        layout.addWidget(self.text)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._fill_colours()
        self._fill_choices()

        self.scope.currentChanged.connect(self._scope_changed)
        for box in (self.colour, self.tag, self.source):
            box.currentIndexChanged.connect(self._refilter)
        self.text.textChanged.connect(self._refilter)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.reattach_button.clicked.connect(self.reattach_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        document.article_did_open.connect(self._article_opened)
        document.article_did_close.connect(lambda: self._set_article_notes(()))
        document.notes_did_change.connect(self._set_article_notes)
        document.notes.library_notes_did_load.connect(self._library_loaded)
        document.library_did_change.connect(self._library_changed)
        document.selection_did_change.connect(lambda _has: self._update_buttons())

    # -- data -------------------------------------------------------------------------------------

    def _article_opened(self, opened: OpenedArticle) -> None:
        self._set_article_notes(opened.notes)

    def _set_article_notes(self, notes: tuple[Annotation, ...]) -> None:
        current = self.document.current
        article = current.article if current is not None else None
        self._article_rows = [
            NoteRow(n, article.title, article.source, article.published)
            if article is not None
            else NoteRow(n)
            for n in notes
        ]
        if self.scope.currentIndex() == THIS_ARTICLE and self.isVisible():
            self._fill_choices()
            self._refilter()

    def showEvent(self, event: object) -> None:
        """A hidden panel skips refreshes; catch up when it is shown."""
        super().showEvent(event)  # type: ignore[arg-type]
        if self.scope.currentIndex() == LIBRARY and self._library_rows is None:
            self.document.notes.load_library()
        self._fill_choices()
        self._refilter()

    def _library_loaded(self, rows: list[NoteRow]) -> None:
        self._library_rows = rows
        if self.scope.currentIndex() == LIBRARY:
            self._fill_choices()
            self._refilter()

    def _library_changed(self, changes: Changes) -> None:
        if not (changes.annotations or changes.removed):
            return
        self._library_rows = None
        if self.scope.currentIndex() == LIBRARY and self.isVisible():
            self.document.notes.load_library()

    def _scope_changed(self, scope: int) -> None:
        if scope == LIBRARY and self._library_rows is None:
            self.document.notes.load_library()
        self.source.setVisible(scope == LIBRARY)
        self._fill_choices()
        self._refilter()

    def show_library(self, library: bool = True) -> None:
        self.scope.setCurrentIndex(LIBRARY if library else THIS_ARTICLE)

    def rows(self) -> list[NoteRow]:
        if self.scope.currentIndex() == LIBRARY:
            return list(self._library_rows or [])
        return list(self._article_rows)

    # -- filters ----------------------------------------------------------------------------------

    def _fill_colours(self) -> None:
        chosen = self.colour.currentData()
        self.colour.blockSignals(True)
        self.colour.clear()
        self.colour.addItem("All colours", ANY)
        for colour in COLORS:
            self.colour.addItem(colour_icon(self.theme, colour), COLOUR_NAMES[colour], colour)
        self.colour.setCurrentIndex(max(0, self.colour.findData(chosen)))
        self.colour.blockSignals(False)

    def _fill_choices(self) -> None:
        rows = self.rows()
        tags = sorted({t for r in rows for t in r.annotation.tags}, key=str.casefold)
        sources = sorted({r.source for r in rows if r.source}, key=str.casefold)
        for box, everything, values in (
            (self.tag, "All tags", tags),
            (self.source, "All outlets", sources),
        ):
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, ANY)
            for value in values:
                box.addItem(f"#{value}" if box is self.tag else value, value)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.setEnabled(bool(values))
            box.blockSignals(False)

    def _refilter(self) -> None:
        library = self.scope.currentIndex() == LIBRARY
        if library and self._library_rows is None:
            self.model.set_cards([])
            self.summary.setText("Loading notes…")
            return
        rows = [
            r
            for r in self.rows()
            if note_matches(
                r,
                colour=self.colour.currentData() or ANY,
                tag=self.tag.currentData() or ANY,
                source=(self.source.currentData() or ANY) if library else ANY,
                text=self.text.text().strip(),
            )
        ]
        placed = [r for r in rows if not r.annotation.orphan]
        orphans = [r for r in rows if r.annotation.orphan]
        placed.sort(
            key=lambda r: (
                (r.source or "").casefold() if library else "",
                r.annotation.article_id,
                r.annotation.start,
            )
        )
        cards = [self._card(r, library) for r in placed]
        if orphans:
            cards.append(
                Card(
                    f"Passage not found ({len(orphans)}) — the article's text changed",
                    header=True,
                )
            )
            cards += [self._card(r, library) for r in orphans]
        self.model.set_cards(cards)
        total = len(self.rows())
        if not total:
            self.summary.setText(
                "No notes yet. Select a passage and press H to highlight, N to add a note, "
                "Ctrl+D to bookmark."
                if not library
                else "No notes in the library yet."
            )
        else:
            shown = len(rows)
            noun = "note" if total == 1 else "notes"
            self.summary.setText(
                f"{total} {noun}" if shown == total else f"{shown} of {total} {noun} shown"
            )
        self._update_buttons()

    def _card(self, row: NoteRow, library: bool) -> Card:
        note = row.annotation
        if note.kind == "bookmark" and note.start == note.end:
            text = "Reading position"
        else:
            text = f"“{note.exact}”"
        detail_parts = [note.note] if note.note else []
        if note.tags:
            detail_parts.append(" ".join(f"#{t}" for t in note.tags))
        kind = "Bookmark" if note.kind == "bookmark" else COLOUR_NAMES.get(note.color, "")
        meta_parts = [row.source or "", display_date(row.published)] if library else [kind]
        if library and row.title:
            meta_parts.append(row.title)
        if not note.article_id:
            meta_parts = ["Its article was deleted"]
        return Card(
            text,
            meta=" · ".join(p for p in meta_parts if p),
            detail="\n".join(detail_parts),
            colour=self.theme.note_mark(note.color),
            tooltip=row.title,
            payload=row,
            italic=note.orphan,
        )

    # -- actions ----------------------------------------------------------------------------------

    def selected_row(self) -> NoteRow | None:
        card = self.model.card(self.list.currentIndex().row())
        return card.payload if card is not None and not card.header else None

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.delete_button.setEnabled(row is not None)
        orphan = row is not None and row.annotation.orphan and bool(row.annotation.article_id)
        self.reattach_button.setVisible(orphan)
        selection = self.document.selection
        self.reattach_button.setEnabled(
            orphan
            and row is not None
            and selection is not None
            and selection[0] == row.annotation.article_id
        )

    def _activated(self, index: QModelIndex) -> None:
        card = self.model.card(index.row())
        if card is None or card.header:
            return
        note = card.payload.annotation
        if note.orphan:
            if note.article_id and note.article_id != self.document.current_id:
                self.document.open_article(note.article_id)
        else:
            self.document.show_passage(note.article_id, note.start, note.end)

    def reattach_selected(self) -> None:
        row, selection = self.selected_row(), self.document.selection
        if row is None or selection is None or selection[0] != row.annotation.article_id:
            return
        self.document.notes.reattach(row.annotation, selection[1], selection[2])

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.document.notes.delete(row.annotation)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        card_delegate(self.list).set_theme(theme)
        self._fill_colours()
        self._refilter()
