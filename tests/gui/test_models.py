"""The item models: Qt's model tester, SQL paging, sorting and filtering."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle
from summitreader.store.articles import ArticleFilter
from summitreader.ui.article_table_model import (
    DATE,
    PAGE_SIZE,
    QUOTES,
    SOURCE,
    TITLE,
    ArticleTableModel,
    display_date,
)
from summitreader.ui.rows_model import RECORD_ROLE, Column, RowsModel
from summitreader.ui.search_results import SearchResultsModel


def _fill(library: Library, count: int) -> None:
    outlets = ("NWS", "HORIZON", "The Lisbon Courier")
    library.import_parsed(
        [
            ParsedArticle(
                title=f"Article {n:04d} on the talks",
                paragraphs=(f"Body {n} says the talks on the Tagus went on, day {n}.",),
                source=outlets[n % 3],
                published=f"2025-03-{1 + n % 28:02d}",
            )
            for n in range(count)
        ],
        origin="test",
    )


def test_article_table_model_passes_the_model_tester(qtmodeltester, library: Library) -> None:
    _fill(library, 30)
    model = ArticleTableModel(library)
    qtmodeltester.check(model)
    assert model.rowCount() == 30
    assert model.data(model.index(0, TITLE), Qt.ItemDataRole.FontRole).bold()


def test_rows_are_fetched_lazily_a_page_at_a_time(library: Library) -> None:
    _fill(library, PAGE_SIZE * 2 + 20)
    model = ArticleTableModel(library)
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE * 2 + 20
    assert not model.canFetchMore(QModelIndex())


def test_sorting_and_filtering_happen_in_sql(library: Library) -> None:
    _fill(library, 12)
    model = ArticleTableModel(library)
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    titles = [model.data(model.index(r, TITLE)) for r in range(model.rowCount())]
    assert titles == sorted(titles)
    model.sort(DATE, Qt.SortOrder.DescendingOrder)
    dates = [model.summary(r).published for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    assert model.data(model.index(0, DATE)) == display_date(dates[0])
    assert model.data(model.index(0, DATE), Qt.ItemDataRole.ToolTipRole) == dates[0]
    model.sort(QUOTES, Qt.SortOrder.DescendingOrder)
    assert model.filter.order_by == "quotes"
    model.set_filter(ArticleFilter(sources=("HORIZON",)))
    assert model.total == 4
    assert {model.data(model.index(r, SOURCE)) for r in range(model.rowCount())} == {"HORIZON"}
    model.set_filter(ArticleFilter(text="0007"))
    assert model.rowCount() == 1


def test_updates_change_rows_in_place(library: Library, qtbot) -> None:
    _fill(library, 5)
    model = ArticleTableModel(library)
    article_id = model.article_id(2)
    assert article_id is not None
    with qtbot.waitSignal(model.dataChanged), qtbot.assertNotEmitted(model.modelReset):
        model.apply_changes(library.mark_read([article_id]))
    assert model.data(model.index(2, TITLE), Qt.ItemDataRole.FontRole) is None


@dataclass
class _Hit:
    id: int
    title: str
    source: str | None
    published: str | None
    score: float
    snippet: str


def test_rows_and_search_models_pass_the_model_tester(qtmodeltester) -> None:
    rows: RowsModel[tuple[str, int]] = RowsModel(
        [Column("Name", lambda r: r[0]), Column("Count", lambda r: str(r[1]), numeric=True)]
    )
    rows.set_rows([("Inês Valadão", 3), ("Tomás Ibáñez", 2)])
    qtmodeltester.check(rows)
    assert rows.data(rows.index(1, 0), RECORD_ROLE) == ("Tomás Ibáñez", 2)
    hits = SearchResultsModel()
    hits.set_hits([_Hit(1, "Talks", "NWS", "2025-03-06", 1.0, "the <mark>talks</mark> &amp; more")])
    qtmodeltester.check(hits)
    assert "talks & more" in hits.data(hits.index(0, 0), Qt.ItemDataRole.ToolTipRole)


def test_compact_dates_and_syndication_note() -> None:
    from summitreader.core.models import ArticleSummary
    from summitreader.ui.article_table_model import syndication_note

    assert display_date("2025-03-13T09:30:00Z") == "13 Mar 2025"
    assert display_date("2025-03") == "2025-03"
    assert display_date(None) == ""
    summary = ArticleSummary(1, "T", "NWS", None, None, None, 10, also_in=3)
    assert syndication_note(summary) == "Also in 3 other outlets"
    assert syndication_note(ArticleSummary(2, "T", None, None, None, None, 1)) == ""
