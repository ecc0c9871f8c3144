"""The time step's floor: QPainter filling the paths the canvas filled for a time (the
layers' state, the recent changes and their outlines) into a QImage of the canvas's size,
already built, with the same brushes, transforms and antialiasing.

The paths are recorded from the canvas's own full repaint of that time, so the floor is
exactly the fills a from-scratch frame needs, without anything the window adds (cached
pixmaps, panels, chart, event loop).
"""

from __future__ import annotations

import time

from PySide6.QtGui import QBrush, QImage, QPainter, QPainterPath

WATER = 0xFFDFE7EC


class FillRecorder:
    """Records the paths, brushes and transforms the canvas fills while it paints."""

    def __init__(self, canvas) -> None:
        self.canvas, self.fills = canvas, []
        self._original = QPainter.fillPath

    def __enter__(self) -> "FillRecorder":
        original, fills, canvas = self._original, self.fills, self.canvas

        def fill_path(painter: QPainter, path: QPainterPath, brush) -> None:
            if painter.device() is canvas:
                fills.append((QPainterPath(path), QBrush(brush), painter.transform(),
                              painter.renderHints()))
            original(painter, path, brush)
        QPainter.fillPath = fill_path
        return self

    def __exit__(self, *exc) -> None:
        QPainter.fillPath = self._original


def canvas_fills(win, times) -> list[list[tuple]]:
    """For each time, what the canvas filled in a full repaint of it."""
    out = []
    for t in times:
        win.cursor_model.set_time(t)
        with FillRecorder(win.canvas) as recorder:
            win.canvas.repaint()
        out.append(recorder.fills)
    return out


def floor_fill(fills: list[list[tuple]], width: int, height: int, dpr: float,
               clock=time.perf_counter) -> list[float]:
    """Seconds to fill each time's recorded paths into a ``width`` x ``height`` (logical)
    image of device pixel ratio ``dpr``, by ``clock`` (time.thread_time: CPU time)."""
    image = QImage(round(width * dpr), round(height * dpr),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(dpr)
    out = []
    for frame in fills:
        t0 = clock()
        image.fill(WATER)
        p = QPainter(image)
        for path, brush, transform, hints in frame:
            p.setRenderHints(hints)
            p.setTransform(transform)
            p.fillPath(path, brush)
        p.end()
        out.append(clock() - t0)
    return out
