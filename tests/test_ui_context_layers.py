"""Context layers in the window: drawn under the layers, switched in the Layers panel,
gone once they end."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from shapely.geometry import box

from tests.factories import D, two_region_situation
from tests.ui_helpers import close_to, colour_at, open_window
from viewer.model.context import ContextFeature
from viewer.render import styles
from viewer.render.settings import context_layer_key

LAKE = box(31.3, 48.6, 31.45, 48.8)     # in East, clear of the layers until 10 June


def test_the_layers_panel_switches_a_context_layer_and_it_ends_in_time(qtbot):
    s = two_region_situation()
    s.context = [ContextFeature("w/1", "Lakes", "water", LAKE, valid_to=D[15])]
    s.reindex()
    window = open_window(qtbot, s)
    window.cursor_model.set_time(D[9])
    canvas = window.canvas
    water = QColor(styles.CONTEXT_WATER)
    qtbot.waitUntil(lambda: close_to(colour_at(canvas, 31.37, 48.7), water))
    row = window.layers_panel.rows[context_layer_key("Lakes")]
    assert row.name.text() == "Lakes" and row.check.isChecked()
    qtbot.mouseClick(row.check, Qt.MouseButton.LeftButton)
    assert context_layer_key("Lakes") in window.display.hidden
    qtbot.waitUntil(lambda: not close_to(colour_at(canvas, 31.37, 48.7), water))
    qtbot.mouseClick(row.check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: close_to(colour_at(canvas, 31.37, 48.7), water))
    window.cursor_model.set_time(D[20])                 # after valid_to
    qtbot.waitUntil(lambda: not close_to(colour_at(canvas, 31.37, 48.7), water))
    window.close()
