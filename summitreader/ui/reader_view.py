"""The reading surface: an article set like a news page, with quotes, names and hits on top.

Keeps a ~70-character measure whatever the window width, remembers where the reader was in
each article, and draws a quiet mark in the left margin beside every attributed quote with the
speaker's name, so who is talking is visible without hovering.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPolygon,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QMenu, QTextBrowser, QToolTip, QWidget

from summitreader.annotate.model import Annotation
from summitreader.ui.document_model import OpenedArticle
from summitreader.ui.reader_document import (
    ArticleDocument,
    ReaderLayers,
    quote_tooltip,
)
from summitreader.ui.reader_document import entity_tooltip as describe_entity
from summitreader.ui.theme import LIGHT, SANS_FAMILIES, SERIF_FAMILIES, Theme, pick_family

MEASURE_CHARACTERS = 68
DEFAULT_POINT_SIZE = 12.5
MIN_POINT_SIZE = 8.0
MAX_POINT_SIZE = 28.0
MARGIN_BAR_GAP = 14
MIN_GUTTER = 34.0
MIN_LABEL_MARGIN = 110
FLASH_MS = 1400
GLYPH_GAP = 12
GLYPH_SIZE = 14

MenuExtender = Callable[[QMenu, int | None], None]

Span = tuple[int, int]


class ReaderView(QTextBrowser):
    """Shows one `OpenedArticle`.

    Signals:
        hit_did_change(int, int): current hit number (0-based, -1 for none) and the hit count.
        zoom_did_change(float): the body text size in points.
        passage_did_select(int, int): the selected span in code points ((-1, -1): none).
        note_clicked(str, QPoint): an annotation's id and the global point it was clicked at.
    """

    hit_did_change = Signal(int, int)
    zoom_did_change = Signal(float)
    passage_did_select = Signal(int, int)
    note_clicked = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("reader")
        self.setAccessibleName("Article text")
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.theme: Theme = LIGHT
        self.serif = pick_family(SERIF_FAMILIES)
        self.sans = pick_family(SANS_FAMILIES)
        self.point_size = DEFAULT_POINT_SIZE
        self.layers = ReaderLayers()
        self.opened: OpenedArticle | None = None
        self.page: ArticleDocument | None = None
        self._positions: dict[int, int] = {}
        self._measure_margin = -1.0
        self._glyphs: list[tuple[QRect, str]] = []
        self._flash: tuple[Span, ...] = ()
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
        self.menu_extender: MenuExtender | None = None
        self.selectionChanged.connect(self._selection_changed)

    # -- showing an article ---------------------------------------------------------------------

    def show_article(self, opened: OpenedArticle) -> None:
        """Lay out the article; scroll to its focus, its first hit, or where the reader left it."""
        self.remember_position()
        self.opened = opened
        self.layers.hits = opened.hits
        self.layers.current_hit = 0 if opened.hits else None
        self.layers.focus = ()
        self.layers.notes = opened.notes
        self._rebuild()
        if opened.flash is not None:
            self.flash_passage(*opened.flash)
        elif opened.focus is not None:
            self.scroll_to_offset(opened.focus)
        elif opened.hits:
            self.scroll_to_offset(opened.hits[0][0])
        else:
            self.verticalScrollBar().setValue(self._positions.get(opened.article.id, 0))
        self.hit_did_change.emit(
            self.layers.current_hit or 0 if opened.hits else -1, len(opened.hits)
        )

    def clear_article(self) -> None:
        self.remember_position()
        self.opened = None
        self.page = None
        self.setDocument(QTextDocument(self))
        self.hit_did_change.emit(-1, 0)

    def remember_position(self) -> None:
        if self.opened is not None:
            self._positions[self.opened.article.id] = self.verticalScrollBar().value()

    def position_of(self, article_id: int) -> int | None:
        return self._positions.get(article_id)

    def _rebuild(self) -> None:
        if self.opened is None:
            return
        scroll = self.verticalScrollBar()
        fraction = scroll.value() / max(1, scroll.maximum())
        self.page = ArticleDocument(
            self.opened.article,
            self.opened.analysis,
            self.theme,
            serif=self.serif,
            sans=self.sans,
            point_size=self.point_size,
        )
        self.page.apply_layers(self.layers)
        self.page.document.setParent(self)
        self.setDocument(self.page.document)  # the view deletes the previous page it owned
        self._measure_margin = -1.0
        self._apply_measure()
        scroll.setValue(round(fraction * scroll.maximum()))

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._rebuild()

    def set_layers(
        self, *, show_quotes: bool | None = None, show_entities: bool | None = None
    ) -> None:
        if show_quotes is not None:
            self.layers.show_quotes = show_quotes
        if show_entities is not None:
            self.layers.show_entities = show_entities
        self._repaint_layers()

    def set_focus_spans(self, spans: Sequence[Span]) -> None:
        """Highlight one entity's mentions and bring the first into view."""
        self.layers.focus = tuple(spans)
        self._repaint_layers()
        if spans:
            self.scroll_to_offset(min(s[0] for s in spans))

    def set_notes(self, notes: Sequence[Annotation]) -> None:
        """Repaint the annotations (the open article's, after a change)."""
        self.layers.notes = tuple(notes)
        self._repaint_layers()

    def flash_passage(self, start: int, end: int) -> None:
        """Bring a passage to the upper third of the view and tint it for a moment."""
        self.scroll_to_offset(start)
        self._flash = ((start, max(end, start + 1)),)
        self.layers.focus = self._flash
        self._repaint_layers()
        self._flash_timer.start()

    def _end_flash(self) -> None:
        if self.layers.focus == self._flash:
            self.layers.focus = ()
            self._repaint_layers()
        self._flash = ()

    def _repaint_layers(self) -> None:
        if self.page is not None:
            self.page.apply_layers(self.layers)
            self.viewport().update()

    # -- hits -----------------------------------------------------------------------------------

    def hit_count(self) -> int:
        return len(self.layers.hits)

    def next_hit(self, step: int = 1) -> None:
        """Move to the next (or, with step -1, previous) search hit, wrapping round."""
        count = len(self.layers.hits)
        if not count:
            return
        current = self.layers.current_hit
        self.layers.current_hit = 0 if current is None else (current + step) % count
        self._repaint_layers()
        self.scroll_to_offset(self.layers.hits[self.layers.current_hit][0])
        self.hit_did_change.emit(self.layers.current_hit, count)

    # -- finding --------------------------------------------------------------------------------

    def find_text(self, text: str, *, backward: bool = False) -> bool:
        """Find `text` in the article from the cursor, wrapping round; selects the match."""
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        document = self.document()
        found = document.find(text, self.textCursor(), flags)
        if found.isNull():
            start = QTextCursor(document)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(text, start, flags)
        if found.isNull():
            return False
        self.setTextCursor(found)
        self.ensureCursorVisible()
        return True

    # -- selection and annotations ---------------------------------------------------------------

    def selected_span(self) -> Span | None:
        """The selected passage of the body in code points, or None."""
        cursor = self.textCursor()
        if self.page is None or not cursor.hasSelection():
            return None
        offsets = self.page.offsets
        start = max(cursor.selectionStart(), offsets.body_start)
        end = min(cursor.selectionEnd(), offsets.body_end)
        if end <= start:
            return None
        span = offsets.to_text(start), offsets.to_text(end)
        return span if span[0] < span[1] else None

    def select_span(self, start: int, end: int) -> None:
        """Select a code-point span of the article's text (tests, re-attaching, keyboard)."""
        if self.page is None:
            return
        doc_start, doc_end = self.page.offsets.span_to_document(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(doc_start)
        cursor.setPosition(doc_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _selection_changed(self) -> None:
        span = self.selected_span()
        self.passage_did_select.emit(*(span or (-1, -1)))

    def reading_offset(self) -> int:
        """The code-point offset of the first line in view: where a reading bookmark goes."""
        if self.page is None:
            return 0
        cursor = self.cursorForPosition(QPoint(self.viewport().width() // 2, 4))
        position = max(cursor.position(), self.page.offsets.body_start)
        return self.page.offsets.to_text(position)

    def notes_at(self, offset: int) -> list[Annotation]:
        if self.page is None:
            return []
        return self.page.notes_at(self.layers.notes, offset)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        point = event.position().toPoint()
        note_id = self._glyph_at(point)
        if note_id is None:
            offset = self.text_offset_at(point)
            found = self.notes_at(offset) if offset is not None else []
            note_id = found[0].id if found else None
        if note_id is not None:
            self.note_clicked.emit(note_id, event.globalPosition().toPoint())

    def _glyph_at(self, point: QPoint) -> str | None:
        return next((note_id for rect, note_id in self._glyphs if rect.contains(point)), None)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.menu_extender is not None:
            self.menu_extender(menu, self.text_offset_at(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- scrolling and zoom ---------------------------------------------------------------------

    def scroll_to_offset(self, offset: int) -> None:
        """Bring a code-point offset of the article's text to the upper third of the view."""
        if self.page is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.page.offsets.to_document(offset))
        rect = self.cursorRect(cursor)
        scroll = self.verticalScrollBar()
        target = scroll.value() + rect.top() - self.viewport().height() // 3
        scroll.setValue(max(0, target))

    def zoom(self, step: int) -> None:
        """Step the body size up or down; 0 goes back to the default size."""
        factor = 1.1 if step > 0 else 1 / 1.1
        size = DEFAULT_POINT_SIZE if step == 0 else self.point_size * factor
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        if abs(size - self.point_size) < 0.01:
            return
        self.point_size = size
        self._rebuild()
        self.zoom_did_change.emit(size)

    def set_point_size(self, size: float) -> None:
        self.point_size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        self._rebuild()

    def _apply_measure(self) -> None:
        """Centre a ~70-character column; wide windows get wide margins, not long lines."""
        if self.page is None:
            return
        body = QFont(self.serif)
        body.setPointSizeF(self.point_size)
        measure = QFontMetricsF(body).averageCharWidth() * MEASURE_CHARACTERS
        margin = max(MIN_GUTTER, (self.viewport().width() - measure) / 2)
        if abs(margin - self._measure_margin) < 1:
            return
        self._measure_margin = margin
        frame = self.page.document.rootFrame()
        fmt = frame.frameFormat()
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_measure()

    # -- tooltips and margin marks --------------------------------------------------------------

    def text_offset_at(self, point: QPoint) -> int | None:
        """The code-point offset of the character under a viewport point, if in the body."""
        if self.page is None:
            return None
        position = self.cursorForPosition(point).position()
        if position < self.page.offsets.body_start:
            return None
        return self.page.offsets.to_text(position)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _tooltip_at(self, point: QPoint) -> str:
        offset = self.text_offset_at(point)
        if offset is None or self.page is None:
            glyph = self._glyph_at(point)
            note = next((n for n in self.layers.notes if n.id == glyph), None)
            return (note.note or "Bookmark") if note is not None else ""
        lines = []
        glyph = self._glyph_at(point)
        notes = [n for n in self.layers.notes if n.id == glyph] or self.notes_at(offset)
        for note in notes[:1]:
            what = "Bookmark" if note.kind == "bookmark" else "Highlight"
            body = note.note or "click to add a note, recolour or delete"
            tags = "  " + " ".join(f"#{t}" for t in note.tags) if note.tags else ""
            lines.append(f"{what}: {body}{tags}")
        if self.layers.show_quotes:
            lines += [quote_tooltip(q) for q in self.page.quotes_at(offset)]
        if self.layers.show_entities:
            lines += [describe_entity(e) for e in self.page.entities_at(offset)]
        return "\n".join(lines)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.page is None:
            return
        painter = QPainter(self.viewport())
        try:
            if self.page.analysis is not None and self.layers.show_quotes:
                self._paint_speaker_marks(painter)
            self._paint_note_glyphs(painter)
        finally:
            painter.end()

    def _paint_note_glyphs(self, painter: QPainter) -> None:
        """A note bubble or a bookmark ribbon in the right margin beside each annotation."""
        self._glyphs = []
        if self.page is None or self._measure_margin < GLYPH_GAP + GLYPH_SIZE:
            return
        x = int(self.viewport().width() - self._measure_margin + GLYPH_GAP)
        height = self.viewport().height()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        last_bottom = -GLYPH_SIZE
        marked = [n for n in self.layers.notes if not n.orphan and not n.deleted]
        for note in sorted(marked, key=lambda n: n.start):
            if note.kind == "highlight" and not note.note:
                continue
            top = self._offset_rect(note.start).top() + 3
            top = max(top, last_bottom + 3)
            if top > height or top + GLYPH_SIZE < 0:
                continue
            rect = QRect(x, top, GLYPH_SIZE, GLYPH_SIZE)
            colour = self.theme.note_mark(note.color)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            if note.kind == "bookmark":
                w, h = rect.width() - 4, rect.height()
                left, y = rect.left() + 2, rect.top()
                painter.drawPolygon(
                    QPolygon(
                        [
                            QPoint(left, y),
                            QPoint(left + w, y),
                            QPoint(left + w, y + h),
                            QPoint(left + w // 2, y + h - 4),
                            QPoint(left, y + h),
                        ]
                    )
                )
            else:
                bubble = rect.adjusted(0, 0, 0, -4)
                painter.drawRoundedRect(bubble, 3, 3)
                tail = QPolygon(
                    [
                        QPoint(bubble.left() + 3, bubble.bottom()),
                        QPoint(bubble.left() + 8, bubble.bottom()),
                        QPoint(bubble.left() + 3, rect.bottom()),
                    ]
                )
                painter.drawPolygon(tail)
                painter.setPen(self.palette().base().color())
                for line in (4, 7):
                    y = bubble.top() + line
                    painter.drawLine(QPointF(bubble.left() + 3, y), QPointF(bubble.right() - 3, y))
            self._glyphs.append((rect.adjusted(-3, -3, 3, 3), note.id))
            last_bottom = rect.bottom()

    def glyph_rects(self) -> list[tuple[QRect, str]]:
        """Where the margin glyphs were last drawn (viewport coordinates) and whose they are."""
        return list(self._glyphs)

    def _paint_speaker_marks(self, painter: QPainter) -> None:
        page = self.page
        assert page is not None and page.analysis is not None
        cursor = QTextCursor(self.document())
        cursor.setPosition(page.offsets.body_start)
        left = self.cursorRect(cursor).left()
        bar_x = int(left - MARGIN_BAR_GAP)
        if bar_x < 4:
            return
        label_font = QFont(self.sans)
        label_font.setPointSizeF(max(7.5, self.point_size * 0.7))
        painter.setFont(label_font)
        metrics = painter.fontMetrics()
        label_width = bar_x - 12
        show_labels = left >= MIN_LABEL_MARGIN
        height = self.viewport().height()
        last_label_bottom = -1
        previous_speaker = None
        for quote in sorted(page.analysis.quotes, key=lambda q: q.start):
            if quote.kind == "scare":
                continue
            top = self._offset_rect(quote.start)
            bottom = self._offset_rect(quote.end)
            if bottom.bottom() < 0 or top.top() > height:
                previous_speaker = quote.speaker
                continue
            slot = page.slots.get(quote.speaker) if quote.speaker else None
            colour = self.theme.quote_mark(slot)
            painter.fillRect(
                QRect(bar_x, top.top() + 2, 3, bottom.bottom() - top.top() - 4), colour
            )
            new_speaker = quote.speaker != previous_speaker or top.top() > last_label_bottom + 80
            if show_labels and quote.speaker and new_speaker and top.top() > last_label_bottom:
                text = metrics.elidedText(quote.speaker, Qt.TextElideMode.ElideRight, label_width)
                painter.setPen(colour)
                rect = QRect(4, top.top(), label_width, metrics.height())
                painter.drawText(
                    rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, text
                )
                last_label_bottom = rect.bottom()
            previous_speaker = quote.speaker

    def _offset_rect(self, offset: int) -> QRect:
        assert self.page is not None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.page.offsets.to_document(offset))
        return self.cursorRect(cursor)
