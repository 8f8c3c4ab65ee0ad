"""The article list with its filter row: outlet, date range and a title filter, all in SQL."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from summitreader.core.models import Changes
from summitreader.store.articles import ArticleFilter
from summitreader.ui.article_table_model import (
    DATE,
    ID_ROLE,
    QUOTES,
    SOURCE,
    STAR,
    TITLE,
    WORDS,
    ArticleTableModel,
)
from summitreader.ui.article_title_delegate import ArticleTitleDelegate
from summitreader.ui.document_model import DocumentModel, OpenedArticle
from summitreader.ui.theme import Theme

FILTER_DEBOUNCE_MS = 200
ALL_OUTLETS = "All outlets"


class ArticleTable(QTableView):
    """The table itself: j/k walk it like the arrows, Enter opens, Delete asks to delete.

    Signals:
        open_requested(int): open this article id.
        delete_requested(): delete the selected articles (the window confirms).
    """

    open_requested = Signal(int)
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_J, Qt.Key.Key_K) and not event.modifiers():
            self.step(1 if key == Qt.Key.Key_J else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            current = self.currentIndex()
            if current.isValid():
                article_id = self.model().data(current, ID_ROLE)
                self.open_requested.emit(int(article_id))
            return
        if key == Qt.Key.Key_Delete:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def step(self, delta: int) -> None:
        """Move to the next/previous row (fetching more rows at the end); moving opens it."""
        model = self.model()
        row = self.currentIndex().row() + delta if self.currentIndex().isValid() else 0
        if row >= model.rowCount() and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        if not 0 <= row < model.rowCount():
            return
        index = model.index(row, TITLE)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)


class ArticleListPane(QWidget):
    """Filters above the lazy article table; selection is kept by article id across reloads."""

    def __init__(self, document: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model: ArticleTableModel = document.table_model
        self.setAccessibleName("Article list")

        self.source = QComboBox()
        self.source.setAccessibleName("Filter by outlet")
        self.use_dates = QCheckBox("From")
        self.use_dates.setAccessibleName("Filter by date")
        self.date_from = QDateEdit()
        self.date_from.setCalendarPopup(True)
        self.date_from.setDisplayFormat("yyyy-MM-dd")
        self.date_from.setAccessibleName("Published from")
        self.date_to = QDateEdit()
        self.date_to.setCalendarPopup(True)
        self.date_to.setDisplayFormat("yyyy-MM-dd")
        self.date_to.setAccessibleName("Published until")
        self.show_library_dates()
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter titles, outlets, authors")
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName("Filter the list")
        self.count = QLabel()
        self.count.setObjectName("listCount")
        self.chosen = QLabel()
        self.chosen.setObjectName("listChosen")
        self.chosen.setAccessibleName("The list shows chosen articles")
        self.show_all = QPushButton("Show all")
        self.show_all.setObjectName("flatButton")
        self.show_all.setAccessibleName("Show every article again")
        self.chosen_bar = QWidget()
        self.chosen_bar.setObjectName("chosenBar")
        chosen_layout = QHBoxLayout(self.chosen_bar)
        chosen_layout.setContentsMargins(8, 2, 8, 2)
        chosen_layout.addWidget(self.chosen, 1)
        chosen_layout.addWidget(self.show_all)
        self.chosen_bar.hide()

        self.table = ArticleTable()
        self.table.setObjectName("articleTable")
        self.table.setAccessibleName("Articles")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(46)
        self.title_delegate = ArticleTitleDelegate(self.table)
        self.table.setItemDelegateForColumn(TITLE, self.title_delegate)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        bold = self.table.font()
        bold.setBold(True)
        cell = QFontMetrics(bold)
        label = QFontMetrics(header.font())

        def fits(title: str, sample: str) -> int:
            """Wide enough for the header (with its sort arrow) and a bold cell, no wider."""
            return max(label.horizontalAdvance(title) + 22, cell.horizontalAdvance(sample) + 28)

        for column, width in (
            (STAR, 24),
            (SOURCE, 96),
            (DATE, fits("Date", "30 Sep 2025")),
            (WORDS, fits("Words", "99,999")),
            (QUOTES, fits("Quotes", "999")),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # The title matters most in a narrow list: word counts are there on demand.
        self.table.setColumnHidden(WORDS, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        flt = self.model.filter
        header.setSortIndicator(
            DATE, Qt.SortOrder.DescendingOrder if flt.descending else Qt.SortOrder.AscendingOrder
        )

        row1 = QHBoxLayout()
        row1.addWidget(self.source, 1)
        row1.addWidget(self.text, 2)
        row2 = QHBoxLayout()
        row2.addWidget(self.use_dates)
        row2.addWidget(self.date_from)
        row2.addWidget(QLabel("to"))
        row2.addWidget(self.date_to)
        row2.addStretch(1)
        row2.addWidget(self.count)
        filters = QVBoxLayout()
        filters.setContentsMargins(8, 6, 8, 6)
        filters.setSpacing(4)
        filters.addLayout(row1)
        filters.addLayout(row2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(filters)
        layout.addWidget(self.chosen_bar)
        layout.addWidget(self.table, 1)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(FILTER_DEBOUNCE_MS)
        self._text_timer.timeout.connect(self._apply_filter)
        self.text.textChanged.connect(lambda _t: self._text_timer.start())
        self.source.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.use_dates.toggled.connect(lambda _on: self._apply_filter())
        self.date_from.dateChanged.connect(lambda _d: self._dates_changed())
        self.date_to.dateChanged.connect(lambda _d: self._dates_changed())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.open_requested.connect(self._open)
        self.model.modelReset.connect(self._model_reset)
        self.show_all.clicked.connect(document.clear_list_filter)
        document.list_filter_did_change.connect(self._filter_changed)
        document.article_did_open.connect(self._article_opened)
        document.library_did_change.connect(self._library_changed)
        self._updating_sources = False
        self.refresh_sources()
        self._update_count()

    # -- filters --------------------------------------------------------------------------------

    def _column_menu(self, pos: QPoint) -> None:
        """Right-click on the header: choose which columns to show (the title always shows)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            if column == TITLE:
                continue
            name = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "Starred")
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
        menu.exec(header.mapToGlobal(pos))

    def show_library_dates(self) -> None:
        """Set the date range to the library's own span (first to last dated article)."""
        if self.use_dates.isChecked():
            return
        library = self.document.library
        # Undated articles sort lowest: ask only among dated ones for the first day.
        dated = ArticleFilter(order_by="published", descending=False, published_from="0")
        first = library.list(dated, limit=1)
        last = library.list(ArticleFilter(order_by="published", descending=True), limit=1)
        start = QDate.fromString((first[0].published or "")[:10], "yyyy-MM-dd") if first else None
        end = QDate.fromString((last[0].published or "")[:10], "yyyy-MM-dd") if last else None
        if start is None or end is None or not start.isValid() or not end.isValid():
            end = QDate.currentDate()
            start = end.addYears(-1)
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(day)
            edit.blockSignals(False)

    def set_theme(self, theme: Theme) -> None:
        self.title_delegate.set_theme(theme)
        self.table.viewport().update()

    def refresh_sources(self) -> None:
        """Fill the outlet box from the library, keeping the choice if the outlet remains."""
        chosen = self.source.currentData()
        self._updating_sources = True
        self.source.clear()
        self.source.addItem(ALL_OUTLETS, None)
        for name, count in self.document.library.sources():
            self.source.addItem(f"{name} ({count})", name)
        found = self.source.findData(chosen) if chosen else 0
        self.source.setCurrentIndex(max(0, found))
        self._updating_sources = False

    def _dates_changed(self) -> None:
        if self.use_dates.isChecked():
            self._apply_filter()

    def _apply_filter(self) -> None:
        if self._updating_sources:
            return
        source = self.source.currentData()
        dated = self.use_dates.isChecked()
        flt = replace(
            self.model.filter,
            sources=(source,) if source else (),
            published_from=self.date_from.date().toString("yyyy-MM-dd") if dated else None,
            published_to=self.date_to.date().toString("yyyy-MM-dd") if dated else None,
            text=self.text.text().strip() or None,
        )
        if flt != self.model.filter:
            self.model.set_filter(flt)

    def _filter_changed(self, flt: ArticleFilter) -> None:
        """The filter came from outside (a chart): show it in the controls."""
        self._updating_sources = True
        source = flt.sources[0] if len(flt.sources) == 1 else None
        self.source.setCurrentIndex(max(0, self.source.findData(source)) if source else 0)
        dated = bool(flt.published_from or flt.published_to)
        self.use_dates.setChecked(dated)
        for edit, value in ((self.date_from, flt.published_from), (self.date_to, flt.published_to)):
            day = QDate.fromString((value or "")[:10], "yyyy-MM-dd")
            if day.isValid():
                edit.setDate(day)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self._updating_sources = False
        if not dated:
            self.show_library_dates()
        self._update_chosen()

    def _update_chosen(self) -> None:
        ids = self.model.filter.ids
        self.chosen_bar.setVisible(ids is not None)
        if ids is not None:
            self.chosen.setText(f"Showing {len(ids)} chosen article{'s' if len(ids) != 1 else ''}")

    # -- selection ------------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.article_id(r) for r in rows) if i is not None]

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.model.article_id(current.row()) if current.isValid() else None
        if article_id is not None:
            self._open(article_id)

    def _open(self, article_id: int) -> None:
        if article_id != self.document.current_id:
            self.document.open_article(article_id)

    def select_article(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row is None:
            return
        index = self.model.index(row, TITLE)
        current = self.table.currentIndex()
        if current.isValid() and current.row() == row:
            return
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _article_opened(self, opened: OpenedArticle) -> None:
        self.select_article(opened.article.id)

    def _model_reset(self) -> None:
        self._update_count()
        self._update_chosen()
        if self.document.current_id is not None:
            self.select_article(self.document.current_id)

    def _library_changed(self, changes: Changes) -> None:
        if changes.added or changes.removed:
            self.refresh_sources()
            self.show_library_dates()

    def _update_count(self) -> None:
        total = self.model.total
        self.count.setText(f"{total:,} article{'s' if total != 1 else ''}")
