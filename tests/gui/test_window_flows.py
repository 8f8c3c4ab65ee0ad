"""Keyboard, drag and drop, delete, welcome view and settings of the main window."""

from __future__ import annotations

import warnings
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel

from summitreader.resources import sample_files
from summitreader.ui.main_window import MainWindow
from summitreader.ui.settings import app_settings


def _drop(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions = Qt.DropAction.CopyAction
    with warnings.catch_warnings():  # PySide6 6.12 flags the only constructor there is
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            QPointF(50, 50).toPoint(),
            actions,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, drop)


def test_empty_library_welcomes_and_dropping_files_imports_them(
    library, make_window, qtbot, tmp_path
) -> None:
    window = make_window(library)
    assert window.central.currentWidget() is window.welcome
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 \x00\x01\x02 not an article")
    with qtbot.waitSignal(window.document.import_did_finish, timeout=60_000) as finished:
        _drop(window, [*sample_files()[:2], broken])
    report = finished.args[0]
    assert len(report.imported) == 2
    assert [Path(path).name for path, _ in report.failed] == ["broken.pdf"]
    assert window.central.currentWidget() is window.splitter
    assert window.document.table_model.rowCount() == 2
    dialog = window.import_report_dialog
    assert dialog.isVisible()
    assert dialog.failures.topLevelItem(0).text(0) == "broken.pdf"
    dialog.close()


def test_j_and_k_walk_the_list_and_open_articles(sample_library, make_window, qtbot) -> None:
    window = make_window(sample_library)
    table = window.list_pane.table
    model = window.document.table_model
    table.setFocus()
    qtbot.waitUntil(window.document.is_idle)
    start = table.currentIndex().row()
    with qtbot.waitSignal(window.document.article_did_open, timeout=10_000) as first:
        qtbot.keyClick(table, Qt.Key.Key_J)
    assert first.args[0].article.id == model.article_id(start + 1)
    with qtbot.waitSignal(window.document.article_did_open, timeout=10_000) as second:
        qtbot.keyClick(table, Qt.Key.Key_J)
    assert second.args[0].article.id == model.article_id(start + 2)
    with qtbot.waitSignal(window.document.article_did_open, timeout=10_000) as back:
        qtbot.keyClick(table, Qt.Key.Key_K)
    assert back.args[0].article.id == model.article_id(start + 1)
    qtbot.waitUntil(window.document.is_idle)
    assert not model.summary(start + 1).unread  # opening marks it read, row updated in place


def test_f6_cycles_panes_and_escape_returns_to_list(sample_library, make_window, qtbot) -> None:
    window = make_window(sample_library)
    window.search_field.setFocus()
    window.next_pane_action.trigger()
    assert window.list_pane.table.hasFocus()
    window.next_pane_action.trigger()
    assert window.reader_pane.view.hasFocus()
    window.back_action.trigger()
    assert window.list_pane.table.hasFocus()


def test_delete_asks_first(sample_library, make_window, qtbot, monkeypatch) -> None:
    window = make_window(sample_library)
    before = sample_library.count()
    window.list_pane.table.selectRow(0)
    window.list_pane.table.selectRow(1)
    answers = iter([False, True])
    asked: list[int] = []

    def confirm(count: int) -> bool:
        asked.append(count)
        return next(answers)

    monkeypatch.setattr(window, "confirm_delete", confirm)
    window.list_pane.table.selectAll()
    window.delete_action.trigger()
    qtbot.waitUntil(window.document.is_idle)
    assert sample_library.count() == before
    window.list_pane.table.clearSelection()
    window.list_pane.table.selectRow(0)
    with qtbot.waitSignal(window.document.library_did_change, timeout=10_000):
        window.delete_action.trigger()
    assert asked == [before, 1]
    assert sample_library.count() == before - 1
    assert window.document.table_model.rowCount() == before - 1


def test_layout_and_preferences_persist(sample_library, make_window, qtbot) -> None:
    window = make_window(sample_library)
    window.entities_action.setChecked(False)
    window.zoom_in_action.trigger()
    size = window.reader_pane.view.point_size
    window.shut_down()
    settings = app_settings()
    assert settings.value("window/geometry") is not None
    again = make_window(sample_library)
    assert not again.entities_action.isChecked()
    assert again.reader_pane.view.point_size == size


def test_import_from_url_fetches_and_imports(library, make_window, qtbot, monkeypatch) -> None:
    import http.server
    import threading

    page = (
        b"<html><head><title>Dam levels | Valley Post</title></head><body><article>"
        b"<h1>Dam levels fall again</h1><p>The upper dam fell to a third of its capacity on "
        b"Monday, the valley authority said, and farmers were told to expect cuts.</p>"
        b"<p>Officials said weekly figures would follow until the rains return.</p>"
        b"</article></body></html>"
    )

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        window = make_window(library)
        url = f"http://127.0.0.1:{server.server_address[1]}/dam"
        from PySide6.QtWidgets import QInputDialog

        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (url, True))
        with qtbot.waitSignal(window.document.import_did_finish, timeout=60_000) as finished:
            window.import_url_action.trigger()
        report = finished.args[0]
        assert len(report.imported) == 1 and report.failed == []
        assert window.document.table_model.rowCount() == 1
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_about_names_the_parts_and_the_library(sample_library, make_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window = make_window(sample_library)
    window.about_action.trigger()
    [text] = shown
    for part in ("SummitReader", "Qt", "Whoosh", "spaCy", "English model"):
        assert part in text
    assert str(sample_library.root) in text


def test_welcome_says_where_the_library_lives(library, make_window) -> None:
    window = make_window(library)
    labels = [label.text() for label in window.welcome.findChildren(QLabel)]
    assert any(str(library.root) in text for text in labels)


def test_delete_confirmation_offers_delete_and_defaults_to_cancel(
    sample_library, make_window, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = make_window(sample_library)
    seen: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        seen.append(box)
        [delete] = [b for b in box.buttons() if b.text() == "Delete"]
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        delete.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert window.confirm_delete(2) is True
    assert "notes on them are kept" in seen[0].text()


def test_search_help_shows_the_query_language() -> None:
    from summitreader.ui.search_panel import query_help_text

    text = query_help_text()
    assert '"right deal"' in text or "phrase" in text
    assert "published:" in text
