"""After a time step, the window holds what painting it whole gives, at a device pixel ratio
of 1 and of 2: the widgets that repaint only what a step changed (the map, the timeline's
slider and chart, the docks' labels) leave no stale or misplaced pixel behind.

The run at ratio 2 is this file's test again, in a subprocess with QT_SCALE_FACTOR=2
(the ratio is fixed when the application starts). The window's pixels as painted are
read from its backing store: on the offscreen platform, ``QScreen.grabWindow`` gives
only the top-left quarter of a window at ratio 2 (its area is kept in logical pixels).

Nothing was found wrong at ratio 2: a difference once seen in the slider after a step
came from reading the backing store without copying it (``painted``)."""

from __future__ import annotations

import os

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from test_ui_one_frame import Frames, analysed
from ui_helpers import isolate_settings, open_window, run_at_ratio_2
from viewer.io.situation_file import read_situation
from viewer.resources import sample_path


def painted(window: QWidget) -> QImage:
    """The window's pixels as its backing store holds them: a deep copy (a QImage sharing
    the store's pixels has the window's next frame painted into the shared pixels, which
    the store then no longer holds: later frames showed the slider's old handle)."""
    return QImage(window.backingStore().paintDevice()).copy().convertToFormat(
        QImage.Format.Format_RGB32)


def repainted(window: QWidget) -> QImage:
    return window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def first_difference(a: QImage, b: QImage, window: QWidget) -> str:
    """Where two images of ``window`` first differ, and the widget there."""
    if a.size() != b.size():
        return f"sizes {a.size()} and {b.size()}"
    ratio = window.devicePixelRatioF()
    for y in range(a.height()):
        for x in range(a.width()):
            if a.pixel(x, y) != b.pixel(x, y):
                at = window.childAt(QPoint(int(x / ratio), int(y / ratio)))
                return f"pixel ({x}, {y}) of {type(at).__name__}"
    return "none"


def test_a_step_leaves_the_window_as_a_full_repaint_paints_it(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, read_situation(sample_path()))
    analysed(qtbot, window)
    window.cursor_model.first()
    frames = Frames(window)
    frames.settle()
    slider, chart = window.timeline.slider, window.timeline.chart
    start = window.cursor_model.time
    keys = [Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_PageUp, Qt.Key.Key_End,
            Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_PageUp, None]
    seen = []
    for key in keys:
        if key is None:             # a click two thirds along the chart's plot
            box = chart.getPlotItem().getViewBox().sceneBoundingRect()
            pos = chart.mapFromScene(box.left() + 2 * box.width() / 3, box.center().y())
            qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        else:
            slider.setFocus()
            qtbot.keyClick(slider, key)
        frames.settle()
        seen.append(window.cursor_model.time)
        shown, whole = painted(window), repainted(window)
        assert shown == whole, (key, first_difference(shown, whole, window))
    assert all(a != b for a, b in zip([start] + seen, seen)), seen     # each one a step
    window.close()


def test_at_a_device_pixel_ratio_of_2_too():
    if os.environ.get("QT_SCALE_FACTOR"):
        return                      # this is the run at ratio 2
    run_at_ratio_2(__file__,
                   f"{__file__}::test_a_step_leaves_the_window_as_a_full_repaint_paints_it",
                   f"{__file__}::test_the_run_is_at_ratio_2")


def test_the_run_is_at_ratio_2(qtbot):
    if not os.environ.get("QT_SCALE_FACTOR"):
        return
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.devicePixelRatioF() == float(os.environ["QT_SCALE_FACTOR"]) == 2.0
