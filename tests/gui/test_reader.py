"""Opening an article: the exact formats at quote, entity and hit offsets, after an emoji."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat

from summitreader.core.library import Library
from summitreader.ingest.types import ParsedArticle
from summitreader.nlp.types import ArticleAnalysis, EntityResult, Mention, QuoteResult
from summitreader.ui.reader_document import (
    ENTITY_NAME_PROPERTY,
    QUOTE_SPEAKER_PROPERTY,
)
from summitreader.ui.theme import LIGHT

PARAGRAPHS = (
    "LISBON (NWS) — The talks 😀 on the Tagus resumed on Monday.",
    "“We came here to share the water,” said Inês Valadão 🇵🇹 of Portugal.",
    "Spain's Tomás Ibáñez said: “Nobody has left the table.” 𝔘",
)
TEXT = "\n\n".join(PARAGRAPHS)


def _span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


class _AnalysedLibrary(Library):
    """A real library whose analysis is fixed, so offsets can be checked exactly."""

    def analysis(self, article_id: int) -> ArticleAnalysis | None:
        valadao = _span("We came here to share the water,")
        ibanez = _span("Nobody has left the table.")
        return ArticleAnalysis(
            quotes=(
                QuoteResult(TEXT[slice(*valadao)], "Inês Valadão", "speech", *valadao, "said"),
                QuoteResult(TEXT[slice(*ibanez)], "Tomás Ibáñez", "speech", *ibanez, "said"),
            ),
            entities=(
                EntityResult("Portugal", "GPE", (Mention("Portugal", *_span("Portugal")),)),
                EntityResult("Tagus", "LOC", (Mention("Tagus", *_span("Tagus")),)),
                EntityResult(
                    "Inês Valadão", "PERSON", (Mention("Inês Valadão", *_span("Inês Valadão")),)
                ),
            ),
            analyser_version="test",
        )


@pytest.fixture
def analysed(library_dir: Path) -> _AnalysedLibrary:
    library = _AnalysedLibrary(library_dir)
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
    yield library
    library.close()


def _open(window, qtbot, article_id: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.document.article_did_open, timeout=10_000):
        window.document.open_article(article_id)


def _format(window, offset: int) -> QTextCharFormat:  # type: ignore[no-untyped-def]
    return window.reader_pane.view.page.char_format_at(offset)


def test_quotes_and_entities_get_their_formats_after_emoji(analysed, make_window, qtbot) -> None:
    window = make_window(analysed)
    article_id = analysed.list()[0].id
    _open(window, qtbot, article_id)
    page = window.reader_pane.view.page
    assert page.document.blockCount() == 3 + len(PARAGRAPHS)
    valadao_slot = page.slots["Inês Valadão"]
    ibanez_slot = page.slots["Tomás Ibáñez"]
    assert valadao_slot != ibanez_slot

    start, end = _span("We came here to share the water,")
    for offset in (start, end - 1):
        fmt = _format(window, offset)
        assert fmt.background().color() == QColor(LIGHT.quote_fills[valadao_slot])
        assert fmt.property(QUOTE_SPEAKER_PROPERTY) == "Inês Valadão"
    assert _format(window, start - 1).property(QUOTE_SPEAKER_PROPERTY) is None
    assert _format(window, end).background().style() == Qt.BrushStyle.NoBrush

    start, end = _span("Nobody has left the table.")  # after 😀 and 🇵🇹 earlier in the text
    fmt = _format(window, start)
    assert fmt.background().color() == QColor(LIGHT.quote_fills[ibanez_slot])
    assert fmt.property(QUOTE_SPEAKER_PROPERTY) == "Tomás Ibáñez"

    start, end = _span("Portugal")  # after the flag's two astral characters
    fmt = _format(window, start)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert fmt.underlineColor() == QColor(LIGHT.entity_colours["GPE"])
    assert fmt.property(ENTITY_NAME_PROPERTY) == "Portugal"
    assert fmt.toolTip().startswith("Portugal · Country or city")
    assert _format(window, end).property(ENTITY_NAME_PROPERTY) is None

    start, _ = _span("Inês Valadão")  # a name inside no quote, in a person's colour
    assert _format(window, start).underlineColor() == QColor(LIGHT.entity_colours["PERSON"])


def test_layer_toggles_remove_and_restore_formats(analysed, make_window, qtbot) -> None:
    window = make_window(analysed)
    _open(window, qtbot, analysed.list()[0].id)
    quote_start, _ = _span("Nobody has left the table.")
    entity_start, _ = _span("Tagus")
    window.quotes_action.setChecked(False)
    window.entities_action.setChecked(False)
    assert _format(window, quote_start).property(QUOTE_SPEAKER_PROPERTY) is None
    assert _format(window, entity_start).property(ENTITY_NAME_PROPERTY) is None
    window.quotes_action.setChecked(True)
    window.entities_action.setChecked(True)
    assert _format(window, quote_start).property(QUOTE_SPEAKER_PROPERTY) == "Tomás Ibáñez"
    assert _format(window, entity_start).property(ENTITY_NAME_PROPERTY) == "Tagus"


def test_entity_focus_find_zoom_and_position(analysed, make_window, qtbot) -> None:
    window = make_window(analysed)
    _open(window, qtbot, analysed.list()[0].id)
    view = window.reader_pane.view
    window.document.focus_entity("Tagus")
    start, _ = _span("Tagus")
    assert _format(window, start).background().color() == QColor(LIGHT.focus)

    window.find_action.trigger()
    assert window.reader_pane.find_bar.isVisible()
    assert view.find_text("table")
    assert view.textCursor().selectedText() == "table"

    size = view.point_size
    window.zoom_in_action.trigger()
    assert view.point_size > size
    window.zoom_reset_action.trigger()
    assert view.point_size == pytest.approx(size)
    assert view.page.char_format_at(start).property(ENTITY_NAME_PROPERTY) == "Tagus"
