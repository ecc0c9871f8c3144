"""The map itself: base map (background) and the layers, recent changes and selection
(dynamic). Paths are in metres and drawn through the viewport's transform with cosmetic
pens, so line widths are in pixels whatever the zoom."""

from __future__ import annotations

import math

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEngine, QRegion

from viewer.model import Layer
from viewer.render import styles as st
from viewer.render.context_draw import draw_context
from viewer.render.front_lines import draw_front_lines
from viewer.render.big_layers import draw_big_layer
from viewer.render.draw_changes import draw_difference, draw_highlights, draw_selection
from viewer.render.fills import fill_area
from viewer.render.paths import lines_path
from viewer.render.scene import DENSE_RINGS, MapScene
from viewer.render.settings import CONTEXT, REGIONS, RenderSettings
from viewer.render.view_clip import pieces_cut_to_view
from viewer.render.viewport import Viewport

DIRTY_PAD = 2           # px: pieces this near a repainted pixel are drawn for it


def _begin(painter: QPainter, viewport: Viewport) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setTransform(viewport.transform, True)


def draw_background(painter: QPainter, scene: MapScene, viewport: Viewport,
                    settings: RenderSettings, water: bool = True) -> None:
    """Water, neighbouring countries, the situation's land, the context features (rivers,
    roads...), region borders, its outline. It changes with time only where a context
    feature starts or ends (scene.context.epoch): the window caches it. ``water=False``:
    the device is already filled with the water's colour (one pass over every pixel the
    less: 2 ms at 3200x2000)."""
    if water:
        painter.save()
        painter.fillRect(viewport.rect, st.color(st.WATER))
        painter.restore()
    _begin(painter, viewport)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if settings.shows(CONTEXT):
        painter.fillPath(scene.role_fill("context"), st.brush(st.CONTEXT_FILL))
        painter.strokePath(scene.borders_path("context"),
                           st.pen(st.CONTEXT_BORDER, settings.px(0.8)))
    painter.fillPath(scene.role_fill("region"), st.brush(st.REGION_FILL))
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
                 settings: RenderSettings, dirty: QRegion | None = None) -> None:
    """Each visible layer's state at ``settings.at`` (bottom first), then the changes of
    the highlight window (gains and losses in their own colours), then the selection.
    ``dirty``: the only pixels drawn (the painter is clipped to them), whose layers
    then fill just the pieces that meet them."""
    _begin(painter, viewport)
    layers = settings.visible_layers(scene.situation)
    boxes = dirty_boxes(viewport, dirty)
    for layer in layers:
        draw_layer(painter, scene, viewport, settings, layer, boxes)
    if settings.front_line:
        draw_front_lines(painter, scene, settings)
    if settings.compare_from is not None:
        draw_difference(painter, scene, settings, layers)
    else:
        draw_highlights(painter, scene, settings, {layer.id for layer in layers}, viewport,
                        boxes)
    draw_selection(painter, scene, settings)
    painter.restore()


def dirty_boxes(viewport: Viewport, dirty: QRegion | None) -> np.ndarray:
    """The rectangles of ``dirty`` (pixels; None: the whole view), grown by DIRTY_PAD, as
    projected boxes (minx, miny, maxx, maxy rows). A whole frame too fills only the
    pieces that meet the view: Qt rasterises a path reaching far off the image a little
    differently at the image's edges, so filling what a repaint of part of the view
    fills keeps that repaint pixel for pixel the frame drawn whole."""
    if dirty is None or QRegion(viewport.rect.toAlignedRect()).subtracted(dirty).isEmpty():
        rects = np.array([[0, 0, viewport.width - 1, viewport.height - 1]], dtype=float)
    else:
        rects = np.array([r.getCoords() for r in dirty], dtype=float).reshape(-1, 4)
    x0, y0 = viewport.to_map(rects[:, 0] - DIRTY_PAD, rects[:, 3] + 1 + DIRTY_PAD)
    x1, y1 = viewport.to_map(rects[:, 2] + 1 + DIRTY_PAD, rects[:, 1] - DIRTY_PAD)
    return np.column_stack([x0, y0, x1, y1]).reshape(-1, 4)


def draw_layer(painter: QPainter, scene: MapScene, viewport: Viewport,
               settings: RenderSettings, layer: Layer, boxes: np.ndarray | None = None) -> None:
    """``boxes``: see dirty_boxes."""
    if draw_big_layer(painter, scene, viewport, settings, layer):
        return
    opacity = settings.layer_opacity(layer)
    rings = scene.layer_rings(layer.id, settings.at)
    if rings == 0 or opacity <= 0.0:
        return
    style = st.layer_style(layer, scene.situation, settings.palette)
    dense = rings > DENSE_RINGS
    if not style.hatch:                 # a plain fill: its antialiased edge is the outline
        path = _layerfill_area(scene, viewport, settings, layer, boxes)
        fill_area(painter, path, st.brush(style.color, opacity), dense)
        return
    path = scene.layer_path(layer.id, settings.at)
    fill_area(painter, path, st.brush(style.color, opacity * st.HATCH_TINT), dense)
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


def _layerfill_area(scene: MapScene, viewport: Viewport, settings: RenderSettings, layer: Layer,
                boxes: np.ndarray | None) -> QPainterPath:
    """What of the layer's area to fill: the pieces meeting the view, or of them those
    meeting ``boxes``. Qt cuts a path that reaches farther off the device than about its
    own size before filling it, and where it cuts depends on the box it paints, which
    moves edge pixels by a shade: where the view's pieces reach that far (zoomed in),
    those reaching beyond the view are cut to it first (view_clip), for every repaint."""
    view = dirty_boxes(viewport, None)
    partial = boxes is not None and not np.array_equal(boxes, view)
    w, h = viewport.width, viewport.height
    reach = viewport.transform.mapRect(scene.layer_extent_within(layer.id, settings.at, view))
    if not QRectF(-0.9 * w, -0.9 * h, 2.8 * w, 2.8 * h).contains(reach):
        return pieces_cut_to_view(scene, layer.id, settings.at, viewport,
                                  boxes if partial else view)
    return scene.layer_path_within(layer.id, settings.at, boxes if partial else view)


def _undo(viewport: Viewport):
    inverse, _ = viewport.transform.inverted()
    return inverse


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
