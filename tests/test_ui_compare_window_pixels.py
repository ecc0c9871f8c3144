"""The whole comparison window after a sequence of time steps, each repainting only part
of its maps (B back and forth, then A moved), is pixel for pixel the window painted anew
from nothing: in every view (swipe, side by side, difference), at the first view and
zoomed in (the wheel over the map), as test_canvas_step_pixels checks the main canvas."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QApplication

from factories import GROWING_DATES
from test_ui_compare import win  # noqa: F401 - the window fixture, at 10 June
from test_ui_compare_steps import _forget, _settle
from test_ui_compare_view import _compared
from ui_helpers import PaintRects

D1, D3, D5, D10 = GROWING_DATES


def _maps(view) -> list:
    return [view.side.left, view.side.right] if view.mode == "side" else [view.map]


def _mpp(widget) -> float:
    """Metres per pixel of a map of the window."""
    return (widget.view_state if hasattr(widget, "view_state") else widget.state).mpp


def _wheel(widget, notches: int) -> None:
    """Turn the mouse wheel over ``widget``'s middle (zooms in about it)."""
    at = QPointF(widget.width() * 0.45, widget.height() * 0.5)
    event = QWheelEvent(at, widget.mapToGlobal(at), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _on_screen_and_anew(view):
    """The window as the screen shows it (its backing store: the last full paint with
    the partial repaints since over it), and the window painted whole from nothing."""
    shown = QGuiApplication.primaryScreen().grabWindow(view.winId()).toImage()
    for widget in _maps(view):
        _forget(widget)
    whole = view.grab().toImage()
    return shown.convertToFormat(whole.format()), whole


@pytest.mark.parametrize("zoomed", [False, True], ids=["first view", "zoomed in"])
@pytest.mark.parametrize("mode", ["swipe", "side", "diff"])
def test_the_window_after_partial_steps_is_the_window_painted_anew(win, qtbot, mode,
                                                                    zoomed):
    view = _compared(qtbot, win, mode)
    _settle(qtbot, view)
    if zoomed:
        before = _mpp(_maps(view)[-1])
        _wheel(_maps(view)[-1], 3)
        _settle(qtbot, view)
        assert all(_mpp(widget) < before / 1.5 for widget in _maps(view))
    paints = [PaintRects(widget) for widget in _maps(view)]
    partial = False
    for b in (D5, D10, D5, D10):
        for p in paints:
            p.rects.clear()
        win.cursor_model.set_time(b)
        _settle(qtbot, view)
        size = _maps(view)[-1].width() * _maps(view)[-1].height()
        rects = [r for p in paints for r in p.rects]
        partial |= bool(rects) and all(r.width() * r.height() < size / 2 for r in rects)
    assert partial                      # some step repainted only part of the maps
    view.set_a(D3)                      # A moves: the swipe's left, the left map, the overlay
    _settle(qtbot, view)
    shown, whole = _on_screen_and_anew(view)
    assert shown.size() == whole.size()
    assert shown == whole
