"""Render the window offscreen to a PNG: for documentation, reviews and visual checks."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from summitreader.paths import APP_NAME, resolve_library_dir

SCREENSHOT_SIZE = (1480, 920)
VIEWS = ("reader", "compare", "speakers", "names", "glance")


def _most_quoted_article(library: object) -> int | None:
    """The first article with the most quotes (the best showcase for the reader)."""
    from summitreader.core.library import Library
    from summitreader.store.articles import ArticleFilter

    assert isinstance(library, Library)
    summaries = library.list(ArticleFilter(order_by="id", descending=False))
    if not summaries:
        return None
    counts = {s.id: len(library.quotes(article_id=s.id)) for s in summaries}
    return max(summaries, key=lambda s: (counts[s.id], -s.id)).id


def _show_view(window: Any, view: str) -> Any:
    """Bring up one of the window's views and wait for its data; returns what to grab."""
    from PySide6.QtCore import Qt

    if view == "compare":
        window.show_compare()
        window.resizeDocks([window.compare_dock], [430], Qt.Orientation.Vertical)
        window.wait_until_idle()
    elif view == "speakers":
        window.show_speaker_index()
        window.wait_until_idle()
        window.speaker_panel.choose_library_speaker(0)
        window.wait_until_idle()
    elif view == "names":
        panel = window.entity_panel
        window.docks[1].show()
        window.docks[1].raise_()
        panel.tabs.setCurrentIndex(1)
        window.wait_until_idle()
        top = panel.library_model.record(0)
        if top is not None:
            panel.library_view.selectRow(0)
            panel.select_name(top.name)
            window.wait_until_idle()
    elif view == "glance":
        dialog = window.show_glance()
        window.wait_until_idle()
        return dialog
    return window


def render_screenshot(
    *,
    library_dir: str | None,
    out: str,
    article_id: int | None,
    search: str | None,
    theme: str,
    load_samples: bool,
    view: str = "reader",
) -> int:
    """Build the window on the library, open an article and/or run a search, save a PNG.

    `view` picks what to show: "reader" (the window as it opens), "compare" (the Compare Quotes
    view on its first remark), "speakers" (the speaker index on the most quoted speaker) or
    "glance" (the Story at a Glance picture alone).
    """
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from summitreader.core.library import Library
    from summitreader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    library = Library(Path(resolve_library_dir(library_dir)))
    try:
        if load_samples and library.count() == 0:
            library.import_samples()
        window = MainWindow(library, theme=None if theme == "system" else theme)
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        window.wait_until_idle()
        if search:
            window.results_pane.set_query(search)
            window.wait_until_idle()
        chosen = article_id
        if chosen is None and search and window.results_pane.model.rowCount():
            chosen = window.results_pane.model.hit(0).id
            window.results_pane.list.setCurrentIndex(window.results_pane.model.index(0, 0))
        if chosen is None:
            chosen = _most_quoted_article(library)
        if chosen is not None:
            window.document.open_article(chosen)
            window.wait_until_idle()
        target = _show_view(window, view)
        for _ in range(5):
            app.processEvents()
        image = target.grab()
        ok = image.save(out, "PNG")
        window.document.close()  # a screenshot must not overwrite the user's saved layout
        window.deleteLater()
        app.processEvents()
        return 0 if ok else 1
    finally:
        library.close()
