"""The marked place and the Place panel: a search result is marked on the map (a ring and
its name) until the next click; a click on a settlement picks it; the panel and the
place's tooltip give the distance to each layer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from viewer.analysis.front_distance import front_distances
from viewer.io.situation_file import read_situation
from viewer.render.language import format_km
from viewer.model import parse_time
from viewer.resources import sample_path
from viewer.ui.place_marker import RING, RING_R
from test_front_distance import deepstate_august, expected_km  # noqa: F401 (a fixture)
from ui_helpers import close_to, isolate_settings, open_window, pixel_point

POKROVSK = (37.17706, 48.28014)            # GeoNames 704422


def ring_pixels(canvas, lon: float, lat: float) -> list[QColor]:
    """The colours on the ring's circle (left, right, top, bottom of the place)."""
    image = canvas.grab().toImage()
    dpr = image.devicePixelRatio()
    p = pixel_point(canvas, lon, lat)
    return [image.pixelColor(round((p.x() + dx) * dpr), round((p.y() + dy) * dpr))
            for dx, dy in ((-RING_R, 0), (RING_R, 0), (0, -RING_R), (0, RING_R))]


@pytest.fixture
def sample_window(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    w = open_window(qtbot, read_situation(sample_path()), size=(1300, 900))
    yield w
    w.close()


def test_a_search_result_is_marked_until_the_next_click(qtbot, sample_window):
    w = sample_window
    canvas, tools = w.canvas, w.map_tools
    assert not any(close_to(c, QColor(RING), 30) for c in ring_pixels(canvas, *POKROVSK))
    w.finder.open()
    assert w.finder.choose("Покровськ")
    assert tools.overlay.isVisible()
    assert all(close_to(c, QColor(RING), 30) for c in ring_pixels(canvas, *POKROVSK)), \
        [c.name() for c in ring_pixels(canvas, *POKROVSK)]
    # its name above the ring, in the ring's colour
    image = canvas.grab().toImage()
    dpr = image.devicePixelRatio()
    p = pixel_point(canvas, *POKROVSK)
    beside = [image.pixelColor(round(x * dpr), round(y * dpr))
              for x in range(p.x() - 40, p.x() + 40) for y in range(p.y() - 30, p.y() - 16)]
    assert sum(close_to(c, QColor(RING), 30) for c in beside) > 20
    # the Place panel measures it
    assert tools.panel.title.text() == "Pokrovsk"
    want = front_distances(w.situation, *POKROVSK, w.cursor_model.time,
                           w.cursor_model.highlight_days)
    for d in want:
        assert f"{d.layer_name}: {format_km(d.km, 1)}" in tools.panel.body.text()
    # a click anywhere on the map ends the mark
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(40, canvas.height() - 60))
    assert not tools.overlay.isVisible()
    assert not any(close_to(c, QColor(RING), 30) for c in ring_pixels(canvas, *POKROVSK))
    assert tools.panel.title.text().startswith("Pokrovsk")   # the panel keeps its place


# (the offscreen platform, tests only, can't raise the tooltip's window, and says so)
@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")
def test_clicking_a_settlement_picks_it_and_its_tooltip_says_how_far(qtbot, sample_window):
    w = sample_window
    canvas, tools = w.canvas, w.map_tools
    w.canvas.zoom_to_lonlat((36.9, 48.1, 37.45, 48.45))
    from viewer.render.labels import label_layout
    vp, settings = canvas.viewport(), canvas.render_settings()
    layout = label_layout(canvas.scene, vp, settings,
                          canvas.decoration_pixmaps.reserved(canvas.scene, vp, settings))
    names = {w.situation.places[i].name: (box, dot) for i, box, dot in
             zip(layout.placed, layout.place_boxes, layout.dots)}
    assert "Pokrovsk" in names, sorted(names)[:20]
    box, dot = names["Pokrovsk"]
    # a click on its name
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    assert tools.watch.place is not None and tools.watch.place.name == "Pokrovsk"
    assert tools.panel.title.text() == "Pokrovsk"
    assert tools.overlay.isVisible()
    # the tooltip over its dot
    at = QPoint(round(dot[0]), round(dot[1]))
    event = QHelpEvent(QEvent.Type.ToolTip, at, canvas.mapToGlobal(at))
    QApplication.sendEvent(canvas, event)
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    d = front_distances(w.situation, *POKROVSK, w.cursor_model.time,
                        w.cursor_model.highlight_days)[0]
    assert "Pokrovsk" in text and format_km(d.km, 1) in text
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    # over empty map: no tooltip
    empty = QPointF(5, 5).toPoint()
    QApplication.sendEvent(canvas, QHelpEvent(QEvent.Type.ToolTip, empty,
                                              canvas.mapToGlobal(empty)))
    assert not QToolTip.isVisible()


def test_pokrovsk_on_12_august_2025_in_the_deepstate_window(qtbot, monkeypatch, tmp_path,
                                                            deepstate_august):
    path, raw = deepstate_august
    isolate_settings(monkeypatch, tmp_path)
    w = open_window(qtbot, read_situation(path), size=(1400, 900))
    w.cursor_model.set_time(parse_time("2025-08-12"))
    w.cursor_model.set_highlight_days(7)
    w.finder.open()
    assert w.finder.choose("Pokrovsk")
    lon, lat = POKROVSK
    want = expected_km(raw["20250812"], lon, lat)
    change = want - expected_km(raw["20250805"], lon, lat)
    body = w.map_tools.panel.body.text()
    assert body.startswith(f"Occupied (DeepState): {format_km(want, 1)} ("), body
    assert f"{format_km(abs(change), 1)} in 7 days" in body
    # the mark draws a dashed line from the town to the nearest point of the area
    near = front_distances(w.situation, lon, lat, w.cursor_model.time, 7)[0].nearest
    start, end = pixel_point(w.canvas, lon, lat), pixel_point(w.canvas, *near)
    image = w.canvas.grab().toImage()
    dpr = image.devicePixelRatio()
    along = [start + (end - start) * (f / 100) for f in range(20, 40)]     # clear of the label
    on_line = [image.pixelColor(round(p.x() * dpr), round(p.y() * dpr)) for p in along]
    assert sum(close_to(c, QColor(RING), 40) for c in on_line) >= 5, [c.name() for c in on_line]
    # a week on, the panel follows the time shown
    w.cursor_model.set_time(parse_time("2025-08-05"))
    assert w.map_tools.panel.body.text().startswith(
        f"Occupied (DeepState): {format_km(expected_km(raw['20250805'], lon, lat), 1)}")
    w.close()
