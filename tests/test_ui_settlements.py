"""The Settlements panel and the chart's front and rate series in the window, on the
sample: what a person sees, driven with real clicks and key presses. Expected statuses
from shapely and UTM distances (test_cli_analytics.expected_status), expected rates from
the areas as differences over days, never from our code."""

from __future__ import annotations

from datetime import timedelta

import pytest
import shapely
from PySide6.QtCore import QPoint, QPointF, Qt

from test_cli_analytics import expected_status
from PySide6.QtGui import QColor

from ui_helpers import close_to, colour_at, isolate_settings, open_window, pixel_point
from viewer.io.situation_file import read_situation
from viewer.model import parse_time
from viewer.resources import sample_path
from viewer.ui.chart_series import tick_strings
from viewer.model.text import safe_line
from viewer.ui.settlements_model import FIRST_INSIDE, NAME, REGION, SINCE, STATUS

AT = parse_time("2025-06-20")


@pytest.fixture
def sample_window(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    situation = read_situation(sample_path())
    w = open_window(qtbot, situation, size=(1500, 950))
    w.cursor_model.set_time(AT)
    w.analytics.dock.raise_()
    qtbot.waitUntil(lambda: w.analytics.panel.analytics is not None, timeout=20000)
    qtbot.waitUntil(w.analytics.panel.isVisible)
    yield w
    w.close()


def shown_rows(panel) -> list[dict]:
    """The rows as shown: each column's text, and (key "place") the place of the row."""
    rows = panel.table.model()
    places = panel.model.status.places
    return [{**{c: rows.index(r, c).data() for c in (NAME, REGION, STATUS, SINCE)},
             "place": places[row_place(panel, r)]}
            for r in range(rows.rowCount())]


def row_place(panel, r: int) -> int:
    """The index in the status's places of the table's row ``r``."""
    return panel.model.place_index(panel.rows.mapToSource(panel.rows.index(r, 0)).row())


def click_heading(qtbot, panel, column: int) -> None:
    header = panel.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2))


def test_a_click_on_a_heading_sorts_the_places_as_a_stable_sort_of_them(sample_window, qtbot):
    """Most populous first by default; a click on Name sorts by name (ties in the places'
    order either way), a second one the other way round; the selected place stays
    selected through each sort."""
    panel = sample_window.analytics.panel
    places = panel.model.status.places
    order = [p.id for p in sorted(places, key=lambda p: -p.population)]
    assert [row["place"].id for row in shown_rows(panel)] == order
    panel.table.selectRow(3)
    chosen = shown_rows(panel)[3]["place"].id
    click_heading(qtbot, panel, NAME)
    by_name = sorted(range(len(places)), key=lambda i: safe_line(places[i].name_in("en"),
                                                                  120).casefold())
    assert [row["place"].id for row in shown_rows(panel)] == [places[i].id for i in by_name]
    click_heading(qtbot, panel, NAME)
    back = sorted(range(len(places)), key=lambda i: safe_line(places[i].name_in("en"),
                                                               120).casefold(), reverse=True)
    assert [row["place"].id for row in shown_rows(panel)] == [places[i].id for i in back]
    selected = panel.table.selectionModel().selectedRows()
    assert len(selected) == 1 and places[row_place(panel, selected[0].row())].id == chosen


def double_click(qtbot, table, index) -> None:
    table.scrollTo(index)
    rect = table.visualRect(index)
    assert table.viewport().rect().contains(rect.center())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_statuses_in_the_table_match_point_in_polygon(sample_window, qtbot):
    w, panel = sample_window, sample_window.analytics.panel
    s = w.situation
    panel.layer_box.setCurrentIndex(panel.layer_box.findData("claimed"))
    rows = shown_rows(panel)
    assert len(rows) == len(s.places)
    state = s.layer("claimed").history.state_at(AT)
    for row in rows:
        place = row["place"]
        assert row[NAME] == place.name
        assert row[STATUS] == expected_status(state, place.lon, place.lat), row
    assert any(row[STATUS] == "inside" for row in rows)
    assert "inside" in panel.note.text() and "On 20 Jun 2025" in panel.note.text()


def test_filter_by_region_and_status_then_double_click(sample_window, qtbot):
    w, panel = sample_window, sample_window.analytics.panel
    s = w.situation
    panel.layer_box.setCurrentIndex(panel.layer_box.findData("claimed"))
    dnipro = next(r for r in s.regions if r.id == "UA-12")
    panel.region_box.setCurrentIndex(panel.region_box.findText("Dnipropetrovsk Oblast"))
    inside_region = {p.name for p in s.places
                     if dnipro.geometry.intersects(shapely.Point(p.lon, p.lat))}
    assert {row[NAME] for row in shown_rows(panel)} == inside_region
    panel.status_box.setCurrentIndex(panel.status_box.findText("inside"))
    rows = shown_rows(panel)
    assert rows and all(row[STATUS] == "inside" for row in rows)
    # double-click the date: the time goes to when that status began (the claim's date)
    table = panel.table
    double_click(qtbot, table, table.model().index(0, SINCE))
    assert w.cursor_model.time == parse_time("2025-06-13")
    # double-click the name: the map zooms to the place
    place = rows[0]["place"]
    with qtbot.waitSignal(panel.zoom_to_place) as zoomed:
        double_click(qtbot, table, table.model().index(0, NAME))
    assert zoomed.args == [place.lon, place.lat]


def test_sorted_and_filtered_by_status_the_table_follows_each_time_step(sample_window, qtbot):
    """Sorted by status (a click on its heading) and filtered to "inside", each step shows
    the places inside at the new time, in order, as point-in-polygon says; a place never
    inside reads "never to" the layer's last date."""
    w, panel = sample_window, sample_window.analytics.panel
    s = w.situation
    panel.layer_box.setCurrentIndex(panel.layer_box.findData("claimed"))
    header = panel.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(STATUS) + 5, header.height() // 2))
    layer = s.layer("claimed")
    for day in ("2025-06-10", "2025-06-20", "2025-06-05"):
        w.cursor_model.set_time(parse_time(day))
        qtbot.waitUntil(lambda: panel.note.text().startswith("On " + day[-2:].lstrip("0")))
        want = [expected_status(layer.history.state_at(parse_time(day)), p.lon, p.lat)
                for p in (row["place"] for row in shown_rows(panel))]
        shown = [row[STATUS] for row in shown_rows(panel)]
        assert shown == want, day
        order = {"no data": -1, "outside": 0, "on the line": 1, "inside": 2}
        keys = [order[x] for x in shown]
        assert keys == sorted(keys) or keys == sorted(keys, reverse=True), day
    panel.status_box.setCurrentIndex(panel.status_box.findText("inside"))
    w.cursor_model.set_time(parse_time("2025-06-20"))
    qtbot.waitUntil(lambda: panel.note.text().startswith("On 20"))
    inside = {row["place"].id for row in shown_rows(panel)}
    assert inside == {p.id for p in s.places if expected_status(
        layer.history.state_at(parse_time("2025-06-20")), p.lon, p.lat) == "inside"}
    rows = panel.table.model()
    panel.status_box.setCurrentIndex(panel.status_box.findText("outside"))
    never = [rows.index(r, FIRST_INSIDE).data() for r in range(rows.rowCount())]
    assert never and "never to 30 Jun 2025" in never


def test_claims_section_says_it_comes_from_a_sketch(sample_window):
    claims = sample_window.analytics.panel.claims
    assert claims.isVisible() and claims.topLevelItemCount() == 1
    head = claims.topLevelItem(0)
    assert "(from a sketch)" in head.text(0) and "sketch" in head.toolTip(0)
    change = head.child(0)
    assert change.text(2).startswith("never") and "russian-mod" in change.text(4)


def test_chart_series_front_and_rates_with_hover(sample_window, qtbot):
    w = sample_window
    chart = w.timeline.chart
    box = chart.series_box
    box.setFocus()
    box.setCurrentIndex(box.findData("rate7"))
    assert chart.labels.left.toPlainText() == "km²/day, 7 d"
    layer = w.situation.layer("claimed")
    times = layer.history.times
    areas = [w.loaded.areas.state_km2(layer.id, t) for t in times]
    # the 13 June state: its area less the area in force 7 days before, over 7 days
    before = max(k for k, t in enumerate(times) if t <= times[1] - timedelta(days=7))
    want = (areas[1] - areas[before]) / 7
    vb = chart.getPlotItem().getViewBox()
    (_, _), (y0, y1) = vb.viewRange()
    scene = vb.mapViewToScene(QPointF(times[1].timestamp() + 86400, (y0 + y1) / 2))
    qtbot.mouseMove(chart.viewport(), chart.mapFromScene(scene))
    qtbot.waitUntil(chart.hover.text.isVisible)
    text = chart.hover.text.toPlainText()
    assert "state of 13 Jun 2025" in text and f"{want:,.1f} km²/day" in text
    box.setCurrentIndex(box.findData("front"))
    assert chart.labels.left.toPlainText() == "front, km"
    assert len(chart._curves) == len(w.situation.layers)
    names = [item.toPlainText() for item in chart.labels.legend]
    assert names == [f"━ {layer.name}" for layer in w.situation.layers]


def test_tick_labels_never_repeat():
    assert tick_strings([116000, 116500, 117000], 1.0, 500) == ["116.0k", "116.5k", "117.0k"]
    assert tick_strings([0, 2000, 4000], 1.0, 2000) == ["0k", "2k", "4k"]
    assert tick_strings([1.2e6, 1.25e6], 1.0, 5e4) == ["1.20M", "1.25M"]
    assert tick_strings([0, 0.5, 1.0], 1.0, 0.5) == ["0.0", "0.5", "1.0"]


def test_view_front_line_draws_the_front_and_not_the_border(sample_window, qtbot):
    """A point of the claimed area's edge 3 km inside Ukraine (front, by shapely here)
    shows the front colour once View ▸ Front line is on, and its old colour once off."""
    from shapely.geometry import Point

    from viewer.analysis.projection import shrunk
    from viewer.render.front_lines import FRONT_COLOUR
    w = sample_window
    s = w.situation
    layer = s.layer("claimed")
    state = layer.history.state_at(AT)
    ukraine = shapely.union_all([r.geometry for r in s.own_regions])
    edge = state.boundary.intersection(shrunk(ukraine, 3000))     # well inside the country
    assert edge.length > 0
    point = edge.interpolate(0.5, normalized=True)
    w.canvas.set_decorations(False)            # the legend would cover part of the map
    w.canvas.zoom_to_lonlat(state.bounds)
    qtbot.waitUntil(lambda: w.canvas.scene.front is not None)
    assert w.canvas.rect().contains(pixel_point(w.canvas, point.x, point.y))
    before = colour_at(w.canvas, point.x, point.y)
    action = w.analytics.front_action
    assert action in w.window_actions.view_menu.actions()
    action.trigger()
    qtbot.waitUntil(lambda: close_to(colour_at(w.canvas, point.x, point.y), QColor(FRONT_COLOUR),
                                     60))
    assert not close_to(before, QColor(FRONT_COLOUR), 60)
    action.trigger()
    qtbot.waitUntil(lambda: close_to(colour_at(w.canvas, point.x, point.y), before, 6))
    assert Point(point.x, point.y).within(ukraine)


def test_region_and_population_filters_hold_through_re_sorts(sample_window, qtbot):
    """Typed into the population box with a region chosen, the rows are that region's
    places of at least that population, and stay so as a click on a heading sorts them
    again (the filter's mask follows the rows' new order)."""
    w, panel = sample_window, sample_window.analytics.panel
    dnipro = next(r for r in w.situation.regions if r.id == "UA-12")
    panel.region_box.setCurrentIndex(panel.region_box.findText("Dnipropetrovsk Oblast"))
    box = panel.population_box
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "20000")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert box.value() == 20000
    expected = {p.name for p in w.situation.places if p.population >= 20000
                and dnipro.geometry.intersects(shapely.Point(p.lon, p.lat))}
    assert 3 < len(expected) < len(w.situation.places)
    for column in (NAME, STATUS, NAME):
        click_heading(qtbot, panel, column)
        names = [row[NAME] for row in shown_rows(panel)]
        assert set(names) == expected and len(names) == len(expected)
