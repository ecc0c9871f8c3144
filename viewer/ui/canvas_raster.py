"""The canvas's map rasters: everything under the labels (the background, then the layers,
highlights and selection at the time shown) drawn once into an opaque pixmap for a view.

A drag step then only draws that pixmap at another place: the raster a drag moves over
is drawn OVERSCAN pixels beyond each edge of the view, and made again only when the drag
leaves that margin. The frame at the end of the drag is not taken from it but drawn for
its very view, as a fresh paint would be: Qt rasterises an antialiased edge at the edge
of its device a shade differently from one inside it (a 1600x1000 view cut from a
larger raster differed from the view drawn anew in about a thousand pixels, by up to 7
levels). The views one wheel notch in and out about the pointer are rastered, for their
very view, while the window is idle (canvas_idle), so that a notch there draws ready
pixmaps.

A raster is used only for the same settings but the view (time, highlights, selection,
hidden layers, palette...), the same scene and the same measured front line, and, but
during a drag, for the very view it was drawn for: it then holds the pixels drawing the
background and the layers anew gives, which tests/test_canvas_raster_pixels.py checks.
``clear()`` drops them all (a new situation, an edit, a big layer's display made).

At most KEPT rasters are kept, the last used first, one of them at most with a margin
(once the window has been idle: the view's with a margin and the two notches'): at 1600x1000 logical pixels, 2112x1512x4
bytes = 12.8 MB with the margin, 6.4 MB each without: 25.6 MB; four times that (102 MB)
at a device pixel ratio of 2.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPixmap

from viewer.render import MapScene, RenderSettings, Viewport, draw_background, draw_dynamic, styles
from viewer.ui.canvas_base_pixmaps import (OVERSCAN, canvas_pixmap, drawn_on, overscanned,
                                          placement)

KEPT = 3

Background = Callable[[], "QPixmap | None"]     # the view's background pixmap, or None


@dataclass(frozen=True)
class Raster:
    viewport: Viewport          # what it shows (the view and its margin)
    pixmap: QPixmap
    key: tuple
    view: tuple | None          # the key of the view it was drawn for, without a margin


def raster_key(scene: MapScene, settings: RenderSettings, dpr: float) -> tuple:
    """What a raster depends on besides where the view is."""
    return (id(scene), id(scene.front), dpr, replace(settings, view=None, bbox=None))


def covers(raster: Raster, viewport: Viewport, dpr: float) -> QPointF | None:
    """Where to draw ``raster`` for ``viewport`` when it covers all of it at whole pixels."""
    big = raster.viewport
    at = placement(big, viewport, dpr)
    if at is None or at[0] > 0 or at[1] > 0 or at[0] + big.width < viewport.width \
            or at[1] + big.height < viewport.height:
        return None
    return QPointF(*at)


class MapRasters:
    """The kept rasters, the last used first."""

    def __init__(self) -> None:
        self._kept: list[Raster] = []

    def clear(self) -> None:
        self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)

    def find(self, viewport: Viewport, key: tuple, dpr: float,
             exact: bool = True) -> tuple[QPixmap, QPointF] | None:
        """A kept raster for ``viewport`` and ``key``, and where to draw it: one drawn for
        that very view, or with ``exact=False`` (a drag) any that covers it. Rasters of
        another key are dropped (the time moved on: they will not be asked again)."""
        self._kept = [r for r in self._kept if r.key == key]
        for raster in self._kept:
            at = covers(raster, viewport, dpr)
            if at is not None and (not exact or raster.view == viewport.key()):
                self._kept.remove(raster)
                self._kept.insert(0, raster)
                return raster.pixmap, at
        return None

    def make(self, scene: MapScene, viewport: Viewport, settings: RenderSettings, dpr: float,
             margin: int = 0, background: Background | None = None) -> tuple[QPixmap, QPointF]:
        """Draw the raster of ``viewport`` (``margin`` pixels beyond each edge) and keep it.
        ``background`` (no margin only): the view's background pixmap
        (BaseMapPixmaps.background, the same pixels), copied instead of drawn, or None."""
        big = overscanned(viewport, margin)
        # as the canvas draws them: the background for the view made again from its
        # centre and scale (BaseMapPixmaps.background), the layers for the view itself
        layers = viewport if margin == 0 else big
        under = background() if background is not None and margin == 0 else None

        def draw(painter: QPainter) -> None:
            if under is None:   # the pixmap is filled with the water: not drawn again
                draw_background(painter, scene, big, settings, False)
            draw_dynamic(painter, scene, layers, settings)
        if margin:              # one raster with a margin at most: the drag's
            self._kept = [r for r in self._kept if r.view is not None]
        if under is not None:   # a copy of its pixels (made as the painter begins)
            pixmap = drawn_on(QPixmap(under), draw)
        else:
            pixmap = canvas_pixmap(big, dpr, QColor(styles.WATER), draw)
        self._kept.insert(0, Raster(big, pixmap, raster_key(scene, settings, dpr),
                                    None if margin else viewport.key()))
        del self._kept[KEPT:]
        return pixmap, QPointF(-margin, -margin)

    def for_view(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
                 dpr: float, background: Background | None = None) -> tuple[QPixmap, QPointF]:
        """The raster drawn for this very view: kept (now the last used), or made now
        (on ``background``'s pixmap when it gives one, see ``make``)."""
        found = self.find(viewport, raster_key(scene, settings, dpr), dpr)
        return found if found is not None else self.make(scene, viewport, settings, dpr,
                                                         background=background)

    def for_pan(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
                dpr: float) -> tuple[QPixmap, QPointF]:
        """The raster for a view being dragged: kept (now the last used), or made with a
        margin."""
        found = self.find(viewport, raster_key(scene, settings, dpr), dpr, exact=False)
        return found if found is not None else self.make(scene, viewport, settings, dpr,
                                                         OVERSCAN)
