"""The comparison map's pictures, each drawn once for what it depends on and kept.

- the base map (background) and the labels: the canvas's own pixmap caches
  (canvas_base_pixmaps), which depend on the view, not on A or B;
- the layers at a date (``DateImages``): a transparent image per date and view, so a
  step of B draws B's layers and reuses A's, and a divider drag draws no layer at all;
- the decoration panels (canvas_panels).

The difference view's overlay (the ground gained and lost between A and B) is measured
in the background (compare_figures.py) and drawn over B's layers when it has come."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath, QRegion

from viewer.render import MapScene, RenderSettings, Viewport, draw_dynamic
from viewer.render.decorations import draw_date
from viewer.render.dirty import time_change_region
from viewer.render.draw_changes import draw_difference
from viewer.render.region_paint import painting_within
from viewer.ui.canvas_base_pixmaps import BaseMapPixmaps
from viewer.ui.canvas_panels import PARTIAL_AT_MOST, DecorationPixmaps
from viewer.ui.compare_figures import PathKey, path_key

DATE_IMAGES = 4             # A and B, and the two before them (a step back reuses them)
DIFFERENCES = 8             # pairs of states whose overlay paths are kept
REGIONS = 8                 # pairs of dates whose changed pixels are kept


def layers_only(settings: RenderSettings) -> RenderSettings:
    """What a date's layer image depends on (no overlay, no panels, no date text)."""
    return replace(settings, compare_from=None, show_lost=False, date_note=None,
                   date_note_room="", decorations=False, highlight_days=0.0,
                   highlight_since=None)


class DateImages:
    """Transparent images of the layers (and selection) at a date, per view and size."""

    def __init__(self) -> None:
        self._items: list[tuple[tuple, QImage]] = []        # most recently used last
        self._missing: dict[tuple, set] = {}    # item key: big Displays it was drawn without
        self.redrawn: QRegion | None = None     # what the last new image drew again
        self.regions = ChangeRegions()

    def clear(self) -> None:
        self._items.clear()
        self._missing.clear()
        self.regions.clear()

    def forget_missing(self, display_key: tuple) -> bool:
        """Drop the images drawn without the big layer Display ``display_key`` (made now
        by the window's builder); True if there was one."""
        stale = [k for k, missing in self._missing.items() if display_key in missing]
        self._items = [(k, image) for k, image in self._items if k not in stale]
        for k in stale:
            del self._missing[k]
        return bool(stale)

    def image(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
              dpr: float, shown: tuple[datetime, ...] = ()) -> QImage:
        """The layers at ``settings.at``. A date next to one already drawn for this view
        (B moved by a change) is that image with only the pixels that differ drawn
        again (render/dirty.py, as the canvas does for a time step): in place, unless
        that image is of a date in ``shown`` (the other side of the map), or a copy of it."""
        settings = layers_only(settings)
        key = (id(scene), viewport.key(), dpr, settings)
        for i, (k, image) in enumerate(self._items):
            if k == key:
                self._items.append(self._items.pop(i))
                return image
        image, region = self._from_neighbour(scene, viewport, settings, key, shown)
        self.redrawn = region
        with painting_within(image, region) as painter, \
                scene.big.noting_missing() as missing:      # made by the window's builder
            if region is not None:
                painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
                painter.fillRect(region.boundingRect(), Qt.GlobalColor.transparent)
                painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            draw_dynamic(painter, scene, viewport, settings, region)   # (the pieces there)
        self._items.append((key, image))
        if missing:
            self._missing[key] = missing
        for old, _ in self._items[:-DATE_IMAGES]:
            self._missing.pop(old, None)
        del self._items[:-DATE_IMAGES]
        return image

    def _from_neighbour(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
                        key: tuple, shown: tuple[datetime, ...]) -> tuple[QImage, QRegion | None]:
        """The nearest date's image of this view (taken over, or copied when its date
        is ``shown``) and the region to draw again, or a new empty image and None (draw
        everything)."""
        dpr = key[2]
        same = [(abs((k[3].at - settings.at).total_seconds()), i, k[3])
                for i, (k, image) in enumerate(self._items) if k not in self._missing
                and k[:3] == key[:3] and replace(k[3], at=settings.at) == settings]
        for _, i, before in sorted(same, key=lambda item: item[0])[:1]:
            region = self.regions.between(scene, viewport, before, settings)
            if region is not None and _share(region, viewport) <= PARTIAL_AT_MOST:
                if before.at in shown:
                    return self._items[i][1].copy(), region
                return self._items.pop(i)[1], region
        image = QImage(round(viewport.width * dpr), round(viewport.height * dpr),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(Qt.GlobalColor.transparent)
        return image, None


class ChangeRegions:
    """``time_change_region`` of pairs of layer settings, kept for the last few pairs:
    a step asks it twice, for the pixels to repaint (compare_steps) and for those of the
    date's image to draw again."""

    def __init__(self) -> None:
        self._items: dict[tuple, QRegion | None] = {}

    def clear(self) -> None:
        self._items.clear()

    def between(self, scene: MapScene, viewport: Viewport, before: RenderSettings,
                after: RenderSettings) -> QRegion | None:
        before, after = layers_only(before), layers_only(after)
        key = (id(scene), viewport.key(), before, after)
        if key not in self._items:
            self._items[key] = time_change_region(scene, viewport, before, after)
            while len(self._items) > REGIONS:
                del self._items[next(iter(self._items))]
        return self._items[key]


def _share(region: QRegion, viewport: Viewport) -> float:
    return sum(r.width() * r.height() for r in region) / (viewport.width * viewport.height)


class ComparePictures:
    """Every cache of one comparison map, and the drawing of its parts from them."""

    def __init__(self) -> None:
        self.base = BaseMapPixmaps()
        self.panels = DecorationPixmaps()
        self.dates = DateImages()
        self.differences: dict[PathKey, tuple[QPainterPath, QPainterPath]] = {}

    def clear(self) -> None:
        """A new scene: nothing kept applies."""
        self.base.clear()
        self.panels.clear()
        self.dates.clear()
        self.differences.clear()

    # -- the difference overlay ---------------------------------------------------------
    def adopt(self, paths: dict[PathKey, tuple[QPainterPath, QPainterPath]]) -> None:
        self.differences.update(paths)
        while len(self.differences) > DIFFERENCES:
            del self.differences[next(iter(self.differences))]

    def has_difference(self, scene: MapScene, settings: RenderSettings) -> bool:
        return all(path_key(scene.situation, layer.id, settings.compare_from, settings.at)
                   in self.differences for layer in settings.visible_layers(scene.situation))

    # -- drawing ------------------------------------------------------------------------
    def background(self, painter: QPainter, scene: MapScene, viewport: Viewport,
                   settings: RenderSettings, dpr: float) -> None:
        pixmap, at = self.base.background(scene, viewport, settings, dpr)
        painter.drawPixmap(at, pixmap)

    def layers(self, painter: QPainter, scene: MapScene, viewport: Viewport,
               settings: RenderSettings, dpr: float, clip: QRectF | None = None,
               shown: tuple[datetime, ...] = ()) -> None:
        """The layers at ``settings.at`` (within ``clip``, in pixels); ``shown``: the
        dates of the other images this paint draws."""
        image = self.dates.image(scene, viewport, settings, dpr, shown)
        clip = clip or QRectF(0, 0, viewport.width, viewport.height)
        source = QRectF(clip.x() * dpr, clip.y() * dpr, clip.width() * dpr, clip.height() * dpr)
        painter.drawImage(clip, image, source)

    def difference(self, painter: QPainter, scene: MapScene, viewport: Viewport,
                   settings: RenderSettings) -> None:
        """The overlay of ``settings.compare_from`` .. ``settings.at``, if measured."""
        empty = (QPainterPath(), QPainterPath())

        def paths(layer_id, a, b):
            return self.differences.get(path_key(scene.situation, layer_id, a, b), empty)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(viewport.transform, True)
        draw_difference(painter, scene, settings, settings.visible_layers(scene.situation),
                        paths)
        painter.restore()

    def labels(self, painter: QPainter, scene: MapScene, viewport: Viewport,
               settings: RenderSettings, dpr: float, dragging: bool,
               reserved: tuple[QRectF, ...] | None = None) -> None:
        """The labels, clear of ``reserved`` (by default the panels)."""
        if reserved is None:
            reserved = self.panels.reserved(scene, viewport, settings)
        painter.drawPixmap(0, 0, self.base.labels(scene, viewport, settings, dpr, reserved,
                                                  dragging))

    def decorations(self, painter: QPainter, scene: MapScene, viewport: Viewport,
                    settings: RenderSettings, dpr: float) -> None:
        """The panels and the date, if shown."""
        if settings.decorations:
            for origin, panel in self.panels.pixmaps(scene, viewport, settings, dpr):
                painter.drawPixmap(QPointF(origin), panel)
            draw_date(painter, scene, viewport, settings,
                      self.panels.layout(scene, viewport, settings))
