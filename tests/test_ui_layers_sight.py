"""The Layers panel out of sight (the Regions tab in front of it, or its dock closed)
sets none of its texts at a time step; shown again, it shows the time of the cursor,
as a panel made afresh then does (viewer/ui/layers_panel.py)."""

from __future__ import annotations

from datetime import timedelta

from test_ui_dock_steps import daily_window
from test_ui_one_frame import watch_steps
from viewer.model import parse_time
from viewer.ui.layers_panel import LayersPanel


def texts(panel: LayersPanel) -> list[str]:
    return [panel.area_header.text()] + [panel.area_text(key) for key in sorted(panel.rows)]


def fresh_texts(window) -> list[str]:
    panel = window.layers_panel
    fresh = LayersPanel(panel.situation, window.display, window.cursor_model, panel.areas)
    try:
        return texts(fresh)
    finally:
        fresh.deleteLater()


def test_the_layers_panel_behind_a_tab_skips_steps_and_catches_up(qtbot, monkeypatch,
                                                                 tmp_path):
    window = daily_window(qtbot, monkeypatch, tmp_path)
    panel, cursor = window.layers_panel, window.cursor_model
    window.layers_dock.raise_()
    cursor.set_time(parse_time("2025-06-02T06:00"))
    watch_steps(window, [], lambda: None)
    before = texts(panel)
    assert before == fresh_texts(window)
    assert before[0] == "Area on 2 Jun 2025 06:00 UTC"
    window.regions_dock.raise_()            # the Layers panel behind the Regions tab
    watch_steps(window, [lambda: cursor.set_time(cursor.time + timedelta(days=2))],
                lambda: None)
    assert texts(panel) == before           # not set while out of sight
    window.layers_dock.raise_()
    watch_steps(window, [], lambda: None)
    assert texts(panel) == fresh_texts(window) != before
    assert panel.area_header.text() == "Area on 4 Jun 2025 06:00 UTC"
    window.layers_dock.close()               # closed: the same
    watch_steps(window, [lambda: cursor.set_time(cursor.time - timedelta(days=1))],
                lambda: None)
    assert panel.area_header.text() == "Area on 4 Jun 2025 06:00 UTC"
    window.layers_dock.show()
    watch_steps(window, [], lambda: None)
    assert texts(panel) == fresh_texts(window)
    assert panel.area_header.text() == "Area on 3 Jun 2025 06:00 UTC"


def test_the_layers_areas_follow_the_time_once_shown_again(qtbot, monkeypatch, tmp_path):
    window = daily_window(qtbot, monkeypatch, tmp_path)
    panel, cursor = window.layers_panel, window.cursor_model
    window.layers_dock.raise_()
    cursor.set_time(parse_time("2025-06-03T06:00"))
    watch_steps(window, [], lambda: None)
    first = panel.area_text("front")
    window.regions_dock.raise_()
    watch_steps(window, [lambda: cursor.set_time(parse_time("2025-06-05T06:00"))],
                lambda: None)
    assert panel.area_text("front") == first
    window.layers_dock.raise_()
    watch_steps(window, [], lambda: None)
    assert panel.area_text("front") not in ("", first)      # the layer grows daily
    assert texts(panel) == fresh_texts(window)
