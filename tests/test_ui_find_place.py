"""Ctrl+F: find a place by any of its names and zoom to it (on the embedded sample)."""

from __future__ import annotations

import pytest
from pyproj import Geod
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from viewer.io.situation_file import read_situation
from viewer.resources import sample_path
from ui_helpers import isolate_settings, open_window

GEOD = Geod(ellps="WGS84")


def type_text(widget, text: str) -> None:
    """Key presses carrying each character (QTest's keyClicks only knows ASCII keys)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def view_centre(window) -> tuple[float, float]:
    canvas = window.canvas
    return canvas.lonlat_at(QPointF(canvas.width() / 2, canvas.height() / 2))


# The offscreen platform (tests only) can neither raise a window nor grab the keyboard
# for the completion popup, and says so; nothing about our code.
@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the keyboard)$")
def test_ctrl_f_finds_pokrovsk_by_its_ukrainian_name(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, read_situation(sample_path()))
    finder = window.finder
    assert not finder.bar.isVisible()
    window.activateWindow()                 # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(finder.bar.isVisible)
    assert finder.edit.hasFocus()
    type_text(finder.edit, "Покровськ")
    popup = finder.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [finder.completer.completionModel().index(i, 0).data()
             for i in range(finder.completer.completionCount())]
    assert any("Pokrovsk, Donetsk Oblast" in text for text in shown), shown
    before = window.canvas.view_rect()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.canvas.view_rect() != before)
    lon, lat = view_centre(window)
    assert GEOD.inv(lon, lat, 37.18, 48.28)[2] < 1000
    # the view is a town's neighbourhood, not the whole front
    x0, y0, x1, y1 = window.canvas.view_rect()
    assert x1 - x0 < 60_000
    qtbot.keyClick(finder.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not finder.bar.isVisible())
    window.close()


def test_a_former_name_and_a_region(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    window = open_window(qtbot, read_situation(sample_path()))
    window.finder.open()
    assert window.finder.choose("Krasnoarmiisk")
    lon, lat = view_centre(window)
    assert GEOD.inv(lon, lat, 37.18, 48.28)[2] < 1000
    assert window.finder.choose("Донецька область")
    lon, lat = view_centre(window)
    assert 36.5 < lon < 39 and 46.8 < lat < 49.3          # Donetsk Oblast's bounds
    assert not window.finder.choose("Atlantis")
    window.close()
