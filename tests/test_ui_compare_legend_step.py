"""A step of B in the swipe whose legend keeps its box repaints the legend's date line,
not the whole legend (its title and key rows are the same pixels): the canvas's time
step does the same. The frame is still the one a full paint gives."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QRegion

from factories import GROWING_DATES, growing_situation
from test_ui_compare_steps import _on_screen, _settle
from test_ui_compare_view import _compared
from ui_helpers import PaintRects, isolate_settings, open_window
from viewer.render.compare import swipe_shown
from viewer.render.decorations import date_rect

D1, D3, D5, D10 = GROWING_DATES


@pytest.fixture
def win(qtbot, monkeypatch, tmp_path):
    """The window of growing_situation(), titled wider than the swipe's two dates (the
    title, not the date line, sets the legend's width)."""
    isolate_settings(monkeypatch, tmp_path)
    situation = growing_situation()
    situation.meta = replace(situation.meta, title="A title wider than the swipe's "
                             "line of two dates, left and right of the divider")
    w = open_window(qtbot, situation)
    w.cursor_model.set_time(D10)
    yield w
    w.close()


def _legend_and_date(cmap) -> tuple[QRectF, QRectF]:
    a, b = cmap.settings()
    shown = swipe_shown(a, b)
    panels, viewport = cmap.pictures.panels, cmap.viewport()
    lay = panels.layout(cmap.scene, viewport, shown)
    return QRectF(lay.legend), date_rect(cmap.scene, viewport, shown, lay)


def test_a_swipe_step_keeping_the_legend_s_box_repaints_only_its_date(win, qtbot):
    view = _compared(qtbot, win, "swipe")
    cmap = view.map
    _settle(qtbot, view)
    legend, date_before = _legend_and_date(cmap)
    paints = PaintRects(cmap)
    win.cursor_model.set_time(D5)
    _settle(qtbot, view)
    legend_after, date_after = _legend_and_date(cmap)
    assert legend_after == legend                   # (the title sets its width)
    painted = QRegion()
    for r in paints.rects:
        painted = painted.united(r)
    inside = painted.intersected(legend.toAlignedRect())
    assert not inside.isEmpty()                     # the date line
    dates = date_before.united(date_after).toAlignedRect().adjusted(-4, -4, 4, 4)
    assert inside.subtracted(QRegion(dates)).isEmpty()
    shown, whole = _on_screen(cmap)
    assert shown == whole
