"""Opening a situation file to the first paint of the map, and its floors.

The lazy floor (issue 11's definition): read with sqlite3 the blobs of the regions and of
the pieces in force at the opening time (the last state), parse them with shapely, and
fill them once into a QImage of the canvas's size (antialiased; in lon/lat, so not even
the projection is counted). The eager floor: every geometry blob read and parsed.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import shapely
from PySide6.QtCore import QEvent, QEventLoop, QObject
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QApplication

from viewer.io.geopackage.blob import header_length
from viewer.render.paths import geometry_path

MEASURED: list[float] = []      # background reading and measuring after each first paint
FOLLOW: list[float] = []        # first paint to the whole file shown


def open_floor(path: Path) -> float:
    """Seconds to read every geometry blob of the file with sqlite3 and parse it."""
    t0 = time.perf_counter()
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    wkb = []
    for table, column in con.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"):
        for (blob,) in con.execute(f'SELECT "{column}" FROM "{table}"'):
            if blob is not None:
                wkb.append(blob[header_length(blob):])
    con.close()
    shapely.from_wkb(wkb)
    return time.perf_counter() - t0


def lazy_floor(path: Path, size: tuple[int, int] = (1600, 1000)) -> float:
    """Seconds to read and parse the blobs of the regions and of the pieces in force at
    the last state, and fill them once into a ``size`` image (see the module docstring)."""
    t0 = time.perf_counter()
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    blobs = [b for (b,) in con.execute("SELECT geom FROM regions") if b is not None]
    last = con.execute("SELECT max(at) FROM layer_states").fetchone()[0]
    blobs += [b for (b,) in con.execute(
        "SELECT geom FROM layer_pieces WHERE valid_from <= ? AND "
        "(valid_to IS NULL OR valid_to = '' OR valid_to > ?)", (last, last)) if b is not None]
    con.close()
    geoms = shapely.from_wkb([b[header_length(b):] for b in blobs])
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFDFE7EC)
    scale = min(size[0] / (maxx - minx), size[1] / (maxy - miny))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(QTransform(scale, 0, 0, -scale, -minx * scale, maxy * scale))
    painter.fillPath(geometry_path(geoms), QBrush(QColor(200, 80, 60, 160)))
    painter.end()
    return time.perf_counter() - t0


class ScenePaints(QObject):
    """The scene the canvas held at each of its paints."""

    def __init__(self, canvas) -> None:
        super().__init__()
        self.canvas, self.scenes = canvas, []
        canvas.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.scenes.append(self.canvas.scene)
        return False


def open_to_first_paint(path: Path, win) -> float:
    """Seconds from the window's File ▸ Open of ``path`` (its own background loader, with
    the event loop running) to the map's first paint of it. Then, untimed: the whole file
    read and shown (FOLLOW), and the regions measured in the worker (MEASURED)."""
    app = QApplication.instance()
    wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    painted = ScenePaints(win.canvas)
    before = win.canvas.scene
    failed: list[str] = []
    win.files.load_failed.connect(failed.append)
    t0 = time.perf_counter()
    win.files.open_file(path, dialog_on_error=False)
    while all(scene is before for scene in painted.scenes):
        if failed:          # (else the loop would wait for a paint that never comes)
            raise RuntimeError(f"{path} did not open: {failed[0]}")
        app.processEvents(wait)
    win.files.load_failed.disconnect(failed.append)
    first_paint = time.perf_counter() - t0
    win.canvas.removeEventFilter(painted)
    while win.loaded.path != path or win.files.loader.busy:
        app.processEvents(wait)
    FOLLOW.append(time.perf_counter() - t0 - first_paint)
    # After the first paint the window measures each layer and change in each region in
    # its worker (Regions and reports panels); let that finish outside the timings below.
    t1 = time.perf_counter()
    QApplication.processEvents()            # delivers the queued request to the worker
    win.worker.wait()
    QApplication.processEvents()            # and the result to the panel
    if win.regions_panel.figures is not None:
        MEASURED.append(time.perf_counter() - t1)
    return first_paint


def open_gaps(path: Path, win, shown: int = 3) -> tuple[float, list[tuple[float, float]]]:
    """File ▸ Open of ``path`` with the event loop running (a 1 ms timer ticking) until
    the file is shown and every background job has ended and been delivered (the region
    figures, the front analytics, the prebuilt paths, a big layer's Displays): the
    seconds that took, and the ``shown`` longest gaps between ticks (how long the window
    was blocked at once) as (gap s, seconds after the Open it began)."""
    from frames import Ticker
    app = QApplication.instance()
    wait = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    ticker = Ticker(win)
    t0 = ticker.start()
    win.files.open_file(path, dialog_on_error=False)
    quiet = 0
    while quiet < 3:                # a delivery may start another job
        app.processEvents(wait)     # (the 1 ms timer wakes it)
        done = win.loaded.path == path and not win.files.loader.busy
        idle = win.worker.wait(0.0) and win.big_layers.wait(0.0)
        quiet = quiet + 1 if done and idle else 0
    settled = time.perf_counter() - t0
    ticker.stop()
    return settled, ticker.gaps(shown)
