"""While comparing, the main map's highlight window (A, B] of the next change dates is
made ahead in the worker (compare_figures.make_ahead), from the first step of B with an
A on: the next steps then merge nothing on the GUI thread, and the map still shows what
a full repaint shows."""

from __future__ import annotations

from factories import GROWING_DATES
from test_ui_compare import win  # noqa: F401 - the window fixture, at 10 June
from test_ui_compare_steps import _on_screen
from test_ui_compare_view import _compared

D1, D3, D5, D10 = GROWING_DATES


def _quiet(qtbot, w) -> None:
    qtbot.waitUntil(lambda: w.worker.wait(0.0), timeout=20_000)
    qtbot.wait(1)               # (what the jobs delivered)


def _fail(*args):
    raise AssertionError("a window merged at a step")


def test_a_step_of_b_finds_the_window_held_to_a_made(win, qtbot):
    view = _compared(qtbot, win, "swipe")       # A = 1 June, B = 3 June
    win.cursor_model.set_time(D10)
    win.cursor_model.set_time(D3)               # (steps of B with this A: asked)
    _quiet(qtbot, win)
    scene = win.canvas.scene
    scene.window_unions.merged_parts = _fail
    for b in (D5, D10):
        expected = tuple(c.id for c in scene.situation.changes if D1 < c.at <= b)
        assert expected                         # (the window holds changes)
        assert ("highlight", expected) in scene._prebuilt_windows
        win.cursor_model.set_time(b)
        _quiet(qtbot, win)
        shown, whole = _on_screen(win.canvas)
        assert shown == whole
    assert view.a == D1


def test_a_new_a_has_its_windows_made(win, qtbot):
    view = _compared(qtbot, win, "side")
    _quiet(qtbot, win)
    view.set_a(D5)                              # (B = 3 June: before A)
    _quiet(qtbot, win)
    scene = win.canvas.scene
    expected = tuple(c.id for c in scene.situation.changes if D5 < c.at <= D10)
    assert expected                             # (those of A = 1 June are others)
    assert ("highlight", expected) not in scene._prebuilt_windows   # (a new A: noted)
    win.cursor_model.set_time(D10)
    _quiet(qtbot, win)
    assert ("highlight", expected) in scene._prebuilt_windows
