"""The map itself: base map (background) and the layers, recent changes and selection
(dynamic). Paths are in metres and drawn through the viewport's transform with cosmetic
pens, so line widths are in pixels whatever the zoom."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPaintEngine, QPen

from viewer.model import Layer
from viewer.render import styles as st
from viewer.render.context_draw import draw_context
from viewer.render.front_lines import draw_front_lines
from viewer.render.big_layers import draw_big_layer, draw_big_window
from viewer.render.paths import lines_path
from viewer.render.scene import DENSE_RINGS, MapScene
from viewer.render.settings import CONTEXT, REGIONS, RenderSettings
from viewer.render.viewport import Viewport


def _begin(painter: QPainter, viewport: Viewport) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setTransform(viewport.transform, True)


def draw_background(painter: QPainter, scene: MapScene, viewport: Viewport,
                    settings: RenderSettings) -> None:
    """Water, neighbouring countries, the situation's land, the context features (rivers,
    roads...), region borders, its outline. It changes with time only where a context
    feature starts or ends (scene.context.epoch): the window caches it."""
    painter.save()
    painter.fillRect(viewport.rect, st.color(st.WATER))
    painter.restore()
    _begin(painter, viewport)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if settings.shows(CONTEXT):
        painter.fillPath(scene.role_path("context"), st.brush(st.CONTEXT_FILL))
        painter.strokePath(scene.borders_path("context"),
                           st.pen(st.CONTEXT_BORDER, settings.px(0.8)))
    painter.fillPath(scene.role_path("region"), st.brush(st.REGION_FILL))
    draw_context(painter, scene, viewport, settings)
    if settings.shows(REGIONS):
        painter.strokePath(scene.borders_path("region"), st.pen(st.REGION_BORDER, settings.px(0.7)))
    # 1 px: the raster engine strokes wider cosmetic lines some 60x slower (9.5 ms here)
    painter.strokePath(scene.outline_path(), st.pen(st.COUNTRY_BORDER, settings.px(1.0)))
    painter.restore()


def draw_borders_above(painter: QPainter, scene: MapScene, viewport: Viewport,
                       settings: RenderSettings) -> None:
    """Region borders once more, thin and translucent, above the layers: where an
    advance lies relative to a border is often the whole story."""
    if not settings.shows(REGIONS):
        return
    _begin(painter, viewport)
    painter.strokePath(scene.borders_path("region"),
                       st.pen(st.COUNTRY_BORDER, settings.px(0.8), 0.55))
    painter.restore()


def draw_dynamic(painter: QPainter, scene: MapScene, viewport: Viewport,
                 settings: RenderSettings) -> None:
    """Each visible layer's state at ``settings.at`` (bottom first), then the changes of
    the highlight window (gains and losses in their own colours), then the selection."""
    _begin(painter, viewport)
    layers = settings.visible_layers(scene.situation)
    for layer in layers:
        draw_layer(painter, scene, viewport, settings, layer)
    if settings.front_line:
        draw_front_lines(painter, scene, settings)
    if settings.compare_from is not None:
        draw_difference(painter, scene, settings, layers)
    else:
        draw_highlights(painter, scene, settings, {layer.id for layer in layers}, viewport)
    draw_selection(painter, scene, settings)
    painter.restore()


def draw_layer(painter: QPainter, scene: MapScene, viewport: Viewport,
               settings: RenderSettings, layer: Layer) -> None:
    if draw_big_layer(painter, scene, viewport, settings, layer):
        return
    path = scene.layer_path(layer.id, settings.at)
    opacity = settings.layer_opacity(layer)
    if path.isEmpty() or opacity <= 0.0:
        return
    style = st.layer_style(layer, scene.situation, settings.palette)
    dense = scene.layer_rings(layer.id, settings.at) > DENSE_RINGS
    if not style.hatch:                 # a plain fill: its antialiased edge is the outline
        _fill(painter, path, st.brush(style.color, opacity), dense)
        return
    _fill(painter, path, st.brush(style.color, opacity * st.HATCH_TINT), dense)
    line_pen = st.pen(style.color, settings.px(st.HATCH_WIDTH), min(1.0, opacity * 1.8))
    line_pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if painter.paintEngine().type() == QPaintEngine.Type.SVG:
        # SVG output has no clipping: cut the hatch lines to the area geometrically.
        painter.strokePath(_hatch_cut(scene, viewport, settings, layer), line_pen)
    else:
        painter.save()
        painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
        painter.setTransform(_undo(viewport) * painter.transform())   # back to pixels
        area = viewport.transform.mapRect(path.boundingRect())
        painter.strokePath(hatch_lines(viewport, area, settings.px(st.HATCH_SPACING)), line_pen)
        painter.restore()
    dash = st.pen(st.outline_color(style), settings.px(1.0), min(1.0, opacity + 0.4),
                  Qt.PenStyle.DashLine)
    dash.setDashPattern([4.0, 3.0])
    painter.strokePath(scene.layer_outline(layer.id, settings.at), dash)


def _undo(viewport: Viewport):
    inverse, _ = viewport.transform.inverted()
    return inverse


def _fill(painter: QPainter, path: QPainterPath, brush, dense: bool) -> None:
    """Fill ``path``; a dense one (more than DENSE_RINGS rings) without antialiasing."""
    if not dense:
        painter.fillPath(path, brush)
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillPath(path, brush)
    painter.restore()


def hatch_segments(viewport: Viewport, area: QRectF, spacing: float) -> np.ndarray:
    """Diagonal lines ("/") ``spacing`` pixels apart covering ``area`` (pixels, clipped to
    the viewport) as an (n, 2, 2) array of end points, anchored to the map so they do
    not crawl when the view pans."""
    area = area.intersected(viewport.rect).adjusted(-2, -2, 2, 2)
    if area.isEmpty():
        return np.empty((0, 2, 2))
    ox, oy = viewport.to_pixels(0.0, 0.0)
    phase = math.fmod(ox + oy, spacing)
    lo = math.floor((area.left() + area.top() - phase) / spacing)
    hi = math.ceil((area.right() + area.bottom() - phase) / spacing)
    c = phase + np.arange(lo, hi + 1) * spacing          # each line is x + y = c
    left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
    y0 = np.maximum(top, c - right)                       # cut to the area's box
    y1 = np.minimum(bottom, c - left)
    ok = y1 > y0
    c, y0, y1 = c[ok], y0[ok], y1[ok]
    return np.stack([np.column_stack([c - y0, y0]), np.column_stack([c - y1, y1])], axis=1)


def hatch_lines(viewport: Viewport, area: QRectF, spacing: float) -> QPainterPath:
    path = QPainterPath()
    for (x0, y0), (x1, y1) in hatch_segments(viewport, area, spacing).tolist():
        path.moveTo(x0, y0)
        path.lineTo(x1, y1)
    return path


def _hatch_cut(scene: MapScene, viewport: Viewport, settings: RenderSettings,
               layer: Layer) -> QPainterPath:
    """Hatch lines intersected with the layer's pieces, in metres (for SVG)."""
    index = layer.history.state_index(settings.at)
    spacing = settings.px(st.HATCH_SPACING)

    def build() -> QPainterPath:
        pieces = scene.layer_geometry(layer.id, settings.at)
        minx, miny, maxx, maxy = shapely.total_bounds(pieces)
        x0, y1 = viewport.to_pixels(minx, miny)
        x1, y0 = viewport.to_pixels(maxx, maxy)
        pts = hatch_segments(viewport, QRectF(QPointF(x0, y0), QPointF(x1, y1)), spacing)
        if len(pts) == 0:
            return QPainterPath()
        mx, my = viewport.to_map(pts[..., 0], pts[..., 1])
        segments = shapely.multilinestrings(shapely.linestrings(np.stack([mx, my], axis=-1)))
        return lines_path(shapely.intersection(segments, pieces))
    return scene.memo(("hatch", layer.id, index, viewport.key(), spacing), build)


def highlight_ids(scene: MapScene, settings: RenderSettings, visible: set[str]) -> tuple[str, ...]:
    """The changes highlighted: those of the window (at - days, at] on visible layers."""
    days = settings.days(scene.situation)
    if days <= 0:
        return ()
    return tuple(c.id for c in scene.situation.recent_changes(settings.at, days)
                 if c.layer_id in visible)


def draw_highlights(painter: QPainter, scene: MapScene, settings: RenderSettings,
                    visible: set[str], viewport: Viewport) -> None:
    """The highlight window's gains and losses, each merged into one area with one
    outline (not an outline per day)."""
    ids = highlight_ids(scene, settings, visible)
    if settings.dimmed_changes:
        dimmed = tuple(c for c in ids if c in settings.dimmed_changes)
        ids = tuple(c for c in ids if c not in settings.dimmed_changes)
        if dimmed:
            draw_dimmed(painter, scene, settings, dimmed)
    if not ids:
        return
    gain, loss = st.change_colours(settings.palette)
    alpha = st.highlight_opacity(settings.palette)
    if draw_big_window(painter, scene, viewport, ids,
                       (st.color(gain, alpha), st.color(loss, alpha)),
                       lambda t: highlight_ids(scene, replace(settings, at=t), visible)):
        return
    gained, lost = scene.window_paths(("highlight", ids), lambda: scene.merged_change_paths(ids))
    dense = sum(len(scene.change_bounds(c)) for c in ids) > DENSE_RINGS
    for side, path, colour in ((1, lost, loss), (0, gained, gain)):
        if not path.isEmpty():
            _fill(painter, path, st.brush(colour, st.highlight_opacity(settings.palette)), dense)
            # dense: a hairline, whose stroke costs no stroker and no antialiasing
            pen = st.pen(colour, 0.0 if dense else settings.px(1.8), 0.95)
            if dense:
                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            _edge(painter, scene, ("highlight", ids, side), path, pen)
            if dense:
                painter.restore()


def draw_dimmed(painter: QPainter, scene: MapScene, settings: RenderSettings,
                ids: tuple[str, ...]) -> None:
    """Changes the report filter leaves out: a faint grey area with a dashed edge."""
    gained, lost = scene.window_paths(("highlight", ids), lambda: scene.merged_change_paths(ids))
    pen = st.pen(st.DIMMED, settings.px(1.0), 0.8, Qt.PenStyle.DashLine)
    for path in (lost, gained):
        if not path.isEmpty():
            painter.fillPath(path, st.brush(st.DIMMED, st.DIMMED_OPACITY))
            painter.strokePath(path, pen)


def draw_difference(painter: QPainter, scene: MapScene, settings: RenderSettings,
                    layers: list[Layer], paths=None) -> None:
    """The ground each layer gained since ``settings.compare_from`` (and, with
    ``show_lost``, lost), each as one area with one outline; ``paths(layer id, a, b)``:
    where those areas come from (default: measured now, ``scene.difference_paths``)."""
    gain, loss = st.change_colours(settings.palette)
    paths = paths or scene.difference_paths
    for layer in layers:
        gained, lost = paths(layer.id, settings.compare_from, settings.at)
        sides = [(1, lost, loss)] if settings.show_lost else []
        for side, path, colour in sides + [(0, gained, gain)]:
            if not path.isEmpty():
                painter.fillPath(path, st.brush(colour, st.DIFFERENCE_OPACITY))
                _edge(painter, scene, ("difference", layer.id, settings.compare_from,
                                       settings.at, side), path,
                      st.pen(colour, settings.px(1.4), 0.95))


def _edge(painter: QPainter, scene: MapScene, key: tuple, path: QPainterPath,
          pen: QPen) -> None:
    """Stroke ``path`` with a cosmetic ``pen``. The raster engine strokes lines wider than
    a pixel slowly (about 1.8 ms for a week of DeepState changes): there the outline is
    stroked once per zoom level into an area, and that area filled (about 0.6 ms)."""
    if pen.widthF() <= 1.0 or painter.paintEngine().type() != QPaintEngine.Type.Raster:
        painter.strokePath(path, pen)
        return
    scale = math.sqrt(abs(painter.deviceTransform().determinant()))
    if not scale > 0:
        return
    width = round(pen.widthF() / scale, 9)          # the cosmetic width, in path units

    def build() -> QPainterPath:
        stroker = QPainterPathStroker(pen)
        stroker.setWidth(width)
        stroker.setJoinStyle(Qt.PenJoinStyle.BevelJoin)   # no arcs: round looks the same
        stroker.setCapStyle(Qt.PenCapStyle.FlatCap)       # at this width, with fewer vertices
        return stroker.createStroke(path)
    painter.fillPath(scene.edge_path(key + (width,), build), pen.brush())


def draw_selection(painter: QPainter, scene: MapScene, settings: RenderSettings) -> None:
    for change_id in sorted(settings.selected_changes):
        try:
            paths = scene.change_paths(change_id)
        except KeyError:            # not a change of this situation
            continue
        for path in paths:
            if not path.isEmpty():
                painter.strokePath(path, st.pen(st.HALO, settings.px(4.0), 0.9))
                painter.strokePath(path, st.pen(st.SELECTED, settings.px(2.0)))
