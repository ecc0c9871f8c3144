"""Edit ▸ Copy View as Command: the command that reopens this date and view,
``situation-viewer FILE --at DATE --bbox MINLON,MINLAT,MAXLON,MAXLAT`` (``render`` takes
the same ``--at`` and ``--bbox``). The box is the view's extent along its centre lines,
so reopened in a window of the same shape it has the same centre and scale; in another
shape, the same centre with the whole box shown."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from viewer.model.times import iso_z
from viewer.render.language import fill, translate

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


def view_bbox(window: "MainWindow") -> tuple[float, float, float, float]:
    scene = window.loaded.scene
    minx, miny, maxx, maxy = window.canvas.view_rect()
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    lon, _ = scene.projector.inverse([minx, maxx], [cy, cy])
    _, lat = scene.projector.inverse([cx, cx], [miny, maxy])
    return float(lon[0]), float(lat[0]), float(lon[1]), float(lat[1])


def view_command(window: "MainWindow") -> str:
    path = window.loaded.path
    parts = ["situation-viewer"] + ([str(path)] if path is not None else [])
    bbox = ",".join(f"{v:.5f}" for v in view_bbox(window))
    parts += ["--at", iso_z(window.cursor_model.time), "--bbox", bbox]
    return shlex.join(parts)


def copy_view_command(window: "MainWindow") -> None:
    text = view_command(window)
    QGuiApplication.clipboard().setText(text)
    window.status.show_message(fill(translate("MainWindow", "Copied: %1"), text), 6000)
