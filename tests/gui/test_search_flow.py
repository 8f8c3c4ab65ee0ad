"""Searching from the window: debounced results, stale answers dropped, hits in the reader."""

from __future__ import annotations

from PySide6.QtCore import Qt

from summitreader.ui.reader_document import HIT_PROPERTY
from summitreader.ui.search_panel import facet_term


def test_typing_searches_after_a_pause_and_opening_a_hit_highlights_it(
    sample_library, make_window, qtbot
) -> None:
    window = make_window(sample_library)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    with qtbot.waitSignal(window.document.search_did_finish, timeout=10_000) as finished:
        qtbot.keyClicks(window.search_field, "drought clause")
    assert finished.args[0].query == "drought clause"
    assert window.left_stack.currentWidget() is window.results_pane
    model = window.results_pane.model
    assert model.rowCount() > 0
    assert "articles" in window.results_pane.status.text() or "article" in (
        window.results_pane.status.text()
    )

    with qtbot.waitSignal(window.document.article_did_open, timeout=10_000) as opened:
        window.results_pane.list.setFocus()
        window.results_pane.list.setCurrentIndex(model.index(0, 0))
        qtbot.keyClick(window.results_pane.list, Qt.Key.Key_Return)
    article = opened.args[0]
    assert article.article.id == model.hit(0).id
    assert article.hits
    view = window.reader_pane.view
    start, _end = article.hits[0]
    assert view.page.char_format_at(start).property(HIT_PROPERTY) == 0
    window.next_hit_action.trigger()
    assert view.layers.current_hit == (1 if len(article.hits) > 1 else 0)
    assert (
        window.reader_pane.hits.text()
        == f"hit {view.layers.current_hit + 1} of {len(article.hits)}"
    )


def test_a_stale_search_is_never_shown(sample_library, make_window, qtbot) -> None:
    window = make_window(sample_library)
    shown: list[str] = []
    window.document.search_did_finish.connect(lambda results: shown.append(results.query))
    window.document.search("Valadão")
    window.document.search("Ibáñez")
    qtbot.waitUntil(window.document.is_idle, timeout=10_000)
    assert shown == ["Ibáñez"]


def test_bad_query_shows_one_line_error_and_facets_narrow(
    sample_library, make_window, qtbot
) -> None:
    window = make_window(sample_library)
    with qtbot.waitSignal(window.document.search_did_fail, timeout=10_000) as failed:
        window.results_pane.set_query("published:[nonsense")
    assert "\n" not in failed.args[0]
    assert window.results_pane.error.isVisible()

    with qtbot.waitSignal(window.document.search_did_finish, timeout=10_000) as finished:
        window.results_pane.set_query("talks")
    sources = finished.args[0].facets.get("source") or {}
    assert sources
    outlet = max(sources, key=sources.get)
    with qtbot.waitSignal(window.document.search_did_finish, timeout=10_000) as narrowed:
        window.results_pane._facet_clicked("facet:0")
    assert facet_term("source", outlet) in narrowed.args[0].query
    assert narrowed.args[0].total <= finished.args[0].total


def test_escape_leaves_the_search_for_the_list(sample_library, make_window, qtbot) -> None:
    window = make_window(sample_library)
    with qtbot.waitSignal(window.document.search_did_finish, timeout=10_000):
        window.results_pane.set_query("river")
    window.search_field.setFocus()
    with qtbot.waitSignal(window.document.search_did_clear):
        window.back_action.trigger()
    assert window.left_stack.currentWidget() is window.list_pane
    assert window.search_field.text() == ""
