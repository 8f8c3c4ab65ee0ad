"""Names panel: choosing a name lists what is mentioned with it, with counts by outlet."""

from __future__ import annotations


def test_choosing_a_name_lists_its_co_mentions_by_outlet(
    sample_library, make_window, qtbot
) -> None:
    window = make_window(sample_library)
    panel = window.entity_panel
    name = sample_library.entities(limit=1)[0].name
    expected = sample_library.co_mentions(name, limit=15)
    with qtbot.waitSignal(window.document.coverage.co_mentions_did_load, timeout=10_000):
        panel.select_name(name)
    listed = panel.mentioned_with
    assert listed.names() == [row.name for row in expected]
    first = listed.model.card(0)
    top_outlet, top_count = max(expected[0].by_source.items(), key=lambda kv: kv[1])
    assert f"{top_outlet} {top_count}" in first.meta
    assert name in listed.title.text()
    # double-clicking a co-mention moves on to that name
    other = expected[0].name
    with qtbot.waitSignal(window.document.coverage.co_mentions_did_load, timeout=10_000):
        listed.name_chosen.emit(other)
    assert listed.entity == other
    assert name in listed.names()
