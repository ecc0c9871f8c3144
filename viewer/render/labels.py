"""Labels: big cities, region names (English, Ukrainian under it when there is room),
neighbouring countries, then smaller places, each placed only where it collides with
nothing placed before it. Labels do not depend on the time shown, so a layout is
computed once per view and the window may cache the drawn labels as an overlay."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEngine

from viewer.model.text import safe_line
from viewer.render import styles as st
from viewer.render.draw_layers import draw_borders_above
from viewer.render.fonts import map_font
from viewer.render.scene import MapScene, inscribed_circles
from viewer.render.settings import CONTEXT, LABELS, PLACES, REGIONS, RenderSettings
from viewer.render.viewport import Viewport

MAJOR_CITY = 1_000_000
# (minimum population, font px, bold, dot radius px)
PLACE_TIERS = ((MAJOR_CITY, 13.0, True, 3.4), (250_000, 12.0, False, 2.8), (0, 11.0, False, 2.3))
PIXELS_PER_PLACE = 22_000        # at most one minor place label per this many pixels
LABEL_LIMIT = 80                 # characters of a name drawn on the map (safe_line)


@dataclass(frozen=True)
class Text:
    text: str
    font: QFont
    pos: QPointF                 # start of the baseline, pixels
    colour: str

    def outlines(self) -> QPainterPath:
        path = QPainterPath()
        path.addText(self.pos, self.font, self.text)
        return path


@dataclass
class Layout:
    texts: list[Text] = field(default_factory=list)
    dots: list[tuple[float, float, float, bool]] = field(default_factory=list)  # x, y, r, capital

    def add(self, text: Text) -> None:
        self.texts.append(text)


class Occupancy:
    """Rectangles already taken, in a grid of buckets so a test looks at few of them."""

    def __init__(self, cell: float):
        self.cell = cell
        self.buckets: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, rect: QRectF):
        c = self.cell
        for i in range(int(rect.left() // c), int(rect.right() // c) + 1):
            for j in range(int(rect.top() // c), int(rect.bottom() // c) + 1):
                yield i, j

    def free(self, rect: QRectF) -> bool:
        return not any(rect.intersects(other) for key in self._keys(rect)
                       for other in self.buckets.get(key, ()))

    def add(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self.buckets.setdefault(key, []).append(rect)


def place_candidates(x: float, y: float, gap: float, metrics: QFontMetricsF, text: str):
    """(baseline start, box) of a label beside a dot at (x, y), best position first:
    right, left, above, below, then the diagonals."""
    w, a, d = metrics.horizontalAdvance(text), metrics.ascent(), metrics.descent()
    mid = y + (a - d) / 2
    g = gap * 0.75
    for bx, by in ((x + gap, mid), (x - gap - w, mid), (x - w / 2, y - g - d),
                   (x - w / 2, y + g + a), (x + g, y - g - d), (x + g, y + g + a),
                   (x - g - w, y - g - d), (x - g - w, y + g + a)):
        yield QPointF(bx, by), QRectF(bx - 1, by - a - 1, w + 2, a + d + 2)


def fits_inside(geom, viewport: Viewport, rect: QRectF) -> bool:
    """Whether ``rect`` (pixels, trimmed by 10 %) lies inside ``geom`` (metres)."""
    r = rect.adjusted(rect.width() * 0.1, rect.height() * 0.1,
                      -rect.width() * 0.1, -rect.height() * 0.1)
    px = np.array([r.left(), r.center().x(), r.right()] * 3)
    py = np.repeat([r.top(), r.center().y(), r.bottom()], 3)
    x, y = viewport.to_map(px, py)
    return bool(shapely.contains_xy(geom, x, y).all())


def draw_labels(painter: QPainter, scene: MapScene, viewport: Viewport,
                settings: RenderSettings, reserved: tuple[QRectF, ...] = ()) -> None:
    """The overlay above the layers: region borders once more, then place and region
    names with white halos; ``reserved`` pixel rects (e.g. the legend) are kept free."""
    draw_borders_above(painter, scene, viewport, settings)
    if not settings.shows(LABELS):
        return
    flags = tuple(settings.shows(n) for n in (REGIONS, PLACES, CONTEXT))
    key = ("labels", viewport.key(), settings.scale, flags,
           tuple((r.x(), r.y(), r.width(), r.height()) for r in reserved))
    layout = scene.memo(key, lambda: layout_labels(scene, viewport, settings, reserved))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for x, y, r, capital in layout.dots:
        ring = st.HALO if capital else st.TEXT
        painter.setPen(st.pen(ring, settings.px(1.1 if capital else 0.9)))
        painter.setBrush(st.brush(st.TEXT if capital else st.HALO))
        painter.drawEllipse(QPointF(x, y), r, r)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    engine = painter.paintEngine().type()
    if engine == QPaintEngine.Type.Raster:
        _offset_halos(painter, layout, settings.scale)
    else:                       # vector output: a true outline, however long it takes
        halo = QPainterPath()
        for text in layout.texts:
            halo.addPath(text.outlines())
        painter.strokePath(halo, st.pen(st.HALO, settings.px(3.0), 0.9))
    as_outlines = engine == QPaintEngine.Type.SVG     # SVG output has no letter-spacing
    for text in layout.texts:
        if as_outlines:
            painter.fillPath(text.outlines(), st.brush(text.colour))
        else:
            painter.setFont(text.font)
            painter.setPen(st.color(text.colour))
            painter.drawText(text.pos, text.text)
    painter.restore()


def _offset_halos(painter: QPainter, layout: Layout, scale: float) -> None:
    """White halos from the text drawn shifted around a circle: as wide as a stroked
    outline, but from the glyph cache, so about thirty times faster."""
    radius = 1.4 * scale
    steps = 8 if scale < 1.5 else 16
    shifts = [QPointF(radius * math.cos(a), radius * math.sin(a))
              for a in (2 * math.pi * k / steps for k in range(steps))]
    painter.setPen(st.color(st.HALO, 0.9))
    for text in layout.texts:
        painter.setFont(text.font)
        for shift in shifts:
            painter.drawText(text.pos + shift, text.text)


def layout_labels(scene: MapScene, viewport: Viewport, settings: RenderSettings,
                  reserved: tuple[QRectF, ...] = ()) -> Layout:
    s = settings.scale
    bounds = viewport.rect.adjusted(4 * s, 4 * s, -4 * s, -4 * s)
    occupied = Occupancy(48.0 * s)
    for rect in reserved:
        occupied.add(rect)
    layout = Layout()
    major, minor = _visible_places(scene, viewport) if settings.shows(PLACES) else ([], [])
    for i, x, y in major:
        _place(layout, occupied, bounds, scene, i, x, y, s)
    if settings.shows(REGIONS):
        own = sorted(scene.situation.own_regions, key=lambda r: -scene.region_geometries[r.id].area)
        for region in own:
            _region(layout, occupied, bounds, scene, viewport, region, s, context=False)
    if settings.shows(CONTEXT):
        for region in scene.situation.regions:
            if region.role == "context":
                _region(layout, occupied, bounds, scene, viewport, region, s, context=True)
    cap = int(viewport.width * viewport.height / (PIXELS_PER_PLACE * s * s))
    for i, x, y in minor[:cap]:
        _place(layout, occupied, bounds, scene, i, x, y, s)
    return layout


def _visible_places(scene: MapScene, viewport: Viewport):
    places = scene.situation.places
    if not places:
        return [], []
    px, py = viewport.to_pixels(scene.place_xy[:, 0], scene.place_xy[:, 1])
    inside = (px >= 0) & (px <= viewport.width) & (py >= 0) & (py <= viewport.height)
    order = sorted(np.flatnonzero(inside).tolist(), key=lambda i: -places[i].population)
    major = [(i, float(px[i]), float(py[i])) for i in order
             if places[i].population >= MAJOR_CITY or places[i].kind == "capital"]
    chosen = {i for i, _, _ in major}
    minor = [(i, float(px[i]), float(py[i])) for i in order if i not in chosen]
    return major, minor


def _place(layout: Layout, occupied: Occupancy, bounds: QRectF, scene: MapScene,
           index: int, x: float, y: float, s: float) -> None:
    place = scene.situation.places[index]
    _, size, bold, radius = next(t for t in PLACE_TIERS if place.population >= t[0])
    radius *= s
    dot = QRectF(x - radius - s, y - radius - s, 2 * radius + 2 * s, 2 * radius + 2 * s)
    if not occupied.free(dot):
        return
    font = map_font(size * s, bold)
    metrics = QFontMetricsF(font)
    name = safe_line(place.name, LABEL_LIMIT)
    for pos, rect in place_candidates(x, y, radius + 3 * s, metrics, name):
        if bounds.contains(rect) and occupied.free(rect):
            occupied.add(rect.adjusted(-3 * s, -2 * s, 3 * s, 2 * s))
            occupied.add(dot)
            layout.dots.append((x, y, radius, place.kind == "capital"))
            layout.add(Text(name, font, pos, st.TEXT))
            return


def _region(layout: Layout, occupied: Occupancy, bounds: QRectF, scene: MapScene,
            viewport: Viewport, region, s: float, context: bool) -> None:
    geom = scene.region_geometries[region.id]
    vx0, vy0, vx1, vy1 = viewport.visible
    if not shapely.intersects(geom, shapely.box(vx0, vy0, vx1, vy1)):
        return
    x, y, radius = (float("nan"),) * 3 if context else scene.region_anchor(region.id)
    if context or not (vx0 < x < vx1 and vy0 < y < vy1):
        geom = shapely.intersection(geom, shapely.box(vx0, vy0, vx1, vy1))
        x, y, radius = inscribed_circles(np.array([geom], dtype=object))[0]
    if not np.isfinite(radius) or radius / viewport.metres_per_pixel < 10 * s:
        return
    cx, cy = viewport.to_pixels(x, y)
    name = safe_line(region.name, LABEL_LIMIT).upper()
    if context:
        lines = [(name, map_font(13 * s, False, 3.0 * s), st.CONTEXT_LABEL)]
    else:
        lines = [(name, map_font(10.5 * s, False, 1.2 * s), st.REGION_LABEL)]
        if region.name_uk:
            lines.append((safe_line(region.name_uk, LABEL_LIMIT), map_font(10 * s, False),
                          st.REGION_LABEL))
    shapely.prepare(geom)
    for count in range(len(lines), 0, -1):
        block = _block(lines[:count])
        height = sum(h for *_, h in block)
        for shift in (0.0, -height * 0.6, height * 0.6):
            top = cy - height / 2 + shift
            rect = QRectF(cx - max(w for _, _, _, w, _ in block) / 2, top,
                          max(w for _, _, _, w, _ in block), height)
            if (bounds.contains(rect) and occupied.free(rect)
                    and fits_inside(geom, viewport, rect)):
                occupied.add(rect.adjusted(-4 * s, -3 * s, 4 * s, 3 * s))
                for text, font, colour, width, h in block:
                    ascent = QFontMetricsF(font).ascent()
                    layout.add(Text(text, font, QPointF(cx - width / 2, top + ascent), colour))
                    top += h
                return


def _block(lines):
    """(text, font, colour, width, line height) for each line of a label."""
    out = []
    for text, font, colour in lines:
        metrics = QFontMetricsF(font)
        out.append((text, font, colour, metrics.horizontalAdvance(text), metrics.height()))
    return out
