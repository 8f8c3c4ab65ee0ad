"""The article list as a lazy table: SQL sorts, filters and pages; Qt only shows what it fetched.

A proxy model would ask Python for millions of cells to sort 100,000 rows; here sorting and
filtering become an `ArticleFilter` and the table fetches pages of `PAGE_SIZE` rows as the view
scrolls, so a large library opens as fast as a small one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from summitreader.core.library import Library
from summitreader.core.models import ArticleSummary, Changes
from summitreader.store.articles import ArticleFilter

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

Index = QModelIndex | QPersistentModelIndex

# (header, ArticleFilter.order_by or None when SQL cannot sort by it)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("★", "starred"),
    ("Title", "title"),
    ("Source", "source"),
    ("Date", "published"),
    ("Words", "words"),
    ("Quotes", "quotes"),
)
STAR, TITLE, SOURCE, DATE, WORDS, QUOTES = range(len(COLUMNS))
_NUMERIC = {WORDS, QUOTES}


def display_date(published: str | None) -> str:
    """`2025-03-13T09:30:00Z` → `13 Mar 2025`; a partial or odd date is shown as given."""
    text = published or ""
    try:
        year, month, day = int(text[0:4]), int(text[5:7]), int(text[8:10])
    except ValueError:
        return text[:10]
    if not (1 <= month <= 12 and 1 <= day <= 31) or text[4:5] != "-":
        return text[:10]
    return f"{day} {MONTHS[month - 1]} {year}"


def syndication_note(summary: ArticleSummary) -> str:
    """'Also in 3 other outlets' for a wire story carried elsewhere; empty otherwise."""
    if summary.also_in <= 0:
        return ""
    other = "other outlet" if summary.also_in == 1 else "other outlets"
    return f"Also in {summary.also_in} {other}"


class ArticleTableModel(QAbstractTableModel):
    """Rows of `ArticleSummary`, fetched a page at a time in the filter's order."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._filter = ArticleFilter()
        self._rows: list[ArticleSummary] = []
        self._row_of_id: dict[int, int] = {}
        self._total = 0
        self._bold = QFont()
        self._bold.setBold(True)
        self.reload()

    # -- what the view asks -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._library.list(self._filter, limit=PAGE_SIZE, offset=len(self._rows))
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for offset, summary in enumerate(page):
            self._row_of_id[summary.id] = first + offset
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Starred" if section == STAR else COLUMNS[section][0]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == ID_ROLE:
            return summary.id
        if role == SUMMARY_ROLE:
            return summary
        if role == Qt.ItemDataRole.FontRole and summary.unread:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            byline = " · ".join(p for p in (summary.source, summary.author) if p)
            lines = [summary.title, byline, syndication_note(summary)]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.ToolTipRole and column == DATE:
            return summary.published or "No date"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "unread, " if summary.unread else ""
            extra = f", {syndication_note(summary)}" if column == TITLE and summary.also_in else ""
            return f"{state}{self._display(summary, column)}{extra}"
        return None

    def _display(self, summary: ArticleSummary, column: int) -> str:
        if column == STAR:
            return "★" if summary.starred else ""
        if column == TITLE:
            return summary.title
        if column == SOURCE:
            return summary.source or ""
        if column == DATE:
            return display_date(summary.published)
        if column == WORDS:
            return f"{summary.words:,}"
        return str(summary.quote_count) if summary.quote_count else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][1] is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        wanted = replace(self._filter, order_by=COLUMNS[column][1], descending=descending)
        if wanted != self._filter:  # the header re-sends the current order while it is set up
            self.set_filter(wanted)

    # -- what the window asks -----------------------------------------------------------------

    @property
    def filter(self) -> ArticleFilter:
        return self._filter

    @property
    def total(self) -> int:
        """How many articles match the filter (not how many are fetched)."""
        return self._total

    def set_filter(self, flt: ArticleFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self, *, keep_loaded: bool = False) -> None:
        """Start again from the first page (or as many rows as were loaded, to keep the place)."""
        wanted = max(PAGE_SIZE, len(self._rows)) if keep_loaded else PAGE_SIZE
        self.beginResetModel()
        self._total = self._library.count(self._filter)
        self._rows = self._library.list(self._filter, limit=wanted, offset=0)
        self._row_of_id = {summary.id: row for row, summary in enumerate(self._rows)}
        self.endResetModel()

    def apply_changes(self, changes: Changes) -> None:
        """Refresh exactly what changed: rows in place for updates, a reload for adds/removes."""
        if changes.added or changes.removed:
            self.reload(keep_loaded=True)
            return
        loaded = [i for i in changes.updated if i in self._row_of_id]
        if not loaded:
            return
        fresh = self._library.list(replace(self._filter, ids=tuple(loaded)))
        for summary in fresh:
            row = self._row_of_id[summary.id]
            self._rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def article_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def summary(self, row: int) -> ArticleSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, article_id: int) -> int | None:
        """The row of an article among those fetched so far."""
        return self._row_of_id.get(article_id)
