"""The small editor that opens on a highlight: its passage, colour, note and tags, and Delete.

It floats over the reader (a child widget, not a window of its own). A colour click recolours at
once; the note and tags are saved when the editor closes (Done, Ctrl+Enter, Enter in the tags, or
opening another article); Esc closes without saving the text. Everything it changes goes
back out as signals; the reader pane turns them into undoable commands.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from summitreader.annotate.model import COLORS, Annotation
from summitreader.ui.theme import LIGHT, Theme

QUOTE_PREVIEW = 160
COLOUR_NAMES = {c: c.capitalize() for c in COLORS}


def colour_icon(theme: Theme, colour: str, size: int = 16) -> QIcon:
    """A round swatch of an annotation colour (fill with its stronger edge)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(theme.note_mark(colour))
    painter.setBrush(theme.note_fill(colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def tags_text(tags: tuple[str, ...]) -> str:
    return ", ".join(tags)


def parse_tags(text: str) -> tuple[str, ...]:
    """'eu, #water  talks' → ('eu', 'water', 'talks'): commas, spaces and '#' all separate."""
    pieces = text.replace("#", " ").replace(",", " ").split()
    seen: set[str] = set()
    tags = []
    for piece in pieces:
        if piece.casefold() not in seen:
            seen.add(piece.casefold())
            tags.append(piece)
    return tuple(tags)


class AnnotationEditor(QFrame):
    """A popup over one annotation.

    Signals:
        colour_chosen(str, str): annotation id and the new colour.
        body_edited(str, str, object): annotation id, note, tags (a tuple) — sent on close.
        delete_requested(str): annotation id.
    """

    colour_chosen = Signal(str, str)
    body_edited = Signal(str, str, object)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationEditor")
        self.setAccessibleName("Note")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.theme: Theme = LIGHT
        self.annotation: Annotation | None = None
        self.passage = QLabel()
        self.passage.setObjectName("notePassage")
        self.passage.setWordWrap(True)
        self.passage.setTextFormat(Qt.TextFormat.PlainText)
        self.colour_buttons: dict[str, QToolButton] = {}
        swatches = QHBoxLayout()
        swatches.setSpacing(2)
        for colour in COLORS:
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setIconSize(QSize(18, 18))
            button.setToolTip(COLOUR_NAMES[colour])
            button.setAccessibleName(f"{COLOUR_NAMES[colour]} highlight")
            button.setProperty("noteColour", colour)
            button.clicked.connect(self._colour_clicked)
            self.colour_buttons[colour] = button
            swatches.addWidget(button)
        swatches.addStretch(1)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("deleteNote")
        self.delete_button.setAccessibleName("Delete this highlight")
        self.delete_button.setToolTip("Delete (Ctrl+Z undoes it)")
        swatches.addWidget(self.delete_button)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Add a note…")
        self.note.setAccessibleName("Note text")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(88)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("Tags, separated by commas")
        self.tags.setAccessibleName("Tags")
        self.done_button = QPushButton("Done")
        self.done_button.setObjectName("primaryButton")
        self.done_button.setToolTip("Save (Ctrl+Enter)")
        hint = QLabel("Ctrl+Enter saves · Esc discards")
        hint.setObjectName("panelHint")
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(6)
        layout.addWidget(self.passage)
        layout.addLayout(swatches)
        layout.addWidget(self.note)
        layout.addWidget(self.tags)
        layout.addLayout(bottom)
        self.setFixedWidth(340)
        self.delete_button.clicked.connect(self._delete)
        self.done_button.clicked.connect(self.finish)
        self.tags.returnPressed.connect(self.finish)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for colour, button in self.colour_buttons.items():
            button.setIcon(colour_icon(theme, colour, 18))

    def edit(
        self, annotation: Annotation, at: QPoint | None = None, *, focus_note: bool = False
    ) -> None:
        """Show the editor for `annotation` near the global point `at`."""
        if self.annotation is not None and self.annotation.id != annotation.id:
            self.finish()
        self.annotation = annotation
        self.set_theme(self.theme)
        if annotation.exact:
            quote = annotation.exact
            if len(quote) > QUOTE_PREVIEW:
                quote = quote[: QUOTE_PREVIEW - 1].rstrip() + "…"
            self.passage.setText(f"“{quote}”")
        else:
            self.passage.setText("Reading position")
        for colour, button in self.colour_buttons.items():
            button.setChecked(colour == annotation.color)
        self.note.setPlainText(annotation.note)
        self.tags.setText(tags_text(annotation.tags))
        self.adjustSize()
        parent = self.parentWidget()
        if at is not None and parent is not None:
            point = parent.mapFromGlobal(at) + QPoint(8, 12)
            x = max(4, min(point.x(), parent.width() - self.width() - 4))
            y = point.y()
            if y + self.height() > parent.height() - 4:
                y = max(4, point.y() - self.height() - 24)
            self.move(x, y)
        self.show()
        self.raise_()
        self.note.setFocus()
        if not focus_note:
            self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    def _colour_clicked(self) -> None:
        button = self.sender()
        colour = button.property("noteColour") if isinstance(button, QToolButton) else None
        if self.annotation is None or not isinstance(colour, str):
            return
        for name, other in self.colour_buttons.items():
            other.setChecked(name == colour)
        if colour != self.annotation.color:
            self.colour_chosen.emit(self.annotation.id, colour)

    def _delete(self) -> None:
        annotation, self.annotation = self.annotation, None
        if annotation is not None:
            self.delete_requested.emit(annotation.id)
        self.hide()

    def finish(self, *, save: bool = True) -> None:
        """Close the editor, sending the note and tags if they changed (unless `save` is off)."""
        annotation, self.annotation = self.annotation, None
        self.hide()
        if annotation is None or not save:
            return
        note = self.note.toPlainText().strip()
        tags = parse_tags(self.tags.text())
        if note != annotation.note or tags != annotation.tags:
            self.body_edited.emit(annotation.id, note, tags)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish(save=False)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.finish()
            return
        super().keyPressEvent(event)
