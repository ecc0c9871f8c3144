"""The regions panel: a layer's area inside each region at the time shown (greyed when it
is border noise), its share of the region, when the layer first entered each region, and
the region's area over time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from shapely.geometry import box

from factories import D, two_region_situation
from viewer.analysis.areas import geodesic_area_km2
from viewer.analysis.region_attribution import RegionAttribution
from viewer.ui.region_table import AREA, FIRST, NAME, RATE, SHARE, noise_tip

WEST, EAST = box(30, 48, 31, 49), box(31, 48, 32, 49)


@pytest.fixture
def panel(window, qtbot):
    """The window's regions panel, measured, in front of its tab."""
    window.regions_dock.raise_()
    qtbot.waitUntil(lambda: window.regions_panel.figures is not None)
    qtbot.waitUntil(window.regions_panel.isVisible)
    return window.regions_panel


def rows(panel) -> dict[str, tuple[str, str, str]]:
    table = panel.table
    return {table.topLevelItem(i).text(NAME): tuple(table.topLevelItem(i).text(c)
                                                  for c in (AREA, SHARE, FIRST))
            for i in range(table.topLevelItemCount())}


def choose_layer(panel, layer_id: str) -> None:
    panel.layer_box.setCurrentIndex(panel.layer_box.findData(layer_id))


def test_measuring_per_region_matches_pyproj():
    figures = RegionAttribution(two_region_situation()).measure_all()
    assert [r.id for r in figures.regions] == ["UA-W", "UA-E"]
    west, east = figures.km2_at("adv", D[6])
    # (the pieces' extra vertices along the parallels move the geodesic area by ~1e-5)
    assert west == pytest.approx(geodesic_area_km2(box(30.2, 48.2, 31, 48.4)), rel=1e-4)
    assert east == pytest.approx(geodesic_area_km2(box(31, 48.2, 31.2, 48.4)), rel=1e-4)
    assert list(figures.km2_at("adv", D[20])) == pytest.approx(
        [geodesic_area_km2(box(30.2, 48.2, 30.8, 48.4)), 0.0], rel=1e-4)
    assert figures.region_km2 == pytest.approx([geodesic_area_km2(WEST), geodesic_area_km2(EAST)])
    assert figures.first_entered("adv") == {"UA-W": D[1], "UA-E": D[5]}
    assert figures.first_entered("claim") == {"UA-E": D[10]}
    assert figures.from_first_state("adv", "UA-W") and not figures.from_first_state("adv", "UA-E")
    assert list(figures.km2_at("adv", D[1].replace(month=5))) == [0.0, 0.0]   # before any state


def test_the_table_shows_areas_shares_and_first_entries_at_the_time(window, panel):
    choose_layer(panel, "adv")
    window.cursor_model.set_time(D[6])
    gained_east = geodesic_area_km2(box(31, 48.2, 31.2, 48.4))
    assert rows(panel)["East"] == (f"{gained_east:,.1f}",
                                   f"{gained_east / geodesic_area_km2(EAST) * 100:.1f}\u00a0%",
                                   "5 Jun 2025")
    assert rows(panel)["West"][2] == "≤ 1 Jun 2025"       # inside from the first state on
    window.cursor_model.set_time(D[20])                    # East lost again
    assert rows(panel)["East"][:2] == ("—", "—")
    assert rows(panel)["East"][2] == "5 Jun 2025"          # but it was entered
    choose_layer(panel, "claim")
    assert rows(panel)["West"] == ("—", "—", "—")
    assert rows(panel)["East"][2] == "10 Jun 2025"
    assert panel.note.text().startswith("On 20 Jun 2025; 1 of 2 regions entered")


def test_the_rate_column_is_the_net_km2_per_day_over_the_window_the_chart_chose(window, panel):
    """Expected from the boxes' geodesic areas: (area at the state shown less the area in
    force 7 or 30 days before it) / days, "—" where there is no state that long before."""
    choose_layer(panel, "adv")

    def rates() -> dict[str, str]:
        table = panel.table
        return {table.topLevelItem(i).text(NAME): table.topLevelItem(i).text(RATE)
                for i in range(table.topLevelItemCount())}
    east = geodesic_area_km2(box(31, 48.2, 31.2, 48.4))
    west_first = geodesic_area_km2(box(30.2, 48.2, 30.4, 48.4))
    west_full = geodesic_area_km2(box(30.2, 48.2, 31, 48.4))
    west_last = geodesic_area_km2(box(30.2, 48.2, 30.8, 48.4))
    window.cursor_model.set_time(D[6])            # the 5 June state: 7 days back, no state
    assert rates() == {"West": "—", "East": "—"}
    window.cursor_model.set_time(D[12])           # the 9 June state, against 1 June's
    assert rates() == {"West": f"+{(west_full - west_first) / 7:,.1f}", "East": f"+{east / 7:,.1f}"}
    window.cursor_model.set_time(D[20])           # the 20 June state, against 9 June's
    assert rates() == {"West": f"{(west_last - west_full) / 7:,.1f}", "East": f"{-east / 7:,.1f}"}
    box_ = window.timeline.chart.series_box
    box_.setCurrentIndex(box_.findData("rate30"))   # the chart's choice: 30 days
    assert rates() == {"West": "—", "East": "—"}    # 30 days before 20 June: no state
    assert "30 days" in panel.table.headerItem().toolTip(RATE)


def test_rows_sort_by_area_largest_first(window, panel):
    choose_layer(panel, "adv")
    window.cursor_model.set_time(D[6])
    names = [panel.table.topLevelItem(i).text(NAME) for i in range(2)]
    assert names == ["West", "East"]                       # 0.8° of West, 0.2° of East
    panel.table.sortByColumn(NAME, Qt.SortOrder.DescendingOrder)
    assert [panel.table.topLevelItem(i).text(NAME) for i in range(2)] == ["West", "East"]
    panel.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert [panel.table.topLevelItem(i).text(NAME) for i in range(2)] == ["East", "West"]


def _double_click(panel, qtbot, region: str, column: int) -> None:
    table = panel.table
    item = next(table.topLevelItem(i) for i in range(table.topLevelItemCount())
                if table.topLevelItem(i).text(NAME) == region)
    index = table.indexFromItem(item, column)
    table.scrollTo(index)
    rect = table.visualRect(index)
    assert table.viewport().rect().contains(rect.center())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_double_clicking_a_date_goes_there_and_a_name_zooms_to_the_region(window, panel, qtbot):
    choose_layer(panel, "adv")
    _double_click(panel, qtbot, "East", FIRST)
    assert window.cursor_model.time == D[5]
    _double_click(panel, qtbot, "West", NAME)
    minx, miny, maxx, maxy = window.canvas.view_rect()
    wx0, wy0, wx1, wy1 = window.canvas.scene.project_bbox(WEST.bounds)
    assert minx <= wx0 + 1 and maxx >= wx1 - 1 and miny <= wy0 + 1 and maxy >= wy1 - 1
    assert (maxx - minx) < 2 * (wx1 - wx0) or (maxy - miny) < 2 * (wy1 - wy0)   # zoomed in


def test_the_chart_follows_the_chosen_region(window, panel):
    choose_layer(panel, "adv")
    _select = panel.table.setCurrentItem
    east = next(panel.table.topLevelItem(i) for i in range(2)
                if panel.table.topLevelItem(i).text(NAME) == "East")
    _select(east)
    assert panel.chart_title.text() == "Advance in East, km²"
    x, y = panel.chart.curve.getData()
    assert max(y) == pytest.approx(geodesic_area_km2(box(31, 48.2, 31.2, 48.4)), rel=1e-4)
    window.cursor_model.set_time(D[12])
    assert panel.chart.line.value() == D[12].timestamp()


def test_a_hidden_tab_catches_up_when_raised(window, panel, qtbot):
    choose_layer(panel, "adv")
    window.layers_dock.raise_()                 # the Regions tab goes behind Layers
    qtbot.waitUntil(lambda: panel.visibleRegion().isEmpty())
    window.cursor_model.set_time(D[20])
    assert rows(panel)["East"][:2] != ("—", "—")   # skipped while out of sight
    window.regions_dock.raise_()
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty())
    assert rows(panel)["East"][:2] == ("—", "—")
    assert panel.note.text().startswith("On 20 Jun 2025")


def test_region_names_are_plain_text(qtbot, monkeypatch, tmp_path):
    from dataclasses import replace

    from ui_helpers import isolate_settings, open_window
    isolate_settings(monkeypatch, tmp_path)
    s = two_region_situation()
    s.regions[0] = replace(s.regions[0], names={"en": "<b>West</b>"})
    window = open_window(qtbot, s)
    window.regions_dock.raise_()
    qtbot.waitUntil(lambda: window.regions_panel.figures is not None)
    assert "<b>West</b>" in rows(window.regions_panel)
    window.regions_panel.table.setCurrentItem(window.regions_panel.table.topLevelItem(
        [window.regions_panel.table.topLevelItem(i).text(NAME) for i in range(2)].index(
            "<b>West</b>")))
    assert window.regions_panel.chart_title.text().endswith("in <b>West</b>, km²")
    assert window.regions_panel.chart_title.textFormat() == Qt.TextFormat.PlainText
    window.close()


def test_an_amount_only_along_the_border_is_greyed_as_noise(qtbot, monkeypatch, tmp_path):
    """A layer 500 m into East on 2 Jun (border noise), 2 km in on 3 Jun (entered)."""
    from pyproj import Geod
    from PySide6.QtGui import QPalette

    from ui_helpers import isolate_settings, open_window
    from viewer.model import History, Layer, Region, Situation
    geod = Geod(ellps="WGS84")
    lon_500, _, _ = geod.fwd(31, 48.5, 90, 500)
    lon_2k, _, _ = geod.fwd(31, 48.5, 90, 2000)
    h = History.from_states("l", [(D[1], box(30.5, 48.5, 31.0, 48.6)),
                                  (D[2], box(30.5, 48.5, lon_500, 48.6)),
                                  (D[3], box(30.5, 48.5, lon_2k, 48.6))])
    s = Situation(regions=[Region("W", {"en": "West"}, WEST), Region("E", {"en": "East"}, EAST)],
                  layers=[Layer("l", "L", "claimed", h)])
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, s)
    window.regions_dock.raise_()
    panel = window.regions_panel
    qtbot.waitUntil(lambda: panel.figures is not None)
    table = panel.table
    east = table.row_of("E")
    grey = table.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert grey != table.palette().color(QPalette.ColorRole.Text)
    window.cursor_model.set_time(D[2])
    noise_km2 = geodesic_area_km2(box(31, 48.5, lon_500, 48.6))
    assert rows(panel)["East"][0] == f"{noise_km2:,.1f}" and noise_km2 > 1
    assert rows(panel)["East"][2] == "3 Jun 2025"
    for column in (AREA, SHARE):
        assert east.foreground(column).color() == grey
        assert east.toolTip(column) == noise_tip()
    assert "1\u00a0km" in noise_tip() and "1\u00a0km inside" in panel.toolTip()
    window.cursor_model.set_time(D[3])
    assert east.foreground(AREA).style() == Qt.BrushStyle.NoBrush and not east.toolTip(AREA)
    assert not table.is_noise(east)
    window.close()
