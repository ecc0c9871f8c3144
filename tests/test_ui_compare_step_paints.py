"""What a step of B with A fixed repaints. The swipe: B's side where the step's changes
lie, B's tag and the legend's date, never A's tag (its date did not move), and nothing
at all when the figures come from the worker (the swipe draws no caption). Side by
side: the right canvas only (A's, on the left, not at all). The frames are still the
ones a full paint gives."""

from __future__ import annotations

from PySide6.QtGui import QRegion

from factories import GROWING_DATES
from test_ui_compare import win  # noqa: F401 - the window fixture, at 10 June
from test_ui_compare_steps import _on_screen, _settle
from test_ui_compare_view import _compared
from ui_helpers import PaintRects
from viewer.render.compare import swipe_shown, tag_rects

D1, D3, D5, D10 = GROWING_DATES


def _painted(paints: PaintRects) -> QRegion:
    region = QRegion()
    for r in paints.rects:
        region = region.united(r)
    return region


def test_a_step_of_b_leaves_a_s_tag_and_the_figures_repaint_nothing(win, qtbot):
    view = _compared(qtbot, win, "swipe")
    cmap = view.map
    _settle(qtbot, view)
    paints = PaintRects(cmap)
    win.cursor_model.set_time(D5)
    _settle(qtbot, view)
    a, b = cmap.settings()
    lay = cmap.pictures.panels.layout(cmap.scene, cmap.viewport(), swipe_shown(a, b))
    (a_tag, _), (b_tag, _) = tag_rects(cmap.split * cmap.width(), a, b, tuple(lay.rects()))
    painted = _painted(paints)
    assert painted.intersects(b_tag.toAlignedRect())
    assert not painted.intersects(a_tag.toAlignedRect())
    assert sum(r.width() * r.height() for r in painted) < cmap.width() * cmap.height() / 4
    paints.rects.clear()
    caption = list(view.caption)
    assert caption                          # (measured: the figures are in)
    cmap.set_caption([])                    # what a step and its figures do to it
    cmap.set_caption(caption)
    qtbot.wait(1)
    assert paints.rects == []
    shown, whole = _on_screen(cmap)
    assert shown == whole


def test_side_by_side_a_step_of_b_repaints_the_right_canvas_only(win, qtbot):
    view = _compared(qtbot, win, "side")
    _settle(qtbot, view)
    left, right = PaintRects(view.side.left), PaintRects(view.side.right)
    for b in (D5, D10, D5):
        win.cursor_model.set_time(b)
        _settle(qtbot, view)
    assert left.rects == []
    assert right.rects
    for canvas in (view.side.left, view.side.right):
        shown, whole = _on_screen(canvas)
        assert shown == whole
