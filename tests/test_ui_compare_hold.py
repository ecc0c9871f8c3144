"""A step's km² are measured once the step has painted: the worker's job for the new
pair of dates waits (compare_figures.hold) while the GUI thread draws the step, instead
of taking the GIL from the paint in turns; then it runs, and the figures come."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject

from factories import GROWING_DATES
from test_ui_compare import win  # noqa: F401 - the window fixture, at 10 June
from test_ui_compare_steps import _settle
from test_ui_compare_view import _compared
from viewer.ui import compare_figures

D1, D3, D5, D10 = GROWING_DATES


class _Painted(QObject):
    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_step_s_figures_are_measured_after_its_paint(win, qtbot, monkeypatch):
    view = _compared(qtbot, win, "swipe")
    _settle(qtbot, view)
    painted = _Painted(view.map)
    started = threading.Event()
    seen: list[int] = []            # the map's paints when the job measured its first layer
    measure = compare_figures.layer_difference

    def layer_difference(*args):
        seen.append(painted.count)
        started.set()
        return measure(*args)
    monkeypatch.setattr(compare_figures, "layer_difference", layer_difference)
    monkeypatch.setattr(compare_figures, "HOLD_AT_MOST", 60.0)
    win.cursor_model.set_time(D5)
    assert not started.wait(0.3)        # held: this thread has not painted the step
    before = view.figures.toPlainText()
    _settle(qtbot, view)
    assert seen and seen[0] >= 1        # measured after the map's paint
    assert view.figures.toPlainText() != before     # (the figures of 1 to 5 June came)
