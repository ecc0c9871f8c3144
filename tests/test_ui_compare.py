"""The window's comparison (View ▸ Compare, C), Export Animation and Jump to Date, driven
through the window's own keys and widgets on a hand-made situation."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from factories import GROWING_DATES, growing_situation
from ui_helpers import PaintRects, isolate_settings, open_window
from viewer.model import parse_time
from viewer.render import styles
from viewer.render.animation import Animation

D1, D3, D5, D10 = GROWING_DATES
LAND = QColor(styles.REGION_FILL)


def _rgb(c: QColor) -> np.ndarray:
    return np.array([c.red(), c.green(), c.blue()], float)


def _layer() -> np.ndarray:
    return _rgb(QColor("#c0392b")) * 0.45 + _rgb(LAND) * 0.55


def opened_at_d10(qtbot, monkeypatch, tmp_path, situation):
    """A shown window on ``situation`` at 10 June, its settings kept in ``tmp_path``
    (the fixture using it closes it)."""
    isolate_settings(monkeypatch, tmp_path)
    w = open_window(qtbot, situation)
    w.cursor_model.set_time(D10)
    return w


@pytest.fixture
def win(qtbot, monkeypatch, tmp_path):
    w = opened_at_d10(qtbot, monkeypatch, tmp_path, growing_situation())
    yield w
    w.close()


def _figures(qtbot, view) -> str:
    """The figures below the maps, once the worker has measured them."""
    qtbot.waitUntil(lambda: view.measurer.job is None, timeout=20_000)
    return view.figures.toPlainText()


def _compare_pixel(view, lon, lat) -> np.ndarray:
    cmap = view.map
    x, y = view.scene.projector.forward(lon, lat)
    left, top, right, bottom = cmap.state.rect()
    px = (x - left) / (right - left) * cmap.width()
    py = (bottom - y) / (bottom - top) * cmap.height()
    image = cmap.grab().toImage()
    return _rgb(image.pixelColor(int(px), int(py)))


def test_c_opens_the_comparison_with_a_30_days_before_b(win, qtbot):
    qtbot.keyClick(win, Qt.Key.Key_C)
    view = win.compare_mode.view
    qtbot.waitExposed(view)
    assert view.isVisible() and view.mode == "swipe"
    assert view.a == D1           # 30 days before 10 June lies before the data: the first state
    view.set_a(D5)
    assert view.a == D5
    assert "\nControl\ngained " in _figures(qtbot, view)
    win.activateWindow()                    # C is the main window's key
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win, Qt.Key.Key_C)
    assert win.compare_mode.view is None


def test_swipe_left_is_a_right_is_b_and_the_divider_drags(win, qtbot):
    view = win.compare_mode.open(D1)
    qtbot.waitExposed(view)
    cmap = view.map
    x, _ = view.scene.projector.forward(31.45, 49.0)
    left, _, right, _ = cmap.state.rect()
    divider = (x - left) / (right - left) * cmap.width()
    height = cmap.height()
    qtbot.mousePress(cmap, Qt.MouseButton.LeftButton, pos=QPoint(cmap.width() // 2, height // 2))
    qtbot.mouseMove(cmap, QPoint(int(divider), height // 2))
    qtbot.mouseRelease(cmap, Qt.MouseButton.LeftButton, pos=QPoint(int(divider), height // 2))
    assert cmap.split == pytest.approx(int(divider) / cmap.width(), abs=0.01)
    assert np.abs(_compare_pixel(view, 31.2, 49.5) - _rgb(LAND)).max() <= 12     # A
    assert np.abs(_compare_pixel(view, 30.6, 49.5) - _layer()).max() <= 12       # A
    assert np.abs(_compare_pixel(view, 31.7, 49.5) - _layer()).max() <= 12       # B


def _canvas_pixel(canvas, lon, lat) -> np.ndarray:
    x, y = canvas.scene.projector.forward(lon, lat)
    px, py = canvas.view_state.width / 2 + (x - canvas.view_state.centre[0]) / canvas.view_state.mpp, \
        canvas.view_state.height / 2 - (y - canvas.view_state.centre[1]) / canvas.view_state.mpp
    return _rgb(canvas.grab().toImage().pixelColor(int(px), int(py)))


def test_side_by_side_is_two_canvases_locked_to_one_view(win, qtbot):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    from viewer.ui.canvas import MapCanvas
    view = win.compare_mode.open(D1)
    view.set_mode("side")
    qtbot.waitExposed(view)
    left, right = view.side.left, view.side.right
    assert isinstance(left, MapCanvas) and isinstance(right, MapCanvas)
    assert left.isVisible() and right.isVisible() and not view.map.isVisible()
    assert left.mapTo(view, QPoint(0, 0)).x() + left.width() <= right.mapTo(view, QPoint(0, 0)).x()
    assert (left.cursor_model.time, right.cursor_model.time) == (D1, D10)
    # each shows its own date: A holds the west strip only, B also what 5 June gained
    assert np.abs(_canvas_pixel(left, 31.2, 49.5) - _rgb(LAND)).max() <= 12
    assert np.abs(_canvas_pixel(right, 31.2, 49.5) - _layer()).max() <= 12
    # a drag on the left canvas pans the right one with it
    start = right.view_state.centre
    mpp = right.view_state.mpp
    qtbot.mousePress(left, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    qtbot.mouseMove(left, QPoint(120, 100))
    qtbot.mouseMove(left, QPoint(160, 100))
    qtbot.mouseRelease(left, Qt.MouseButton.LeftButton, pos=QPoint(160, 100))
    assert right.view_state.centre[0] == pytest.approx(start[0] - 60 * mpp)
    assert right.view_state.centre == left.view_state.centre
    # a wheel notch on the right canvas zooms the left one by the same step
    at = QPointF(right.width() / 3, right.height() / 2)
    wheel = QWheelEvent(at, right.mapToGlobal(at), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(right, wheel)
    assert left.view_state.mpp == pytest.approx(mpp / 1.25)
    assert left.view_state.centre == right.view_state.centre
    # B follows the time cursor, A the date typed
    win.cursor_model.set_time(D5)
    view.set_a(D3)
    assert (left.cursor_model.time, right.cursor_model.time) == (D3, D5)
    assert np.abs(_canvas_pixel(right, 31.3, 49.5) - _layer()).max() <= 12


def test_the_difference_shows_the_km2_on_the_map_and_below_it(win, qtbot):
    import shapely
    from pyproj import Geod
    from shapely.geometry import box

    from factories import GROWING_AREAS

    def km2(geom):
        return Geod(ellps="WGS84").geometry_area_perimeter(shapely.orient_polygons(geom))[0] / 1e6
    a1, _, a10 = GROWING_AREAS
    view = win.compare_mode.open(D1)
    view.set_mode("diff")
    qtbot.waitExposed(view)
    lines = _figures(qtbot, view).splitlines()
    totals = lines[lines.index("Control") + 1]
    gained, lost = km2(a10.difference(a1)), km2(a1.difference(a10))
    assert totals == (f"gained {gained:,.1f} km², lost {lost:,.1f} km², "   # (QPlainTextEdit
                      f"net +{gained - lost:,.1f} km²")                     # drops the NBSPs)
    beta = km2(a10.difference(a1).intersection(box(31.5, 48, 33, 50)))
    assert any(line.strip().startswith(f"Beta: +{beta:,.1f} / ") for line in lines)
    assert [(t.replace("\u00a0", " "), k) for t, k in view.map.caption[:2]] == \
        [("Control", "layer"), (totals, "totals")]
    # the caption is on the map: its top right corner is a panel, not the map's colours
    image = view.map.grab().toImage()
    panel = image.pixelColor(image.width() - 30, 20)
    assert min(panel.red(), panel.green(), panel.blue()) >= 240


def test_while_comparing_the_reports_panel_lists_the_changes_between_a_and_b(win, qtbot):
    days = win.cursor_model.highlight_days
    view = win.compare_mode.open()
    view.set_a(D3)
    assert win.cursor_model.highlight_days == pytest.approx((D10 - D3) / timedelta(days=1))
    ids = [c.id for c in win.situation.recent_changes(D10, win.cursor_model.highlight_days)]
    assert ids == [c.id for c in win.situation.changes if D3 < c.at <= D10]
    win.compare_mode.close()
    assert win.cursor_model.highlight_days == days


def test_jump_to_a_date_outside_the_data_says_so(win):
    from viewer.ui.jump_date import jump_to
    jump_to(win, parse_time("2025-06-07"))
    assert win.cursor_model.time == parse_time("2025-06-07")
    jump_to(win, parse_time("1990-01-01"))
    assert win.cursor_model.time == D1
    assert "before the first state, 1 Jun 2025" in win.statusBar().currentMessage()


def test_ctrl_g_opens_the_jump_dialog(win, qtbot):
    from PySide6.QtCore import QTimer

    from viewer.ui.jump_date import JumpDialog
    seen = []

    def answer():
        dialog = next(w for w in win.findChildren(JumpDialog) if w.isVisible())
        dialog.date_edit.setDate(dialog.date_edit.date().addDays(-5))
        seen.append(dialog)
        dialog.accept()
    QTimer.singleShot(0, answer)
    qtbot.keyClick(win, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert seen and win.cursor_model.time == parse_time("2025-06-05")


def _export(win, qtbot, path, animation, timeout=30_000):
    """Start the export and wait (the event loop running) until it ends; its outcome."""
    with qtbot.waitSignal(win.animations.finished, timeout=timeout) as done:
        assert win.animations.export_to(path, animation, size=(320, 200)) is not None
    assert win.animations.wait(10)
    return done.args[0]


def test_export_animation_writes_the_frames_in_the_background(win, qtbot, tmp_path):
    import threading

    from viewer.render import MapScene, render_image
    from viewer.render.animation import frame_settings, pixels
    path = tmp_path / "a.gif"
    painted_in = set()
    win.animations.worker.on_step = lambda job: painted_in.add(threading.get_ident())
    animation = Animation([D1, D5, D10], fps=2)
    assert _export(win, qtbot, path, animation)
    with Image.open(path) as im:
        assert im.n_frames == 3 and im.size == (320, 200)
        im.seek(2)
        last = np.asarray(im.convert("RGB")).astype(int)
    assert "Exported a.gif" in win.statusBar().currentMessage()
    assert painted_in and threading.get_ident() not in painted_in
    # the frames are the window's view drawn by the one routine, as on the GUI thread
    base = win.canvas.render_settings(size=(320, 200), decorations=True)
    image = render_image(MapScene(win.situation), frame_settings(base, animation, D10))
    argb = pixels(image)
    rgb = np.dstack([(argb >> 16) & 255, (argb >> 8) & 255, argb & 255]).astype(int)
    assert (np.abs(last - rgb).max(axis=2) > 40).mean() < 0.01


def test_the_window_stays_responsive_during_an_export(win, qtbot, tmp_path):
    """Each frame waits (in the worker) until the GUI thread has handled a timer tick and
    a key press: on the GUI thread, the export would stall here and the ticks be late."""
    import threading

    from PySide6.QtCore import QTimer
    gate = threading.Event()
    waited = []

    def slow(job):
        gate.clear()
        waited.append(gate.wait(5))          # released by the GUI thread's timer
    win.animations.worker.on_step = slow
    timer = QTimer(win)
    timer.setInterval(5)
    timer.timeout.connect(gate.set)
    timer.start()
    path = tmp_path / "a.gif"
    with qtbot.waitSignal(win.animations.finished, timeout=60_000):
        win.animations.export_to(path, Animation([D1, D3, D5, D10]), size=(320, 200))
        assert win.animations.progress.isVisible()
        qtbot.keyClick(win, Qt.Key.Key_Right)        # the window still takes keys
        qtbot.waitUntil(lambda: win.cursor_model.time != D10 or len(waited) > 1)
    qtbot.waitUntil(lambda: win.animations.wait(0), timeout=30_000)   # the loop runs
    timer.stop()
    assert len(waited) >= 4 and all(waited)
    assert path.exists() and win.animations.progress is None


def test_cancelling_the_export_leaves_no_file(win, qtbot, tmp_path):
    import threading
    started, go_on = threading.Event(), threading.Event()

    def hold(job):                            # the worker waits at each frame after the first
        if job.steps > 2:
            started.set()
            go_on.wait(5)
    win.animations.worker.on_step = hold
    out = tmp_path / "out"
    out.mkdir()
    target = out / "a.gif"
    with qtbot.waitSignal(win.animations.finished) as done:
        win.animations.export_to(target, Animation([D1, D3, D5, D10]), size=(320, 200))
        qtbot.waitUntil(started.is_set)
        assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")]  # beside it
        assert not target.exists()
        from PySide6.QtWidgets import QPushButton
        (button,) = win.animations.progress.findChildren(QPushButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    go_on.set()
    assert done.args == [False]
    assert win.animations.wait(10)
    assert list(out.iterdir()) == []
    assert "cancelled" in win.statusBar().currentMessage()


def test_closing_the_window_during_an_export_leaves_no_file(qtbot, monkeypatch, tmp_path):
    import threading
    isolate_settings(monkeypatch, tmp_path)
    w = open_window(qtbot, growing_situation())
    out = tmp_path / "out"
    out.mkdir()
    started, go_on = threading.Event(), threading.Event()

    def hold(job):
        if job.steps > 2:
            started.set()
            go_on.wait(5)
    w.animations.worker.on_step = hold
    w.animations.export_to(out / "a.gif", Animation([D1, D3, D5, D10]), size=(320, 200))
    qtbot.waitUntil(started.is_set)
    w.close()
    go_on.set()
    assert w.animations.wait(10)
    assert list(out.iterdir()) == []


def test_the_menus_hold_the_new_actions(win):
    titles = {a.text().replace("&", "") for m in win.menuBar().actions() if m.menu()
              for a in m.menu().actions()}
    assert {"Compare Two Dates", "Export Animation…", "Jump to Date…"} <= titles


def test_copy_view_as_command_reopens_the_same_centre_and_scale(win, qtbot, tmp_path):
    import shlex

    from PySide6.QtGui import QGuiApplication

    from viewer.cli.args import parse_bbox
    win.canvas.zoom_to_lonlat((30.5, 48.5, 31.5, 49.5))
    win.cursor_model.set_time(D5)
    win.compare_actions.copy_command.trigger()
    argv = shlex.split(QGuiApplication.clipboard().text())
    assert argv[0] == "situation-viewer" and argv[argv.index("--at") + 1] == "2025-06-05T00:00:00Z"
    bbox = parse_bbox(argv[argv.index("--bbox") + 1])
    other = open_window(qtbot, growing_situation(), size=(win.width(), win.height()))
    other.canvas.zoom_to_lonlat(bbox)
    (ax, ay), (bx, by) = win.canvas.view_state.centre, other.canvas.view_state.centre
    assert abs(ax - bx) < 2 * win.canvas.view_state.mpp and abs(ay - by) < 2 * win.canvas.view_state.mpp
    assert other.canvas.view_state.mpp == pytest.approx(win.canvas.view_state.mpp, rel=0.01)
    other.close()


def test_the_timeline_shows_the_highlight_window_as_a_band_and_a_as_a_line(win):
    from viewer.ui.timeline_chart import epoch
    band = win.timeline.band.region
    win.cursor_model.set_highlight_days(7.0)
    assert band.span == (pytest.approx(epoch(D3)), pytest.approx(epoch(D10)))
    view = win.compare_mode.open(D1)
    assert band.span == (pytest.approx(epoch(D1)), pytest.approx(epoch(D10)))
    line = win.compare_mode.a_line.line
    assert line.value() == pytest.approx(epoch(D1))
    line.setValue(epoch(D5) + 3000)              # what a drag does: A lands on the day
    assert view.a == D5 and band.span[0] == pytest.approx(epoch(D5))
    win.compare_mode.close()
    assert line not in win.timeline.chart.getPlotItem().items


def test_the_band_after_a_step_shows_what_a_full_repaint_shows(win, qtbot):
    """The band marks only its two ends for repainting (Qt may merge them with the cursor
    line's strips into one rectangle); the chart must then show what a full repaint
    shows."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication
    chart = win.timeline.chart
    win.cursor_model.set_highlight_days(3.0)
    win.cursor_model.set_time(parse_time("2025-06-05"))     # then steps of one day

    paints = PaintRects(chart.viewport())
    for day in ("2025-06-06", "2025-06-07"):
        QCoreApplication.processEvents()
        paints.rects.clear()
        win.cursor_model.set_time(parse_time(day))
        for _ in range(3):
            QCoreApplication.processEvents()
        assert paints.rects and all(r.width() < chart.width() * 0.6 for r in paints.rects)
        at = chart.mapTo(win, QPoint(0, 0))
        shown = QGuiApplication.primaryScreen().grabWindow(win.winId()).toImage()
        whole = chart.grab().toImage()
        assert shown.copy(at.x(), at.y(), whole.width(), whole.height()).convertToFormat(
            whole.format()) == whole, day


def test_the_comparison_in_ukrainian(qtbot, monkeypatch, tmp_path):
    from viewer.render.decorations import date_text
    from viewer.render.language import install_language
    isolate_settings(monkeypatch, tmp_path)
    install_language("uk")
    try:
        w = open_window(qtbot, growing_situation())
        w.cursor_model.set_time(D10)
        view = w.compare_mode.open(D1)
        view.set_mode("diff")
        qtbot.waitExposed(view)
        text = _figures(qtbot, view)
        assert "здобуто " in text and "сальдо +" in text and "км²" in text
        assert not [word for word in ("gained", "lost", "net", "Jun") if word in text]
        assert view.a_edit.text() == "1 черв. 2025"
        view.set_mode("side")
        left, right = view.side.left, view.side.right
        assert [date_text(c.render_settings()) for c in (left, right)] == \
            ["1 червня 2025", "10 червня 2025"]
        w.close()
    finally:
        install_language("en")
