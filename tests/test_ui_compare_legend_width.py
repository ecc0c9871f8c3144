"""The swipe's legend keeps one box as its two dates move: its line "left <A> · right
<B>" has room for the widest dates, so the legend neither jumps as B steps (a wider
date, "10 June" after "3 June") nor has its panel and the labels kept clear of it
laid out again at each step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from factories import GROWING_DATES, growing_situation
from test_ui_compare_steps import _settle
from test_ui_compare_view import _compared
from ui_helpers import isolate_settings, open_window
from viewer.render.compare import swipe_shown
from viewer.render.decorations import date_rect

D1, D3, D5, D10 = GROWING_DATES


@pytest.fixture
def win(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    w = open_window(qtbot, growing_situation())     # its short title: the dates set the width
    yield w
    w.close()


def _box(qtbot, view, mode: str) -> tuple[QRectF, QRectF]:
    """The legend's box and its date line's, as the map lays them out."""
    _settle(qtbot, view)
    cmap = view.map
    a, b = cmap.settings()
    shown = swipe_shown(a, b) if mode == "swipe" else b
    viewport = cmap.viewport()
    lay = cmap.pictures.panels.layout(cmap.scene, viewport, shown)
    return QRectF(lay.legend), date_rect(cmap.scene, viewport, shown, lay)


def test_the_swipe_s_legend_keeps_its_box_as_the_dates_widen(win, qtbot):
    # (the difference's legend does the same, but here its key's rows set its width)
    mode = "swipe"
    view = _compared(qtbot, win, mode)              # A 1 June, B 3 June
    legend, narrow = _box(qtbot, view, mode)
    view.set_a(D10)
    win.cursor_model.set_time(D10)                  # both dates a digit wider
    legend_after, wide = _box(qtbot, view, mode)
    assert wide.width() > narrow.width()            # the line did widen ...
    assert legend_after == legend                   # ... in the same box
    assert legend.contains(wide) and legend.contains(narrow)
