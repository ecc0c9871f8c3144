"""The map canvas shows the layers at the cursor's time, zooms about the mouse, pans by
dragging, selects changes by clicking, and redraws only the dynamic part over time:
for a small step only the pixels that change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QPainter, QRegion
from PySide6.QtWidgets import QApplication

from factories import D
from ui_helpers import blend, close_to, colour_at, drag_canvas, open_canvas, pixel_point, wheel
from viewer.render import styles
from viewer.ui import canvas_base_pixmaps

INSIDE_GAIN = (30.6, 48.3)       # West region, gained by "adv" on 5 June, kept after
ADVANCE = "#e74c3c"               # assessed-advance default style, opacity 0.55
ADV_CHANGE = "adv@2025-06-05T00:00:00Z"


@pytest.fixture
def canvas(qtbot):
    return open_canvas(qtbot, decorations=False)    # nothing over the map but the map


def test_a_layer_shows_its_colour_after_its_change_and_not_before(canvas):
    canvas.cursor_model.set_time(D[4])
    assert close_to(colour_at(canvas, *INSIDE_GAIN), blend(styles.REGION_FILL, 1, "#000000"))
    canvas.cursor_model.set_time(D[13])       # after the change, and out of the 7-day highlight
    assert close_to(colour_at(canvas, *INSIDE_GAIN), blend(ADVANCE, 0.55, styles.REGION_FILL))


def test_recent_changes_are_drawn_on_top(canvas):
    canvas.cursor_model.set_time(D[6])        # the 5 June gain is one day old
    layer = blend(ADVANCE, 0.55, styles.REGION_FILL)
    expected = blend(styles.GAIN, styles.HIGHLIGHT_OPACITY, layer.name())
    assert close_to(colour_at(canvas, *INSIDE_GAIN), expected)


def test_hiding_a_layer_removes_its_colour(canvas):
    canvas.cursor_model.set_time(D[13])
    canvas.display.set_visible("adv", False)
    assert close_to(colour_at(canvas, *INSIDE_GAIN), blend(styles.REGION_FILL, 1, "#000000"))


def test_wheel_zooms_in_about_the_mouse(canvas):
    pos = QPoint(250, 320)
    lon, lat = canvas.lonlat_at(pos.toPointF())
    scale = canvas.view_state.mpp
    wheel(canvas, pos, 2)
    assert canvas.view_state.mpp == pytest.approx(scale / 1.25 ** 2)
    assert pixel_point(canvas, lon, lat) == pos      # the place under the mouse stays put
    wheel(canvas, pos, -2)
    assert canvas.view_state.mpp == pytest.approx(scale)


def test_dragging_pans_the_map_and_does_not_select(canvas, qtbot):
    canvas.cursor_model.set_time(D[6])
    start = pixel_point(canvas, *INSIDE_GAIN)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for step in (QPoint(20, 10), QPoint(40, 20), QPoint(60, -30)):
        qtbot.mouseMove(canvas, start + step)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(60, -30))
    assert pixel_point(canvas, *INSIDE_GAIN) == start + QPoint(60, -30)
    assert canvas.selection.change_ids == frozenset()


def test_clicking_a_recent_change_selects_it_and_clicking_elsewhere_clears(canvas, qtbot):
    canvas.cursor_model.set_time(D[6])
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel_point(canvas, *INSIDE_GAIN))
    assert canvas.selection.change_ids == {ADV_CHANGE}
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel_point(canvas, 30.5, 48.8))
    assert canvas.selection.change_ids == frozenset()


def test_an_old_change_is_not_clickable(canvas, qtbot):
    canvas.cursor_model.set_time(D[13])       # the 5 June change is out of the highlight window
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel_point(canvas, *INSIDE_GAIN))
    assert canvas.selection.change_ids == frozenset()


def _count_calls(monkeypatch, name: str) -> list:
    """A list that grows by one at each call of canvas_base_pixmaps.<name>."""
    calls: list = []
    original = getattr(canvas_base_pixmaps, name)
    monkeypatch.setattr(canvas_base_pixmaps, name, lambda *args: (calls.append(1), original(*args)))
    return calls


def test_time_changes_redraw_only_the_dynamic_part(canvas, qtbot, monkeypatch):
    calls = _count_calls(monkeypatch, "draw_background")
    canvas.invalidate()
    canvas.repaint()
    assert len(calls) == 1
    for day in (6, 7, 8, 12):
        canvas.cursor_model.set_time(D[day])
        canvas.repaint()
    assert len(calls) == 1              # background reused from its pixmap
    canvas.display.set_visible("context", False)
    canvas.repaint()
    assert len(calls) == 2              # what is hidden is part of its key
    canvas.pan_by(10, 0)
    canvas.repaint()
    assert len(calls) == 3              # so is the view (a drag draws the canvas's
    canvas.repaint()                    # rasters instead: test_canvas_raster_pixels)
    assert len(calls) == 3
    canvas.zoom_by(1.25, canvas.rect().center().toPointF())
    canvas.repaint()
    assert len(calls) == 4              # and at each zoom


def test_dragging_shifts_the_labels_and_lays_them_out_again_at_the_end(canvas, qtbot,
                                                                      monkeypatch):
    calls = _count_calls(monkeypatch, "draw_labels")
    canvas.invalidate()
    canvas.repaint()
    assert len(calls) == 1
    drag_canvas(qtbot, canvas, [(15, 4)] * 5)
    assert len(calls) == 2              # not at each step: once, after the release


def test_default_view_is_kept_on_resize_until_the_user_navigates(canvas):
    bbox = canvas.scene.situation.meta.default_bbox
    for size in ((400, 600), (1200, 300)):
        canvas.resize(*size)
        minx, miny, maxx, maxy = canvas.view_rect()
        pminx, pminy, pmaxx, pmaxy = canvas.scene.project_bbox(bbox)
        assert minx <= pminx + 1 and maxx >= pmaxx - 1 and miny <= pminy + 1 and maxy >= pmaxy - 1
        assert (maxx - minx) / (maxy - miny) == pytest.approx(size[0] / size[1])


def test_zoom_to_change_frames_it(canvas):
    canvas.zoom_to_change("claim@2025-06-10T00:00:00Z")
    for lon, lat in ((31.5, 48.5), (31.9, 48.9), (31.7, 48.7)):
        p = pixel_point(canvas, lon, lat)
        assert canvas.rect().contains(p)
    assert not canvas.rect().contains(pixel_point(canvas, 30.2, 48.2))


class PaintRegions(QObject):
    """The regions of the canvas's paint events, as they come."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.regions: list[QRegion] = []
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))
        return False


def _step(canvas, qtbot, paints: PaintRegions, day: int) -> QRegion:
    """Move the time to ``day``; the region the canvas then repaints (empty: none)."""
    QApplication.processEvents()
    paints.regions.clear()
    canvas.cursor_model.set_time(D[day])
    for _ in range(3):
        QApplication.processEvents()
    return QRegion().united(paints.regions[0]) if paints.regions else QRegion()


def _covered(region: QRegion) -> int:
    return sum(r.width() * r.height() for r in region)


def test_a_step_repaints_only_what_changed_and_looks_as_if_drawn_anew(canvas, qtbot):
    canvas.set_decorations(True)
    paints = PaintRegions(canvas)
    _step(canvas, qtbot, paints, 19)
    frame = canvas.grab().toImage()              # the canvas at 19 June, drawn whole
    region = _step(canvas, qtbot, paints, 20)    # "adv" loses 30.8-31.2°E on 20 June
    assert 0 < _covered(region) < 0.2 * canvas.width() * canvas.height()
    lost = pixel_point(canvas, 31.0, 48.3)
    assert region.contains(lost)                 # the lost strip, highlighted now
    assert not region.contains(pixel_point(canvas, 30.3, 48.3))   # what stayed, is kept
    painter = QPainter(frame)                    # the repainted part over the old frame ...
    canvas.render(painter, region.boundingRect().topLeft(), region)
    painter.end()
    assert frame == canvas.grab().toImage()      # ... is the new frame drawn whole


def test_a_step_that_changes_nothing_on_the_map_repaints_the_date_only(canvas, qtbot):
    paints = PaintRegions(canvas)
    _step(canvas, qtbot, paints, 14)
    assert _step(canvas, qtbot, paints, 15).isEmpty()     # no decorations: nothing at all
    canvas.set_decorations(True)
    date = _step(canvas, qtbot, paints, 16).boundingRect()
    assert date.height() < 40 and date.width() < canvas.width() / 2


def test_a_step_of_a_hatched_layer_or_far_in_time_repaints_everything(canvas, qtbot):
    paints = PaintRegions(canvas)
    _step(canvas, qtbot, paints, 9)
    assert _step(canvas, qtbot, paints, 10) == QRegion(canvas.rect())   # "claim" appears
    canvas.zoom_by(8.0, QPointF(pixel_point(canvas, 30.8, 48.3)))      # close to "adv"
    _step(canvas, qtbot, paints, 1)
    assert _step(canvas, qtbot, paints, 6) == QRegion(canvas.rect())   # the view fills up
