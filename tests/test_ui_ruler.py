"""The ruler (M): real mouse clicks on the map give pyproj's geodesic distance, legs and
area; the drawing is on the overlay; Enter closes, Esc ends."""

from __future__ import annotations

import pytest
from pyproj import Geod
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from viewer.io.situation_file import read_situation
from viewer.render.language import format_km
from viewer.resources import sample_path
from viewer.ui.ruler import LINE
from ui_helpers import (PaintRects, clicked_lonlat, close_to, isolate_settings, open_window,
                        pixel_point)

GEOD = Geod(ellps="WGS84")
KYIV, DNIPRO, KHARKIV = (30.5234, 50.4501), (35.0462, 48.4647), (36.2304, 49.9935)


@pytest.fixture
def sample_window(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    w = open_window(qtbot, read_situation(sample_path()), size=(1300, 900))
    w.canvas.zoom_to_lonlat((29.8, 47.8, 37.0, 51.0))
    yield w
    w.close()


def test_kyiv_to_dnipro_by_mouse_clicks(qtbot, sample_window):
    w = sample_window
    canvas, tools = w.canvas, w.map_tools
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(canvas, Qt.Key.Key_M)
    assert tools.ruler.active and tools.ruler.action.isChecked()
    assert "Esc ends" in w.statusBar().currentMessage()
    before = w.selection.change_ids
    kyiv, dnipro = pixel_point(canvas, *KYIV), pixel_point(canvas, *DNIPRO)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=kyiv)
    qtbot.mouseMove(canvas, dnipro)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=dnipro)
    measured = tools.ruler.measure().total_km
    truth = GEOD.inv(*KYIV, *DNIPRO)[2] / 1000
    assert measured == pytest.approx(truth, rel=1e-3)         # the 0.1 %
    # exactly pyproj's for the points the pixels show
    a, b = clicked_lonlat(canvas, kyiv), clicked_lonlat(canvas, dnipro)
    assert measured == pytest.approx(GEOD.inv(*a, *b)[2] / 1000, rel=1e-9)
    assert format_km(measured, 2) in w.statusBar().currentMessage()
    assert w.selection.change_ids == before                   # ruler clicks select nothing
    # drawn on the overlay: the line's colour a third of the way along
    overlay = tools.overlay
    assert overlay.isVisible()
    third = kyiv + (dnipro - kyiv) / 3
    image = canvas.grab().toImage()
    dpr = image.devicePixelRatio()
    near = [image.pixelColor(round((third.x() + dx) * dpr), round((third.y() + dy) * dpr))
            for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    assert any(close_to(c, QColor(LINE), 40) for c in near), [c.name() for c in near]
    # a third point, Enter: the shape closes, with an area
    kharkiv = pixel_point(canvas, *KHARKIV)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=kharkiv)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    m = tools.ruler.measure()
    c = clicked_lonlat(canvas, kharkiv)
    area, perimeter = GEOD.polygon_area_perimeter([a[0], b[0], c[0]], [a[1], b[1], c[1]])
    assert m.area_km2 == pytest.approx(abs(area) / 1e6, rel=1e-9)
    assert m.total_km == pytest.approx(perimeter / 1000, rel=1e-9)
    assert len(m.segments_km) == 3
    assert "Area" in w.statusBar().currentMessage()
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert not tools.ruler.active and not overlay.isVisible()
    assert w.statusBar().currentMessage() == ""


def test_clicking_the_first_point_closes_and_the_view_action_toggles(qtbot, sample_window):
    w = sample_window
    canvas, ruler = w.canvas, w.map_tools.ruler
    view_actions = [a for a in w.menus["view"].actions() if a is ruler.action]
    assert view_actions and ruler.action in w.map_tools.toolbar.actions()
    bar = w.map_tools.toolbar
    assert not bar.isVisible() and bar.toggleViewAction() in w.menus["view"].actions()
    bar.toggleViewAction().trigger()
    assert bar.isVisible()
    ruler.action.trigger()
    points = [pixel_point(canvas, *p) for p in (KYIV, DNIPRO, KHARKIV)]
    for p in points:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=p)
    qtbot.keyClick(canvas, Qt.Key.Key_Backspace)             # takes back Kharkiv
    assert len(ruler.ruler.points) == 2 and not ruler.ruler.closed
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=points[2])
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=points[0] + QPoint(3, 2))
    assert ruler.ruler.closed and len(ruler.ruler.points) == 3
    # a drag still pans the map while measuring
    rect = canvas.view_rect()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.mouseMove(canvas, QPoint(360, 330))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(360, 330))
    assert canvas.view_rect() != rect and len(ruler.ruler.points) == 3
    ruler.action.trigger()
    assert not ruler.active and ruler.ruler.points == []


def test_the_ruler_and_the_sketch_tool_end_each_other(qtbot, sample_window):
    w = sample_window
    ruler, sketch = w.map_tools.ruler, w.sketching
    ruler.action.trigger()
    sketch.action.trigger()
    assert sketch.tool.active and not ruler.active
    ruler.action.trigger()
    assert ruler.active and not sketch.tool.active
    qtbot.mouseClick(w.canvas, Qt.MouseButton.LeftButton, pos=pixel_point(w.canvas, *KYIV))
    assert len(ruler.ruler.points) == 1
    ruler.end()


def test_the_leg_being_drawn_repaints_only_around_it(qtbot, sample_window):
    """The ruler is an overlay: moving the pointer repaints the leg's bounds (and its
    length label), never the whole map."""
    w = sample_window
    canvas, ruler = w.canvas, w.map_tools.ruler
    w.canvas.zoom_to_lonlat((34.5, 48.0, 35.5, 48.9))
    ruler.action.trigger()
    start = pixel_point(canvas, *DNIPRO)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(40, 30))
    for _ in range(2):      # the background measuring's results repaint the map: first
        assert w.worker.wait(30)
        QApplication.processEvents()
    canvas.repaint()
    painted = PaintRects(canvas)
    end = start + QPoint(90, 50)
    qtbot.mouseMove(canvas, end)
    QApplication.processEvents()
    assert painted.rects
    around = QRect(start, end).normalized().adjusted(-20, -40, 140, 20)   # + the label
    assert all(around.contains(rect) for rect in painted.rects), (around, painted.rects)
    assert around.width() * around.height() < 0.1 * canvas.width() * canvas.height()
    ruler.end()
