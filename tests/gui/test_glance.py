"""Story at a Glance: the pictures draw in both themes, export, and clicks filter the list."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtTest import QTest

from summitreader.ui.glance_view import export_png, export_svg
from summitreader.ui.theme import DARK, LIGHT


def _open_glance(window, qtbot):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.document.coverage.glance_did_load, timeout=20_000):
        view = window.show_glance()
    qtbot.waitUntil(lambda: view.timeline.width() > 400 and view.grid.height() > 100)
    return view


def _colours(image: QImage, step: int = 3) -> dict[int, int]:
    seen: dict[int, int] = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            rgb = image.pixel(x, y) & 0xFFFFFF
            seen[rgb] = seen.get(rgb, 0) + 1
    return seen


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_charts_draw_bars_and_cells_in_both_themes(
    sample_library, make_window, qtbot, theme
) -> None:
    window = make_window(sample_library)
    view = _open_glance(window, qtbot)
    view.set_theme(theme)
    paper = QColor(theme.paper).rgb() & 0xFFFFFF

    timeline = view.timeline.render_image(900)
    colours = _colours(timeline)
    assert sum(n for rgb, n in colours.items() if rgb != paper) > 500
    first = view.timeline.segments(900, timeline.height())[0]
    outlet_slot = view.timeline.timeline.outlets.index(first.outlet)
    centre = first.rect.center().toPoint()
    assert QColor(timeline.pixel(centre)) == theme.series(outlet_slot)

    grid = view.grid.render_image(900)
    busiest = max(
        ((r, c) for r, row in enumerate(view.grid.grid.counts) for c, _n in enumerate(row)),
        key=lambda rc: view.grid.grid.counts[rc[0]][rc[1]],
    )
    cell = view.grid.cell_rect(*busiest, width=900)
    shade = QColor(grid.pixel(int(cell.left()) + 4, int(cell.top()) + 4))
    assert shade == QColor(theme.heat)  # the busiest cell takes the full shade
    assert len(_colours(grid)) > 8


def test_export_writes_a_png_and_a_valid_svg(sample_library, make_window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    window = make_window(sample_library)
    view = _open_glance(window, qtbot)
    png, svg = tmp_path / "story.png", tmp_path / "story.svg"
    assert export_png(view.charts, png)
    assert export_svg(view.charts, svg)
    image = QImage(str(png))
    assert image.width() == 1000 and image.height() > 400
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = "".join(root.itertext())
    assert "Coverage over time" in texts and view.grid.grid.speakers[0] in texts
    assert QSvgRenderer(str(svg)).isValid()


def test_clicking_a_bar_filters_the_list_to_that_day_and_outlet(
    sample_library, make_window, qtbot
) -> None:
    window = make_window(sample_library)
    view = _open_glance(window, qtbot)
    segment = max(view.timeline.segments(), key=lambda s: s.day)
    with qtbot.waitSignal(window.document.list_filter_did_change, timeout=5_000):
        QTest.mouseClick(
            view.timeline, Qt.MouseButton.LeftButton, pos=segment.rect.center().toPoint()
        )
    flt = window.document.table_model.filter
    day = segment.day.isoformat()
    assert (flt.published_from, flt.published_to, flt.sources) == (day, day, (segment.outlet,))
    model = window.document.table_model
    assert model.total == segment.count
    for row in range(model.rowCount()):
        summary = model.summary(row)
        assert summary.source == segment.outlet and summary.published.startswith(day)
    assert window.list_pane.use_dates.isChecked()
    window.document.clear_list_filter()
    assert window.document.table_model.total == sample_library.count()


def test_clicking_a_cell_lists_that_outlets_articles_quoting_the_speaker(
    sample_library, make_window, qtbot
) -> None:
    window = make_window(sample_library)
    view = _open_glance(window, qtbot)
    grid = view.grid.grid
    row, column = 0, 1
    assert grid.counts[row][column] > 0
    speaker, outlet = grid.speakers[row], grid.outlets[column]
    with qtbot.waitSignal(window.document.list_filter_did_change, timeout=10_000):
        QTest.mouseClick(
            view.grid,
            Qt.MouseButton.LeftButton,
            pos=view.grid.cell_rect(row, column).center().toPoint(),
        )
    flt = window.document.table_model.filter
    assert flt.ids
    quoting = {q.article_id for q in sample_library.quotes(speaker=speaker) if q.source == outlet}
    assert set(flt.ids) == quoting
    assert window.list_pane.chosen_bar.isVisibleTo(window.list_pane)
    assert window.left_stack.currentWidget() is window.list_pane
    qtbot.mouseClick(window.list_pane.show_all, Qt.MouseButton.LeftButton)
    assert window.document.table_model.filter.ids is None
    assert not window.list_pane.chosen_bar.isVisibleTo(window.list_pane)


def test_the_search_scope_draws_only_the_articles_found(sample_library, make_window, qtbot) -> None:
    window = make_window(sample_library)
    with qtbot.waitSignal(window.document.search_did_finish, timeout=20_000):
        window.document.search("Holm")
    view = _open_glance(window, qtbot)
    assert view.searched.isEnabled()
    with qtbot.waitSignal(window.document.coverage.glance_did_load, timeout=20_000) as loaded:
        view.searched.setChecked(True)
    data = loaded.args[0]
    found = {hit.id for hit in sample_library.search("Holm", limit=100).hits}
    assert data.ids is not None and set(data.ids) == found
    drawn = sum(sum(v) for v in data.timeline.counts.values()) + sum(data.timeline.undated.values())
    assert drawn == len(found) < sample_library.count()
    segment = view.timeline.segments()[0]
    QTest.mouseClick(view.timeline, Qt.MouseButton.LeftButton, pos=segment.rect.center().toPoint())
    assert set(window.document.table_model.filter.ids or ()) == found
