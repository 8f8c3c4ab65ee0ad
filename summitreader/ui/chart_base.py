"""What the story charts share: painting one way for the screen, a PNG and an SVG.

A chart paints itself into any `QPainter` at a given size (`paint_chart`), so the widget, an
image export and an SVG export draw exactly the same picture; hit areas come from the same
layout, so a click lands on what was drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from summitreader.ui.theme import LIGHT, Theme


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """The colour `t` of the way from `a` to `b` (0 → a, 1 → b)."""
    t = min(1.0, max(0.0, t))
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG), to pick dark or light text on a fill."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(fill: QColor, theme: Theme) -> QColor:
    """Whichever of the theme's paper and text colours reads better on `fill`."""
    candidates = (QColor(theme.text), QColor(theme.paper))
    return max(candidates, key=lambda colour: contrast(colour, fill))


def nice_step(top: int, ticks: int = 4) -> int:
    """A whole step (1, 2, 5, 10, 20…) that divides 0..top into about `ticks` parts."""
    raw = max(1.0, top / max(1, ticks))
    magnitude = 1
    while magnitude * 10 <= raw:
        magnitude *= 10
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


class ChartWidget(QWidget):
    """A QPainter chart: `paint_chart` draws it at any size; the widget shows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = LIGHT
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def preferred_height(self, width: int) -> int:
        raise NotImplementedError

    def paint_chart(self, painter: QPainter, width: int, height: int) -> None:
        raise NotImplementedError

    def chart_font(self, scale: float = 1.0, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * scale))
        font.setBold(bold)
        return font

    def sizeHint(self) -> QSize:
        width = max(self.width(), 640)
        return QSize(width, self.preferred_height(width))

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        wanted = self.preferred_height(self.width())
        if self.minimumHeight() != wanted:
            self.setFixedHeight(wanted)

    def refit(self) -> None:
        """Take the height the data needs at the current width, and repaint."""
        self.setFixedHeight(self.preferred_height(max(self.width(), 320)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.paint_chart(painter, self.width(), self.height())
        painter.end()

    def render_image(self, width: int | None = None) -> QImage:
        """The chart as an image of `width` (the widget's own by default)."""
        width = width or max(self.width(), 640)
        height = self.preferred_height(width)
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor(self.theme.paper))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.paint_chart(painter, width, height)
        painter.end()
        return image

    def paint_background(self, painter: QPainter, width: int, height: int, title: str) -> float:
        """Paper, a rule and the chart's title; returns where the chart itself may start."""
        painter.fillRect(QRectF(0, 0, width, height), QColor(self.theme.paper))
        painter.setPen(QColor(self.theme.text))
        painter.setFont(self.chart_font(1.1, bold=True))
        metrics = painter.fontMetrics()
        painter.drawText(
            QRectF(16, 10, width - 32, metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title,
        )
        return 10 + metrics.height() + 10
