"""Painting part of an image again as fast as a widget repaints part of itself.

A painter clipped with ``setClipRegion`` still rasterises every path over the whole
image: the clip only drops the spans outside it (the DeepState layer's state on a
1600x853 image: 2.3 ms for a time step's few boxes). The raster engine's system clip,
which Qt sets to the region a widget's paint event repaints, bounds the rasteriser
itself to the region's box (0.3-0.6 ms for the same boxes). The pixels inside the
region are those of the whole image painted anew (tests/test_region_paint.py), as a
widget's partial repaint gives those of its whole paint, with the same limit: a path
reaching farther off the clip's box than the box's own size is first cut 10 pixels
beyond it (QOutlineMapper), which moves an edge longer than that, crossing the cut, by
a fraction of a pixel: a shade or two along it (the map's edges, segmentised, are a few
pixels long but far in).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from PySide6.QtGui import QImage, QPainter, QRegion, QTransform


@contextmanager
def painting_within(image: QImage, region: QRegion | None) -> Iterator[QPainter]:
    """A painter on ``image`` clipped to ``region`` (logical pixels; None: all of it),
    the engine's system clip bounding it too while it paints (and dropped after)."""
    engine = image.paintEngine() if region is not None else None
    if engine is not None:
        dpr = image.devicePixelRatio()        # (the system clip is in device pixels)
        engine.setSystemClip(region if dpr == 1.0 else
                             _grown(QTransform.fromScale(dpr, dpr).map(region)))
    painter = QPainter(image)
    try:
        if region is not None:
            painter.setClipRegion(region)       # (exact at any device pixel ratio)
        yield painter
    finally:
        painter.end()
        if engine is not None:
            engine.setSystemClip(QRegion())


def _grown(region: QRegion) -> QRegion:
    """``region`` one pixel larger on every side (a fractional ratio's rounding)."""
    out = QRegion()
    for r in region:
        out = out.united(r.adjusted(-1, -1, 1, 1))
    return out
