"""A drag and a wheel notch draw kept rasters (the background and the layers drawn once,
with a margin for a drag, and ahead, while the window is idle, for the next notches about
the pointer): the frame the window then shows at the end of the drag or after the notch
is, pixel for pixel, a new canvas on a new scene drawing that view. On the embedded
sample, at a date with changes highlighted and a selection."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from ui_helpers import drag_canvas, pixels, wheel
from viewer.io.situation_file import read_situation
from viewer.model import parse_time
from viewer.model.cursor import TimeCursor
from viewer.model.display import DisplayOptions
from viewer.model.selection import Selection
from viewer.render import MapScene
from viewer.resources import sample_path
from viewer.ui import canvas as canvas_module, canvas_base_pixmaps
from viewer.ui.canvas import MapCanvas

AT = parse_time("2025-06-13")
SIZE = (900, 560)


@pytest.fixture(scope="module")
def situation(qapp):
    return read_situation(sample_path())


def new_canvas(qtbot, situation, view=None) -> MapCanvas:
    cursor = TimeCursor(situation.start, situation.end, [c.at for c in situation.changes],
                        highlight_days=7)
    cursor.set_time(AT)
    selection = Selection()
    selection.select_changes([situation.changes[0].id])
    widget = MapCanvas(cursor, selection, DisplayOptions())
    qtbot.addWidget(widget)
    widget.resize(*SIZE)
    widget.set_scene(MapScene(situation))
    widget.set_decorations(True)
    if view is not None:
        widget.view_state.follow(view)      # the same floats, not refitted on resize
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(canvas) -> np.ndarray:
    """The canvas's pixels in its window's backing store: what is on screen."""
    QApplication.processEvents()
    window = canvas.window()
    origin = canvas.mapTo(window, canvas.rect().topLeft())
    return pixels(window.screen().grabWindow(window.winId(), origin.x(), origin.y(),
                                             canvas.width(), canvas.height()).toImage())


def assert_as_drawn_anew(qtbot, situation, canvas, image: np.ndarray) -> None:
    """``image`` (what ``canvas`` showed) is a new canvas's drawing of its view."""
    state = canvas.view_state
    fresh = new_canvas(qtbot, situation, state)
    expected = pixels(fresh.grab().toImage())
    fresh.close()
    differ = np.argwhere((image != expected).any(axis=2))
    assert len(differ) == 0, f"at {state.mpp:.1f} m/px, {len(differ)} pixels differ, " \
                             f"first at (y, x) {differ[0].tolist()}"


def counting(monkeypatch, name: str, module=canvas_module) -> list:
    """Calls of ``module``'s ``name`` (a dotted name: a class's method) from now on."""
    calls = []
    owner, _, attr = name.rpartition(".")
    owner = getattr(module, owner) if owner else module
    original = getattr(owner, attr)
    monkeypatch.setattr(owner, attr, lambda *a, **k: calls.append(1) or original(*a, **k))
    return calls


def idle(qtbot, canvas) -> None:
    """A pause in the canvas's window, the one in use."""
    canvas.activateWindow()
    qtbot.waitUntil(canvas.isActiveWindow)
    canvas.idle.restart()
    qtbot.waitUntil(lambda: not canvas.idle.busy, timeout=10_000)


def hover(canvas, pos: QPoint) -> None:
    QApplication.sendEvent(canvas, QMouseEvent(
        QEvent.Type.MouseMove, QPointF(pos), QPointF(canvas.mapToGlobal(pos)),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def test_the_end_of_a_drag_shows_the_view_drawn_anew(qtbot, situation, monkeypatch):
    canvas = new_canvas(qtbot, situation)
    canvas.zoom_by(2.0, QPointF(500, 260))
    QApplication.processEvents()
    dynamic = counting(monkeypatch, "draw_dynamic")
    made = counting(monkeypatch, "MapRasters.make")
    # within the margin; past it (made again); up and back
    for steps in ([(12, 5)] * 6, [(-30, 17)] * 4, [(300, 0)] * 2, [(7, -3)] * 3):
        QApplication.processEvents()        # (the repaint of the window's deactivation)
        before = len(made)
        dynamic.clear()
        drag_canvas(qtbot, canvas, steps)
        image = shown(canvas)
        assert dynamic == []        # the layers were only ever drawn into the rasters
        assert len(made) <= before + 3      # not at each step: with a margin, then the end's
        assert_as_drawn_anew(qtbot, situation, canvas, image)
        dynamic.clear()


def test_a_notch_after_a_pause_shows_ready_pixmaps_of_the_view_drawn_anew(
        qtbot, situation, monkeypatch):
    canvas = new_canvas(qtbot, situation)
    dynamic = counting(monkeypatch, "draw_dynamic")
    laid_out = counting(monkeypatch, "draw_labels", canvas_base_pixmaps)
    # in, in, out about one point, in about another, out about a third
    for pos, notches in ((QPoint(600, 200), 1), (QPoint(600, 200), 1), (QPoint(600, 200), -1),
                         (QPoint(250, 400), 1), (QPoint(450, 280), -1)):
        hover(canvas, pos)
        idle(qtbot, canvas)
        mpp = canvas.view_state.mpp
        dynamic.clear()
        laid_out.clear()
        wheel(canvas, pos, notches)
        image = shown(canvas)
        assert canvas.view_state.mpp != mpp
        assert dynamic == [] and laid_out == []     # ready rasters and labels
        assert_as_drawn_anew(qtbot, situation, canvas, image)


def test_a_notch_with_nothing_ready_is_drawn_as_before(qtbot, situation, monkeypatch):
    monkeypatch.setattr("viewer.ui.canvas_idle.IDLE_MS", 600_000)     # never idle
    canvas = new_canvas(qtbot, situation)
    dynamic = counting(monkeypatch, "draw_dynamic")
    for notches in (1, 1, -1):
        wheel(canvas, QPoint(300, 300), notches)    # no pause: nothing made ahead
        image = shown(canvas)
        assert len(dynamic) == 1
        assert_as_drawn_anew(qtbot, situation, canvas, image)
        dynamic.clear()


def test_only_the_canvas_of_the_active_window_prepares_and_keeps_rasters(qtbot, situation):
    a, b = new_canvas(qtbot, situation), new_canvas(qtbot, situation)
    b.activateWindow()
    qtbot.waitUntil(b.isActiveWindow)
    a.update()
    b.update()
    assert not a.idle.busy and b.idle.busy
    qtbot.waitUntil(lambda: not b.idle.busy, timeout=10_000)
    assert len(b.rasters) == 3          # the view's with a margin, the two notches'
    idle(qtbot, a)                      # a's window in use now
    assert len(a.rasters) == 3 and len(b.rasters) == 0 and not b.idle.busy
