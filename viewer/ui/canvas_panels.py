"""The canvas's cached decoration panels: the legend and attribution (which change with
neither the time nor the view) and the scale bar (which changes with the view only), as
small pixmaps; the date is drawn on the legend at each paint. Also the rectangles the
labels keep clear of, and the pixels a time step changes (the layers' and the date's)."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime, timezone

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap, QRegion

from viewer.render import MapScene, RenderSettings, Viewport
from viewer.render.decoration_layout import Layout
from viewer.render.decorations import (date_rect, decoration_layout, decoration_rects,
                                       draw_decorations, draw_scale_bar, panel_texts,
                                       scale_bar_rect)
from viewer.render.dirty import time_change_region
from viewer.render.kept_results import KeptResults
from viewer.render.scene_geometry import LRU
from viewer.ui.canvas_base_pixmaps import canvas_pixmap

EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)
RESERVE_STEP = 24           # decoration areas kept free of labels, rounded out to this
PARTIAL_AT_MOST = 0.5       # a time step changing more of the canvas than this redraws all
BARS_KEPT = 3               # the view's scale bar and the next notches'
TIMELESS_KEPT = 24          # (settings object, kind) whose ``timeless``, ``unplaced``... is kept
Panels = list[tuple[QPointF, QPixmap]]
_TIMELESS = KeptResults(TIMELESS_KEPT)


def reserved_rects(scene: MapScene, viewport: Viewport,
                   settings: RenderSettings) -> tuple[QRectF, ...]:
    """Where the legend, scale bar and attribution go, rounded outwards so that the
    labels (which keep clear of them) are not laid out again for every small change in
    their size, e.g. a longer date."""
    if not settings.decorations:
        return ()
    return _rounded_out(decoration_rects(scene, viewport, settings))


def _rounded_out(rects: list[QRectF]) -> tuple[QRectF, ...]:
    out = []
    for r in rects:
        left = math.floor(r.left() / RESERVE_STEP) * RESERVE_STEP
        top = math.floor(r.top() / RESERVE_STEP) * RESERVE_STEP
        right = math.ceil(r.right() / RESERVE_STEP) * RESERVE_STEP
        bottom = math.ceil(r.bottom() / RESERVE_STEP) * RESERVE_STEP
        out.append(QRectF(left, top, right - left, bottom - top))
    return tuple(out)


def timeless(settings: RenderSettings) -> RenderSettings:
    """The settings without what changes as the time moves (the time, the selection;
    the length of a window held to a start, but for whether there is one). Kept for the
    last few settings objects: a paint asks it of the same settings four times."""
    return _TIMELESS.get(settings, None, lambda: _timeless(settings))


def _timeless(settings: RenderSettings) -> RenderSettings:
    plain = settings
    if settings.highlight_since is not None:
        plain = replace(plain, highlight_days=float(bool(settings.highlight_days)))
    return replace(plain, at=EPOCH, selected_changes=frozenset())


def unplaced(settings: RenderSettings) -> RenderSettings:
    """``timeless`` settings without the view either: what the panels' layout depends on
    (decoration_layout goes by the canvas's size, not by what the map shows); kept as
    ``timeless`` is (a paint asks it of the same settings some six times)."""
    return _TIMELESS.get(settings, "unplaced",
                         lambda: replace(timeless(settings), view=None, bbox=None))


def without_date_line(settings: RenderSettings) -> RenderSettings:
    """``unplaced`` settings without a date line either: what the panels' texts but the
    date and the legend's and attribution's pixmaps depend on."""
    return _TIMELESS.get(settings, "without date line",
                         lambda: replace(unplaced(settings), date_note=None))


def _key_days(scene: MapScene, settings: RenderSettings) -> float | bool:
    """What of the highlight window's length the key's rows say: its days, or (a window
    held to a date: "Gained since ...") only whether there is one."""
    days = settings.days(scene.situation)
    return days if settings.highlight_since is None else days > 0


def _crop(whole: QPixmap, rect: QRectF, viewport: Viewport, dpr: float) -> tuple[QPointF, QPixmap]:
    """The part of ``whole`` under ``rect`` (antialiased edges reach past it) and where."""
    bounds = QRectF(0, 0, viewport.width, viewport.height)
    r = rect.adjusted(-2, -2, 2, 2).intersected(bounds).toAlignedRect()
    part = whole.copy(round(r.x() * dpr), round(r.y() * dpr),
                      round(r.width() * dpr), round(r.height() * dpr))
    part.setDevicePixelRatio(dpr)
    return QPointF(r.topLeft()), part


class DecorationPixmaps:
    """The decoration panels as pixmaps, and the rectangles they reserve."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple, object]] = {}
        self._bars: LRU = LRU(BARS_KEPT)       # scale bars by view, the last used last

    def clear(self) -> None:
        self._cache.clear()
        self._bars.clear()

    def _cached(self, name: str, key: tuple, build):
        cached = self._cache.get(name)
        if cached is None or cached[0] != key:
            cached = self._cache[name] = (key, build())
        return cached[1]

    def layout(self, scene: MapScene, viewport: Viewport, settings: RenderSettings) -> Layout:
        """``decoration_layout``, made again only when the canvas's size or the options
        change (it lays out the legend's names: a time step needs just the date's
        place, and a zoom or a pan none of it, the panels going by the size alone); of
        texts made again only when the options change, not a date line (the swipe's
        "left ... · right ..." at each step)."""
        days = _key_days(scene, settings)
        texts = self._cached("texts", (without_date_line(settings), days),
                             lambda: panel_texts(scene, settings))
        return self._cached("layout", ((viewport.width, viewport.height),
                                       unplaced(settings), days),
                            lambda: decoration_layout(scene, viewport, settings, texts))

    def reserved(self, scene: MapScene, viewport: Viewport,
                 settings: RenderSettings) -> tuple[QRectF, ...]:
        """``reserved_rects``, computed again only when the size or the options change."""
        return self._cached("reserved", ((viewport.width, viewport.height), unplaced(settings)),
                            lambda: _rounded_out(self.layout(scene, viewport, settings).rects())
                            if settings.decorations else ())

    def pixmaps(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
               dpr: float) -> Panels:
        """The legend (without its date) and attribution, and the scale bar, as small
        pixmaps and where they go (BARS_KEPT scale bars are kept, so that one made ahead
        for the next wheel notch's view is still there when it is shown)."""
        size = (viewport.width, viewport.height, dpr)

        def fixed() -> Panels:
            rects: list[QRectF] = []
            whole = canvas_pixmap(viewport, dpr, Qt.GlobalColor.transparent, lambda p: rects.extend(
                draw_decorations(p, scene, viewport, settings, date=False, scale_bar=False)))
            return [_crop(whole, r, viewport, dpr) for r in rects]

        lay = self.layout(scene, viewport, settings)

        def bar() -> Panels:               # small: drawn anew at every pan or zoom
            rect = scale_bar_rect(scene, viewport, settings, lay)
            if rect is None:
                return []
            r = rect.adjusted(-2, -2, 2, 2).toAlignedRect()
            part = QPixmap(round(r.width() * dpr), round(r.height() * dpr))
            part.setDevicePixelRatio(dpr)
            part.fill(Qt.GlobalColor.transparent)
            painter = QPainter(part)
            painter.translate(-r.x(), -r.y())
            draw_scale_bar(painter, scene, viewport, settings, lay)
            painter.end()
            return [(QPointF(r.topLeft()), part)]
        # the legend and attribution depend on the size, not on where the view is, and
        # on a date note (the swipe's "left ... · right ...") only through the legend's width
        width = None if lay.legend is None else lay.legend.width()
        key = (viewport.key(), dpr, settings.scale, without_date_line(settings))
        return (self._cached("fixed", (size, without_date_line(settings),
                                       width), fixed) + self._bars.get_or_build(key, bar))


def time_step_region(canvas, at: datetime, days: float,
                     since: datetime | None = None) -> QRegion | None:
    """The pixels of ``canvas`` that differ from its map at ``at`` with a ``days``
    window (held to ``since``): the changed areas, and the date on the legend (the
    whole legend if its key's rows changed); None when drawing everything is as cheap."""
    if canvas.scene is None or not canvas.isVisible():
        return None
    viewport, after = canvas.viewport(), canvas.render_settings()
    before = replace(after, at=at, highlight_days=days, highlight_since=since)
    region = time_change_region(canvas.scene, viewport, before, after, PARTIAL_AT_MOST)
    if region is None:
        return None
    if after.decorations:
        rekeyed = timeless(before) != timeless(after)
        if rekeyed and reserved_rects(canvas.scene, viewport, before) != \
                reserved_rects(canvas.scene, viewport, after):
            return None                 # the labels are laid out again
        for settings in (before, after):
            lay = canvas.decoration_pixmaps.layout(canvas.scene, viewport, settings)
            rect = lay.legend.adjusted(-2, -2, 2, 2) if rekeyed and lay.legend is not None \
                else date_rect(canvas.scene, viewport, settings, lay)
            region = region.united(rect.toAlignedRect())
    covered = sum(r.width() * r.height() for r in region)
    return region if covered <= PARTIAL_AT_MOST * canvas.width() * canvas.height() else None
