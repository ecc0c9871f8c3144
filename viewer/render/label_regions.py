"""Region labels: a region is named at the centre of the largest circle inside it, or,
when that is off-screen, inside its part within the view; when its full name does not
fit inside it, a shorter one is tried ("DONETSK" for "DONETSK OBLAST"), then a smaller
font. Context regions (neighbouring countries) are named in spaced capitals."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF

from viewer.render import styles as st
from viewer.render.label_boxes import Text
from viewer.render.label_fonts import advance, label_font
from viewer.render.label_names import names_for, short_name
from viewer.render.scene_geometry import inscribed_circles
from viewer.render.viewport import Viewport

if TYPE_CHECKING:
    from viewer.render.label_layout import _Job as _JobLike

# where a region's label is tried, in label widths and heights from its point, nearest first
REGION_SHIFTS = sorted(((fx, fy) for fx in (0, -0.4, 0.4, -0.8, 0.8)
                        for fy in (0, -1.2, 1.2, -2.4, 2.4, -3.6, 3.6)),
                       key=lambda f: (f[0] ** 2 + (f[1] / 3) ** 2, f))


def place_region(job: "_JobLike", region, context: bool) -> None:
    """Name ``region`` at the centre of the largest circle inside it (or inside its part
    in view when that is off-screen), in the first of its variants that fits."""
    scene, viewport, s = job.scene, job.viewport, job.s
    geom = scene.region_geometries[region.id]
    vx0, vy0, vx1, vy1 = viewport.visible
    view = job.view_box
    if not _meets_view(scene, region.id, viewport, view):
        return
    x, y, radius = (float("nan"),) * 3 if context else scene.region_anchor(region.id)
    if context or not (vx0 < x < vx1 and vy0 < y < vy1):
        clipped = job.ahead.clip(region.id)     # worked out ahead (label_ahead)
        if clipped is None:
            geom = shapely.intersection(geom, view)
            x, y, radius = inscribed_circles(np.array([geom], dtype=object))[0]
        else:
            geom, x, y, radius = clipped
    if not np.isfinite(radius) or radius / viewport.metres_per_pixel < 8 * s:
        return
    cx, cy = viewport.to_pixels(x, y)
    shapely.prepare(geom)
    language = job.settings.language
    key = ("region label blocks", threading.get_ident(), region.id, context, s, language)
    for block, widths, heights in scene.static(key, lambda: _measured(
            _region_blocks(region, context, s, language))):
        w, h = max(widths), sum(heights)
        rect = _first_fit(job, geom, cx, cy, w, h)
        if rect is None:
            continue
        job.take(rect, 4 * s, 3 * s)
        top = rect.top()
        for (text, font, metrics, colour), width, height in zip(block, widths,
                                                                heights):
            job.layout.add(Text(text, font, QPointF(rect.center().x() - width / 2,
                                                    top + metrics.ascent()),
                                colour, width))
            top += height
        return


def _measured(blocks) -> list[tuple[list, list[float], list[float]]]:
    """Each block with its lines' advances and heights."""
    return [(block, [advance(t, f, m) for t, f, m, _ in block],
             [m.height() for _, _, m, _ in block]) for block in blocks]


def _region_blocks(region, context: bool, s: float, language: str):
    """The label variants of a region, best first: each a list of (text, font, metrics,
    colour) lines."""
    first, second = names_for(region.names, region.name, language)
    if context:
        big, small = label_font(13 * s, False, 3.0 * s), label_font(11 * s, False, 2.0 * s)
        return [[(first.upper(), *big, st.CONTEXT_LABEL)],
                [(first.upper(), *small, st.CONTEXT_LABEL)]]
    title = label_font(10.5 * s, False, 1.2 * s)
    small_title = label_font(9 * s, False, 0.8 * s)
    other = label_font(10 * s)
    full, short = first.upper(), short_name(first).upper()
    blocks = []
    if second:
        blocks.append([(full, *title, st.REGION_LABEL), (second, *other, st.REGION_LABEL)])
    blocks.append([(full, *title, st.REGION_LABEL)])
    if short != full:
        if second:
            blocks.append([(short, *title, st.REGION_LABEL),
                           (short_name(second), *other, st.REGION_LABEL)])
        blocks.append([(short, *title, st.REGION_LABEL)])
    blocks.append([(short, *small_title, st.REGION_LABEL)])
    return blocks


def _meets_view(scene, region_id: str, viewport: Viewport, view) -> bool:
    """``shapely.intersects(geom, view)`` of the region's geometry, its bounds (kept in
    the scene) asked first: most regions are far from a view zoomed in."""
    gx0, gy0, gx1, gy1 = scene.static(("region bounds", region_id),
                                      lambda: scene.region_geometries[region_id].bounds)
    vx0, vy0, vx1, vy1 = viewport.visible
    if gx0 > vx1 or gx1 < vx0 or gy0 > vy1 or gy1 < vy0:
        return False
    return bool(shapely.intersects(scene.region_geometries[region_id], view))


def _first_fit(job: "_JobLike", geom, cx: float, cy: float, w: float, h: float):
    """The first of the REGION_SHIFTS' w x h boxes about (cx, cy) inside the job's
    bounds, free and inside ``geom`` (``_fits_inside``), or None: the boxes tested as
    numbers (as QRectF.contains and Occupancy.free test them), the first one left
    against ``geom`` alone (it mostly fits), the others in one call."""
    if not (w > 0 and h > 0):           # QRectF.contains holds an empty box in nothing
        return None
    bl, bt, br, bb = job.bounds.getCoords()
    free = job.occupied.free_coords
    rects = []
    for fx, fy in REGION_SHIFTS:
        left, top = cx + fx * w - w / 2, cy + fy * h - h / 2
        right, bottom = left + w, top + h
        if bl <= left and right <= br and bt <= top and bottom <= bb and free(left, top,
                                                                               right, bottom):
            rects.append(QRectF(left, top, w, h))
            if len(rects) == 1 and _fit_all(geom, job.viewport, rects)[0]:
                return rects[0]
    if len(rects) < 2:
        return None
    fits = _fit_all(geom, job.viewport, rects[1:])
    return next((rect for rect, ok in zip(rects[1:], fits) if ok), None)


def _fit_all(geom, viewport: Viewport, rects: list[QRectF]) -> np.ndarray:
    """``_fits_inside`` of each of ``rects``, in one call."""
    px, py = [], []
    for rect in rects:
        c = rect.center()
        px += [c.x(), rect.left() + 0.2 * rect.width(), rect.right() - 0.2 * rect.width(),
               c.x(), c.x()]
        py += [c.y(), c.y(), c.y(), rect.top() + 0.25 * rect.height(),
               rect.bottom() - 0.25 * rect.height()]
    x, y = viewport.to_map(np.array(px), np.array(py))
    return shapely.contains_xy(geom, x, y).reshape(-1, 5).all(axis=1)


def _fits_inside(geom, viewport: Viewport, rect: QRectF) -> bool:
    """Whether the middle of ``rect`` (pixels) lies inside ``geom`` (metres): its centre,
    points a fifth of the width in from either end and a quarter of the height in from
    top and bottom."""
    c = rect.center()
    px = np.array([c.x(), rect.left() + 0.2 * rect.width(), rect.right() - 0.2 * rect.width(),
                   c.x(), c.x()])
    py = np.array([c.y(), c.y(), c.y(), rect.top() + 0.25 * rect.height(),
                   rect.bottom() - 0.25 * rect.height()])
    x, y = viewport.to_map(px, py)
    return bool(shapely.contains_xy(geom, x, y).all())
