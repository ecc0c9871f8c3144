"""The canvas's base-map pixmaps: the parts of the map that do not change with time.

The background (water, neighbouring countries, regions, rivers and roads, borders; the
context features shown at the time are part of its key) and the labels (with
the region borders drawn again above the layers) are each drawn once into a pixmap keyed
by the view, the size, the device pixel ratio and the display options they depend on;
moving through time reuses them and only the layers and highlights are drawn again.

A drag draws the canvas's rasters (canvas_raster: the background and layers drawn
OVERSCAN pixels beyond the view) rather than the background; while the map is being
dragged the labels are the previous pixmap shifted, with the uncovered strips holding
just the borders; their layout is redone when the drag ends. The labels of the last
SHOWN views shown are kept, and apart from them those of the next wheel notches made
ahead (AHEAD, canvas_idle), so that making them does not push out the view before (a
drag or a notch back to it then copies its labels).
``clear()`` drops them all (a new situation).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap, QRegion

from viewer.render import MapScene, RenderSettings, Viewport, draw_background, draw_labels, styles
from viewer.render.draw_layers import draw_borders_above
from viewer.render.settings import CONTEXT, LABELS, PLACES, REGIONS, hidden_context_layers
from viewer.render.scene_geometry import LRU

BACKGROUND_OPTIONS = frozenset({REGIONS, CONTEXT})
LABEL_OPTIONS = frozenset({LABELS, PLACES, REGIONS, CONTEXT})
EXACT = 1e-3                # a shift within this of whole pixels counts as whole
OVERSCAN = 256              # pixels of background drawn beyond each edge of the view
SHOWN = 2                   # labels pixmaps kept of views shown: the view's and the last
AHEAD = 2                   # ... and of views laid out ahead: the next notches'
BACKGROUNDS = 2             # backgrounds kept: the view's and the one before (a notch back)

Draw = Callable[[QPainter], None]


def canvas_pixmap(viewport: Viewport, dpr: float, fill: QColor | Qt.GlobalColor,
                  draw: Draw) -> QPixmap:
    """A pixmap of the viewport's size, filled, then drawn on (antialiased)."""
    pixmap = QPixmap(round(viewport.width * dpr), round(viewport.height * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(fill)
    return drawn_on(pixmap, draw)


def drawn_on(pixmap: QPixmap, draw: Draw) -> QPixmap:
    """``pixmap`` drawn on by ``draw`` (antialiased)."""
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    draw(painter)
    painter.end()
    return pixmap


def placement(old: Viewport, new: Viewport, dpr: float) -> tuple[int, int] | None:
    """Where ``old``'s top left pixel lands in ``new``'s pixels, when that is a whole
    number of pixels (logical and device) at the same scale; None if the view zoomed or
    moved by a fraction of a pixel."""
    if abs(old.pixels_per_metre - new.pixels_per_metre) > 1e-9 * new.pixels_per_metre:
        return None
    x, y = new.to_pixels(*old.to_map(0.0, 0.0))
    rx, ry = round(x), round(y)
    if max(abs(x - rx), abs(y - ry), abs(x * dpr - round(x * dpr)),
           abs(y * dpr - round(y * dpr))) > EXACT:
        return None
    return rx, ry


def pixel_shift(old: Viewport, new: Viewport, dpr: float) -> tuple[int, int] | None:
    """The whole-pixel offset that carries ``old``'s picture onto ``new``'s (same size)
    when the view only moved, by less than its size; else None."""
    shift = placement(old, new, dpr) if (old.width, old.height) == (new.width, new.height) else None
    if shift is None or abs(shift[0]) >= old.width or abs(shift[1]) >= old.height:
        return None
    return shift


def overscanned(viewport: Viewport, margin: int) -> Viewport:
    """The same mapping with ``margin`` more pixels on every side."""
    m = viewport.metres_per_pixel
    cx, cy = viewport.centre
    half_w, half_h = (viewport.width / 2 + margin) * m, (viewport.height / 2 + margin) * m
    return Viewport((cx - half_w, cy - half_h, cx + half_w, cy + half_h),
                    viewport.width + 2 * margin, viewport.height + 2 * margin)


def shifted(old: QPixmap, shift: tuple[int, int], viewport: Viewport, dpr: float,
            fill: QColor | Qt.GlobalColor, draw: Draw) -> QPixmap:
    """``old`` moved by ``shift``, with ``draw`` filling in only the strips it uncovers."""
    dx, dy = shift
    w, h = viewport.width, viewport.height
    strips = QRegion(0, 0, w, h).subtracted(QRegion(QRect(dx, dy, w, h)))

    def paint(painter: QPainter) -> None:
        painter.drawPixmap(QPointF(dx, dy), old)
        painter.setClipRegion(strips)           # (the strips still hold the fill)
        draw(painter)
    return canvas_pixmap(viewport, dpr, fill, paint)


class BaseMapPixmaps:
    """The background and the labels pixmaps, each with the key it was drawn for."""

    def __init__(self) -> None:
        # name -> (key, pixmap, viewport, options, provisional)
        self._pixmaps: dict[str, tuple] = {}
        # labels pixmaps by view and options: of the views shown (the view's and the
        # last), and those laid out ahead for the next wheel notches (canvas_idle)
        self._shown: LRU = LRU(SHOWN)
        self._ahead: LRU = LRU(AHEAD)
        # backgrounds by view and options: the view's and the last before it, so that a
        # wheel notch back to it (in, then out again) copies it instead of drawing it
        self._backgrounds: LRU = LRU(BACKGROUNDS)

    def clear(self) -> None:
        self._pixmaps.clear()
        self._shown.clear()
        self._ahead.clear()
        self._backgrounds.clear()

    def background(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
                   dpr: float) -> tuple[QPixmap, QPointF]:
        """The background and where to draw it: drawn for this very view (a drag draws
        the canvas's rasters instead, canvas_raster; drawn beyond the view and cut, it
        would not be what a fresh paint gives)."""
        def make() -> QPixmap:
            # made again from the view's centre and scale, as MapRasters.make does
            big = overscanned(viewport, 0)
            # opaque (no alpha channel): drawn on every repaint, it is then a plain copy
            # filled with the water, so not drawn again (water=False, passed by position)
            return canvas_pixmap(big, dpr, QColor(styles.WATER),
                                 lambda p: draw_background(p, scene, big, settings, False))
        return self._backgrounds.get_or_build(self._background_key(scene, viewport, settings,
                                                                   dpr), make), QPointF(0, 0)

    def kept_background(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
                        dpr: float) -> QPixmap | None:
        """The view's background if it is kept (the order of those kept unchanged), else
        None: what the rasters made ahead (canvas_idle) may copy, without pushing out the
        backgrounds the canvas shows."""
        return self._backgrounds.get(self._background_key(scene, viewport, settings, dpr))

    @staticmethod
    def _background_key(scene: MapScene, viewport: Viewport, settings: RenderSettings,
                        dpr: float) -> tuple:
        # the context features shown: their time stretch and hidden layers
        return (viewport.key(), dpr, settings.hidden & BACKGROUND_OPTIONS,
                hidden_context_layers(settings.hidden), scene.context.epoch(settings.at))

    @staticmethod
    def _label_options(settings: RenderSettings, dpr: float,
                       reserved: tuple[QRectF, ...]) -> tuple:
        return (dpr, settings.hidden & LABEL_OPTIONS, settings.scale,
                tuple(r.getRect() for r in reserved), settings.language)

    def kept_labels(self, viewport: Viewport, settings: RenderSettings, dpr: float,
                    reserved: tuple[QRectF, ...]) -> bool:
        """Whether the labels pixmap of the view is kept (shown or laid out ahead)."""
        key = (viewport.key(),) + self._label_options(settings, dpr, reserved)
        return key in self._shown or key in self._ahead

    def ready_labels(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
                     dpr: float, reserved: tuple[QRectF, ...]) -> None:
        """Lay out and draw the labels of a view not shown yet (the next wheel notch's),
        kept for when it is (already kept: now the last used)."""
        self._laid_out(scene, viewport, settings, dpr, reserved, ahead=True)

    def labels(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
               dpr: float, reserved: tuple[QRectF, ...], dragging: bool = False) -> QPixmap:
        """The labels laid out for ``viewport``; while ``dragging``, the last ones shown
        shifted (their strips holding just the borders) unless laid out already."""
        options = self._label_options(settings, dpr, reserved)
        key = (viewport.key(),) + options
        cached = self._pixmaps.get("labels")
        if dragging and key not in self._shown and key not in self._ahead \
                and cached is not None \
                and cached[3][:3] == options[:3]:
            shift = pixel_shift(cached[2], viewport, dpr)
            if shift == (0, 0):
                return cached[1]
            if shift is not None:
                pixmap = shifted(cached[1], shift, viewport, dpr, Qt.GlobalColor.transparent,
                                 lambda p: draw_borders_above(p, scene, viewport, settings))
                self._pixmaps["labels"] = (key, pixmap, viewport, options, True)
                return pixmap
        pixmap = self._laid_out(scene, viewport, settings, dpr, reserved)
        self._pixmaps["labels"] = (key, pixmap, viewport, options, False)
        return pixmap

    def _laid_out(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
                  dpr: float, reserved: tuple[QRectF, ...], ahead: bool = False) -> QPixmap:
        """The labels pixmap of the view, kept among those shown (SHOWN of them, the
        last used last; one laid out ahead moves there) or, ``ahead``, among those laid
        out ahead (AHEAD; one kept already is only made the last used where it is)."""
        key = (viewport.key(),) + self._label_options(settings, dpr, reserved)
        for kept in (self._shown, self._ahead):
            if key in kept:
                if kept is self._ahead and not ahead:
                    return self._shown.get_or_build(key, lambda: self._ahead.pop(key))
                kept.move_to_end(key)
                return kept[key]
        return (self._ahead if ahead else self._shown).get_or_build(key, lambda: canvas_pixmap(
            viewport, dpr, Qt.GlobalColor.transparent,
            lambda p: draw_labels(p, scene, viewport, settings, reserved)))
