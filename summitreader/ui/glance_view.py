"""Story at a glance: when each outlet covered the story, and whom each outlet quotes.

Two pictures for the whole library or the current search's articles; a click on a bar or a cell
filters the article list, and both pictures export together as PNG or SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from summitreader.coverage.timeline import UNKNOWN_SOURCE
from summitreader.ui.chart_base import ChartWidget
from summitreader.ui.coverage_service import GlanceData
from summitreader.ui.document_model import DocumentModel
from summitreader.ui.reader_document import display_date
from summitreader.ui.speaker_grid_chart import SpeakerGridChart
from summitreader.ui.theme import LIGHT, Theme
from summitreader.ui.timeline_chart import TimelineChart

EXPORT_WIDTH = 1000


def _picture_size(charts: Sequence[ChartWidget], width: int) -> QSize:
    return QSize(width, sum(chart.preferred_height(width) for chart in charts))


def _paint_all(painter: QPainter, charts: Sequence[ChartWidget], width: int) -> None:
    top = 0
    for chart in charts:
        height = chart.preferred_height(width)
        painter.save()
        painter.translate(0, top)
        painter.setClipRect(QRect(0, 0, width, height))
        chart.paint_chart(painter, width, height)
        painter.restore()
        top += height


def render_picture(charts: Sequence[ChartWidget], width: int = EXPORT_WIDTH) -> QImage:
    """The charts one above the other, as an image."""
    size = _picture_size(charts, width)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor(charts[0].theme.paper if charts else LIGHT.paper))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _paint_all(painter, charts, width)
    painter.end()
    return image


def export_png(charts: Sequence[ChartWidget], path: Path, width: int = EXPORT_WIDTH) -> bool:
    return render_picture(charts, width).save(str(path), "PNG")


def export_svg(charts: Sequence[ChartWidget], path: Path, width: int = EXPORT_WIDTH) -> bool:
    """The charts as one SVG file (vector shapes and text)."""
    from PySide6.QtSvg import QSvgGenerator  # only when exporting

    size = _picture_size(charts, width)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(QPoint(0, 0), size))
    generator.setTitle("Story at a glance")
    generator.setDescription("Coverage over time and who quotes whom, from SummitReader")
    painter = QPainter()
    if not painter.begin(generator):
        return False
    _paint_all(painter, charts, width)
    return painter.end()


class GlanceView(QDialog):
    """The story-at-a-glance window: scope, the two charts, export buttons."""

    def __init__(self, document: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.coverage = document.coverage
        self.theme: Theme = LIGHT
        self.data: GlanceData | None = None
        self.setObjectName("glanceView")
        self.setWindowTitle("Story at a Glance — SummitReader")
        self.setModal(False)
        self.resize(1060, 820)
        self.whole = QRadioButton("Whole library")
        self.searched = QRadioButton("Search results")
        self.whole.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.whole)
        scope.addButton(self.searched)
        self.status = QLabel()
        self.status.setObjectName("panelHint")
        self.png_button = QPushButton("Export PNG…")
        self.svg_button = QPushButton("Export SVG…")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show"))
        bar.addWidget(self.whole)
        bar.addWidget(self.searched)
        bar.addStretch(1)
        bar.addWidget(self.png_button)
        bar.addWidget(self.svg_button)
        self.timeline = TimelineChart()
        self.grid = SpeakerGridChart()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(1)
        body_layout.addWidget(self.timeline)
        body_layout.addWidget(self.grid)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)

        self.whole.toggled.connect(lambda _on: self.reload())
        self.png_button.clicked.connect(self._choose_png)
        self.svg_button.clicked.connect(self._choose_svg)
        self.timeline.bar_clicked.connect(self._bar_clicked)
        self.grid.cell_clicked.connect(self._cell_clicked)
        self.coverage.glance_did_load.connect(self._loaded)
        self.coverage.glance_did_fail.connect(
            lambda reason: self.status.setText(f"Cannot draw the story: {reason}")
        )
        self.coverage.quoting_ids_did_load.connect(self._quoting_loaded)
        document.search_did_finish.connect(lambda _r: self._update_scope())
        document.search_did_clear.connect(self._update_scope)
        document.library_did_change.connect(self._library_changed)
        self._update_scope()

    @property
    def charts(self) -> list[ChartWidget]:
        return [self.timeline, self.grid]

    # -- scope and data -----------------------------------------------------------------------

    def _update_scope(self) -> None:
        query = self.document.query
        self.searched.setEnabled(bool(query))
        self.searched.setText(f"Search results for “{query}”" if query else "Search results")
        if not query and self.searched.isChecked():
            self.whole.setChecked(True)  # reloads
        elif self.searched.isChecked() and self.isVisible():
            self.reload()

    def reload(self) -> None:
        query = self.document.query if self.searched.isChecked() else ""
        self.status.setText("Counting…")
        self.coverage.load_glance(query)

    def _library_changed(self, changes: Any) -> None:
        if (changes.added or changes.removed) and self.isVisible():
            self.reload()

    def _loaded(self, data: GlanceData) -> None:
        self.data = data
        self.timeline.set_timeline(data.timeline)
        self.grid.set_grid(data.grid)
        articles = sum(sum(v) for v in data.timeline.counts.values())
        articles += sum(data.timeline.undated.values())
        scope = (
            f"the {articles} articles found for “{data.query}”"
            if data.query
            else (f"all {articles} articles")
        )
        self.status.setText(
            f"Showing {scope}. Click a bar to list that day's articles by that outlet, "
            "or a cell to list the outlet's articles quoting that speaker."
        )

    # -- clicks become list filters -----------------------------------------------------------

    def _scope_ids(self) -> tuple[int, ...] | None:
        return self.data.ids if self.data is not None else None

    def _bar_clicked(self, day: str, outlet: str) -> None:
        sources = (outlet,) if outlet != UNKNOWN_SOURCE else ()
        self.document.filter_list(
            sources=sources, published_from=day, published_to=day, ids=self._scope_ids()
        )
        self.status.setText(f"The list shows {outlet} on {display_date(day)}.")

    def _cell_clicked(self, speaker: str, outlet: str) -> None:
        self.coverage.load_quoting_ids(speaker, outlet, self._scope_ids())

    def _quoting_loaded(self, speaker: str, outlet: str, ids: list[int]) -> None:
        self.document.filter_list(ids=ids)
        self.status.setText(
            f"The list shows {len(ids)} article{'s' if len(ids) != 1 else ''} "
            f"in which {outlet} quotes {speaker}."
        )

    # -- export and theme ---------------------------------------------------------------------

    def _choose_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export picture", str(Path.home() / "story.png"), "PNG image (*.png)"
        )
        if path:
            ok = export_png(self.charts, Path(path))
            self.status.setText(f"Saved {path}" if ok else f"Could not save {path}")

    def _choose_svg(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export picture", str(Path.home() / "story.svg"), "SVG image (*.svg)"
        )
        if path:
            ok = export_svg(self.charts, Path(path))
            self.status.setText(f"Saved {path}" if ok else f"Could not save {path}")

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for chart in self.charts:
            chart.set_theme(theme)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self.data is None:
            self.reload()
