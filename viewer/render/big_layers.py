"""Which layer states are big, their Displays kept per zoom bucket, and drawing one.

``BigStates`` belongs to a MapScene (``scene.big``). It counts each piece's polygons and
vertices once (vectorised, on the lon/lat pieces), so telling whether a state is big
costs a sum; it keeps the Displays made so far (within MAX_BYTES of rasters, least
recently used dropped) and, for a state whose Display at the view's bucket is not made
yet, asks ``request`` (the window's builder, in the background) and meanwhile hands out
the same state's Display at the nearest other bucket, or None (the layer is then not
drawn until its Display arrives). Without ``request`` (an export) it builds it at once.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from contextlib import contextmanager
from functools import partial
from typing import Callable, Iterator

import numpy as np
import shapely
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from viewer.render import styles as st
from viewer.render.big_style import draw_hatching
from viewer.render.big_counts import big_states, big_window, change_counts
from viewer.render.display import Display, bucket, build_display
from viewer.render.paths import geometry_path

MAX_BYTES = 96 << 20        # rasters kept (a bit a pixel), all states and zooms together


class BigStates:
    def __init__(self, scene) -> None:
        # a weak reference: no cycle keeps a replaced scene alive until the collector's
        # next full collection (viewer.ui.collector)
        self.scene = weakref.proxy(scene)
        self._counts: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._change_counts: dict[str, tuple[int, int]] = {}
        self._big: dict[str, np.ndarray] = {}           # layer id -> each state is big
        self._geoms: dict[str, np.ndarray] = {}         # layer id -> its pieces' geometry
        self._displays: OrderedDict = OrderedDict()     # (layer, index, bucket) -> Display
        self._bytes = 0
        self._synchronous = 0
        # whether the builder may make the layer's other states next (not in a first
        # view: it holds only the pieces in force at the time it shows)
        self.other_states = True
        self._noting: list[set] = []        # sets collecting the keys asked, not made
        # request(key, pieces, others): make key's Display from pieces(), then others()'s
        # (key, pieces); called only when the builder starts a job
        self.request: Callable[[tuple, Callable, Callable], None] | None = None

    def _piece_counts(self, layer_id: str) -> tuple[np.ndarray, np.ndarray]:
        if layer_id not in self._counts:
            geoms = np.array([p.geometry for p in
                              self.scene.situation.layer(layer_id).history.pieces], dtype=object)
            self._counts[layer_id] = (shapely.get_num_geometries(geoms).astype(np.int64),
                                      shapely.get_num_coordinates(geoms).astype(np.int64))
        return self._counts[layer_id]

    def _big_states(self, layer_id: str) -> np.ndarray:
        """Whether each state of the layer is big, all counted at once (a state's pieces
        summed one state at a time: some 40 ms of the GUI thread for the 200,000
        squares' states at each request of the builder, and two at each time step)."""
        if layer_id not in self._big:
            history = self.scene.situation.layer(layer_id).history
            polygons, vertices = self._piece_counts(layer_id)
            self._big[layer_id] = big_states(history.state_sums(polygons),
                                             history.state_sums(vertices))
        return self._big[layer_id]

    def count_pieces(self) -> None:
        """Count every layer's pieces and states and the changes now (where it is
        called: the loader's worker, before the GUI adopts the scene; 59,819 pieces took
        some 0.1-0.3 s of the GUI thread at the whole file's first time step)."""
        for layer in self.scene.situation.layers:
            self._big_states(layer.id)
        for change in self.scene.situation.changes:
            self._change_counts[change.id] = change_counts(change)

    def is_big(self, layer_id: str, index: int) -> bool:
        return index >= 0 and bool(self._big_states(layer_id)[index])

    def pieces(self, layer_id: str, index: int) -> np.ndarray:
        history = self.scene.situation.layer(layer_id).history
        if layer_id not in self._geoms:
            self._geoms[layer_id] = np.array([p.geometry for p in history.pieces], dtype=object)
        return self._geoms[layer_id][history.piece_indices(index)]

    def is_big_window(self, change_ids: tuple[str, ...]) -> bool:
        """Whether the changes' gains and losses together hold more than DENSE_POLYGONS
        polygons or BIG_VERTICES vertices."""
        for cid in change_ids:
            if cid not in self._change_counts:
                self._change_counts[cid] = change_counts(self.scene.situation.change(cid))
        return big_window([self._change_counts[cid] for cid in change_ids])

    def window_pieces(self, change_ids: tuple[str, ...], side: int) -> list:
        """The gains (side 0) or losses (1) of the changes, as they are (not merged)."""
        changes = [self.scene.situation.change(c) for c in change_ids]
        return [c.lost if side else c.gained for c in changes]

    def display(self, base: tuple, pieces: Callable[[], list], metres_per_pixel: float,
                others: Callable[[int], list] | None = None) -> Display | None:
        """The Display of ``base`` (a state: (layer id, index); a window: ("window", ids,
        side)) for the scale; ``pieces()`` gives its lon/lat geometry, ``others(level)``
        the (key, pieces) the builder may make next (the layer's other states)."""
        level = bucket(metres_per_pixel)
        key = base + (level,)
        if key in self._displays:
            self._displays.move_to_end(key)
            return self._displays[key]
        if self.request is None or self._synchronous:
            self.adopt(key, build_display(self.scene.projector.crs.srs, pieces(), level,
                                          self.scene.extent))
            return self._displays[key]
        self.request(key, pieces, (lambda: others(level)) if others is not None else list)
        for missing in self._noting:
            missing.add(key)
        # meanwhile another zoom's: a raster (cheap at any scale), or shapes of a coarser one
        near = [(abs(k[-1] - level), d) for k, d in self._displays.items()
                if k[:-1] == base and (d.rastered or k[-1] > level)]
        return min(near, key=lambda n: n[0])[1] if near else None

    def state_display(self, layer_id: str, index: int, metres_per_pixel: float):
        history = self.scene.situation.layer(layer_id).history

        def others(level: int) -> list:
            return [((layer_id, i, level), partial(self.pieces, layer_id, i))
                    for i in range(len(history.times))
                    if i != index and self.is_big(layer_id, i)
                    and (layer_id, i, level) not in self._displays]
        return self.display((layer_id, index), lambda: self.pieces(layer_id, index),
                            metres_per_pixel, others if self.other_states else None)

    @contextmanager
    def synchronous(self) -> Iterator[None]:
        """Within: a missing Display is made at once (exports, which draw every layer)."""
        self._synchronous += 1
        try:
            yield
        finally:
            self._synchronous -= 1

    @contextmanager
    def noting_missing(self) -> Iterator[set]:
        """Within: the keys of the Displays asked for but not made yet are added to the
        set given (a widget drawing the scene redraws when one of them is made)."""
        missing: set = set()
        self._noting.append(missing)
        try:
            yield missing
        finally:
            self._noting.remove(missing)

    def has(self, key: tuple) -> bool:
        return key in self._displays

    def adopt_states(self, first: "BigStates") -> None:
        """Take the state Displays a file's first view made (viewer.render.first_scene):
        its layers have the same state times, and the state it shows the same pieces."""
        for key, display in first._displays.items():
            if key[0] != "window":
                self.adopt(key, display)

    def adopt(self, key: tuple, display: Display) -> None:
        """Keep ``display`` (made in the background), dropping the oldest beyond MAX_BYTES."""
        if key in self._displays:
            return
        self._displays[key] = display
        self._bytes += 0 if display.packed is None else display.packed.nbytes
        while self._bytes > MAX_BYTES and len(self._displays) > 1:
            _, old = self._displays.popitem(last=False)
            self._bytes -= 0 if old.packed is None else old.packed.nbytes


def draw_big_layer(painter: QPainter, scene, viewport, settings, layer) -> bool:
    """Draw ``layer`` at ``settings.at`` from its Display if that state is big (and
    return True; a hatched layer's hatching and dashed outline from the Display too,
    viewer.render.big_style); else False."""
    index = layer.history.state_index(settings.at)
    if not scene.big.is_big(layer.id, index):
        return False
    opacity = settings.layer_opacity(layer)
    dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    display = scene.big.state_display(layer.id, index, viewport.metres_per_pixel / max(dpr, 1.0))
    if display is None or opacity <= 0.0:
        return True                     # drawn when its Display arrives
    style = st.layer_style(layer, scene.situation, settings.palette)
    alpha = opacity * (st.HATCH_TINT if style.hatch else 1.0)
    inverse, _ = viewport.transform.inverted()
    pixel_transform = inverse * painter.transform()
    draw_display(painter, display, pixel_transform, viewport, st.color(style.color, alpha))
    if style.hatch:
        draw_hatching(painter, display, pixel_transform, viewport, settings, style, opacity,
                      draw_display)
    return True


def draw_big_window(painter: QPainter, scene, viewport, ids: tuple[str, ...],
                    colours: tuple[QColor, QColor], window_at: Callable) -> bool:
    """The highlight window's losses then gains from their Displays, if the changes are
    big (return True; not merged, no outline); else False. ``window_at(t)``: the ids of
    the window at another time (the builder makes those of every state time next)."""
    big = scene.big
    if not big.is_big_window(ids):
        return False
    dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    inverse, _ = viewport.transform.inverted()

    def others(level: int) -> list:
        out = []
        for t in scene.situation.times:
            other = window_at(t)
            if other and other != ids and big.is_big_window(other):
                out += [(("window", other, s, level), partial(big.window_pieces, other, s))
                        for s in (1, 0) if not big.has(("window", other, s, level))]
        return out
    for side in (1, 0):
        display = big.display(("window", ids, side), partial(big.window_pieces, ids, side),
                              viewport.metres_per_pixel / max(dpr, 1.0), others)
        if display is not None:
            draw_display(painter, display, inverse * painter.transform(), viewport,
                         colours[side])
    return True


def draw_display(painter: QPainter, display: Display, pixel_transform: QTransform,
                 viewport, colour: QColor) -> None:
    """``display`` in ``colour`` (its alpha the layer's opacity), without antialiasing:
    the raster as one image, then the shapes meeting the view. ``pixel_transform``: the
    painter's transform for pixels of ``viewport``; the painter's own maps metres."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    if display.rastered:
        image = _image(display, colour)
        x0, y0 = display.origin
        left, top = viewport.to_pixels(x0, y0)
        scale = display.metres_per_pixel / viewport.metres_per_pixel
        painter.save()
        painter.setTransform(QTransform(scale, 0, 0, scale, left, top) * pixel_transform)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.setOpacity(painter.opacity() * colour.alphaF())
        painter.drawImage(0, 0, image)
        painter.restore()
    key = viewport.key()
    if key not in display._culled:
        display._culled.clear()             # one view at a time: time steps reuse it
        display._culled[key] = geometry_path(display.shapes_in(viewport.visible))
    path = display._culled[key]
    if not path.isEmpty():
        painter.fillPath(path, colour)
    painter.restore()


def _image(display: Display, colour: QColor) -> QImage:
    """The raster in ``colour``, opaque (its QImage kept for the last colour asked)."""
    rgb = QColor(colour.red(), colour.green(), colour.blue()).rgba()
    if rgb not in display.images:
        display.images.clear()
        display.images[rgb] = display.image(rgb)
    return display.images[rgb]
