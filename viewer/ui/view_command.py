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
    box = [float(lon[0]), float(lat[0]), float(lon[1]), float(lat[1])]
    # A lon/lat box projects to more than the view (the parallels curve): shrink it until
    # what reopening it frames (scene.project_bbox) is the view, centre and scale alike.
    for _ in range(4):
        px0, py0, px1, py1 = scene.project_bbox(tuple(box))
        sx, sy = (maxx - minx) / (px1 - px0), (maxy - miny) / (py1 - py0)
        dx = (cx - (px0 + px1) / 2) / (px1 - px0) * (box[2] - box[0])
        dy = (cy - (py0 + py1) / 2) / (py1 - py0) * (box[3] - box[1])
        mlon, mlat = (box[0] + box[2]) / 2 + dx, (box[1] + box[3]) / 2 + dy
        hw, hh = (box[2] - box[0]) / 2 * sx, (box[3] - box[1]) / 2 * sy
        box = [mlon - hw, mlat - hh, mlon + hw, mlat + hh]
    return box[0], box[1], box[2], box[3]


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
