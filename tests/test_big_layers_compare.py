"""The comparison window (View ▸ Compare) draws big layers from Displays the window's
builder makes in the background: none is made on the GUI thread, in swipe or side by
side, and each map shows the layer once its Display is made."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

import viewer.render.big_layers as big_layers
from test_big_layers import D1, RED, _grid_situation, _share
from ui_helpers import isolate_settings, open_window


@pytest.fixture
def win(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    w = open_window(qtbot, _grid_situation(), size=(900, 700))
    w.cursor_model.set_time(D1)
    yield w
    w.close()


def test_the_comparison_makes_no_big_display_on_the_gui_thread(win, qtbot, monkeypatch):
    on_gui = []
    build = big_layers.build_display

    def recording(*args, **kwargs):
        on_gui.append(threading.current_thread() is threading.main_thread())
        return build(*args, **kwargs)
    monkeypatch.setattr(big_layers, "build_display", recording)
    qtbot.keyClick(win, Qt.Key.Key_C)
    view = win.compare_mode.view
    qtbot.waitExposed(view)
    assert view.mode == "swipe"
    qtbot.waitUntil(lambda: _share(view.map.grab().toImage(), RED).mean() > 0.05,
                    timeout=20000)
    view.set_mode("side")
    for canvas in (view.side.left, view.side.right):
        canvas.set_decorations(False)
        qtbot.waitUntil(lambda: _share(canvas.grab().toImage(), RED).mean() > 0.05,
                        timeout=20000)
    assert not any(on_gui)
    assert win.big_layers.wait(10.0)
