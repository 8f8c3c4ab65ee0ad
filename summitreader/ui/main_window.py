"""The main window: the article list or search results beside the reader, panels around them.

It wires views to the DocumentModel, owns the menus and shortcuts, handles drops and dialogs,
and remembers its layout; it holds no state of its own about articles or searches.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from summitreader.core.library import Library
from summitreader.core.models import Changes, ImportReport
from summitreader.ui.annotation_panel import AnnotationPanel
from summitreader.ui.article_list import ArticleListPane
from summitreader.ui.compare_view import CompareView
from summitreader.ui.document_model import DocumentModel, OpenedArticle
from summitreader.ui.glance_view import GlanceView
from summitreader.ui.import_report import ImportReportDialog, report_summary
from summitreader.ui.notes_transfer import (
    ExportNotesDialog,
    export_summary,
    import_failures,
    import_summary,
)
from summitreader.ui.notice_bar import NoticeBar
from summitreader.ui.panels import EntityPanel, RelatedPanel
from summitreader.ui.reader_pane import ReaderPane
from summitreader.ui.reader_view import DEFAULT_POINT_SIZE
from summitreader.ui.search_panel import SearchField, SearchResultsPane
from summitreader.ui.settings import app_settings, read_bool, read_float
from summitreader.ui.speaker_panel import SpeakerPanel
from summitreader.ui.task_status import TaskStatus
from summitreader.ui.theme import Theme, apply_theme, resolve_theme
from summitreader.ui.welcome_view import WelcomeView

STATUS_MS = 6000


class MainWindow(QMainWindow):
    """SummitReader's window over one library."""

    def __init__(
        self, library: Library, *, load_samples: bool = False, theme: str | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("SummitReader")
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self.settings = app_settings()
        self.document = DocumentModel(library, self)
        self.theme_choice = theme or str(self.settings.value("theme", "system"))
        self.theme: Theme = resolve_theme(self.theme_choice)
        self._build_actions()
        self._build_views()
        self._build_menus()
        self._connect()
        self._restore_settings()
        self.set_theme(self.theme_choice, save=False)
        self._update_welcome()
        self.document.ensure_index()
        if load_samples and library.count() == 0:
            self.document.import_samples()

    # -- construction ---------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | str | None = None,
        *,
        checkable: bool = False,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        self.import_files_action = self._action("&Import Files…", sk.Open)
        self.import_folder_action = self._action("Import &Folder…", "Ctrl+Shift+O")
        self.import_url_action = self._action("Import from &URL…", "Ctrl+Shift+U")
        self.samples_action = self._action("Load &Sample Articles")
        self.quit_action = self._action("&Quit", sk.Quit)
        self.search_action = self._action("&Search All Articles", "Ctrl+K")
        self.find_action = self._action("&Find in Article…", sk.Find)
        self.delete_action = self._action("&Delete Articles…", sk.Delete)
        self.star_action = self._action("S&tar / Unstar", "S")
        self.read_action = self._action("Mark &Unread", "Ctrl+U")
        self.highlight_action = self._action(
            "&Highlight Selection", "H", tip="Highlight the selected passage (H)"
        )
        self.note_action = self._action(
            "Add &Note…", "N", tip="Add a note to the selected passage or highlight (N)"
        )
        self.bookmark_action = self._action(
            "&Bookmark", "Ctrl+D", tip="Bookmark the selected passage or the reading position"
        )
        stack = self.document.notes.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(sk.Undo))
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence(sk.Redo), QKeySequence("Ctrl+Shift+Z")])
        self.addActions([self.undo_action, self.redo_action])
        self.export_notes_action = self._action("&Export Notes…")
        self.import_notes_action = self._action("Import N&otes…")
        self.quotes_action = self._action(
            "&Quotes", "Ctrl+1", checkable=True, tip="Highlight quotes, one colour per speaker"
        )
        self.entities_action = self._action(
            "&Names", "Ctrl+2", checkable=True, tip="Underline people, places and organisations"
        )
        self.quotes_action.setChecked(True)
        self.entities_action.setChecked(True)
        self.zoom_in_action = self._action("Zoom &In", sk.ZoomIn)
        self.zoom_in_action.setShortcuts([QKeySequence(sk.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action("Zoom &Out", sk.ZoomOut)
        self.zoom_reset_action = self._action("&Actual Size", "Ctrl+0")
        self.next_article_action = self._action("&Next Article", "J")
        self.previous_article_action = self._action("&Previous Article", "K")
        self.next_hit_action = self._action("Next Search &Hit", "F3", tip="Next search hit (F3)")
        self.previous_hit_action = self._action(
            "Previous Search Hi&t", "Shift+F3", tip="Previous search hit (Shift+F3)"
        )
        self.next_pane_action = self._action("Next &Pane", "F6")
        self.back_action = self._action("&Back", "Esc")
        self.glance_action = self._action(
            "Story at a &Glance",
            "Ctrl+Shift+G",
            tip="When each outlet covered the story, and whom each outlet quotes",
        )
        self.speaker_index_action = self._action(
            "Speakers &Index",
            "Ctrl+Shift+I",
            tip="Every speaker in the library, with their quotes by outlet",
        )
        self.search_help_action = self._action("&Search Help")
        self.about_action = self._action("&About SummitReader")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, label in (("system", "Follow &System"), ("light", "&Light"), ("dark", "&Dark")):
            action = self._action(label, checkable=True)
            action.setData(key)
            self.theme_group.addAction(action)
            self.theme_actions[key] = action

    def _build_views(self) -> None:
        document = self.document
        self.search_field = SearchField()
        self.list_pane = ArticleListPane(document)
        self.results_pane = SearchResultsPane(document, self.search_field)
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.list_pane)
        self.left_stack.addWidget(self.results_pane)
        navigator = QWidget()
        navigator.setObjectName("navigator")
        nav_layout = QVBoxLayout(navigator)
        nav_layout.setContentsMargins(8, 8, 8, 0)
        nav_layout.setSpacing(4)
        nav_layout.addWidget(self.search_field)
        nav_layout.addWidget(self.left_stack, 1)
        self.reader_pane = ReaderPane(
            document,
            quotes_action=self.quotes_action,
            entities_action=self.entities_action,
            previous_hit_action=self.previous_hit_action,
            next_hit_action=self.next_hit_action,
        )
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(navigator)
        self.splitter.addWidget(self.reader_pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 880])
        self.welcome = WelcomeView(str(self.document.library.root))
        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        self.central.addWidget(self.splitter)
        self.notice = NoticeBar()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.notice)
        body_layout.addWidget(self.central, 1)
        self.setCentralWidget(body)

        self.entity_panel = EntityPanel(document)
        self.speaker_panel = SpeakerPanel(document)
        self.related_panel = RelatedPanel(document)
        self.annotation_panel = AnnotationPanel(document)
        self.docks: list[QDockWidget] = []
        for title, name, panel in (
            ("Speakers", "speakersDock", self.speaker_panel),
            ("Names", "entitiesDock", self.entity_panel),
            ("Related Coverage", "relatedDock", self.related_panel),
            ("Notes", "notesDock", self.annotation_panel),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(panel)
            dock.setAllowedAreas(
                Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
            )
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.docks.append(dock)
        self.splitDockWidget(self.docks[0], self.docks[2], Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.docks[0], self.docks[1])
        self.tabifyDockWidget(self.docks[1], self.docks[3])
        self.docks[0].raise_()
        self.resizeDocks([self.docks[0]], [300], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks[0], self.docks[2]], [560, 240], Qt.Orientation.Vertical)

        self.compare_view = CompareView(document)
        self.compare_dock = QDockWidget("Compare Quotes", self)
        self.compare_dock.setObjectName("compareDock")
        self.compare_dock.setWidget(self.compare_view)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.compare_dock)
        self.compare_dock.hide()
        self.compare_action = self.compare_dock.toggleViewAction()
        self.compare_action.setText("&Compare Quotes")
        self.compare_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.compare_action.setToolTip("The same remark as each outlet printed it, side by side")
        self.addAction(self.compare_action)
        self.docks.append(self.compare_dock)
        self.glance_view: GlanceView | None = None

        self.task_status = TaskStatus(document)
        self.statusBar().addPermanentWidget(self.task_status)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions(
            [
                self.import_files_action,
                self.import_folder_action,
                self.import_url_action,
                self.samples_action,
            ]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.export_notes_action, self.import_notes_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.search_action, self.find_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.highlight_action, self.note_action, self.bookmark_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.star_action, self.read_action, self.delete_action])
        view_menu = bar.addMenu("&View")
        view_menu.addActions([self.quotes_action, self.entities_action])
        view_menu.addSeparator()
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        view_menu.addSeparator()
        view_menu.addActions([self.compare_action, self.speaker_index_action, self.glance_action])
        view_menu.addSeparator()
        for dock in self.docks:
            if dock is not self.compare_dock:
                view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        theme_menu.addActions(list(self.theme_actions.values()))
        go_menu = bar.addMenu("&Go")
        go_menu.addActions([self.next_article_action, self.previous_article_action])
        go_menu.addSeparator()
        go_menu.addActions([self.next_hit_action, self.previous_hit_action])
        go_menu.addSeparator()
        go_menu.addActions([self.next_pane_action, self.back_action])
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.search_help_action, self.about_action])

    def _connect(self) -> None:
        document = self.document
        self.import_files_action.triggered.connect(self.choose_files)
        self.import_folder_action.triggered.connect(self.choose_folder)
        self.import_url_action.triggered.connect(self.ask_url)
        self.samples_action.triggered.connect(document.import_samples)
        self.quit_action.triggered.connect(self.close)
        self.search_action.triggered.connect(self.focus_search)
        self.find_action.triggered.connect(self.reader_pane.find_bar.open_bar)
        self.delete_action.triggered.connect(self.delete_selected)
        self.star_action.triggered.connect(self.toggle_star)
        self.read_action.triggered.connect(self.mark_unread)
        self.highlight_action.triggered.connect(lambda: self.reader_pane.highlight_selection())
        self.note_action.triggered.connect(self.reader_pane.note_selection)
        self.bookmark_action.triggered.connect(self.reader_pane.bookmark)
        self.export_notes_action.triggered.connect(self.export_notes)
        self.import_notes_action.triggered.connect(self.import_notes)
        self.reader_pane.status_message.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_MS)
        )
        document.notes.note_did_fail.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_MS * 2)
        )
        document.notes.notes_did_export.connect(
            lambda paths: self.statusBar().showMessage(export_summary(paths), STATUS_MS * 2)
        )
        document.notes.notes_did_import.connect(self._notes_imported)
        self.zoom_in_action.triggered.connect(lambda: self.reader_pane.view.zoom(1))
        self.zoom_out_action.triggered.connect(lambda: self.reader_pane.view.zoom(-1))
        self.zoom_reset_action.triggered.connect(lambda: self.reader_pane.view.zoom(0))
        self.next_article_action.triggered.connect(lambda: self.step_article(1))
        self.previous_article_action.triggered.connect(lambda: self.step_article(-1))
        self.next_hit_action.triggered.connect(lambda: self.reader_pane.view.next_hit(1))
        self.previous_hit_action.triggered.connect(lambda: self.reader_pane.view.next_hit(-1))
        self.next_pane_action.triggered.connect(self.next_pane)
        self.back_action.triggered.connect(self.back)
        self.search_help_action.triggered.connect(self.results_pane.show_help)
        self.about_action.triggered.connect(self.show_about)
        self.glance_action.triggered.connect(self.show_glance)
        self.speaker_index_action.triggered.connect(self.show_speaker_index)
        self.theme_group.triggered.connect(lambda action: self.set_theme(str(action.data())))
        self.list_pane.table.delete_requested.connect(self.delete_selected)
        self.search_field.escape_pressed.connect(self.back)
        self.welcome.load_samples_requested.connect(document.import_samples)
        self.welcome.import_requested.connect(self.choose_files)
        document.search_did_start.connect(
            lambda _q: self.left_stack.setCurrentWidget(self.results_pane)
        )
        document.search_did_clear.connect(lambda: self.left_stack.setCurrentWidget(self.list_pane))
        document.import_did_finish.connect(self._import_finished)
        document.library_did_change.connect(self._library_changed)
        document.article_did_open.connect(self._article_opened)
        document.index_did_report.connect(
            lambda text: self.statusBar().showMessage(text, STATUS_MS)
        )
        document.task_did_fail.connect(self._task_failed)
        document.write_did_refuse.connect(self.show_refusal)
        document.coverage.compare_did_request.connect(self.show_compare)
        document.list_filter_did_change.connect(
            lambda _flt: self.left_stack.setCurrentWidget(self.list_pane)
        )
        self.reader_pane.view.zoom_did_change.connect(
            lambda size: self.settings.setValue("reader/point_size", size)
        )

    # -- commands -------------------------------------------------------------------------------

    def show_compare(self, speaker: str | None = None) -> None:
        """Show the Compare Quotes view, on one speaker when one is given."""
        self.compare_dock.show()
        self.compare_dock.raise_()
        if speaker is not None:
            self.compare_view.show_speaker(speaker)

    def show_speaker_index(self) -> None:
        """Show the Speakers panel on the index of every speaker, ready to type a name."""
        dock = self.docks[0]
        dock.show()
        dock.raise_()
        self.speaker_panel.show_library()

    def show_glance(self) -> GlanceView:
        """Open (or bring forward) the Story at a Glance window."""
        if self.glance_view is None:
            self.glance_view = GlanceView(self.document, self)
            self.glance_view.set_theme(self.theme)
        if self.glance_view.isVisible():  # already open: bring it forward
            self.glance_view.raise_()
            self.glance_view.activateWindow()
        else:
            self.glance_view.show()
        return self.glance_view

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def step_article(self, delta: int) -> None:
        if self.left_stack.currentWidget() is self.results_pane:
            view = self.results_pane.list
            model = self.results_pane.model
            row = view.currentIndex().row() + delta if view.currentIndex().isValid() else 0
            if 0 <= row < model.rowCount():
                view.setCurrentIndex(model.index(row, 0))
                hit = model.hit(row)
                self.document.open_article(hit.id)
            return
        self.list_pane.table.step(delta)

    def back(self) -> None:
        """Esc: close the note editor or the find bar, then leave the search, then the list."""
        if self.reader_pane.editor.isVisible():
            self.reader_pane.editor.finish(save=False)
        elif self.reader_pane.find_bar.isVisible():
            self.reader_pane.find_bar.dismiss()
        elif self.document.query or self.search_field.text():
            self.search_field.clear()
            self.document.clear_search()
            self.list_pane.table.setFocus()
        else:
            self.list_pane.table.setFocus()

    def next_pane(self) -> None:
        """F6: search field → list or results → reader → each visible panel → round again."""
        left = (
            self.results_pane.list
            if self.left_stack.currentWidget() is self.results_pane
            else self.list_pane.table
        )
        panes: list[QWidget] = [self.search_field, left, self.reader_pane.view]
        panes += [dock.widget() for dock in self.docks if dock.isVisible()]
        focused = QApplication.focusWidget()
        current = next(
            (
                i
                for i, pane in enumerate(panes)
                if focused is not None and (pane is focused or pane.isAncestorOf(focused))
            ),
            -1,
        )
        target = panes[(current + 1) % len(panes)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        if not target.hasFocus():
            target.focusNextChild()

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Import articles",
            str(Path.home()),
            "Articles (*.html *.htm *.txt *.md *.xml *.rss *.atom *.json);;All files (*)",
        )
        if paths:
            self.document.import_paths(paths)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder", str(Path.home()))
        if folder:
            self.document.import_paths([folder])

    def ask_url(self) -> None:
        url, ok = QInputDialog.getText(
            self, "Import from URL", "Address of a news page or feed (http or https):"
        )
        if ok and url.strip():
            self.document.import_url(url.strip())

    def confirm_delete(self, count: int) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Delete articles",
            f"Delete {count} article{'s' if count != 1 else ''} from the library? "
            "Your notes on them are kept, listed as notes whose article is gone, and find "
            "their article again if it is restored.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete

    def delete_selected(self) -> None:
        ids = self.list_pane.selected_ids()
        if not ids and self.document.current_id is not None:
            ids = [self.document.current_id]
        if ids and self.confirm_delete(len(ids)):
            self.document.delete(ids)

    def _target_ids(self) -> list[int]:
        ids = self.list_pane.selected_ids()
        if not ids and self.document.current_id is not None:
            ids = [self.document.current_id]
        return ids

    def toggle_star(self) -> None:
        ids = self._target_ids()
        if not ids:
            return
        rows = [self.document.table_model.row_of(i) for i in ids]
        summaries = [self.document.table_model.summary(r) for r in rows if r is not None]
        starred = all(s.starred for s in summaries if s is not None) if summaries else False
        self.document.set_starred(ids, not starred)

    def mark_unread(self) -> None:
        ids = self._target_ids()
        if ids:
            self.document.mark_read(ids, read=False)

    def export_notes(self) -> None:
        """File ▸ Export Notes…: a format, then a file (or a folder for one file per article)."""
        count = len(self.document.library.annotations())
        dialog = ExportNotesDialog(count, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        choice = dialog.choice()
        if choice.per_article:
            folder = QFileDialog.getExistingDirectory(self, "Export notes into", str(Path.home()))
            if folder:
                self.document.notes.export_to(choice.fmt, Path(folder), per_article=True)
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export notes",
            str(Path.home() / f"notes{choice.suffix}"),
            f"Notes (*{choice.suffix});;All files (*)",
        )
        if path:
            self.document.notes.export_to(choice.fmt, Path(path))

    def import_notes(self) -> None:
        """File ▸ Import Notes…: W3C Web Annotations (JSON or JSON-LD) from another library."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Import notes",
            str(Path.home()),
            "Web Annotations (*.json *.jsonld);;All files (*)",
        )
        if path:
            self.document.notes.import_from(Path(path))

    def _notes_imported(self, report: object) -> None:
        summary = import_summary(report)
        self.statusBar().showMessage(summary, STATUS_MS * 2)
        failures = import_failures(report)
        box = QMessageBox(
            QMessageBox.Icon.Warning if failures else QMessageBox.Icon.Information,
            "Notes imported",
            summary,
            QMessageBox.StandardButton.Close,
            self,
        )
        if failures:
            box.setDetailedText("\n".join(failures))
        self.notes_report_box = box
        box.open()

    def show_about(self) -> None:
        from PySide6.QtCore import qVersion

        from summitreader.core.about import versions

        rows = [*versions(), ("Qt", qVersion())]
        table = "".join(
            f"<tr><td>{escape(name)}</td><td>&nbsp;&nbsp;{escape(version)}</td></tr>"
            for name, version in rows
        )
        QMessageBox.about(
            self,
            "About SummitReader",
            "<p><b>SummitReader</b> — follow one story across many outlets: who said what, "
            f"who is mentioned, every source searched at once.</p><table>{table}</table>"
            f"<p>Library: {escape(str(self.document.library.root))}</p>",
        )

    # -- theme ----------------------------------------------------------------------------------

    def set_theme(self, choice: str, *, save: bool = True) -> None:
        self.theme_choice = choice
        self.theme = resolve_theme(choice)
        action = self.theme_actions.get(choice)
        if action is not None:
            action.setChecked(True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.theme)
        self.reader_pane.set_theme(self.theme)
        self.list_pane.set_theme(self.theme)
        self.results_pane.set_theme(self.theme)
        self.entity_panel.set_theme(self.theme)
        self.speaker_panel.set_theme(self.theme)
        self.related_panel.set_theme(self.theme)
        self.annotation_panel.set_theme(self.theme)
        self.compare_view.set_theme(self.theme)
        if self.glance_view is not None:
            self.glance_view.set_theme(self.theme)
        if save:
            self.settings.setValue("theme", choice)

    # -- model events ---------------------------------------------------------------------------

    def _article_opened(self, opened: OpenedArticle) -> None:
        self.setWindowTitle(f"{opened.article.title} — SummitReader")

    def _import_finished(self, report: ImportReport) -> None:
        self.statusBar().showMessage(report_summary(report), STATUS_MS)
        self._update_welcome()
        if report.failed:
            dialog = ImportReportDialog(report, self)
            self.import_report_dialog = dialog
            dialog.open()

    def _library_changed(self, changes: Changes) -> None:
        if changes.added or changes.removed:
            self._update_welcome()

    def _update_welcome(self) -> None:
        empty = self.document.library.count() == 0
        self.central.setCurrentWidget(self.welcome if empty else self.splitter)
        for dock in self.docks:
            dock.setEnabled(not empty)

    def show_refusal(self, reason: str) -> None:
        """The library cannot save (read-only, disk full): say so; reading goes on."""
        text = reason[:1].upper() + reason[1:]
        self.statusBar().showMessage(text, STATUS_MS * 2)
        if not (self.notice.isVisible() and self.notice.text() == text):
            self.notice.show_notice(text)

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS * 2)

    def receive_paths(self, paths: list[str]) -> None:
        """Files handed over by a second start on this library: import them, come forward."""
        if paths:
            self.statusBar().showMessage(f"Importing {len(paths)} item(s)…", STATUS_MS)
            self.document.import_paths(paths)
        if self.isMinimized():
            self.showNormal()
        if self.isVisible():
            self.raise_()
            self.activateWindow()
        else:
            self.show()

    def _task_failed(self, label: str, reason: str) -> None:
        self.statusBar().showMessage(f"{label} failed: {reason}", STATUS_MS * 2)

    # -- drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.statusBar().showMessage(f"Importing {len(paths)} dropped item(s)…", STATUS_MS)
            self.document.import_paths(paths)

    # -- settings and shutdown ------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        self.quotes_action.setChecked(read_bool(self.settings, "reader/quotes", True))
        self.entities_action.setChecked(read_bool(self.settings, "reader/entities", True))
        size = read_float(self.settings, "reader/point_size", DEFAULT_POINT_SIZE)
        if abs(size - DEFAULT_POINT_SIZE) > 0.01:
            self.reader_pane.view.set_point_size(size)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("reader/quotes", self.quotes_action.isChecked())
        self.settings.setValue("reader/entities", self.entities_action.isChecked())
        self.settings.sync()

    def shut_down(self) -> None:
        """Stop background work and save the layout; safe to call twice."""
        self.save_settings()
        self.document.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shut_down()
        super().closeEvent(event)

    def wait_until_idle(self, timeout_ms: int = 60_000) -> bool:
        """Process events until no background task is running (screenshots, benchmarks)."""
        timer = QTimer()
        timer.start(timeout_ms)
        app = QApplication.instance()
        while not self.document.is_idle() and timer.isActive():
            self.document.tasks.wait(20)
            if app is not None:
                app.processEvents()
        timer.stop()
        return self.document.is_idle()
