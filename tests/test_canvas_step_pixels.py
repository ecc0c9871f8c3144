"""A time step paints the map canvas once, and what the window then shows (its backing
store: the earlier frame with the step's repaint over it, the few changed boxes of a step
to the next day or the pieces a jump's two dates do not share) is, pixel for pixel, the
canvas drawn anew at that time. Also the pieces of a partial repaint: the view's extent
read from the pieces' boxes is the extent of their path, and a repaint of a few boxes
does not make the whole state's path."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from shapely.geometry import box

from factories import D, two_region_situation
from ui_helpers import open_canvas, pixel_point
from viewer.model import History, Layer, Region, Situation, SituationMeta, Style
from viewer.render import MapScene
from viewer.render.decorations import date_rect, decoration_layout
from viewer.ui.canvas_panels import timeless


class Paints(QObject):
    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.fixture
def canvas(qtbot):
    return open_canvas(qtbot, size=(640, 420))


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def _shown(canvas) -> QImage:
    """The canvas's pixels in its window's backing store: what is on screen."""
    window = canvas.window()
    origin = canvas.mapTo(window, canvas.rect().topLeft())
    return window.screen().grabWindow(window.winId(), origin.x(), origin.y(),
                                      canvas.width(), canvas.height()).toImage()


def _fresh(canvas) -> QImage:
    """The canvas drawn whole, from nothing but its pixmaps, at its time now."""
    return canvas.grab().toImage()


def _same(a: QImage, b: QImage) -> bool:
    fmt = QImage.Format.Format_RGB32
    return a.convertToFormat(fmt) == b.convertToFormat(fmt)


@pytest.mark.parametrize("zoom", [1.0, 4.0])
def test_each_step_is_one_paint_showing_the_frame_drawn_anew(canvas, zoom):
    if zoom != 1.0:                 # close to where "adv" moves
        canvas.zoom_by(zoom, QPointF(pixel_point(canvas, 31.0, 48.4)))
    _settle()
    paints = Paints(canvas)
    days = [3, 4, 5, 6, 18, 19, 20, 2, 17, 10, 11, 15, 5, 6]    # next days, and jumps
    for day in days:
        paints.count = 0
        canvas.cursor_model.set_time(D[day])
        _settle()
        assert canvas.cursor_model.time == D[day]
        assert paints.count == 1, day
        assert _same(_shown(canvas), _fresh(canvas)), (day, zoom)


def _squares_situation() -> Situation:
    """36 small squares, one more of them gone each day: a state of many pieces."""
    squares = [box(30.1 + 0.3 * i, 48.1 + 0.15 * j, 30.3 + 0.3 * i, 48.2 + 0.15 * j)
               for i in range(6) for j in range(6)]
    states = [(D[1 + k], shapely.union_all(squares[k:])) for k in range(6)]
    layer = Layer("sq", "Squares", "assessed-control",
                  History.from_states("sq", states, max_vertices=12), style=Style("#c0392b", 0.5))
    meta = SituationMeta(title="Squares", highlight_days=2.0, default_bbox=(30, 48, 32, 49))
    return Situation(meta, [Region("A", {"en": "A"}, box(30, 48, 32, 49))], [], [layer])


def test_a_partial_repaint_fills_only_the_pieces_it_needs(qtbot):
    s = _squares_situation()
    canvas = open_canvas(qtbot, s, size=(640, 420), highlight_days=2)
    cursor = canvas.cursor_model
    cursor.set_time(D[2])               # (the first step after showing repaints all)
    _settle()
    scene, paints = canvas.scene, Paints(canvas)
    for day in (3, 4, 5, 6):
        before, paints.count = _shown(canvas), 0
        cursor.set_time(D[day])         # one square less: a few boxes repainted
        _settle()
        index = s.layer("sq").history.state_index(D[day])
        assert paints.count == 1 and ("sq", index) in scene._states   # boxes read...
        assert ("sq", index) not in scene._state_paths      # ... no path of the whole state
        shown = _shown(canvas)
        assert not _same(shown, before) and _same(shown, _fresh(canvas))
        assert ("sq", index) in scene._state_paths          # (the fresh frame fills it whole)


def test_the_extent_of_the_pieces_in_some_boxes_is_that_of_their_path(qapp):
    scene = MapScene(two_region_situation())
    history = scene.situation.layer("adv").history
    pieces = scene.project_layer(np.array([p.geometry for p in history.pieces_at(D[12])]))
    for box in ([30.0, 48.0, 30.5, 48.5], [30.9, 48.2, 31.6, 48.9], [10.0, 10.0, 11.0, 11.0]):
        x0, y0 = scene.projector.forward(box[0], box[1])
        x1, y1 = scene.projector.forward(box[2], box[3])
        boxes = np.array([[x0, y0, x1, y1]])
        extent = scene.layer_extent_within("adv", D[12], boxes)
        path = scene.layer_path_within("adv", D[12], boxes)
        assert extent == path.boundingRect()
        meeting = pieces[shapely.intersects(shapely.envelope(pieces), shapely.box(*boxes[0]))]
        if len(meeting) == 0:
            assert extent == QRectF() and path.isEmpty()
            continue
        minx, miny, maxx, maxy = shapely.total_bounds(meeting)      # independently
        assert (extent.left(), extent.top(), extent.right(), extent.bottom()) == \
            pytest.approx((minx, miny, maxx, maxy), abs=1e-6)


def test_timeless_kept_settings_are_the_timeless_settings(canvas):
    settings = canvas.render_settings()
    held = replace(settings, highlight_since=D[3], highlight_days=9.0)
    for s in (settings, held, settings, held):
        plain = timeless(s)
        assert plain.at != s.at and plain.selected_changes == frozenset()
        assert replace(plain, at=s.at, selected_changes=s.selected_changes,
                       highlight_days=s.highlight_days) == s
        assert timeless(replace(s, at=D[15])) == plain     # another object, same answer
    assert timeless(held).highlight_days == 1.0


def test_the_legend_date_line_follows_its_text_and_layout(canvas):
    scene, viewport = canvas.scene, canvas.viewport()
    settings = canvas.render_settings()
    noted = replace(settings, date_note="before the first state, 1 June 2025 and more words")
    lay = decoration_layout(scene, viewport, settings)
    short, long = (date_rect(scene, viewport, s, lay) for s in (settings, noted))
    assert long.width() > short.width() + 50 and long.left() == short.left()
    for day in range(2, 20):                    # more texts than are kept
        date_rect(scene, viewport, replace(settings, at=D[day]), lay)
    assert date_rect(scene, viewport, settings, lay) == short
    canvas.resize(900, 600)                     # another layout: the date moves with it
    wide = canvas.viewport()
    other = decoration_layout(scene, wide, settings)
    assert other is not lay
    assert date_rect(scene, wide, settings, other) == date_rect(scene, wide, settings)
