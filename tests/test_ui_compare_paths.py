"""The difference's areas (its overlay's paths) are measured only for the difference
view: the swipe and side by side draw none, so their steps leave them out of the
worker's job; switched to the difference, its overlay is measured then and drawn, the
km² below the map as they were."""

from __future__ import annotations

import pytest

from factories import GROWING_DATES
from test_ui_compare import win  # noqa: F401 - the window fixture, at 10 June
from test_ui_compare_steps import _on_screen, _settle
from test_ui_compare_view import _choose, _compared

D1, D3, D5, D10 = GROWING_DATES


@pytest.mark.parametrize("mode", ["swipe", "side"])
def test_only_the_difference_measures_its_areas(win, qtbot, mode):
    view = _compared(qtbot, win, mode)
    _settle(qtbot, view)
    win.cursor_model.set_time(D5)
    _settle(qtbot, view)
    assert view.map.pictures.differences == {}
    figures = view.figures.toPlainText()
    assert "km²" in figures
    _choose(qtbot, view, "diff")
    qtbot.waitUntil(lambda: view.map.difference_shown, timeout=20_000)
    _settle(qtbot, view)
    assert view.figures.toPlainText() == figures
    assert view.map.caption                     # (the km² on the map too)
    shown, whole = _on_screen(view.map)
    assert shown == whole
