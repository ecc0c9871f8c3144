"""View ▸ Coordinates: the pointer's position in decimal degrees, DMS or MGRS, kept in
the settings for the next window."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from test_coordinates import mgrs_by_hand
from ui_helpers import clicked_lonlat, isolate_settings, open_window


def position_text(qtbot, window, at: QPoint) -> str:
    qtbot.mouseMove(window.canvas, at)
    qtbot.waitUntil(lambda: window.status.position.text() != "")
    return window.status.position.text()


def test_the_format_is_chosen_shown_and_remembered(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    w = open_window(qtbot)
    menu = w.findChild(QMenu, "coordinates_menu")
    assert menu is not None and menu.menuAction() in w.menus["view"].actions()
    actions = {a.objectName(): a for a in menu.actions()}
    assert actions["coordinates_decimal"].isChecked()
    at = QPoint(200, 150)
    lon, lat = clicked_lonlat(w.canvas, at)
    assert position_text(qtbot, w, at) == (f"{lat:.4f}°\u00a0N  {lon:.4f}°\u00a0E")
    actions["coordinates_mgrs"].trigger()
    at = QPoint(220, 160)
    lon, lat = clicked_lonlat(w.canvas, at)
    assert position_text(qtbot, w, at) == mgrs_by_hand(lon, lat)
    actions["coordinates_dms"].trigger()
    at = QPoint(240, 170)
    text = position_text(qtbot, w, at)
    d, m, s = (float(v) for v in re.match(r"(\d+)°(\d\d)′(\d\d\.\d)″", text).groups())
    assert abs(d + m / 60 + s / 3600 - clicked_lonlat(w.canvas, at)[1]) < 0.051 / 3600
    w.close()
    again = open_window(qtbot)
    menu = again.findChild(QMenu, "coordinates_menu")
    assert {a.objectName(): a for a in menu.actions()}["coordinates_dms"].isChecked()
    assert again.status.coordinates == "dms"
    again.close()
