"""The end of a drag draws the view's background once and keeps it among the canvas's
backgrounds (canvas_base_pixmaps keeps the last two): a time step after the drag, and the
end of a drag back to the view before, copy it instead of drawing it again. The labels of
the view before are kept too, apart from those the idle work lays out ahead for the next
notches (canvas_idle): a drag back to it after a pause copies them. The frames are still
the view drawn anew."""

from __future__ import annotations

from datetime import timedelta

import viewer.ui.canvas_base_pixmaps as base_pixmaps
import viewer.ui.canvas_raster as canvas_raster
from ui_helpers import drag_canvas, open_canvas, pixels

SIZE = (600, 400)


def idle(qtbot, canvas) -> None:
    """A pause in the canvas's window, the one in use (as test_canvas_raster_pixels)."""
    canvas.activateWindow()
    qtbot.waitUntil(canvas.isActiveWindow)
    canvas.idle.restart()
    qtbot.waitUntil(lambda: not canvas.idle.busy, timeout=10_000)


def test_a_drag_keeps_the_background_of_the_view_it_ends_at(qtbot, monkeypatch):
    canvas = open_canvas(qtbot, size=SIZE)
    start = pixels(canvas.grab().toImage())     # (its background made)
    drawn = []                                  # backgrounds of a whole view drawn

    def counted(module):
        draw = module.draw_background

        def counting(*args):
            if (args[2].width, args[2].height) == SIZE:     # not a drag's, with a margin
                drawn.append(args[2].key())
            return draw(*args)
        monkeypatch.setattr(module, "draw_background", counting)
    counted(base_pixmaps)
    counted(canvas_raster)
    drag_canvas(qtbot, canvas, [(-10, -4)] * 3)
    assert len(drawn) == 1, drawn               # the view the drag ended at
    cursor = canvas.cursor_model
    cursor.set_time(cursor.start + timedelta(days=200))
    stepped = pixels(canvas.grab().toImage())
    assert len(drawn) == 1, drawn               # the step copied it
    drag_canvas(qtbot, canvas, [(10, 4)] * 3)   # back where it started
    assert len(drawn) == 1, drawn
    cursor.set_time(cursor.start)
    assert (pixels(canvas.grab().toImage()) == start).all()
    cursor.set_time(cursor.start + timedelta(days=200))
    drag_canvas(qtbot, canvas, [(-10, -4)] * 3)
    assert (pixels(canvas.grab().toImage()) == stepped).all()
    canvas.invalidate()                         # drawn anew: the same frame
    assert (pixels(canvas.grab().toImage()) == stepped).all()
    assert len(drawn) == 2, drawn


def test_a_drag_back_after_a_pause_draws_no_labels(qtbot, monkeypatch):
    canvas = open_canvas(qtbot, size=SIZE)
    start = pixels(canvas.grab().toImage())
    drawn = []
    draw = base_pixmaps.draw_labels
    monkeypatch.setattr(base_pixmaps, "draw_labels",
                        lambda *args: drawn.append(args[2].key()) or draw(*args))
    drag_canvas(qtbot, canvas, [(-10, -4)] * 3)
    assert len(drawn) == 1, drawn               # the view the drag ended at
    idle(qtbot, canvas)                         # the next notches' labels laid out
    assert len(drawn) == 3, drawn
    drag_canvas(qtbot, canvas, [(10, 4)] * 3)   # back where it started
    assert len(drawn) == 3, drawn
    assert (pixels(canvas.grab().toImage()) == start).all()
