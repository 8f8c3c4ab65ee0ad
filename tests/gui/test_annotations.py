"""Highlights, notes and bookmarks in the window: drawn at the right place after emoji, kept
across a restart, recoloured, deleted and undone, orphans listed and re-attached, keyboard."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle
from summitreader.ui.reader_document import NOTE_ID_PROPERTY
from summitreader.ui.theme import DARK, LIGHT

PARAGRAPHS = (
    "LISBON (NWS) — The talks 😀 on the Tagus resumed on Monday 🇵🇹 after a week.",
    "Ministers said the drought clause would stay in the text, whatever happened next.",
    "A third paragraph closes the article with a sentence about reservoirs.",
)
TEXT = "\n\n".join(PARAGRAPHS)


def _span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def _add_article(library: Library) -> int:
    library.import_parsed(
        [
            ParsedArticle(
                title="Talks resume",
                paragraphs=PARAGRAPHS,
                source="NWS",
                author="Ana Reis",
                published="2025-03-10",
            )
        ],
        origin="test",
    )
    return library.list()[0].id


@pytest.fixture
def article_library(library_dir: Path) -> Library:
    library = Library(library_dir)
    _add_article(library)
    yield library
    library.close()


def _open(window, qtbot, article_id: int) -> None:  # type: ignore[no-untyped-def]
    if window.document.current_id == article_id:
        return
    with qtbot.waitSignal(window.document.article_did_open, timeout=10_000):
        window.document.open_article(article_id)


def _idle(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(window.document.is_idle, timeout=10_000)


def _background(window, offset: int) -> QColor:  # type: ignore[no-untyped-def]
    return window.reader_pane.view.page.char_format_at(offset).background().color()


def _note_id(window, offset: int) -> object:  # type: ignore[no-untyped-def]
    return window.reader_pane.view.page.char_format_at(offset).property(NOTE_ID_PROPERTY)


def test_select_highlight_note_and_reopen(article_library, make_window, qtbot) -> None:
    window = make_window(article_library)
    article_id = article_library.list()[0].id
    _open(window, qtbot, article_id)
    view = window.reader_pane.view
    start, end = _span("resumed on Monday")  # after 😀: two UTF-16 units, one code point
    view.select_span(start, end)
    assert view.selected_span() == (start, end)
    assert window.document.selection == (article_id, start, end)

    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        assert window.reader_pane.highlight_selection("blue")
    [note] = article_library.annotations(article_id=article_id)
    assert (note.start, note.end, note.color) == (start, end, "blue")
    assert note.exact == "resumed on Monday"
    for offset in (start, end - 1):
        assert _background(window, offset) == LIGHT.note_fill("blue")
        assert _note_id(window, offset) == note.id
    assert _note_id(window, end) is None
    assert _note_id(window, start - 1) is None

    editor = window.reader_pane.editor
    window.reader_pane.edit_note(note)
    assert editor.isVisible()
    editor.note.setPlainText("Monday, not Tuesday as the wires said")
    editor.tags.setText("dates, #wires")
    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        editor.done_button.click()
    [note] = article_library.annotations(article_id=article_id)
    assert note.note == "Monday, not Tuesday as the wires said"
    assert note.tags == ("dates", "wires")
    fmt = view.page.char_format_at(start)
    assert fmt.underlineColor() == LIGHT.note_mark("blue")
    assert fmt.toolTip() == note.note

    window.shut_down()
    again = make_window(article_library)
    _open(again, qtbot, article_id)
    assert _background(again, start) == LIGHT.note_fill("blue")
    assert _note_id(again, start) == note.id
    again.set_theme("dark", save=False)
    assert _background(again, start) == DARK.note_fill("blue")
    panel = again.annotation_panel
    again.docks[3].show()
    again.docks[3].raise_()
    assert panel.model.rowCount() == 1
    assert "Monday, not Tuesday" in panel.model.card(0).detail


def test_recolour_delete_and_undo(article_library, make_window, qtbot) -> None:
    window = make_window(article_library)
    article_id = article_library.list()[0].id
    _open(window, qtbot, article_id)
    start, end = _span("drought clause")
    window.reader_pane.view.select_span(start, end)
    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        window.reader_pane.highlight_selection("yellow")
    [note] = window.document.current.notes

    editor = window.reader_pane.editor
    window.reader_pane.edit_note(note)
    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        editor.colour_buttons["pink"].click()
    editor.finish()
    _idle(window, qtbot)
    assert _background(window, start) == LIGHT.note_fill("pink")
    assert article_library.annotations()[0].color == "pink"

    [note] = window.document.current.notes
    window.reader_pane.edit_note(note)
    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        editor.delete_button.click()
    assert not article_library.annotations()
    assert _note_id(window, start) is None
    assert window.undo_action.isEnabled()
    assert window.undo_action.text().startswith("&Undo Delete") or "Delete" in (
        window.undo_action.text()
    )

    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        window.undo_action.trigger()
    assert _note_id(window, start) == note.id
    assert _background(window, start) == LIGHT.note_fill("pink")
    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        window.undo_action.trigger()  # the recolour
    assert _background(window, start) == LIGHT.note_fill("yellow")
    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        window.redo_action.trigger()
    assert _background(window, start) == LIGHT.note_fill("pink")


def test_keyboard_h_n_ctrl_d_and_ctrl_z(article_library, make_window, qtbot) -> None:
    window = make_window(article_library)
    article_id = article_library.list()[0].id
    _open(window, qtbot, article_id)
    view = window.reader_pane.view
    view.setFocus()
    start, end = _span("reservoirs")
    view.select_span(start, end)
    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_H)
    assert _note_id(window, start) is not None

    start2, end2 = _span("Ministers said")
    view.select_span(start2, end2)
    with qtbot.waitSignal(window.document.notes.note_did_create, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_N)
    _idle(window, qtbot)
    editor = window.reader_pane.editor
    assert editor.isVisible()
    assert editor.annotation is not None and editor.annotation.exact == "Ministers said"
    editor.note.setPlainText("who, exactly?")
    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        qtbot.keyClick(editor.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    assert {n.note for n in article_library.annotations()} == {"", "who, exactly?"}

    view.setFocus()
    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    bookmarks = article_library.annotations(kind="bookmark")
    assert len(bookmarks) == 1 and bookmarks[0].start == bookmarks[0].end

    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not article_library.annotations(kind="bookmark")
    assert len(article_library.annotations()) == 2


def test_orphan_is_listed_and_reattached(article_library, make_window, qtbot) -> None:
    article_id = article_library.list()[0].id
    start, end = _span("drought clause")
    note, _ = article_library.annotate(article_id, start, end, note="the sticking point")
    with article_library.db.write() as conn:
        article_library.annotation_store.save(conn, replace(note, orphan=True))
    window = make_window(article_library)
    window.docks[3].raise_()
    _open(window, qtbot, article_id)
    panel = window.annotation_panel
    cards = panel.model.cards()
    assert cards[0].header and "not found" in cards[0].text
    assert cards[1].payload.annotation.id == note.id
    assert "drought clause" in cards[1].text
    assert _note_id(window, start) is None  # an orphan is not drawn

    panel.list.setCurrentIndex(panel.model.index(1, 0))
    assert panel.reattach_button.isVisible()
    assert not panel.reattach_button.isEnabled()
    new_start, new_end = _span("reservoirs")
    window.reader_pane.view.select_span(new_start, new_end)
    assert panel.reattach_button.isEnabled()
    with qtbot.waitSignal(window.document.notes_did_change, timeout=10_000):
        panel.reattach_button.click()
    [moved] = article_library.annotations()
    assert (moved.start, moved.end, moved.orphan) == (new_start, new_end, False)
    assert _note_id(window, new_start) == note.id
    assert not any(card.header for card in panel.model.cards())


def test_library_scope_filters_and_jumps(article_library, make_window, qtbot) -> None:
    other = _add_other(article_library)
    first = next(s.id for s in article_library.list() if s.id != other)
    article_library.annotate(first, *_span("drought clause"), color="green", tags=("eu",))
    article_library.annotate(other, 0, 5, color="pink", note="elsewhere")
    window = make_window(article_library)
    panel = window.annotation_panel
    window.docks[3].raise_()
    with qtbot.waitSignal(window.document.notes.library_notes_did_load, timeout=10_000):
        panel.show_library()
    assert panel.model.rowCount() == 2
    panel.colour.setCurrentIndex(panel.colour.findData("pink"))
    assert panel.model.rowCount() == 1
    panel.colour.setCurrentIndex(0)
    panel.tag.setCurrentIndex(panel.tag.findData("eu"))
    assert [c.payload.annotation.article_id for c in panel.model.cards()] == [first]
    panel.tag.setCurrentIndex(0)
    panel.text.setText("elsewhere")
    assert panel.model.rowCount() == 1
    with qtbot.waitSignal(window.document.article_did_open, timeout=10_000) as opened:
        panel._activated(panel.model.index(0, 0))
    assert opened.args[0].article.id == other
    assert opened.args[0].flash == (0, 5)
    assert window.reader_pane.view.layers.focus == ((0, 5),)


def _add_other(library: Library) -> int:
    library.import_parsed(
        [
            ParsedArticle(
                title="Another outlet",
                paragraphs=("Madrid says the talks will go on.",),
                source="Ledger",
                published="2025-03-11",
            )
        ],
        origin="test",
    )
    return next(s.id for s in library.list() if s.title == "Another outlet")
