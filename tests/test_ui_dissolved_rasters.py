"""The states' dissolved outlines arriving from the worker (measuring.dissolved) after the
canvas kept a raster of the view (made at the end of a drag, or ahead while idle): what the
window then shows is the canvas painted anew with the outlines, not the kept raster's
older shades (the raster's key names the scene, which adopts the outlines in place)."""

from __future__ import annotations

from factories import GROWING_DATES
from test_canvas_raster_pixels import shown
from test_ui_compare import win  # noqa: F401 - the window fixture

D3 = GROWING_DATES[1]           # a date whose state the outlines fill a few pixels apart


def _outlines_taken_out(qtbot, win) -> dict:
    """The adopted outlines, taken out of the scene, and a raster of the view kept without
    them: as the canvas stood before the worker delivered them."""
    canvas = win.canvas
    scene = canvas.scene
    win.cursor_model.set_time(D3)
    qtbot.waitUntil(lambda: bool(scene._dissolved), timeout=20_000)
    states = dict(scene._dissolved)
    scene._dissolved.clear()
    scene._state_paths.clear()
    canvas.invalidate()
    canvas.rasters.for_view(scene, canvas.viewport(), canvas.render_settings(),
                            canvas.devicePixelRatioF())
    assert len(canvas.rasters) == 1
    canvas.repaint()
    return states


def _anew(canvas):
    canvas.invalidate()
    canvas.repaint()
    return shown(canvas)


def test_the_outlines_arriving_after_a_raster_was_kept_show_on_the_map(win, qtbot):
    canvas = win.canvas
    states = _outlines_taken_out(qtbot, win)
    canvas.scene.adopt_dissolved(states)            # what measuring does when they come
    win.measuring.dissolved.emit()
    canvas.repaint()
    assert (shown(canvas) == _anew(canvas)).all()


def test_the_outlines_change_the_pixels_this_test_looks_at(win, qtbot):
    """(Otherwise the test above would pass with the old raster shown.)"""
    canvas = win.canvas
    states = _outlines_taken_out(qtbot, win)
    without = shown(canvas)
    canvas.scene.adopt_dissolved(states)
    assert (without != _anew(canvas)).any()
