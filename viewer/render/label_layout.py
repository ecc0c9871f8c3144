"""Where the labels go: big cities, region names, neighbouring countries, then smaller
places by population, each placed only where it collides with nothing placed before it
(an occupancy grid), inside the view and clear of the decorations.

Density follows the zoom: a place is a candidate only above a population that falls as
the view closes in (MIN_POPULATION), and at most one minor place label is placed per
PIXELS_PER_PLACE pixels. A region is named at the centre of the largest circle inside it,
or, when that is off-screen, inside its part within the view; when its full name does
not fit inside it, a shorter one is tried ("DONETSK" for "DONETSK OBLAST"), then a
smaller font. Names are in the settings' language, with the other language as a second
line where there is room. ``Layout.boxes`` holds every placed label's box (pixels).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from viewer.model.text import safe_line
from viewer.render import styles as st
from viewer.render.fonts import map_font
from viewer.render.scene import MAJOR_CITY, MapScene, inscribed_circles
from viewer.render.settings import CONTEXT, PLACES, REGIONS, RenderSettings
from viewer.render.viewport import Viewport

# (minimum population, font px, bold, dot radius px)
PLACE_TIERS = ((MAJOR_CITY, 13.0, True, 3.4), (250_000, 12.0, False, 2.8),
               (50_000, 11.0, False, 2.3), (0, 10.5, False, 2.0))
PIXELS_PER_PLACE = 16_000        # at most one minor place label per this many pixels
MAX_TRIES = 3_000                # minor places tried per layout, most populous first
# (metres per pixel at or above which, smallest population shown)
MIN_POPULATION = ((2_000.0, 50_000), (800.0, 10_000), (300.0, 2_000), (0.0, 0))
TOWN_FIRST_MPP, TOWN_FIRST = 300.0, 10_000   # zoomed in this far, towns go before regions
SECOND_LINE_POPULATION = 250_000  # places this big get their other-language name ...
SECOND_LINE_MPP = 60.0            # ... and every place once zoomed in this far
# where a region's label is tried, in label widths and heights from its point, nearest first
REGION_SHIFTS = sorted(((fx, fy) for fx in (0, -0.4, 0.4, -0.8, 0.8)
                        for fy in (0, -1.2, 1.2, -2.4, 2.4, -3.6, 3.6)),
                       key=lambda f: (f[0] ** 2 + (f[1] / 3) ** 2, f))
LABEL_LIMIT = 80                  # characters of a name drawn on the map (safe_line)
OTHER_LANGUAGE = {"en": "uk", "uk": "en"}


@dataclass(frozen=True)
class Text:
    text: str
    font: QFont
    pos: QPointF                 # start of the baseline, pixels
    colour: str
    width: float = 0.0           # advance with the font's letter spacing


@dataclass
class Layout:
    texts: list[Text] = field(default_factory=list)
    dots: list[tuple[float, float, float, bool]] = field(default_factory=list)  # x, y, r, capital
    boxes: list[QRectF] = field(default_factory=list)   # each placed label, pixels
    placed: list[int] = field(default_factory=list)     # indices of the places labelled
    place_boxes: list[QRectF] = field(default_factory=list)  # their names' boxes, in step

    def add(self, text: Text) -> None:
        self.texts.append(text)


class Occupancy:
    """Rectangles already taken, in a grid of buckets so a test looks at few of them."""

    def __init__(self, cell: float):
        self.cell = cell
        self.buckets: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, rect: QRectF) -> list[tuple[int, int]]:
        c = self.cell
        left, top, right, bottom = rect.getCoords()
        js = range(int(top // c), int(bottom // c) + 1)
        return [(i, j) for i in range(int(left // c), int(right // c) + 1) for j in js]

    def free(self, rect: QRectF) -> bool:
        buckets = self.buckets
        for key in self._keys(rect):
            for other in buckets.get(key, ()):
                if rect.intersects(other):
                    return False
        return True

    def add(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self.buckets.setdefault(key, []).append(rect)


def _font(size: float, bold: bool = False, spacing: float = 0.0) -> tuple[QFont, QFontMetricsF]:
    """The label font and its metrics, made once per thread: a QFont is reentrant, not
    thread-safe, and an animation is drawn in a worker while the window draws too."""
    return _thread_font(threading.get_ident(), size, bold, spacing)


@lru_cache(maxsize=128)
def _thread_font(thread: int, size: float, bold: bool, spacing: float
                 ) -> tuple[QFont, QFontMetricsF]:
    font = map_font(size, bold, spacing)
    return font, QFontMetricsF(font)


_ADVANCES: dict[tuple[str, str], float] = {}
_FONT_KEYS: dict[int, tuple[QFont, str]] = {}


def _font_key(font: QFont) -> str:
    """``font.key()``, remembered for the few fonts ``_font`` makes (each kept here with
    its key, so its id is never reused for another)."""
    hit = _FONT_KEYS.get(id(font))
    if hit is None or hit[0] is not font:
        if len(_FONT_KEYS) > 256:
            _FONT_KEYS.clear()
        hit = _FONT_KEYS[id(font)] = (font, font.key())
    return hit[1]


def advance(text: str, font: QFont, metrics: QFontMetricsF) -> float:
    """``metrics.horizontalAdvance(text)``, remembered: the same names come back at
    every zoom step, and asking Qt costs more than the rest of placing a label."""
    key = (text, _font_key(font))
    width = _ADVANCES.get(key)
    if width is None:
        if len(_ADVANCES) > 50_000:
            _ADVANCES.clear()
        width = _ADVANCES[key] = metrics.horizontalAdvance(text)
    return width


def names_for(names: dict[str, str], fallback: str, language: str) -> tuple[str, str]:
    """(name in ``language``, name in the other language or "") of a names map."""
    first = names.get(language) or fallback
    second = names.get(OTHER_LANGUAGE.get(language, "en"), "")
    return safe_line(first, LABEL_LIMIT), (safe_line(second, LABEL_LIMIT)
                                           if second and second != first else "")


def short_name(name: str) -> str:
    """A region's name without its kind: "Donetsk Oblast" -> "Donetsk",
    "Autonomous Republic of Crimea" -> "Crimea", "Донецька область" -> "Донецька"."""
    out = re.sub(r"^(Autonomous Republic of|Republic of|м\.)\s+", "", name.strip())
    out = re.sub(r"\s+(Oblast|Region|Province|Raion|область|район)$", "", out, flags=re.I)
    return out or name


def min_population(viewport: Viewport, scale: float) -> int:
    mpp = viewport.metres_per_pixel * scale
    return next(pop for limit, pop in MIN_POPULATION if mpp >= limit)


def layout_labels(scene: MapScene, viewport: Viewport, settings: RenderSettings,
                  reserved: tuple[QRectF, ...] = ()) -> Layout:
    s = settings.scale
    job = _Job(scene, viewport, settings, Occupancy(48.0 * s))
    for rect in reserved:
        job.occupied.add(rect)
    major, minor = _visible_places(scene, viewport, s) if settings.shows(PLACES) else ([], [])
    for i, x, y in major:
        job.place(i, x, y)
    if settings.shows(REGIONS):
        own = sorted(scene.situation.own_regions, key=lambda r: -scene.region_geometries[r.id].area)
        for region in own:
            job.region(region, context=False)
    if settings.shows(CONTEXT):
        for region in scene.situation.regions:
            if region.role == "context":
                job.region(region, context=True)
    cap = int(viewport.width * viewport.height / (PIXELS_PER_PLACE * s * s))
    placed = 0
    for i, x, y in minor[:MAX_TRIES]:
        placed += job.place(i, x, y)
        if placed >= cap:
            break
    return job.layout


def _visible_places(scene: MapScene, viewport: Viewport, scale: float):
    """(index, x, y) of the places in view above the zoom's population floor, biggest
    first: the major ones (capital, a million or more; zoomed in, towns too) and the rest."""
    places = scene.situation.places
    if not places:
        return [], []
    px, py = viewport.to_pixels(scene.place_xy[:, 0], scene.place_xy[:, 1])
    pop = scene.place_population
    inside = ((px >= 0) & (px <= viewport.width) & (py >= 0) & (py <= viewport.height)
              & ((pop >= min_population(viewport, scale)) | scene.place_major))
    index = np.flatnonzero(inside)
    index = index[np.lexsort((index, -pop[index]))]
    major = scene.place_major[index]
    if viewport.metres_per_pixel * scale < TOWN_FIRST_MPP:
        major |= pop[index] >= TOWN_FIRST
    return ([(int(i), float(px[i]), float(py[i])) for i in index[major]],
            [(int(i), float(px[i]), float(py[i])) for i in index[~major]])


class _Job:
    def __init__(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
                 occupied: Occupancy):
        self.scene, self.viewport, self.settings, self.occupied = scene, viewport, settings, occupied
        self.s = settings.scale
        self.bounds = viewport.rect.adjusted(4 * self.s, 4 * self.s, -4 * self.s, -4 * self.s)
        self.layout = Layout()
        self.second_lines = viewport.metres_per_pixel * self.s < SECOND_LINE_MPP

    def _take(self, rect: QRectF, pad_x: float, pad_y: float) -> None:
        self.occupied.add(rect.adjusted(-pad_x, -pad_y, pad_x, pad_y))
        self.layout.boxes.append(rect)

    def place(self, index: int, x: float, y: float) -> bool:
        s = self.s
        place = self.scene.situation.places[index]
        _, size, bold, radius = next(t for t in PLACE_TIERS if place.population >= t[0])
        radius *= s
        dot = QRectF(x - radius - s, y - radius - s, 2 * radius + 2 * s, 2 * radius + 2 * s)
        if not self.occupied.free(dot):
            return False
        first, second = names_for(place.names, place.name, self.settings.language)
        font, metrics = _font(size * s, bold)
        lines = [(first, font, metrics)]
        if second and (self.second_lines or place.population >= SECOND_LINE_POPULATION):
            small = _font((size - 1.5) * s)
            lines.append((second, *small))
        for count in range(len(lines), 0, -1):
            for pos, rect in _beside(x, y, radius + 3 * s, lines[:count]):
                if self.bounds.contains(rect) and self.occupied.free(rect):
                    self._take(rect, 3 * s, 2 * s)
                    self.occupied.add(dot)
                    self.layout.dots.append((x, y, radius, place.kind == "capital"))
                    self.layout.placed.append(index)
                    self.layout.place_boxes.append(rect)
                    for (text, f, m), p in zip(lines[:count], pos):
                        self.layout.add(Text(text, f, p, st.TEXT, advance(text, f, m)))
                    return True
        return False

    def region(self, region, context: bool) -> None:
        scene, viewport, s = self.scene, self.viewport, self.s
        geom = scene.region_geometries[region.id]
        vx0, vy0, vx1, vy1 = viewport.visible
        view = shapely.box(vx0, vy0, vx1, vy1)
        if not shapely.intersects(geom, view):
            return
        x, y, radius = (float("nan"),) * 3 if context else scene.region_anchor(region.id)
        if context or not (vx0 < x < vx1 and vy0 < y < vy1):
            geom = shapely.intersection(geom, view)
            x, y, radius = inscribed_circles(np.array([geom], dtype=object))[0]
        if not np.isfinite(radius) or radius / viewport.metres_per_pixel < 8 * s:
            return
        cx, cy = viewport.to_pixels(x, y)
        shapely.prepare(geom)
        for block in _region_blocks(region, context, s, self.settings.language):
            widths = [advance(t, f, m) for t, f, m, _ in block]
            heights = [m.height() for _, _, m, _ in block]
            w, h = max(widths), sum(heights)
            for fx, fy in REGION_SHIFTS:
                rect = QRectF(cx + fx * w - w / 2, cy + fy * h - h / 2, w, h)
                if (self.bounds.contains(rect) and self.occupied.free(rect)
                        and _fits_inside(geom, viewport, rect)):
                    self._take(rect, 4 * s, 3 * s)
                    top = rect.top()
                    for (text, font, metrics, colour), width, height in zip(block, widths, heights):
                        self.layout.add(Text(text, font, QPointF(rect.center().x() - width / 2,
                                                                 top + metrics.ascent()),
                                             colour, width))
                        top += height
                    return


def _region_blocks(region, context: bool, s: float, language: str):
    """The label variants of a region, best first: each a list of (text, font, metrics,
    colour) lines."""
    first, second = names_for(region.names, region.name, language)
    if context:
        big, small = _font(13 * s, False, 3.0 * s), _font(11 * s, False, 2.0 * s)
        return [[(first.upper(), *big, st.CONTEXT_LABEL)],
                [(first.upper(), *small, st.CONTEXT_LABEL)]]
    title, small_title = _font(10.5 * s, False, 1.2 * s), _font(9 * s, False, 0.8 * s)
    other = _font(10 * s)
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


def _beside(x: float, y: float, gap: float, lines):
    """(baselines, box) of a label of one or two lines beside a dot at (x, y), best
    position first: right, left, above, below, then the diagonals."""
    widths = [advance(t, f, m) for t, f, m in lines]
    w = max(widths)
    a, d = lines[0][2].ascent(), lines[0][2].descent()
    extra = sum(m.height() for _, _, m in lines[1:])
    mid = y + (a - d - extra) / 2
    g = gap * 0.75
    for bx, by, centred in ((x + gap, mid, False), (x - gap - w, mid, False),
                            (x - w / 2, y - g - d - extra, True), (x - w / 2, y + g + a, True),
                            (x + g, y - g - d - extra, False), (x + g, y + g + a, False),
                            (x - g - w, y - g - d - extra, False), (x - g - w, y + g + a, False)):
        positions, base = [], by
        for (text, _, m), width in zip(lines, widths):
            indent = (w - width) / 2 if centred else (w - width if bx < x - gap / 2 else 0.0)
            positions.append(QPointF(bx + indent, base))
            base += m.height()
        yield positions, QRectF(bx - 1, by - a - 1, w + 2, a + d + extra + 2)


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
