"""The comparison window as a person uses it: switching between swipe, side by side and
difference keeps the view they panned and zoomed to, and a net that rounds to zero reads
"0.0 km²" (never "−0.0 km²")."""

from __future__ import annotations

import pytest
import shapely
from pyproj import Geod
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from shapely.geometry import box

from factories import GROWING_DATES, growing_situation
from test_ui_compare import win  # noqa: F401 - the window fixture, at 10 June
from ui_helpers import isolate_settings, open_window

D1, D3, D5, D10 = GROWING_DATES


def _km2(geom) -> float:
    return Geod(ellps="WGS84").geometry_area_perimeter(shapely.orient_polygons(geom))[0] / 1e6


def _open_compare(qtbot, w):
    w.activateWindow()                          # C is the main window's key
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w, Qt.Key.Key_C)
    view = w.compare_mode.view
    qtbot.waitExposed(view)
    return view


def _choose(qtbot, view, mode: str) -> None:
    """Pick ``mode`` in the View box with the keyboard."""
    box_ = view.mode_box
    box_.setFocus()
    keys = [box_.itemData(i) for i in range(box_.count())]
    step = keys.index(mode) - box_.currentIndex()
    for _ in range(abs(step)):
        qtbot.keyClick(box_, Qt.Key.Key_Down if step > 0 else Qt.Key.Key_Up)
    assert view.mode == mode


def _compared(qtbot, w, mode: str):
    """The comparison of A = 1 June with B = 3 June open in ``mode``, once the states'
    outlines made in the background (which redraw the maps whole when adopted) are in."""
    qtbot.waitUntil(lambda: bool(w.canvas.scene._dissolved), timeout=20_000)
    w.cursor_model.set_time(D3)
    view = _open_compare(qtbot, w)
    view.set_a(D1)
    _choose(qtbot, view, mode)
    return view


def _drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(widget, (start + end) / 2)
    qtbot.mouseMove(widget, end)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def _wheel(widget, at: QPointF, notches: int) -> None:
    event = QWheelEvent(at, widget.mapToGlobal(at), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_switching_modes_keeps_the_view(win, qtbot):
    view = _open_compare(qtbot, win)
    cmap = view.map
    assert view.mode == "swipe"
    _drag(qtbot, cmap, QPoint(60, 80), QPoint(130, 120))         # far from the divider
    _wheel(cmap, QPointF(cmap.width() / 3, cmap.height() / 3), 2)
    panned = cmap.state.rect()
    centre, mpp = cmap.state.centre, cmap.state.mpp
    assert centre != view.side.left.view_state.centre

    _choose(qtbot, view, "side")
    left, right = view.side.left, view.side.right
    for canvas in (left, right):                 # the same centre and scale, each its width
        cx, cy = centre
        hw, hh = canvas.width() / 2 * mpp, canvas.height() / 2 * mpp
        assert canvas.view_rect() == pytest.approx((cx - hw, cy - hh, cx + hw, cy + hh))

    _drag(qtbot, right, QPoint(200, 150), QPoint(150, 190))      # pans both
    _wheel(left, QPointF(left.width() / 2, left.height() / 2), -1)
    side_centre, side_mpp = right.view_state.centre, right.view_state.mpp
    assert side_centre != centre and side_mpp == pytest.approx(mpp * 1.25)

    _choose(qtbot, view, "diff")
    assert cmap.isVisible()
    assert cmap.state.centre == pytest.approx(side_centre)
    assert cmap.state.mpp == pytest.approx(side_mpp)
    shown = cmap.state.rect()
    _choose(qtbot, view, "swipe")                # the same map: the very same rectangle
    assert cmap.state.rect() == shown
    assert shown != pytest.approx(panned)


def test_a_net_that_rounds_to_zero_reads_0_0_km2(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    a = box(30.0, 49.0, 31.0, 49.5)
    b = box(30.5, 49.0, 31.5 - 1e-6, 49.5)      # as much ground lost in the west as
    net = _km2(b) - _km2(a)                     # gained in the east, a hair less
    assert -0.05 < net < 0.0
    w = open_window(qtbot, growing_situation([(D1, a), (D10, b)]))
    try:
        w.cursor_model.set_time(D10)
        view = _open_compare(qtbot, w)
        _choose(qtbot, view, "diff")
        qtbot.waitUntil(lambda: view.measurer.job is None and bool(view.map.caption),
                        timeout=20_000)
        caption = [text.replace("\u00a0", " ") for text, _ in view.map.caption]
        gained = _km2(b.difference(a))
        assert caption[:2] == ["Control", f"gained {gained:,.1f} km², lost "
                               f"{_km2(a.difference(b)):,.1f} km², net 0.0 km²"]
        figures = view.figures.toPlainText()
        assert "net 0.0 km²" in figures.replace("\u00a0", " ")
        for text in caption + [figures]:
            assert "\u22120.0" not in text and "-0.0" not in text and "+0.0" not in text
        alpha = next(t for t in caption if t.strip().startswith("Alpha:"))
        assert alpha.endswith("(net 0.0 km²)")
    finally:
        w.close()


def test_a_region_s_loss_that_rounds_to_zero_reads_0_0_km2(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    speck = box(32.0, 49.0, 32.001, 49.001)             # in Beta, lost: under 0.05 km²
    a = box(30.0, 49.0, 31.0, 49.5).union(speck)
    b = box(30.0, 49.0, 31.0, 49.5).union(box(32.2, 49.0, 32.3, 49.1))   # Beta gains
    assert 0 < _km2(speck) < 0.05 and _km2(b.difference(a)) > 1
    w = open_window(qtbot, growing_situation([(D1, a), (D10, b)]))
    try:
        w.cursor_model.set_time(D10)
        view = _open_compare(qtbot, w)
        qtbot.waitUntil(lambda: view.measurer.job is None, timeout=20_000)
        lines = view.figures.toPlainText().replace("\u00a0", " ").splitlines()
        beta = next(t for t in lines if t.strip().startswith("Beta:"))
        gained = _km2(b.difference(a))
        assert beta.strip() == f"Beta: +{gained:,.1f} / 0.0 km² (net +{gained:,.1f} km²)"
    finally:
        w.close()


def test_the_highlight_days_field_follows_b_while_comparing(win, qtbot):
    from datetime import timedelta
    view = _open_compare(qtbot, win)
    view.set_a(D3)
    field = win.timeline.highlight
    assert field.value() == pytest.approx((D10 - D3) / timedelta(days=1))
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.cursor_model.set_time(D5)               # B moves: the window is (A, B] still
    assert field.value() == pytest.approx((D5 - D3) / timedelta(days=1))
    assert field.text().startswith("2.0")
    win.compare_mode.close()
    assert field.value() == pytest.approx(win.cursor_model.highlight_days)


@pytest.mark.parametrize("mode", ["swipe", "diff"])
def test_a_step_of_b_shows_what_drawing_everything_shows(win, qtbot, mode):
    """A step of B draws again only what the step changes in B's picture; the map must
    be the one drawn from nothing."""
    view = _compared(qtbot, win, mode)
    cmap = view.map
    cmap.set_split(0.2)                           # B right of 20% of the width
    cmap.grab()                                   # shown at B = 3 June
    for b in (D5, D10):
        win.cursor_model.set_time(b)
        qtbot.waitUntil(lambda: view.measurer.job is None, timeout=20_000)
        stepped = cmap.grab().toImage()
        assert cmap.pictures.dates.redrawn, b       # a part was drawn again, not all
        cmap.pictures.dates.clear()
        assert cmap.grab().toImage() == stepped, b
