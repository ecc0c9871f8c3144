"""While comparing, a step of B changes a few small widgets besides the maps: the
highlight box (its days follow B), B's date in the comparison's bar, and the Reports
tree's scroll bar (its range follows the changes listed). Each is opaque, filled as the
window is, so its repaint paints only itself: see-through, it had the main window (or
the comparison's window) and every widget between paint their background under it, some
0.6 ms a step. The pixels are those they had see-through (but one of the scroll bar's
box, the tree frame's corner, one level of 255 darker)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, Qt

from factories import GROWING_DATES
from test_ui_compare import win  # noqa: F401 - the window fixture, at 10 June
from test_ui_compare_steps import _settle
from test_ui_compare_view import _compared
from ui_helpers import PaintRects

D1, D3, D5, D10 = GROWING_DATES


def test_a_step_of_b_paints_the_changed_boxes_but_not_the_windows_under_them(win, qtbot):
    view = _compared(qtbot, win, "swipe")
    _settle(qtbot, view)
    under = PaintRects(win), PaintRects(view)
    box, b_label = PaintRects(win.timeline.highlight), PaintRects(view.b_label)
    for b in (D5, D10):
        days = win.timeline.highlight.value()
        win.cursor_model.set_time(b)
        _settle(qtbot, view)
        assert win.timeline.highlight.value() != days       # the box shows new days
    assert box.rects and b_label.rects                      # and was repainted
    assert [p.rects for p in under] == [[], []]


def test_the_reports_scroll_bar_repaints_alone(win, qtbot):
    tree = win.reports_panel.window_tree
    tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    bar = tree.verticalScrollBar()
    qtbot.waitUntil(bar.isVisible)
    qtbot.wait(1)
    under, painted = PaintRects(win), PaintRects(bar)
    bar.update()
    qtbot.waitUntil(lambda: bool(painted.rects))
    qtbot.wait(1)
    where = QRect(bar.mapTo(win, bar.rect().topLeft()), bar.size())
    assert [r for r in under.rects if r.intersects(where)] == []


def test_the_opaque_boxes_look_as_they_did_see_through(win, qtbot):
    box = win.timeline.highlight
    bar = win.reports_panel.window_tree.verticalScrollBar()
    win.reports_panel.window_tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    qtbot.waitUntil(bar.isVisible)
    for widget in (box, bar.parentWidget()):
        assert widget.autoFillBackground()
        opaque = _pixels(win.grab().toImage())
        widget.setAutoFillBackground(False)
        see_through = _pixels(win.grab().toImage())
        widget.setAutoFillBackground(True)
        differ = np.abs(opaque - see_through).max(axis=2)
        assert np.count_nonzero(differ) <= 1 and differ.max() <= 1


def _pixels(image) -> np.ndarray:
    image = image.convertToFormat(image.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return rows[:, :image.width()].astype(np.int16)
