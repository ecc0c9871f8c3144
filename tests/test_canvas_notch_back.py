"""A wheel notch back to the view before (in, then out again) copies that view's kept
background instead of drawing it again (canvas_base_pixmaps keeps the last two), and the
frame is still the view drawn anew (test_zoom_same_pixels checks the pixels)."""

from __future__ import annotations

from PySide6.QtCore import QPoint

import viewer.ui.canvas_base_pixmaps as base_pixmaps
from ui_helpers import open_canvas, pixels, wheel


def test_a_notch_back_draws_no_background(qtbot, monkeypatch):
    canvas = open_canvas(qtbot, size=(600, 400))
    before = pixels(canvas.grab().toImage())    # (its background made)
    drawn = []
    draw = base_pixmaps.draw_background
    monkeypatch.setattr(base_pixmaps, "draw_background",
                        lambda *args: drawn.append(args[2].key()) or draw(*args))
    wheel(canvas, QPoint(300, 200), 1)
    inside = pixels(canvas.grab().toImage())
    wheel(canvas, QPoint(300, 200), -1)
    back = pixels(canvas.grab().toImage())
    assert len(drawn) == 1, drawn               # the new view's only
    assert (inside != before).any()             # the notch zoomed
    assert (back == before).all()
    canvas.base_pixmaps.clear()                 # drawn anew: the same frame
    assert (pixels(canvas.grab().toImage()) == back).all()
    assert len(drawn) == 2
