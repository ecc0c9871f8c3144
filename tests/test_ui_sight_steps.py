"""What a time step costs the Regions and Settlements panels, and that they still show
what they should: a step lays nothing out (the notes' new dates stay in their room) nor
repaints the docks. In the Regions panel the
table repaints the cells that changed, not the whole list or its header, while its rows
keep their order, and sorts them again when a region overtakes another; the window then
holds what painting it whole gives."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from shapely.geometry import box

from test_ui_one_frame import analysed, watch_steps
from test_ui_step_pixels import painted, repainted
from ui_helpers import PaintRects, isolate_settings, open_window
from viewer.analysis.areas import geodesic_area_km2
from viewer.io.situation_file import read_situation
from viewer.model import History, Layer, Region, Situation, parse_time
from viewer.resources import sample_path
from viewer.ui.region_table import AREA, NAME

WEST, EAST = box(29, 47, 31, 50), box(31, 47, 33, 50)
DAYS = 6


def overtaking_situation() -> Situation:
    """A front 0.1° into West that grows 0.15° a day into East: East overtakes West on
    the second day, and keeps growing."""
    first = parse_time("2025-06-01")
    front = History.from_states("front", [(first + timedelta(days=d),
                                           box(30.9, 48, 31.0 + 0.15 * d, 49))
                                          for d in range(DAYS)])
    return Situation(regions=[Region("W", {"en": "West"}, WEST), Region("E", {"en": "East"}, EAST)],
                     layers=[Layer("front", "Front", "assessed-control", front)])


def test_a_step_repaints_the_changed_cells_and_sorts_when_a_region_overtakes(
        qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, overtaking_situation())
    window.regions_dock.raise_()
    analysed(qtbot, window)
    panel = window.regions_panel
    qtbot.waitUntil(lambda: panel.figures is not None and panel.isVisible())
    window.cursor_model.first()
    table = panel.table
    watch_steps(window, [], lambda: None)
    cells = PaintRects(table.viewport())
    header = PaintRects(table.header().viewport())
    row_height = table.visualItemRect(table.topLevelItem(0)).height()

    def look() -> list[tuple[str, str]]:
        return [(table.topLevelItem(i).text(NAME), table.topLevelItem(i).text(AREA))
                for i in range(table.topLevelItemCount())]

    def click_next() -> None:           # the timeline's "Next change" button
        cells.rects.clear()
        header.rects.clear()
        qtbot.mouseClick(window.timeline.next_button, Qt.MouseButton.LeftButton)

    seen = []
    for day in range(1, DAYS):
        (_, after, _, layouts, widgets), = watch_steps(window, [click_next], look)
        east = geodesic_area_km2(box(31, 48, 31.0 + 0.15 * day, 49))
        west = geodesic_area_km2(box(30.9, 48, 31, 49))
        # (the pieces' extra vertices along the parallels move the geodesic area by ~1e-5)
        assert [name for name, _ in after] == ["East", "West"], day
        assert [float(km2.replace(",", "")) for _, km2 in after] == pytest.approx(
            [east, west], rel=1e-4, abs=0.05), day
        assert layouts == 0, day        # (the button's press and release add frames)
        assert not any(w in widgets for w in (panel, window.regions_dock)), (day, [type(w).__name__ for w in widgets])
        assert header.rects == [] or day == 1, day     # (a sort repaints the header)
        seen.append(max(r.height() for r in cells.rects))
        QCoreApplication.processEvents()
        assert painted(window) == repainted(window), day
    # the first step sorted the rows again (East first): the whole list repainted; the
    # later ones kept the order: East's cells alone
    assert seen[0] > row_height and all(h <= row_height for h in seen[1:]), (seen, row_height)


def test_a_step_with_the_settlements_in_front_lays_nothing_out(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, read_situation(sample_path()), size=(1500, 950))
    dock, panel = window.analytics.dock, window.analytics.panel
    dock.raise_()
    analysed(qtbot, window)
    qtbot.waitUntil(panel.isVisible)
    window.cursor_model.first()
    watch_steps(window, [], lambda: None)

    def page_on() -> None:              # a week on, by the timeline slider's key
        window.timeline.slider.setFocus()
        qtbot.keyClick(window.timeline.slider, Qt.Key.Key_PageUp)

    notes = []
    for _ in range(3):
        (before, after, _, layouts, widgets), = watch_steps(window, [page_on],
                                                            lambda: panel.note.text())
        assert after != before and layouts == 0, (before, after, layouts,
                                                  window.cursor_model.time)
        assert not any(w in widgets for w in (panel, dock)), [type(w).__name__
                                                              for w in widgets]
        QCoreApplication.processEvents()
        assert painted(window) == repainted(window)
        notes.append(after)
    day = window.cursor_model.time.day
    assert notes[-1].startswith(f"On {day} "), notes
