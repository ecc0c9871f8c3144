"""The main window: keys drive the time, files open from the menu, the command line and
drag and drop, bad files are explained and change nothing, the layout is remembered."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from factories import D
from ui_helpers import drop_files, isolate_settings, open_window, pixel_point, write_two_regions
from viewer.io.situation_file import read_situation
from viewer.model import Situation, parse_time

ROOT = Path(__file__).resolve().parent.parent


def test_opens_at_the_default_time_and_keys_drive_the_time(window, qtbot):
    assert window.cursor_model.time == D[10]
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
    assert window.cursor_model.time == D[20]              # the next change (9 June changed nothing)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Left)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Left)
    assert window.cursor_model.time == D[5]
    qtbot.keyClick(window.canvas, Qt.Key.Key_End)
    assert window.cursor_model.time == D[20]
    qtbot.keyClick(window.canvas, Qt.Key.Key_Home)
    assert window.cursor_model.time == D[1]


def test_space_toggles_play(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.cursor_model.playing and window.window_actions.play.isChecked()
    assert window.timeline.play_button.text() == "Pause"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.cursor_model.playing and not window.window_actions.play.isChecked()


def test_playing_advances_the_time(window, qtbot):
    window.cursor_model.set_speed(16.0)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.cursor_model.time > D[10], timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_Space)


def test_the_focused_slider_keeps_its_arrow_keys(window, qtbot):
    window.timeline.slider.setFocus()
    qtbot.keyClick(window.timeline.slider, Qt.Key.Key_Right)
    assert D[10] < window.cursor_model.time < D[11]       # one slider step, not the next change


def test_status_bar_shows_position_and_region_under_the_mouse(window, qtbot):
    qtbot.mouseMove(window.canvas, pixel_point(window.canvas, 31.5, 48.25))
    match = re.fullmatch(r"([\d.]+)°\sN\s+([\d.]+)°\sE", window.status.position.text())
    assert match, window.status.position.text()
    assert float(match[1]) == pytest.approx(48.25, abs=0.01)      # within a pixel
    assert float(match[2]) == pytest.approx(31.5, abs=0.01)
    assert window.status.region.text() == "East"


def test_docks_close_and_reopen_from_the_view_menu(window):
    view_actions = [a.text() for a in window.window_actions.view_menu.actions()]
    assert {"Layers", "Reports", "Timeline"} <= set(view_actions)
    window.reports_dock.close()
    assert not window.reports_dock.isVisible()
    window.reports_dock.toggleViewAction().trigger()
    assert window.reports_dock.isVisible()


def test_opens_a_file_in_the_background_and_remembers_it(window, qtbot, tmp_path):
    path = write_two_regions(tmp_path / "other.gpkg", "Another file")
    with qtbot.waitSignal(window.situation_loaded, timeout=10000):
        window.files.open_file(path)
        assert window.status.progress.isVisible()                 # busy while it loads
        assert "Opening other.gpkg" in window.statusBar().currentMessage()
    assert not window.status.progress.isVisible()
    assert window.situation.meta.title == "Another file"
    assert "Another file" in window.windowTitle() and "other.gpkg" in window.windowTitle()
    assert window.files.recent.paths()[0] == str(path.resolve())
    assert [a.text() for a in window.window_actions.recent_menu.actions()][0] == "other.gpkg"


def test_opening_a_bad_file_explains_why_and_keeps_the_situation(window, qtbot, tmp_path, errors):
    before = window.situation
    bad = tmp_path / "bad.gpkg"
    bad.write_bytes(b"this is not a database\x00\x01" * 50)
    with qtbot.waitSignal(window.files.load_failed, timeout=10000) as failed:
        window.files.open_file(bad)
    assert len(errors) == 1
    title, text = errors[0]
    assert text == failed.args[0] and text.startswith(str(bad)) and "\n" not in text
    assert window.situation is before
    assert window.canvas.scene.situation is before


def test_dropping_a_gpkg_opens_it(window, qtbot, tmp_path):
    path = write_two_regions(tmp_path / "dropped.gpkg", "Dropped")
    assert drop_files(window, [tmp_path / "notes.txt"]) == (False, False)
    with qtbot.waitSignal(window.situation_loaded, timeout=10000):
        assert drop_files(window, [path]) == (True, True)
    assert window.situation.meta.title == "Dropped"


def test_save_as_writes_a_file_that_reads_back(window, tmp_path):
    assert window.files.save_to(tmp_path / "copy")
    saved = tmp_path / "copy.gpkg"
    assert read_situation(saved).meta.title == "Two regions"
    assert window.path == saved and "copy.gpkg" in window.windowTitle()


def test_layout_and_geometry_are_remembered(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    first = open_window(qtbot, size=(900, 640))
    first.timeline_dock.close()
    first.close()
    second = open_window(qtbot)
    assert not second.timeline_dock.isVisible()
    assert second.layers_dock.isVisible()
    second.close()


def _run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               SITUATION_VIEWER_CONFIG_DIR=str(tmp_path))
    code = "import sys; from viewer.app import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_a_bad_file_on_the_command_line_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "bad.gpkg"
    bad.write_bytes(b"garbage" * 100)
    result = _run_app(str(bad), tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"situation-viewer: error: {bad}: not a GeoPackage (not an SQLite database)"]


def test_a_bad_date_on_the_command_line_exits_2(tmp_path):
    result = _run_app("--at", "yesterday", tmp_path=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("situation-viewer: error: --at: ")
    assert "yesterday" in lines[0]


def test_open_file_at_a_date(window, qtbot, tmp_path):
    path = write_two_regions(tmp_path / "dated.gpkg")
    with qtbot.waitSignal(window.situation_loaded, timeout=10000):
        window.files.open_file(path, at=parse_time("2025-06-07"))
    assert window.cursor_model.time == parse_time("2025-06-07")


def test_zoom_shortcuts_and_back_to_the_default_view(window, qtbot):
    default = window.canvas.view_rect()
    scale = window.canvas.view_state.mpp
    window.window_actions.zoom_in.trigger()
    assert window.canvas.view_state.mpp == pytest.approx(scale / 1.5)
    qtbot.keyClick(window.canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.view_rect() == pytest.approx(default)


def test_legend_toggle_is_remembered(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    first = open_window(qtbot)
    assert first.canvas.decorations
    first.window_actions.decorations.trigger()
    assert not first.canvas.decorations
    first.close()
    second = open_window(qtbot)
    assert not second.canvas.decorations and not second.window_actions.decorations.isChecked()
    second.close()


def test_open_recent_reopens_a_file(window, qtbot, tmp_path):
    path = write_two_regions(tmp_path / "again.gpkg", "Again")
    with qtbot.waitSignal(window.situation_loaded, timeout=10000):
        window.files.open_file(path)
    window.set_situation(Situation(), None)                      # something else shown
    entry = window.window_actions.recent_menu.actions()[0]
    with qtbot.waitSignal(window.situation_loaded, timeout=10000):
        entry.trigger()
    assert window.situation.meta.title == "Again"


def test_zoom_to_a_region_from_the_view_menu(window):
    entries = {a.text(): a for a in window.window_actions.region_menu.actions()}
    assert sorted(entries) == ["East", "West"]
    entries["East"].trigger()
    canvas = window.canvas
    assert canvas.rect().contains(pixel_point(canvas, 31.5, 48.5))
    assert not canvas.rect().contains(pixel_point(canvas, 30.2, 48.5))


def test_about_shows_the_installed_version(window, qtbot):
    """Help ▸ About names the version the installed distribution was built with (its
    metadata, which pyproject.toml takes from viewer.__version__)."""
    from importlib.metadata import version

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    shown = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        shown.append((box.windowTitle(), box.text()))
        box.close()

    about = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu().actions()
    about = next(a for a in about if a.text() == "&About Situation Viewer")
    QTimer.singleShot(0, read_and_close)
    about.trigger()
    ((title, text),) = shown
    assert title == "About Situation Viewer"
    assert "Situation Viewer" in text and version("situation-viewer") in text


def test_a_time_step_passes_no_event_through_the_key_guard(window, qtbot):
    """The guard filters the focused widget alone: the slider, date field and reports
    list it used to watch each sent it events at every step."""
    from viewer.ui.actions import NavigationKeyGuard

    class Counting(NavigationKeyGuard):
        seen: list = []

        def eventFilter(self, obj, event):        # noqa: N802 (Qt's name)
            self.seen.append(obj)
            return super().eventFilter(obj, event)

    window.canvas.setFocus()
    qtbot.waitUntil(lambda: window.canvas.hasFocus())
    guard = Counting(window)
    for _ in range(3):
        window.cursor_model.step_by(1)
        for _ in range(4):
            QApplication.processEvents()
    assert guard.seen == []
    window.timeline.slider.setFocus()
    qtbot.waitUntil(lambda: window.timeline.slider.hasFocus())
    at = window.cursor_model.time
    qtbot.keyClick(window.timeline.slider, Qt.Key.Key_Left)
    assert guard.seen and all(obj is window.timeline.slider for obj in guard.seen)
    assert D[5] < window.cursor_model.time < at         # one slider step back
