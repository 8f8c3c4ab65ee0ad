"""The reading pane: layer toggles and legend above the article, find bar and hit count below.

It also turns what the reader does to a passage (H, N, Ctrl+D, the context menu, a click on a
highlight) into calls on the DocumentModel's annotation service, and hosts the note editor.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QCursor, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from summitreader.annotate.model import COLORS, Annotation
from summitreader.ui.annotation_editor import COLOUR_NAMES, AnnotationEditor, colour_icon
from summitreader.ui.document_model import DocumentModel, OpenedArticle
from summitreader.ui.reader_view import ReaderView
from summitreader.ui.theme import ENTITY_TYPE_NAMES, LIGHT, Theme


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
    """Holds the ReaderView with its toolbar (toggles, legend, hits), the find bar and the note
    editor.

    Signals:
        status_message(str): a short message for the status bar ("Select a passage first").
    """

    status_message = Signal(str)

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
        self.editor = AnnotationEditor(self)
        self.editor.hide()
        self.last_colour = COLORS[0]
        self._note_wanted = False
        self.view.menu_extender = self._extend_menu
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
        document.notes_did_change.connect(self.view.set_notes)
        document.passage_did_flash.connect(self.view.flash_passage)
        document.notes.note_did_create.connect(self._note_created)
        self.view.passage_did_select.connect(self._passage_selected)
        self.view.note_clicked.connect(self._note_clicked)
        self.editor.colour_chosen.connect(self._recolour)
        self.editor.body_edited.connect(self._edit_body)
        self.editor.delete_requested.connect(self._delete)

    # -- annotating -------------------------------------------------------------------------------

    def _passage_selected(self, start: int, end: int) -> None:
        self.document.set_selection((start, end) if start >= 0 else None)

    def _article_id(self) -> int | None:
        opened = self.view.opened
        return opened.article.id if opened is not None else None

    def highlight_selection(self, colour: str | None = None) -> bool:
        """H: highlight the selected passage (in the last colour used, or `colour`)."""
        article_id, span = self._article_id(), self.view.selected_span()
        if article_id is None or span is None or not self._has_text(span):
            self.status_message.emit("Select a passage to highlight first")
            return False
        self.last_colour = colour or self.last_colour
        self.document.notes.highlight(article_id, *span, color=self.last_colour)
        self._clear_selection()
        return True

    def note_selection(self) -> None:
        """N: a note on the selection (highlighting it first) or on the highlight under it."""
        span = self.view.selected_span()
        if span is not None:
            existing = self._note_covering(span)
            if existing is not None:
                self.edit_note(existing)
                return
            self._note_wanted = self.highlight_selection()
            return
        self.status_message.emit("Select a passage, or click a highlight, to add a note")

    def bookmark(self) -> None:
        """Ctrl+D: bookmark the selected passage, or the reading position when none is."""
        article_id = self._article_id()
        if article_id is None:
            return
        span = self.view.selected_span()
        if span is None or not self._has_text(span):
            offset = self.view.reading_offset()
            span = (offset, offset)
        self.document.notes.highlight(article_id, *span, kind="bookmark", color=self.last_colour)
        self._clear_selection()
        self.status_message.emit(
            "Bookmarked the reading position" if span[0] == span[1] else "Bookmarked the passage"
        )

    def edit_note(self, annotation: Annotation, at: QPoint | None = None) -> None:
        if at is None:
            rect = self.view.cursorRect(self.view.textCursor())
            at = self.view.viewport().mapToGlobal(rect.bottomLeft())
        self.editor.set_theme(self.theme)
        self.editor.edit(annotation, at, focus_note=True)

    def _has_text(self, span: tuple[int, int]) -> bool:
        opened = self.view.opened
        return opened is not None and bool(opened.article.text[span[0] : span[1]].strip())

    def _clear_selection(self) -> None:
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.document.set_selection(None)

    def _note_covering(self, span: tuple[int, int]) -> Annotation | None:
        found = self.view.notes_at(span[0])
        return next((n for n in found if n.start <= span[0] and span[1] <= n.end), None)

    def _note_created(self, annotation: Annotation) -> None:
        if self._note_wanted and annotation.article_id == self._article_id():
            self._note_wanted = False
            self.edit_note(annotation)

    def _find_note(self, note_id: str) -> Annotation | None:
        return next((n for n in self.view.layers.notes if n.id == note_id), None)

    def _note_clicked(self, note_id: str, at: QPoint) -> None:
        note = self._find_note(note_id)
        if note is not None:
            self.edit_note(note, at)

    def _recolour(self, note_id: str, colour: str) -> None:
        note = self._find_note(note_id)
        if note is not None:
            self.last_colour = colour
            self.document.notes.edit(note, color=colour)

    def _edit_body(self, note_id: str, text: str, tags: object) -> None:
        note = self._find_note(note_id)
        if note is not None and isinstance(tags, tuple):
            self.document.notes.edit(note, note=text, tags=tags)

    def _delete(self, note_id: str) -> None:
        note = self._find_note(note_id)
        if note is not None:
            self.document.notes.delete(note)
            self.status_message.emit("Deleted — Ctrl+Z brings it back")

    def _extend_menu(self, menu: QMenu, offset: int | None) -> None:
        """The context menu: highlight in a colour, note, bookmark; edit what is under it."""
        menu.addSeparator()
        has_selection = self.view.selected_span() is not None
        colours = menu.addMenu("&Highlight")
        colours.setEnabled(has_selection)
        for colour in COLORS:
            action = colours.addAction(colour_icon(self.theme, colour), COLOUR_NAMES[colour])
            action.setData(colour)
        colours.triggered.connect(lambda action: self.highlight_selection(str(action.data())))
        note_action = menu.addAction("Add &Note…")
        note_action.setEnabled(has_selection)
        note_action.triggered.connect(self.note_selection)
        mark = menu.addAction("&Bookmark Passage" if has_selection else "&Bookmark This Place")
        mark.triggered.connect(self.bookmark)
        under = self.view.notes_at(offset) if offset is not None else []
        if under:
            note = under[0]
            menu.addSeparator()
            edit = menu.addAction("&Edit Note…" if note.note else "Add Note to Highlight…")
            edit.triggered.connect(lambda: self.edit_note(note, QCursor.pos()))
            recolour = menu.addMenu("Re&colour")
            for colour in COLORS:
                action = recolour.addAction(colour_icon(self.theme, colour), COLOUR_NAMES[colour])
                action.setData(colour)
                action.setCheckable(True)
                action.setChecked(colour == note.color)
            recolour.triggered.connect(
                lambda action: self.document.notes.edit(note, color=str(action.data()))
            )
            remove = menu.addAction("&Delete Highlight")
            remove.triggered.connect(lambda: self.document.notes.delete(note))

    def _article_opened(self, opened: OpenedArticle) -> None:
        self.editor.finish()
        self.view.show_article(opened)
        self._update_legend()

    def _article_closed(self) -> None:
        self.editor.finish(save=False)
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
        """The entity types present, each in its underline colour (speakers are in the margin
        and the Speakers panel)."""
        page = self.view.page
        if page is None or page.analysis is None or not self.view.layers.show_entities:
            self.legend.clear()
            return
        types = sorted({e.type for e in page.analysis.entities}, key=_legend_order)
        self.legend.setText(
            "&nbsp;&nbsp; ".join(
                f'<span style="color:{self.theme.entity_colour(t).name()};">━</span>&nbsp;'
                f"{ENTITY_TYPE_NAMES.get(t, t)}"
                for t in types
            )
        )


def _legend_order(entity_type: str) -> int:
    order = list(ENTITY_TYPE_NAMES)
    return order.index(entity_type) if entity_type in order else len(order)
