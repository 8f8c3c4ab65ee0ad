"""Compare Quotes: one remark's variants side by side, differing words marked, each opens."""

from __future__ import annotations

from PySide6.QtCore import Qt

from summitreader.ui.theme import LIGHT


def _open_compare(window, qtbot):  # type: ignore[no-untyped-def]
    view = window.compare_view
    window.show_compare()
    qtbot.waitUntil(lambda: len(view.cards) >= 2, timeout=20_000)
    return view


def _row_with_changes(view) -> int:  # type: ignore[no-untyped-def]
    for row in range(view.remark_model.rowCount()):
        group = view.remark_model.card(row).payload
        from summitreader.coverage import diff_against

        if len(group.members) >= 2 and any(
            differs
            for m in group.members
            for _w, differs in diff_against(group.representative, m.text)
        ):
            return row
    raise AssertionError("no sample remark has a variant with different words")


def test_variants_sit_side_by_side_with_differing_words_marked(
    sample_library, make_window, qtbot
) -> None:
    window = make_window(sample_library)
    view = _open_compare(window, qtbot)
    assert window.compare_dock.isVisible()
    assert view.remark_model.rowCount() >= 2
    view.select_remark(_row_with_changes(view))
    group = view.current_group()
    qtbot.waitUntil(lambda: len(view.cards) == len(group.members))
    first, second = view.cards[0], view.cards[1]
    # columns, not rows (once the layout has placed the new cards)
    qtbot.waitUntil(lambda: second.x() >= first.x() + first.width(), timeout=5_000)
    assert abs(second.y() - first.y()) < 4
    assert {card.kind for card in view.cards} <= {"full", "trimmed", "fragment", "paraphrased"}
    marked = [card for card in view.cards if any(d for _w, d in card.words)]
    assert marked, "a variant with other words should mark them"
    html = marked[0].text.text()
    assert LIGHT.diff_fill in html and "underline" in html
    plain = [card for card in view.cards if not any(d for _w, d in card.words)]
    for card in plain:
        assert LIGHT.diff_fill not in card.text.text()


def test_reading_a_variant_opens_its_article_at_the_quote(
    sample_library, make_window, qtbot
) -> None:
    window = make_window(sample_library)
    view = _open_compare(window, qtbot)
    current = window.document.current_id
    group = view.current_group()
    card = next(c for c in view.cards if c.member.article_id != current)
    member = card.member
    with qtbot.waitSignal(window.document.article_did_open, timeout=10_000) as opened:
        qtbot.mouseClick(card.read, Qt.MouseButton.LeftButton)
    article = opened.args[0]
    assert article.article.id == member.article_id
    assert article.focus == member.start
    assert article.flash == (member.start, member.end)
    assert article.article.text[member.start : member.end].strip()
    qtbot.waitUntil(window.document.is_idle)  # opening marks the article read
    assert view.current_group() is group, "reading a variant keeps the comparison in place"
    assert any(c.member is member for c in view.cards)


def test_speaker_choice_and_paraphrases_reload_the_remarks(
    sample_library, make_window, qtbot
) -> None:
    window = make_window(sample_library)
    view = _open_compare(window, qtbot)
    everyone = view.remark_model.rowCount()
    with qtbot.waitSignal(window.document.coverage.remarks_did_load, timeout=10_000):
        view.loose.setChecked(True)
    qtbot.waitUntil(window.document.is_idle)
    assert view.remark_model.rowCount() >= everyone
    speaker = view.current_group().speaker
    with qtbot.waitSignal(window.document.coverage.remarks_did_load, timeout=10_000):
        view.show_speaker(speaker)
    qtbot.waitUntil(window.document.is_idle)
    groups = [view.remark_model.card(r).payload for r in range(view.remark_model.rowCount())]
    assert groups and all(g.speaker == speaker for g in groups)
