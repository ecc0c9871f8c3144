"""A time step while comparing repaints only part of each map (the swipe's and the
difference's map, the main window's map): what is then on screen must be what a full
repaint draws. The main map's key names the start of the window, A ("Gained since
1 June 2025"), and stays put as B moves."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication

from factories import GROWING_DATES
from test_ui_compare import win  # noqa: F401 - the window fixture, at 10 June
from test_ui_compare_view import _choose, _compared, _open_compare
from ui_helpers import PaintRects
from viewer.render.decorations import _legend_items

D1, D3, D5, D10 = GROWING_DATES


def _forget(widget) -> None:
    """Drop every picture ``widget`` keeps (but the difference's measured paths)."""
    if hasattr(widget, "pictures"):
        for cache in (widget.pictures.dates, widget.pictures.panels, widget.pictures.base):
            cache.clear()
    else:
        widget.base_pixmaps.clear()
        widget.decoration_pixmaps.clear()


def _on_screen(widget):
    """What the screen shows of ``widget`` (its window's backing store: the last full
    paint with every partial repaint since over it), and the widget drawn from nothing."""
    top = widget.window()
    at = widget.mapTo(top, QPoint(0, 0))
    shown = QGuiApplication.primaryScreen().grabWindow(top.winId()).toImage()
    _forget(widget)
    whole = widget.grab().toImage()                 # a full repaint, now
    return shown.copy(at.x(), at.y(), whole.width(), whole.height()).convertToFormat(
        whole.format()), whole


def _settle(qtbot, view) -> None:
    qtbot.waitUntil(lambda: view.measurer.job is None, timeout=20_000)
    qtbot.wait(1)       # (the repaints posted by what the worker delivered)


@pytest.mark.parametrize("mode", ["swipe", "diff"])
def test_a_step_repaints_part_of_the_map_and_shows_what_a_full_repaint_shows(win, qtbot,
                                                                          mode):
    view = _compared(qtbot, win, mode)
    cmap = view.map
    cmap.set_split(0.3)
    _settle(qtbot, view)
    paints = PaintRects(cmap)
    partial = []
    for b in (D5, D10, D5):
        paints.rects.clear()
        win.cursor_model.set_time(b)
        _settle(qtbot, view)
        partial.append(all(r.width() * r.height() < cmap.width() * cmap.height() / 2
                           for r in paints.rects))
        shown, whole = _on_screen(cmap)         # (grab paints it whole)
        assert shown == whole, b
    assert any(partial)                 # not every step painted the whole map
    view.set_a(D3)                      # A moves: its side (the swipe), the overlay
    _settle(qtbot, view)
    shown, whole = _on_screen(cmap)
    assert shown == whole


def test_the_main_map_s_key_says_since_a_and_steps_show_what_a_full_repaint_shows(win,
                                                                               qtbot):
    win.cursor_model.set_highlight_days(1.0)
    win.cursor_model.set_time(D3)
    view = _open_compare(qtbot, win)
    view.set_a(D1)
    canvas = win.canvas
    for b in (D5, D10):
        win.activateWindow()
        win.cursor_model.set_time(b)
        _settle(qtbot, view)
        rows = [item[1] for item in _legend_items(win.loaded.scene, canvas.render_settings())
                if item[4]]
        assert rows == ["Gained since 1 June 2025", "Lost since 1 June 2025"]
        shown, whole = _on_screen(canvas)
        assert shown == whole, b
    view.set_a(D3)                      # the key's rows change: repainted with it
    _settle(qtbot, view)
    shown, whole = _on_screen(canvas)
    assert shown == whole
    win.compare_mode.close()            # back to the window of 1 day: its own words
    rows = [item[1] for item in _legend_items(win.loaded.scene, canvas.render_settings())
            if item[4]]
    assert rows == ["Gained in the last day", "Lost in the last day"]


def test_a_step_keeps_the_last_figures_shown_and_ungreyed_until_its_own_come(win, qtbot):
    view = _open_compare(qtbot, win)
    view.set_a(D1)
    _settle(qtbot, view)
    before = view.figures.toPlainText()
    assert before.startswith("Between A (1 Jun 2025) and B (10 Jun 2025):")
    assert "\nControl\ngained " in before and view.figures.isEnabled()
    win.cursor_model.set_time(D5)
    assert view.figures.toPlainText() == before and view.figures.isEnabled()
    _settle(qtbot, view)
    after = view.figures.toPlainText()
    assert after.startswith("Between A (1 Jun 2025) and B (5 Jun 2025):")
    assert "\nControl\ngained " in after and view.figures.isEnabled()


def test_a_step_whose_figures_read_the_same_leaves_the_figures_box_unpainted(win, qtbot):
    """B moved within its day and its state: the same text, the box neither greyed
    nor painted; nor the A field, whose date did not change."""
    win.cursor_model.set_time(D5)
    view = _open_compare(qtbot, win)
    view.set_a(D1)
    _settle(qtbot, view)
    before = view.figures.toPlainText()
    greyed: list[bool] = []
    view.figures_shown.connect(lambda: greyed.append(not view.figures.isEnabled()))
    paints = PaintRects(view.figures.viewport())
    a_paints = PaintRects(view.a_edit.lineEdit())
    win.cursor_model.set_time(D5 + timedelta(hours=1))
    assert win.cursor_model.time == D5 + timedelta(hours=1)
    greyed.append(not view.figures.isEnabled())
    _settle(qtbot, view)
    qtbot.waitUntil(lambda: len(greyed) == 2)       # (the figures of the step came)
    assert view.figures.toPlainText() == before
    assert greyed == [False, False]
    assert paints.rects == [] and a_paints.rects == []


def test_figures_slower_than_a_moment_are_greyed_until_they_come(win, qtbot):
    view = _open_compare(qtbot, win)
    view.set_a(D1)
    _settle(qtbot, view)
    before = view.figures.toPlainText()
    release = threading.Event()
    win.worker.on_step = lambda job: release.wait(10)       # the worker held
    try:
        win.cursor_model.set_time(D5)
        assert view.figures.isEnabled()
        qtbot.waitUntil(lambda: not view.figures.isEnabled(), timeout=5_000)
        assert view.figures.toPlainText() == before         # the last figures, greyed
    finally:
        release.set()
        win.worker.on_step = None
    _settle(qtbot, view)
    after = view.figures.toPlainText()
    assert after.startswith("Between A (1 Jun 2025) and B (5 Jun 2025):")
    assert view.figures.isEnabled()


def test_a_step_keeps_the_difference_s_last_overlay_until_its_own_is_measured(win, qtbot):
    from test_ui_compare import _compare_pixel
    view = _open_compare(qtbot, win)                # B: 10 June
    view.set_a(D1)
    _choose(qtbot, view, "diff")
    _settle(qtbot, view)
    inside = (31.3, 49.2)                           # gained since 1 June by the 5th and the 10th
    overlaid = _compare_pixel(view, *inside)
    release = threading.Event()
    win.worker.on_step = lambda job: release.wait(10)       # the worker held
    try:
        win.cursor_model.set_time(D5)
        qtbot.wait(1)
        assert view.measurer.job is not None                # (5 June not measured yet)
        assert (_compare_pixel(view, *inside) == overlaid).all()    # the last overlay
    finally:
        release.set()
        win.worker.on_step = None
    _settle(qtbot, view)
    assert (_compare_pixel(view, *inside) == overlaid).all()        # its own, the same there
    view.map.pictures.differences.clear()           # none kept: the layers alone
    view.map.refresh(whole=True)
    assert not (_compare_pixel(view, *inside) == overlaid).all()
