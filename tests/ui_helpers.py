"""Helpers for driving the real window and canvas in tests: a window on a hand-made
situation, pixels at a lon/lat, wheel and drop events."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from shapely.geometry import shape

from factories import two_region_situation
from viewer.io.situation_file import write_situation
from viewer.model import History, Layer, Situation, SituationMeta, Style, parse_time
from viewer.ui.recent_files import CONFIG_DIR_ENV


def isolate_settings(monkeypatch, tmp_path: Path) -> Path:
    """Point the app's QSettings at a fresh directory for this test."""
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    monkeypatch.setenv(CONFIG_DIR_ENV, str(config))
    return config


def open_window(qtbot, situation=None, size=(1100, 760)):
    """A shown MainWindow with ``situation`` (default: the two-region one) set directly."""
    from viewer.ui.main_window import MainWindow
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.set_situation(situation or two_region_situation(), None)
    return window


def open_canvas(qtbot, situation=None, size=(800, 500), highlight_days: float = 7,
                decorations: bool = True):
    """A shown MapCanvas alone on ``situation`` (default: the two-region one), with its
    own time cursor (at the start), selection and display options."""
    from viewer.model.cursor import TimeCursor
    from viewer.model.display import DisplayOptions
    from viewer.model.selection import Selection
    from viewer.render import MapScene
    from viewer.ui.canvas import MapCanvas
    s = situation or two_region_situation()
    cursor = TimeCursor(s.start, s.end, [c.at for c in s.changes], highlight_days=highlight_days)
    widget = MapCanvas(cursor, Selection(), DisplayOptions())
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.set_decorations(decorations)
    widget.set_scene(MapScene(s))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def write_two_regions(path: Path, title: str = "Two regions") -> Path:
    situation = two_region_situation()
    situation.meta.title = title
    write_situation(situation, path)
    return path


def pixel_point(canvas, lon: float, lat: float) -> QPoint:
    """The widget pixel showing (lon, lat), from the canvas's own viewport."""
    x, y = canvas.scene.projector.forward(lon, lat)
    px, py = canvas.viewport().to_pixels(float(x), float(y))
    return QPoint(round(px), round(py))


def clicked_lonlat(canvas, point: QPoint) -> tuple[float, float]:
    """The lon/lat of a widget pixel, from the view and pyproj (not the canvas's own)."""
    from pyproj import Transformer
    vp = canvas.viewport()
    x, y = vp.to_map(point.x(), point.y())
    inverse = Transformer.from_crs(canvas.scene.projector.crs, "EPSG:4326", always_xy=True)
    return inverse.transform(x, y)


def colour_at(canvas, lon: float, lat: float) -> QColor:
    """The colour a person sees at (lon, lat) on the canvas now."""
    image = canvas.grab().toImage()
    dpr = image.devicePixelRatio()
    p = pixel_point(canvas, lon, lat)
    return image.pixelColor(round(p.x() * dpr), round(p.y() * dpr))


def blend(top: str, alpha: float, under: str) -> QColor:
    t, u = QColor(top), QColor(under)
    return QColor(*(round(alpha * a + (1 - alpha) * b) for a, b in
                    ((t.red(), u.red()), (t.green(), u.green()), (t.blue(), u.blue()))))


def close_to(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in
               ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))


def pixels(image: QImage) -> np.ndarray:
    """An image's pixels as a (height, width, 4) array of B, G, R, A bytes (a copy)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4)[:, :image.width()].copy()


def wheel(widget: QWidget, pos: QPoint, notches: float) -> None:
    event = QWheelEvent(QPointF(pos), QPointF(widget.mapToGlobal(pos)), QPoint(0, 0),
                        QPoint(0, round(120 * notches)), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def drop_files(widget: QWidget, paths: list[Path]) -> tuple[bool, bool]:
    """Drag ``paths`` over ``widget`` and drop them; returns (enter accepted, drop accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(widget.width() // 2, widget.height() // 2)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(pos, actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False, False
    drop = QDropEvent(QPointF(pos), actions, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return True, drop.isAccepted()


def drag_canvas(qtbot, canvas, steps: list[tuple[int, int]]) -> None:
    """Press in the middle of ``canvas``, move by each (dx, dy) repainting as a screen
    would, and release (then only what the canvas itself asks to repaint is painted)."""
    pos = canvas.rect().center()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pos)
    for dx, dy in steps:
        pos = pos + QPoint(dx, dy)
        event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(canvas.mapToGlobal(pos)),
                            Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(canvas, event)
        canvas.repaint()
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pos)
    QApplication.processEvents()        # the repaint the release asks for, if it does


class PaintRects(QObject):
    """Installed on a widget, keeps the rectangles of the paint events it receives, and
    each event's area in pixels (``areas``: one entry a paint)."""

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.rects: list = []
        self.areas: list[int] = []
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.extend(event.region())
            self.areas.append(sum(r.width() * r.height() for r in event.region()))
        return False


def packed_pixels(image: QImage) -> np.ndarray:
    """An image's pixels as a (height, width) array of packed 32-bit RGB (a copy): a
    count of differing entries is a count of differing pixels."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint32, image.bytesPerLine() * image.height() // 4)
    return rows.reshape(image.height(), -1)[:, :image.width()].copy()


def process_events(times: int = 4) -> None:
    """Let a step's posted events and paints through (a few turns, no waiting)."""
    for _ in range(times):
        QApplication.processEvents()


def deepstate_days(highlight_days: float, first: int = 300, last: int = 318):
    """The DeepState snapshots ``first`` to ``last`` (of the sorted files) as one layer,
    as a user's import has them; skips where the corpus in ../shared is absent."""
    # (imported here: conftest sets the offscreen platform, which the Xvfb probes that
    # use this module, e.g. drag_probe, must not get)
    from conftest import DEEPSTATE
    if not DEEPSTATE.is_dir():
        pytest.skip(f"{DEEPSTATE} is absent: the DeepState corpus lives in ../shared")
    states = []
    for path in sorted(DEEPSTATE.glob("*.geojson"))[first:last]:
        doc = json.loads(path.read_text(encoding="utf-8"))
        geom = shapely.union_all([shape(f["geometry"]) for f in doc["features"]])
        states.append((parse_time(re.search(r"(\d{8})", path.name).group(1)), geom))
    layer = Layer("occ", "Occupied", "assessed-control",
                  History.from_states("occ", states), style=Style("#c0392b", 0.45))
    return Situation(SituationMeta(title="DeepState", highlight_days=highlight_days),
                     [], [], [layer])


def run_at_ratio_2(test_file: str, *tests: str) -> None:
    """Run ``tests`` of ``test_file`` (a test module's __file__) again in a subprocess
    at a device pixel ratio of 2 (QT_SCALE_FACTOR=2, offscreen); each must pass."""
    here = Path(test_file)
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen")
    res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          *tests], capture_output=True, text=True, env=env,
                         cwd=here.parent.parent, timeout=300)
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-2000:]
    assert f"{len(tests)} passed" in res.stdout, res.stdout[-2000:]


def answer_next_box(button) -> list[str]:
    """Click ``button`` in the next message box shown (a modal one waits for it); the
    list returned gets the box's text once it has been shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox
    seen: list[str] = []

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, click)
    return seen


def window_on_all_changes(wait_exposed, size=(1100, 760)):
    """A shown MainWindow (not handed to qtbot) on the two-region situation at 25 June
    with a 30-day highlight window, so every change is listed and drawn."""
    from factories import D
    from viewer.ui.main_window import MainWindow
    window = MainWindow()
    window.resize(*size)
    window.show()
    wait_exposed(window)
    window.set_situation(two_region_situation(), None)
    window.cursor_model.set_highlight_days(30)
    window.cursor_model.set_time(D[25])
    return window
