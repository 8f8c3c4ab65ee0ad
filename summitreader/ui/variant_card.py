"""One outlet's wording of a remark, as a card: outlet, date, what kind of cut, the marked text.

The words that differ from the remark's reference wording are shaded and underlined, so a
reader sees at a glance what one outlet changed; the HTML is built here from plain words
(escaped), never taken from an article.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from summitreader.coverage import classify_variant, diff_against
from summitreader.ui.reader_document import display_date
from summitreader.ui.theme import LIGHT, Theme

CARD_WIDTH = 270

KIND_LABELS = {
    "full": "Full",
    "trimmed": "Trimmed",
    "fragment": "Fragment",
    "paraphrased": "Paraphrased",
}
KIND_TIPS = {
    "full": "The whole remark, as the reference has it (or more)",
    "trimmed": "The remark cut down: every word is in the reference",
    "fragment": "A few of the remark's words quoted inside the writer's own sentence",
    "paraphrased": "Reworded: the words differ from the reference",
}
# Badge colour slot in the theme's quote marks, chosen to read as go / cut / partial / changed.
KIND_SLOTS = {"full": 1, "trimmed": 2, "fragment": 4, "paraphrased": 0}


def marked_html(words: list[tuple[str, bool]], theme: Theme) -> str:
    """The words as rich text, those flagged as differing shaded and underlined."""
    parts = []
    for word, differs in words:
        text = escape(word)
        if differs:
            text = (
                f'<span style="background-color:{theme.diff_fill};'
                f' text-decoration:underline;">{text}</span>'
            )
        parts.append(text)
    return f'<span style="color:{theme.text};">“{" ".join(parts)}”</span>'


def differing_words(representative: str, variant: str) -> list[str]:
    return [word for word, differs in diff_against(representative, variant) if differs]


class VariantCard(QFrame):
    """A member of a remark group, side by side with the others.

    Signals:
        open_requested(int, int, int): article id, start, end of the quote to read in context.
    """

    open_requested = Signal(int, int, int)

    def __init__(
        self, member: Any, representative: str, theme: Theme = LIGHT, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.member = member
        self.kind = classify_variant(member, representative)
        self.words = diff_against(representative, member.text)
        self.setObjectName("variantCard")
        self.setFixedWidth(CARD_WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        outlet = member.source or "Unknown outlet"
        self.setAccessibleName(f"{outlet}, {KIND_LABELS[self.kind]}")
        self.setToolTip(member.title)
        self.outlet = QLabel(outlet)
        self.outlet.setObjectName("variantOutlet")
        self.date = QLabel(display_date(member.published) or "No date")
        self.date.setObjectName("panelHint")
        self.badge = QLabel(KIND_LABELS[self.kind])
        self.badge.setObjectName("variantBadge")
        self.badge.setToolTip(KIND_TIPS[self.kind])
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setObjectName("variantText")
        changed = sum(1 for _w, differs in self.words if differs)
        self.changes = QLabel(
            "Same words as the reference"
            if not changed
            else f"{changed} word{'s' if changed != 1 else ''} added or changed"
        )
        self.changes.setObjectName("panelHint")
        self.read = QPushButton("Read in article")
        self.read.setObjectName("flatButton")
        self.read.setAccessibleName(f"Read {outlet}'s article at this quote")
        self.read.setCursor(Qt.CursorShape.PointingHandCursor)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.outlet, 1)
        top.addWidget(self.badge)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.date)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.changes)
        layout.addWidget(self.read, 0, Qt.AlignmentFlag.AlignLeft)
        self.read.clicked.connect(self.request_open)
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self.text.setText(marked_html(self.words, theme))
        colour = theme.quote_marks[KIND_SLOTS[self.kind]]
        self.badge.setStyleSheet(
            f"color: {colour}; border: 1px solid {colour}; border-radius: 8px;"
            " padding: 0 6px; font-weight: bold;"
        )

    def request_open(self) -> None:
        m = self.member
        self.open_requested.emit(m.article_id, m.start, m.end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.request_open()
        event.accept()
