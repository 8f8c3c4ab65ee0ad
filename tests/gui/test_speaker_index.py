"""The speaker index: every speaker, filtered as you type; one speaker's remarks by group."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_speaker_index_filters_as_you_type_and_groups_remarks(
    sample_library, make_window, qtbot
) -> None:
    window = make_window(sample_library)
    panel = window.speaker_panel
    with qtbot.waitSignal(window.document.coverage.speakers_did_load, timeout=10_000):
        window.show_speaker_index()
    everyone = [s.name for s in sample_library.speakers()]
    assert panel.visible_speakers() == everyone
    qtbot.keyClicks(panel.filter, "ines")  # no accent typed: "Inês Valadão" still matches
    assert panel.visible_speakers() == ["Inês Valadão"]
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "IBÁÑ")
    assert panel.visible_speakers() == [n for n in everyone if "Ibáñez" in n]
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "nobody by this name")
    assert panel.visible_speakers() == []
    panel.filter.clear()
    assert len(panel.visible_speakers()) == len(everyone)

    with qtbot.waitSignal(window.document.coverage.speaker_remarks_did_load, timeout=10_000):
        panel.choose_library_speaker(0)
    cards = panel.quote_model.cards()
    quotes = [c.payload for c in cards if c.payload is not None]
    speaker = everyone[0]
    expected = [q for q in sample_library.quotes(speaker=speaker) if q.kind != "scare"]
    assert len(quotes) == len(expected)
    assert any(c.header for c in cards), "a shared remark is shown as a group"
    assert speaker in panel.quotes_title.text()


def test_compare_side_by_side_opens_the_compare_view_on_the_speaker(
    sample_library, make_window, qtbot
) -> None:
    window = make_window(sample_library)
    panel = window.speaker_panel
    with qtbot.waitSignal(window.document.coverage.speakers_did_load, timeout=10_000):
        window.show_speaker_index()
    with qtbot.waitSignal(window.document.coverage.speaker_remarks_did_load, timeout=10_000):
        panel.choose_library_speaker(0)
    speaker = panel.visible_speakers()[0]
    qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    assert window.compare_dock.isVisible()
    view = window.compare_view
    qtbot.waitUntil(lambda: view.speaker.current_speaker() == speaker, timeout=10_000)
    qtbot.waitUntil(window.document.is_idle)
    qtbot.waitUntil(lambda: view.remark_model.rowCount() > 0, timeout=10_000)
    groups = [view.remark_model.card(r).payload for r in range(view.remark_model.rowCount())]
    assert all(g.speaker == speaker for g in groups)
