"""Coverage over time: articles per day as bars stacked by outlet, with a legend and date axis.

Clicking a bar's segment asks for that day and outlet; the window turns it into a list filter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from summitreader.coverage import CoverageTimeline
from summitreader.ui.chart_base import ChartWidget, nice_step

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PLOT_HEIGHT = 220
LEGEND_WIDTH = 190
AXIS_WIDTH = 44
DATE_AXIS = 40


@dataclass(frozen=True, slots=True)
class BarSegment:
    """One outlet's share of one day's bar, where it is drawn."""

    rect: QRectF
    day: date
    outlet: str
    count: int


def short_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


class TimelineChart(ChartWidget):
    """Stacked bars of articles per day by outlet.

    Signals:
        bar_clicked(str, str): the ISO day and the outlet of the clicked segment.
    """

    bar_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Coverage over time")
        self.timeline = CoverageTimeline([], [], {})
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_timeline(self, timeline: CoverageTimeline) -> None:
        self.timeline = timeline
        self.refit()

    def preferred_height(self, width: int) -> int:
        legend = 44 + 20 * (len(self.timeline.outlets) + 1)
        return int(max(PLOT_HEIGHT + DATE_AXIS + 50, legend))

    def _totals(self) -> list[int]:
        t = self.timeline
        return [sum(t.counts[o][i] for o in t.outlets) for i in range(len(t.days))]

    def _plot_rect(self, width: int, height: int) -> QRectF:
        top = 44.0
        return QRectF(
            AXIS_WIDTH + 16,
            top,
            max(40.0, width - AXIS_WIDTH - 16 - LEGEND_WIDTH - 24),
            min(PLOT_HEIGHT, height - top - DATE_AXIS),
        )

    def _scale_top(self) -> int:
        highest = max(self._totals(), default=0)
        step = nice_step(highest)
        return max(step, -(-highest // step) * step)

    def segments(self, width: int | None = None, height: int | None = None) -> list[BarSegment]:
        """Every drawn segment with its rectangle (widget coordinates by default)."""
        width = self.width() if width is None else width
        height = self.height() if height is None else height
        t = self.timeline
        if not t.days:
            return []
        plot = self._plot_rect(width, height)
        slot = plot.width() / len(t.days)
        bar = max(3.0, min(48.0, slot * 0.72))
        per_unit = plot.height() / self._scale_top()
        found = []
        for i, day in enumerate(t.days):
            x = plot.left() + slot * i + (slot - bar) / 2
            base = plot.bottom()
            for outlet in t.outlets:
                count = t.counts[outlet][i]
                if not count:
                    continue
                h = count * per_unit
                found.append(BarSegment(QRectF(x, base - h, bar, h), day, outlet, count))
                base -= h
        return found

    def segment_at(self, point: QPointF) -> BarSegment | None:
        return next((s for s in self.segments() if s.rect.contains(point)), None)

    def paint_chart(self, painter: QPainter, width: int, height: int) -> None:
        theme = self.theme
        t = self.timeline
        self.paint_background(painter, width, height, "Coverage over time — articles per day")
        plot = self._plot_rect(width, height)
        small = self.chart_font(0.85)
        painter.setFont(small)
        if not t.days:
            painter.setPen(QColor(theme.muted))
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), "No dated articles")
            return
        top = self._scale_top()
        step = nice_step(top)
        metrics = painter.fontMetrics()
        for value in range(0, top + 1, step):
            y = plot.bottom() - value * plot.height() / top
            painter.setPen(QPen(QColor(theme.rule), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(theme.muted))
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, AXIS_WIDTH + 8, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )
        colours = {outlet: theme.series(i) for i, outlet in enumerate(t.outlets)}
        for segment in self.segments(width, height):
            painter.fillRect(segment.rect, colours[segment.outlet])
            painter.setPen(QPen(QColor(theme.paper), 1))
            painter.drawLine(segment.rect.topLeft(), segment.rect.topRight())
        slot = plot.width() / len(t.days)
        label_width = metrics.horizontalAdvance("30 Sep") + 8
        every = max(1, int(label_width // slot) + 1)
        painter.setPen(QColor(theme.muted))
        for i, day in enumerate(t.days):
            if i % every:
                continue
            centre = plot.left() + slot * (i + 0.5)
            painter.drawText(
                QRectF(centre - label_width / 2, plot.bottom() + 6, label_width, metrics.height()),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                short_date(day),
            )
        painter.setPen(QPen(QColor(theme.muted), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        self._paint_legend(painter, plot.right() + 24, plot.top(), colours)

    def _paint_legend(
        self, painter: QPainter, left: float, top: float, colours: dict[str, QColor]
    ) -> None:
        theme = self.theme
        t = self.timeline
        painter.setFont(self.chart_font(0.85))
        metrics = painter.fontMetrics()
        y = top
        for outlet in t.outlets:
            total = sum(t.counts[outlet]) + t.undated.get(outlet, 0)
            painter.fillRect(QRectF(left, y + 3, 12, 12), colours[outlet])
            painter.setPen(QColor(theme.text))
            label = metrics.elidedText(
                f"{outlet} ({total})", Qt.TextElideMode.ElideRight, LEGEND_WIDTH - 20
            )
            painter.drawText(
                QRectF(left + 18, y, LEGEND_WIDTH - 18, 18),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            y += 20
        undated = sum(t.undated.values())
        if undated:
            painter.setPen(QColor(theme.muted))
            painter.drawText(
                QRectF(left, y + 4, LEGEND_WIDTH, 18),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"+ {undated} without a date",
            )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        segment = self.segment_at(event.position())
        if segment is None:
            QToolTip.hideText()
            return
        plural = "s" if segment.count != 1 else ""
        QToolTip.showText(
            event.globalPosition().toPoint(),
            f"{segment.outlet}, {short_date(segment.day)}: {segment.count} article{plural}"
            " — click to list them",
            self,
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        segment = self.segment_at(event.position())
        if segment is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(segment.day.isoformat(), segment.outlet)
            event.accept()
            return
        super().mousePressEvent(event)
