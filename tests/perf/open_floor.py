"""Opening a situation file to the first paint of the map, and its floor: every
geometry blob of the file read with sqlite3 and parsed with shapely."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import shapely
from PySide6.QtWidgets import QApplication

from viewer.io.geopackage.blob import header_length
from viewer.io.situation_file import read_situation
from viewer.ui.loader import prepare

MEASURED: list[float] = []      # background region measuring after each first paint


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


def open_to_first_paint(path: Path, win) -> float:
    """Seconds from reading ``path`` to the canvas's first paint of it in ``win``."""
    t0 = time.perf_counter()
    loaded = prepare(read_situation(path), path)
    win.show_loaded(loaded)
    win.canvas.repaint()
    first_paint = time.perf_counter() - t0
    # After the first paint the window measures each layer and change in each region in
    # its worker (Regions and reports panels); let that finish outside the timings below.
    t1 = time.perf_counter()
    QApplication.processEvents()            # delivers the queued request to the worker
    win.worker.wait()
    QApplication.processEvents()            # and the result to the panel
    if win.regions_panel.figures is not None:
        MEASURED.append(time.perf_counter() - t1)
    return first_paint
