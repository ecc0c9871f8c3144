"""Where the labels go: big cities, region names, neighbouring countries, then smaller
places by population, each placed only where it collides with nothing placed before it
(an occupancy grid), inside the view and clear of the decorations.

Density follows the zoom: a place is a candidate only above a population that falls as
the view closes in (MIN_POPULATION), and at most one minor place label is placed per
PIXELS_PER_PLACE pixels. Regions are placed by label_regions, the names chosen by
label_names, the texts measured by label_fonts; what a layout holds is label_boxes.
Names are in the settings' language, with the other language as a second line where
there is room. ``Layout.boxes`` holds every placed label's box (pixels).
"""

from __future__ import annotations

import threading

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from viewer.render import styles as st
from viewer.render.label_boxes import Layout, Occupancy, Text
from viewer.render.label_ahead import Ahead
from viewer.render.label_fonts import advance, label_font
from viewer.render.label_names import names_for, short_name
from viewer.render.label_regions import place_region
from viewer.render.scene import MAJOR_CITY, MapScene
from viewer.render.settings import CONTEXT, PLACES, REGIONS, RenderSettings
from viewer.render.viewport import Viewport

__all__ = ["Layout", "Occupancy", "Text", "first_label", "layout_labels", "names_for",
           "short_name"]

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
FIRST_LABEL_FURTHER = (1.0, 1.6, 2.4)   # first_label's distances, in mark radii


def min_population(viewport: Viewport, scale: float) -> int:
    mpp = viewport.metres_per_pixel * scale
    return next(pop for limit, pop in MIN_POPULATION if mpp >= limit)


def layout_labels(scene: MapScene, viewport: Viewport, settings: RenderSettings,
                  reserved: tuple[QRectF, ...] = ()) -> Layout:
    s = settings.scale
    job = _Job(scene, viewport, settings, Occupancy(48.0 * s))
    for rect in reserved:
        job.occupied.add(rect)
    major, minor = ([], [])
    if settings.shows(PLACES):
        major, minor = job.ahead.places() or visible_places(scene, viewport, s)
    for i, x, y in major:
        job.place(i, x, y)
    if settings.shows(REGIONS):
        own = sorted(scene.situation.own_regions, key=lambda r: -scene.region_geometries[r.id].area)
        for region in own:
            place_region(job, region, context=False)
    if settings.shows(CONTEXT):
        for region in scene.situation.regions:
            if region.role == "context":
                place_region(job, region, context=True)
    cap = int(viewport.width * viewport.height / (PIXELS_PER_PLACE * s * s))
    placed = 0
    for i, x, y in minor:                       # the first MAX_TRIES
        placed += job.place(i, x, y)
        if placed >= cap:
            break
    return job.layout


def visible_places(scene: MapScene, viewport: Viewport, scale: float):
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
    return _triples(index[major], px, py), _triples(index[~major][:MAX_TRIES], px, py)


def _triples(index: np.ndarray, px: np.ndarray, py: np.ndarray) -> list[tuple[int, float, float]]:
    return list(zip(index.tolist(), px[index].tolist(), py[index].tolist()))


class _Job:
    def __init__(self, scene: MapScene, viewport: Viewport, settings: RenderSettings,
                 occupied: Occupancy):
        self.scene, self.viewport, self.settings, self.occupied = scene, viewport, settings, occupied
        self.s = settings.scale
        self.bounds = viewport.rect.adjusted(4 * self.s, 4 * self.s, -4 * self.s, -4 * self.s)
        self.layout = Layout()
        self.view_box = shapely.box(*viewport.visible)     # for the regions' labels
        self.ahead = Ahead(scene, viewport, self.s)         # worked out ahead, if it was
        self.second_lines = viewport.metres_per_pixel * self.s < SECOND_LINE_MPP
        self.bounds_coords = self.bounds.getCoords()
        self.shapes = scene.static(("label shapes", threading.get_ident(), settings.language,
                                    self.s, self.second_lines), dict)

    def take(self, rect: QRectF, pad_x: float, pad_y: float) -> None:
        self.occupied.add(rect.adjusted(-pad_x, -pad_y, pad_x, pad_y))
        self.layout.boxes.append(rect)

    def place(self, index: int, x: float, y: float) -> bool:
        s = self.s
        radius, lines, capital, shapes = self._shapes(index)
        dot_left, dot_top, dot_size = x - radius - s, y - radius - s, 2 * radius + 2 * s
        dot_coords = (dot_left, dot_top, dot_left + dot_size, dot_top + dot_size)
        free = self.occupied.free_coords
        if not free(*dot_coords):
            return False
        bl, bt, br, bb = self.bounds_coords
        for count, gap, g, w, half, a, d, extra, box_w, box_h in shapes:
            mid, up, down = y + half, y - g - d - extra, y + g + a
            # right, left, above, below, then the diagonals (as ``_beside``)
            for bx, by, centred in ((x + gap, mid, False), (x - gap - w, mid, False),
                                    (x - w / 2, up, True), (x - w / 2, down, True),
                                    (x + g, up, False), (x + g, down, False),
                                    (x - g - w, up, False), (x - g - w, down, False)):
                left, top = bx - 1, by - a - 1
                right, bottom = left + box_w, top + box_h
                # as QRectF.contains and Occupancy.free test the box, without making it
                if (bl <= left and right <= br and bt <= top and bottom <= bb
                        and free(left, top, right, bottom)):
                    self._placed(index, x, y, radius, capital, dot_coords,
                                 QRectF(left, top, box_w, box_h), lines[:count],
                                 (bx, by, centred))
                    return True
        return False

    def _placed(self, index: int, x: float, y: float, radius: float, capital: bool,
                dot_coords, rect: QRectF, lines, at) -> None:
        s = self.s
        self.take(rect, 3 * s, 2 * s)
        self.occupied.add_coords(*dot_coords)
        layout = self.layout
        layout.dots.append((x, y, radius, capital))
        layout.placed.append(index)
        layout.place_boxes.append(rect)
        for (text, f, _m, width), p in zip(lines, _baselines(x, *at, lines, radius + 3 * s)):
            layout.add(Text(text, f, p, st.TEXT, width))

    def _shapes(self, index: int) -> tuple[float, list, bool, list]:
        """``_lines`` with, for each count of its lines tried (all, then fewer), what
        its boxes beside the dot are made of: (count, gap, gap * 0.75, width, (ascent - descent
        - extra) / 2, ascent, descent, extra, box width, box height), kept beside them."""
        hit = self.shapes.get(index)
        if hit is None:
            radius, lines, capital = self._lines(index)
            gap, shapes = radius + 3 * self.s, []
            for count in range(len(lines), 0, -1):
                shown = lines[:count]
                w = max(line[3] for line in shown)
                a, d = shown[0][2].ascent(), shown[0][2].descent()
                extra = sum(line[2].height() for line in shown[1:])
                shapes.append((count, gap, gap * 0.75, w, (a - d - extra) / 2, a, d, extra,
                               w + 2, a + d + extra + 2))
            hit = self.shapes[index] = (radius, lines, capital, shapes)
        return hit

    def _lines(self, index: int) -> tuple[float, list, bool]:
        """(dot radius, the lines its label may show: (text, font, metrics, advance),
        whether a capital) of ``situation.places[index]`` for this layout's language,
        scale and zoom, kept in the scene: the same places are tried at every zoom step."""
        key = ("label lines", threading.get_ident(), self.settings.language, self.s,
               self.second_lines)
        known = self.scene.static(key, dict)
        hit = known.get(index)
        if hit is None:
            s = self.s
            place = self.scene.situation.places[index]
            _, size, bold, radius = next(t for t in PLACE_TIERS if place.population >= t[0])
            first, second = names_for(place.names, place.name, self.settings.language)
            font, metrics = label_font(size * s, bold)
            lines = [(first, font, metrics, advance(first, font, metrics))]
            if second and (self.second_lines or place.population >= SECOND_LINE_POPULATION):
                small, small_metrics = label_font((size - 1.5) * s)
                lines.append((second, small, small_metrics,
                              advance(second, small, small_metrics)))
            hit = known[index] = (radius * s, lines, place.kind == "capital")
        return hit


def _baselines(x: float, bx: float, by: float, centred: bool, lines, gap: float) -> list[QPointF]:
    """Where each line of a label at (bx, by) starts, as ``_beside`` places them."""
    w = max(line[3] for line in lines)
    positions, base = [], by
    for _text, _font, metrics, width in lines:
        indent = (w - width) / 2 if centred else (w - width if bx < x - gap / 2 else 0.0)
        positions.append(QPointF(bx + indent, base))
        base += metrics.height()
    return positions


def first_label(x: float, y: float, gap: float, text: str, font: QFont,
                bounds: QRectF, reserved: tuple[QRectF, ...]) -> tuple[QPointF, QRectF]:
    """(baseline, box) of a label placed before every other one (the window's marked
    place): beside a mark of radius ``gap`` at (x, y), above it if there is room, else
    below (centred, else slid aside as far as it stays over the mark), right, left or on
    a diagonal, the first position inside ``bounds`` clear of ``reserved`` (the
    decorations); where none is (the mark between two of them or in a corner), the same
    a little further out; else above it. Passing its box among the
    ``reserved`` rects of ``layout_labels`` makes the map's labels give way to it."""
    occupied = Occupancy(48.0)
    for rect in reserved:
        occupied.add(rect)
    lines = [(text, font, QFontMetricsF(font))]
    first = None
    for further in FIRST_LABEL_FURTHER:
        for n, (pos, rect) in enumerate(_beside(x, y, gap * further, lines, above_first=True)):
            slide = max(rect.width() / 2 - gap, 0.0)     # above or below: still over it
            for dx in ((0.0, -slide, slide) if n < 2 else (0.0,)):
                box = rect.translated(dx, 0.0)
                first = first or (pos[0], rect)
                if bounds.contains(box) and occupied.free(box):
                    return pos[0] + QPointF(dx, 0.0), box
    return first


def _beside(x: float, y: float, gap: float, lines, above_first: bool = False):
    """(baselines, box) of a label of one or two lines beside a dot at (x, y), best
    position first: right, left, above, below, then the diagonals (``above_first``:
    above, below, right, left)."""
    widths = [advance(t, f, m) for t, f, m in lines]
    w = max(widths)
    a, d = lines[0][2].ascent(), lines[0][2].descent()
    extra = sum(m.height() for _, _, m in lines[1:])
    mid = y + (a - d - extra) / 2
    g = gap * 0.75
    v = gap if above_first else g       # a ring's label clears it, a dot's hugs it
    sides = ((x + gap, mid, False), (x - gap - w, mid, False))
    ends = ((x - w / 2, y - v - d - extra, True), (x - w / 2, y + v + a, True))
    for bx, by, centred in ((*ends, *sides) if above_first else (*sides, *ends)) + (
                            (x + g, y - g - d - extra, False), (x + g, y + g + a, False),
                            (x - g - w, y - g - d - extra, False), (x - g - w, y + g + a, False)):
        positions, base = [], by
        for (text, _, m), width in zip(lines, widths):
            indent = (w - width) / 2 if centred else (w - width if bx < x - gap / 2 else 0.0)
            positions.append(QPointF(bx + indent, base))
            base += m.height()
        yield positions, QRectF(bx - 1, by - a - 1, w + 2, a + d + extra + 2)
