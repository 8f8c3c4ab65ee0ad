"""Who quotes whom: a heat map of speakers (rows) by outlets (columns), counts in the cells.

A cell's shade grows with how often that outlet quotes that speaker; clicking it asks for the
outlet's articles quoting the speaker.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from summitreader.coverage import SpeakerGrid
from summitreader.ui.chart_base import ChartWidget, mix, text_on

ROW_HEIGHT = 26
HEADER_HEIGHT = 38
MIN_CELL = 58
MAX_CELL = 120


class SpeakerGridChart(ChartWidget):
    """Heat map of quotes per speaker and outlet.

    Signals:
        cell_clicked(str, str): the speaker and the outlet of the clicked cell.
    """

    cell_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Who quotes whom")
        self.grid = SpeakerGrid([], [], [])
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_grid(self, grid: SpeakerGrid) -> None:
        self.grid = grid
        self.refit()

    def preferred_height(self, width: int) -> int:
        return 44 + HEADER_HEIGHT + ROW_HEIGHT * max(1, len(self.grid.speakers)) + 24

    def _label_width(self) -> float:
        self.ensurePolished()
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(s) for s in self.grid.speakers), default=80)
        return min(240.0, widest + 24.0)

    def _cell_width(self, width: int) -> float:
        columns = max(1, len(self.grid.outlets))
        room = (width - 32 - self._label_width()) / columns
        return max(float(MIN_CELL), min(float(MAX_CELL), room))

    def cell_rect(self, row: int, column: int, width: int | None = None) -> QRectF:
        """Where the cell of speaker `row` and outlet `column` is drawn."""
        width = self.width() if width is None else width
        cell = self._cell_width(width)
        left = 16 + self._label_width() + column * cell
        top = 44 + HEADER_HEIGHT + row * ROW_HEIGHT
        return QRectF(left, top, cell, ROW_HEIGHT)

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        for row in range(len(self.grid.speakers)):
            for column in range(len(self.grid.outlets)):
                if self.cell_rect(row, column).contains(point):
                    return row, column
        return None

    def paint_chart(self, painter: QPainter, width: int, height: int) -> None:
        theme = self.theme
        grid = self.grid
        self.paint_background(
            painter, width, height, "Who quotes whom — quotes per speaker and outlet"
        )
        small = self.chart_font(0.85)
        painter.setFont(small)
        if not grid.speakers:
            painter.setPen(QColor(theme.muted))
            painter.drawText(
                QRectF(16, 44, width - 32, height - 60),
                int(Qt.AlignmentFlag.AlignCenter),
                "No attributed quotes",
            )
            return
        highest = max((max(row) for row in grid.counts if row), default=0) or 1
        paper, heat = QColor(theme.paper), QColor(theme.heat)
        label_width = self._label_width()
        metrics = painter.fontMetrics()
        for column, outlet in enumerate(grid.outlets):
            rect = self.cell_rect(0, column, width)
            header = QRectF(rect.left() + 2, 44, rect.width() - 4, HEADER_HEIGHT - 4)
            painter.setPen(QColor(theme.muted))
            painter.drawText(
                header,
                int(
                    Qt.AlignmentFlag.AlignHCenter
                    | Qt.AlignmentFlag.AlignBottom
                    | Qt.TextFlag.TextWordWrap
                ),
                outlet,
            )
        for row, speaker in enumerate(grid.speakers):
            rect = self.cell_rect(row, 0, width)
            painter.setPen(QColor(theme.text))
            painter.drawText(
                QRectF(16, rect.top(), label_width - 8, ROW_HEIGHT),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(speaker, Qt.TextElideMode.ElideRight, int(label_width - 8)),
            )
            for column in range(len(grid.outlets)):
                count = grid.counts[row][column]
                cell = self.cell_rect(row, column, width).adjusted(1, 1, -1, -1)
                fill = mix(paper, heat, 0.18 + 0.82 * count / highest) if count else paper
                painter.fillRect(cell, fill)
                painter.setPen(QPen(QColor(theme.rule), 1))
                painter.drawRect(cell)
                if count:
                    painter.setPen(text_on(fill, theme))
                    painter.drawText(cell, int(Qt.AlignmentFlag.AlignCenter), str(count))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.cell_at(event.position())
        if found is None:
            QToolTip.hideText()
            return
        row, column = found
        count = self.grid.counts[row][column]
        QToolTip.showText(
            event.globalPosition().toPoint(),
            f"{self.grid.outlets[column]} quotes {self.grid.speakers[row]} "
            f"{count} time{'s' if count != 1 else ''} — click to list the articles",
            self,
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self.cell_at(event.position())
        if found is not None and event.button() == Qt.MouseButton.LeftButton:
            row, column = found
            self.cell_clicked.emit(self.grid.speakers[row], self.grid.outlets[column])
            event.accept()
            return
        super().mousePressEvent(event)
