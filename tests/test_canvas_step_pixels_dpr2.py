"""Zoomed in on the sample, time steps leave the map canvas's backing store as a full
repaint paints it, at a device pixel ratio of 1 and of 2 (the latter in a subprocess
with QT_SCALE_FACTOR=2). Read from the backing store as a deep copy: offscreen,
``grabWindow`` gives a quarter of a window at ratio 2.

Qt's raster engine cuts a path reaching far off the device before filling it, where it
cuts depending on the box it paints; zoomed in, a step's repaint of a few boxes shaded
edge pixels a level apart from the whole frame's (1-27 pixels a step at ratio 1 and 2)
until the pieces reaching beyond the view were cut to it first (render.view_clip)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from shapely.geometry import shape

from conftest import DEEPSTATE

from ui_helpers import open_canvas
from viewer.model import History, Layer, Situation, SituationMeta, Style, parse_time


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint32, image.bytesPerLine() * image.height() // 4)
    return rows.reshape(image.height(), -1)[:, :image.width()].copy()


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def occupied() -> Situation:
    """Eighteen days of DeepState snapshots as one layer (as a user's import has them)."""
    if not DEEPSTATE.is_dir():
        pytest.skip(f"{DEEPSTATE} is absent: the DeepState corpus lives in ../shared")
    states = []
    for path in sorted(DEEPSTATE.glob("*.geojson"))[300:318]:
        doc = json.loads(path.read_text(encoding="utf-8"))
        geom = shapely.union_all([shape(f["geometry"]) for f in doc["features"]])
        states.append((parse_time(re.search(r"(\d{8})", path.name).group(1)), geom))
    layer = Layer("occ", "Occupied", "assessed-control",
                  History.from_states("occ", states), style=Style("#c0392b", 0.45))
    return Situation(SituationMeta(title="DeepState", highlight_days=7.0), [], [], [layer])


@pytest.mark.parametrize("zoom", [8.0])
def test_zoomed_steps_show_the_frame_drawn_anew(qtbot, zoom):
    s = occupied()
    canvas = open_canvas(qtbot, s, size=(1200, 700))
    canvas.zoom_by(zoom, QPointF(744, 315))
    cursor = canvas.cursor_model
    cursor.set_time(s.start)
    cursor.step_by(10)
    _settle()
    differing = []
    for n in [3, -20, 1, 1, 2, -1, 5, 1, 1, 1]:
        cursor.step_by(n)
        _settle()
        shown = pixels(QImage(canvas.backingStore().paintDevice()).copy())
        whole = pixels(canvas.grab().toImage())
        differing.append(int((shown != whole).sum()))
    assert differing == [0] * len(differing), (canvas.devicePixelRatioF(), differing)


def test_at_a_device_pixel_ratio_of_2_too():
    if os.environ.get("QT_SCALE_FACTOR"):
        return                      # this is the run at ratio 2
    here = Path(__file__)
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
    res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          f"{here}::test_zoomed_steps_show_the_frame_drawn_anew",
                          "tests/test_ui_step_pixels.py::test_the_run_is_at_ratio_2"],
                         capture_output=True, text=True, env=env, cwd=here.parent.parent,
                         timeout=300)
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-2000:]
    assert "2 passed" in res.stdout, res.stdout[-2000:]
