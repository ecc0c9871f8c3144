"""Zoomed in on the sample, time steps leave the map canvas's backing store as a full
repaint paints it, at a device pixel ratio of 1 and of 2 (the latter in a subprocess
with QT_SCALE_FACTOR=2). Read from the backing store as a deep copy: offscreen,
``grabWindow`` gives a quarter of a window at ratio 2.

Qt's raster engine cuts a path reaching far off the device before filling it, where it
cuts depending on the box it paints; zoomed in, a step's repaint of a few boxes shaded
edge pixels a level apart from the whole frame's (1-27 pixels a step at ratio 1 and 2)
until the pieces reaching beyond the view were cut to it first (render.view_clip)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from ui_helpers import deepstate_days, open_canvas, packed_pixels, process_events, run_at_ratio_2


@pytest.mark.parametrize("zoom", [8.0])
def test_zoomed_steps_show_the_frame_drawn_anew(qtbot, zoom):
    s = deepstate_days(7.0)
    canvas = open_canvas(qtbot, s, size=(1200, 700))
    canvas.zoom_by(zoom, QPointF(744, 315))
    cursor = canvas.cursor_model
    cursor.set_time(s.start)
    cursor.step_by(10)
    process_events()
    differing = []
    for n in [3, -20, 1, 1, 2, -1, 5, 1, 1, 1]:
        cursor.step_by(n)
        process_events()
        shown = packed_pixels(QImage(canvas.backingStore().paintDevice()).copy())
        whole = packed_pixels(canvas.grab().toImage())
        differing.append(int((shown != whole).sum()))
    assert differing == [0] * len(differing), (canvas.devicePixelRatioF(), differing)


def test_at_a_device_pixel_ratio_of_2_too():
    if os.environ.get("QT_SCALE_FACTOR"):
        return                      # this is the run at ratio 2
    run_at_ratio_2(__file__, f"{__file__}::test_zoomed_steps_show_the_frame_drawn_anew",
                   "tests/test_ui_step_pixels.py::test_the_run_is_at_ratio_2")
