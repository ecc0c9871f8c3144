"""A step's km² are measured once the step has painted: the worker's job for the new
pair of dates waits (compare_figures.hold) while the GUI thread draws the step, instead
of taking the GIL from the paint in turns; then it runs, and the figures come."""

from __future__ import annotations

import threading

from factories import GROWING_DATES
from test_ui_compare import win  # noqa: F401 - the window fixture, at 10 June
from test_ui_compare_steps import _settle
from test_ui_compare_view import _compared
from ui_helpers import PaintRects
from viewer.ui import compare_figures

D1, D3, D5, D10 = GROWING_DATES


def test_a_step_s_figures_are_measured_after_its_paint(win, qtbot, monkeypatch):
    view = _compared(qtbot, win, "swipe")
    _settle(qtbot, view)
    painted = PaintRects(view.map)
    started = threading.Event()
    seen: list[int] = []            # the map's paints when the job measured its first layer
    measure = compare_figures.layer_difference

    def layer_difference(*args):
        seen.append(len(painted.areas))
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
