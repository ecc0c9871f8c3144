"""A projected rectangle fitted into a pixel rectangle: the one map <-> pixel mapping."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QTransform

if TYPE_CHECKING:
    from viewer.render.scene import MapScene
    from viewer.render.settings import RenderSettings

MARGIN = 0.04     # extra room around the data extent when no view or bbox is given


class Viewport:
    """``view`` (minx, miny, maxx, maxy in projected metres) fitted into ``width`` x
    ``height`` pixels, aspect preserved and centred; y grows up on the map, down in pixels."""

    def __init__(self, view: tuple[float, float, float, float], width: int, height: int):
        minx, miny, maxx, maxy = (float(v) for v in view)
        self.width, self.height = max(1, int(width)), max(1, int(height))
        span_x = max(maxx - minx, 1e-6)
        span_y = max(maxy - miny, 1e-6)
        self.pixels_per_metre = min(self.width / span_x, self.height / span_y)
        self.metres_per_pixel = 1.0 / self.pixels_per_metre
        self.centre = ((minx + maxx) / 2, (miny + maxy) / 2)
        self.view = (minx, miny, maxx, maxy)
        s = self.pixels_per_metre
        cx, cy = self.centre
        self.transform = QTransform(s, 0.0, 0.0, -s,
                                    self.width / 2 - cx * s, self.height / 2 + cy * s)

    @property
    def rect(self) -> QRectF:
        """The pixel rectangle."""
        return QRectF(0.0, 0.0, self.width, self.height)

    @property
    def visible(self) -> tuple[float, float, float, float]:
        """The projected rectangle actually shown (``view`` grown to the pixel aspect)."""
        half_w = self.width / 2 * self.metres_per_pixel
        half_h = self.height / 2 * self.metres_per_pixel
        cx, cy = self.centre
        return cx - half_w, cy - half_h, cx + half_w, cy + half_h

    def to_pixels(self, x, y):
        """Map metres to pixels; scalars or numpy arrays."""
        s = self.pixels_per_metre
        px = (np.asarray(x, float) - self.centre[0]) * s + self.width / 2
        py = (self.centre[1] - np.asarray(y, float)) * s + self.height / 2
        if np.ndim(px) == 0:
            return float(px), float(py)
        return px, py

    def to_map(self, px, py):
        """Map pixels to metres; scalars or numpy arrays."""
        m = self.metres_per_pixel
        x = (np.asarray(px, float) - self.width / 2) * m + self.centre[0]
        y = self.centre[1] - (np.asarray(py, float) - self.height / 2) * m
        if np.ndim(x) == 0:
            return float(x), float(y)
        return x, y

    def key(self) -> tuple:
        """Identifies this mapping (for caches of things laid out in pixels)."""
        return (self.view, self.width, self.height)

    @staticmethod
    def view_for(scene: "MapScene", settings: "RenderSettings") -> tuple[float, ...]:
        """The projected rect to show: settings.view, else settings.bbox, else the
        situation's default bbox, else the data extent with a small margin."""
        if settings.view is not None:
            return settings.view
        bbox = settings.bbox or scene.situation.meta.default_bbox
        if bbox is not None:
            return scene.project_bbox(bbox)
        minx, miny, maxx, maxy = scene.extent
        dx, dy = (maxx - minx) * MARGIN, (maxy - miny) * MARGIN
        return minx - dx, miny - dy, maxx + dx, maxy + dy

    @classmethod
    def for_settings(cls, scene: "MapScene", settings: "RenderSettings",
                     size: tuple[float, float] | None = None) -> "Viewport":
        width, height = size or settings.size
        return cls(cls.view_for(scene, settings), round(width), round(height))
