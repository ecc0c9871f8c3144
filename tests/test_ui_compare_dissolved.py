"""The states' dissolved outlines arriving from the worker while the comparison is open
(measuring.dissolved: the state paths are made anew, which moves a few shades): what a
person sees afterwards is what a fresh paint of the comparison window shows, in every
view, side by side included (its two canvases painted again with the new paths)."""

from __future__ import annotations

import pytest

from factories import GROWING_DATES
from test_ui_compare import win  # noqa: F401 - the window fixture, at 10 June
from test_ui_compare_steps import _forget, _settle
from test_ui_compare_view import _compared
from test_ui_compare_window_pixels import _maps, _on_screen_and_anew

D1, D3, D5, D10 = GROWING_DATES


def _without_outlines(view) -> dict:
    """Take the adopted outlines out of the scene, and paint the window whole again: as
    it was before the worker delivered them."""
    scene = view.scene
    states = dict(scene._dissolved)
    assert states
    scene._dissolved.clear()
    scene._state_paths.clear()
    for widget in _maps(view):
        _forget(widget)
        if hasattr(widget, "rasters"):          # (a canvas's, made while idle)
            widget.rasters.clear()
        widget.repaint()
    return states


@pytest.mark.parametrize("mode", ["swipe", "side", "diff"])
def test_the_window_after_the_outlines_arrive_is_the_window_painted_anew(win, qtbot, mode):
    view = _compared(qtbot, win, mode)
    _settle(qtbot, view)
    states = _without_outlines(view)
    view.scene.adopt_dissolved(states)            # what measuring does when they come
    win.measuring.dissolved.emit()
    _settle(qtbot, view)
    shown, whole = _on_screen_and_anew(view)
    assert shown == whole


def test_the_outlines_change_the_pixels_this_test_looks_at(win, qtbot):
    """(Otherwise the test above would pass without any repaint.)"""
    view = _compared(qtbot, win, "side")
    _settle(qtbot, view)
    states = _without_outlines(view)
    _, without = _on_screen_and_anew(view)
    view.scene.adopt_dissolved(states)
    _, with_them = _on_screen_and_anew(view)
    assert without != with_them
