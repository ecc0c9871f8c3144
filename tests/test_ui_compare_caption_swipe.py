"""The swipe draws no km² caption (the difference does): the figures' caption coming
from the worker, or cleared by a step, asks the swipe's map for no repaint, nor works
out what one would cover; switched to the difference, the caption is drawn."""

from __future__ import annotations

from factories import GROWING_DATES
from test_ui_compare import win  # noqa: F401 - the window fixture, at 10 June
from test_ui_compare_steps import _on_screen, _settle
from test_ui_compare_view import _choose, _compared
from viewer.ui import compare_map

D1, D3, D5, D10 = GROWING_DATES


def test_the_swipe_s_caption_asks_for_no_repaint(win, qtbot, monkeypatch):
    view = _compared(qtbot, win, "swipe")
    _settle(qtbot, view)
    cmap = view.map
    caption = list(view.caption)
    assert caption
    regions = []
    step_region = compare_map.step_region

    def counted(*args):
        regions.append(args)
        return step_region(*args)
    monkeypatch.setattr(compare_map, "step_region", counted)
    cmap.set_caption([])                    # what a step and its figures do to it
    cmap.set_caption(caption)
    assert regions == []
    _choose(qtbot, view, "diff")
    qtbot.waitUntil(lambda: view.map.difference_shown, timeout=20_000)
    _settle(qtbot, view)
    assert cmap.caption == caption
    shown, whole = _on_screen(cmap)
    assert shown == whole
