"""Builds the reader's QTextDocument from an article: one block per paragraph, formats by layer.

The text goes in as plain text and everything else (quotes, entities, hits) as QTextCharFormats
at offsets converted by `TextOffsets`, so no markup from an imported page is ever interpreted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from summitreader.annotate.model import Annotation
from summitreader.core.models import Article
from summitreader.nlp.types import ArticleAnalysis, EntityResult, QuoteResult
from summitreader.ui.offsets import TextOffsets
from summitreader.ui.theme import ENTITY_TYPE_NAMES, Theme

LINE_HEIGHT_PERCENT = 150
QUOTE_SPEAKER_PROPERTY = QTextFormat.Property.UserProperty + 1
ENTITY_NAME_PROPERTY = QTextFormat.Property.UserProperty + 2
HIT_PROPERTY = QTextFormat.Property.UserProperty + 3
NOTE_ID_PROPERTY = QTextFormat.Property.UserProperty + 4

Span = tuple[int, int]


@dataclass(slots=True)
class ReaderLayers:
    """What is drawn over the text; `apply_layers` repaints them all from scratch."""

    show_quotes: bool = True
    show_entities: bool = True
    hits: Sequence[Span] = ()
    current_hit: int | None = None
    focus: Sequence[Span] = field(default_factory=tuple)
    notes: Sequence[Annotation] = ()


def drawn_notes(notes: Iterable[Annotation]) -> list[Annotation]:
    """The annotations that mark a passage in the current text (not orphans, not points)."""
    return [n for n in notes if not n.orphan and not n.deleted and n.start < n.end]


def speaker_slots(quotes: Iterable[QuoteResult]) -> dict[str, int]:
    """Colour slot per speaker, in order of first quote, so colours are stable for an article."""
    slots: dict[str, int] = {}
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.speaker and quote.kind != "scare" and quote.speaker not in slots:
            slots[quote.speaker] = len(slots)
    return slots


def display_date(published: str | None) -> str:
    """`2025-03-06` → `6 March 2025`; anything unparseable is shown as given."""
    if not published:
        return ""
    from datetime import date

    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{day.day} {day.strftime('%B')} {day.year}"


def quote_tooltip(quote: QuoteResult) -> str:
    if quote.kind == "scare":
        return "Quoted term (nobody is said to have said it)"
    who = quote.speaker or "Unattributed"
    cue = f" — {quote.cue}" if quote.cue else ""
    return f"{who}{cue}"


def entity_tooltip(entity: EntityResult) -> str:
    kind = ENTITY_TYPE_NAMES.get(entity.type, entity.type)
    count = len(entity.mentions)
    return f"{entity.name} · {kind} · {count} mention{'s' if count != 1 else ''}"


class ArticleDocument:
    """One article laid out for reading, with its analysis ready to paint on top."""

    def __init__(
        self,
        article: Article,
        analysis: ArticleAnalysis | None,
        theme: Theme,
        *,
        serif: str,
        sans: str,
        point_size: float,
    ) -> None:
        self.article = article
        self.analysis = analysis
        self.theme = theme
        self.serif = serif
        self.sans = sans
        self.point_size = point_size
        self.slots = speaker_slots(analysis.quotes) if analysis else {}
        self.document = QTextDocument()
        self.document.setUndoRedoEnabled(False)
        body_font = QFont(serif)
        body_font.setPointSizeF(point_size)
        body_font.setStyleHint(QFont.StyleHint.Serif)
        self.document.setDefaultFont(body_font)
        self.document.setDocumentMargin(max(24.0, point_size * 2.4))
        self.body_format = QTextCharFormat()
        self.body_format.setFontFamilies([serif])
        self.body_format.setFontPointSize(point_size)
        self.body_format.setForeground(QColor(theme.text))
        self._write_masthead()
        body_start = self.document.characterCount() if article.paragraphs else 0
        self._write_body()
        self.offsets = TextOffsets(article.paragraphs, body_start)
        self.dateline_span = self._dateline_span()

    # -- layout ---------------------------------------------------------------------------------

    def _char(
        self, *, family: str, scale: float, colour: str, bold: bool = False
    ) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontFamilies([family])
        fmt.setFontPointSize(self.point_size * scale)
        fmt.setForeground(QColor(colour))
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

    def _block(self, *, top: float = 0, bottom: float = 0, line: int = 100) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setLineHeight(line, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    def _write_masthead(self) -> None:
        article, theme, em = self.article, self.theme, self.point_size * 1.33
        cursor = QTextCursor(self.document)
        kicker = " · ".join(p for p in (article.source, article.section) if p) or "Article"
        kicker_format = self._char(family=self.sans, scale=0.78, colour=theme.accent, bold=True)
        kicker_format.setFontCapitalization(QFont.Capitalization.AllUppercase)
        kicker_format.setFontLetterSpacing(108)
        cursor.setBlockFormat(self._block(bottom=em * 0.5))
        cursor.insertText(kicker, kicker_format)

        headline = self._char(family=self.serif, scale=1.9, colour=theme.text, bold=True)
        cursor.insertBlock(self._block(bottom=em * 0.7, line=118), headline)
        cursor.insertText(article.title, headline)

        meta = self._char(family=self.sans, scale=0.86, colour=theme.muted)
        byline = self._block(bottom=em * 1.4)
        byline.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, 1)
        cursor.insertBlock(byline, meta)
        if article.author:
            cursor.insertText("By ", meta)
            cursor.insertText(
                article.author,
                self._char(family=self.sans, scale=0.86, colour=theme.text, bold=True),
            )
            cursor.insertText("   ", meta)
        details = [display_date(article.published)]
        if article.dateline:
            details.append(article.dateline)
        details.append(f"{article.reading_minutes} min read")
        if article.is_excerpt:
            details.append("excerpt")
        cursor.insertText(" · ".join(d for d in details if d), meta)
        self._rule_block = cursor.block().blockNumber()

    def _write_body(self) -> None:
        cursor = QTextCursor(self.document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        em = self.point_size * 1.33
        paragraph = self._block(bottom=em * 0.85, line=LINE_HEIGHT_PERCENT)
        for text in self.article.paragraphs:
            cursor.insertBlock(paragraph, self.body_format)
            cursor.insertText(text, self.body_format)

    def _dateline_span(self) -> Span | None:
        """The opening dateline ("LISBON, Portugal (NWS) —"), set in small capitals."""
        if not self.article.paragraphs:
            return None
        first = self.article.paragraphs[0]
        for dash in (" — ", " – ", " -- "):
            head, found, _ = first.partition(dash)
            if found and len(head) <= 60 and head.upper()[:4] == head[:4]:
                return 0, len(head) + len(dash.rstrip())
        return None

    # -- layers ---------------------------------------------------------------------------------

    def _select(self, start: int, end: int) -> QTextCursor:
        doc_start, doc_end = self.offsets.span_to_document(start, end)
        cursor = QTextCursor(self.document)
        cursor.setPosition(doc_start)
        cursor.setPosition(doc_end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def quote_format(self, quote: QuoteResult) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if quote.kind == "scare":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(self.theme.muted))
        else:
            fmt.setBackground(
                self.theme.quote_fill(
                    self.slots.get(quote.speaker or "") if quote.speaker else None
                )
            )
        fmt.setToolTip(quote_tooltip(quote))
        fmt.setProperty(QUOTE_SPEAKER_PROPERTY, quote.speaker or "")
        return fmt

    def entity_format(self, entity: EntityResult) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(self.theme.entity_colour(entity.type))
        fmt.setToolTip(entity_tooltip(entity))
        fmt.setProperty(ENTITY_NAME_PROPERTY, entity.name)
        return fmt

    def note_format(self, note: Annotation) -> QTextCharFormat:
        """A highlight is a tint of its colour; one with a note is also underlined in the
        stronger shade; a bookmarked passage is only underlined with dots."""
        fmt = QTextCharFormat()
        mark = self.theme.note_mark(note.color)
        if note.kind == "bookmark":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(mark)
        else:
            fmt.setBackground(self.theme.note_fill(note.color))
            if note.note:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(mark)
        if note.note:
            fmt.setToolTip(note.note)
        fmt.setProperty(NOTE_ID_PROPERTY, note.id)
        return fmt

    def apply_layers(self, layers: ReaderLayers) -> None:
        """Reset the body to plain text, then paint quotes, entities, focus and hits in order."""
        if not self.article.paragraphs:
            return
        self._select(0, self.offsets.text_length).setCharFormat(self.body_format)
        if self.dateline_span is not None:
            dateline = QTextCharFormat()
            dateline.setFontCapitalization(QFont.Capitalization.SmallCaps)
            dateline.setFontLetterSpacing(104)
            dateline.setFontWeight(QFont.Weight.DemiBold)
            self._select(*self.dateline_span).mergeCharFormat(dateline)
        if self.analysis is not None and layers.show_quotes:
            for quote in self.analysis.quotes:
                self._select(quote.start, quote.end).mergeCharFormat(self.quote_format(quote))
        if self.analysis is not None and layers.show_entities:
            for entity in self.analysis.entities:
                fmt = self.entity_format(entity)
                for mention in entity.mentions:
                    self._select(mention.start, mention.end).mergeCharFormat(fmt)
        for note in drawn_notes(layers.notes):
            self._select(note.start, note.end).mergeCharFormat(self.note_format(note))
        self._paint_spans(layers.focus, self.theme.focus)
        for number, span in enumerate(layers.hits):
            current = number == layers.current_hit
            colour = self.theme.hit_current if current else self.theme.hit
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colour))
            fmt.setProperty(HIT_PROPERTY, number)
            if not self.theme.is_dark:
                fmt.setForeground(QColor(self.theme.text))
            self._select(*span).mergeCharFormat(fmt)

    def _paint_spans(self, spans: Sequence[Span], colour: str) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        for start, end in spans:
            self._select(start, end).mergeCharFormat(fmt)

    # -- look-ups for the view ------------------------------------------------------------------

    def char_format_at(self, offset: int) -> QTextCharFormat:
        """The format of the character at code-point `offset` (for tests and tooltips)."""
        cursor = QTextCursor(self.document)
        cursor.setPosition(self.offsets.to_document(offset + 1))
        return cursor.charFormat()

    def notes_at(self, notes: Iterable[Annotation], offset: int) -> list[Annotation]:
        """The drawn annotations covering `offset`, the innermost (shortest) first."""
        found = [n for n in drawn_notes(notes) if n.start <= offset < n.end]
        return sorted(found, key=lambda n: n.end - n.start)

    def quotes_at(self, offset: int) -> list[QuoteResult]:
        if self.analysis is None:
            return []
        return [q for q in self.analysis.quotes if q.start <= offset < q.end]

    def entities_at(self, offset: int) -> list[EntityResult]:
        if self.analysis is None:
            return []
        return [
            e for e in self.analysis.entities if any(m.start <= offset < m.end for m in e.mentions)
        ]
