"""A highlight window's merged gain or loss, ready to paint: one path for the fill, one
stroked area for the outline.

A window made ahead (prebuild_windows) comes as whole paths (``WholeArea``), or (held
to a date while comparing, a new one at each step of B) as the paths of its polygons
(``AreaPieces``), of which a repaint of part of the view fills and strokes those that
meet it, as it does a PartedArea's parts (the polygons are disjoint). One merged
as it is shown (window_union: while comparing, (A, B] takes a change at every step)
comes as its parts (``PartedArea``, of window_parts.Parts): each part is projected, made
a path and stroked once, kept in its Cell, and a part the next window keeps is the same
object with the same Cell; so a step projects, paths and strokes only the few parts it
made. The fill is the parts that meet the boxes being painted, put together in one
winding-rule path (a part wholly outside a pixel adds nothing to its coverage, and the
parts are disjoint, so together they cover each pixel as the whole area does); the
outline is their stroked outlines put together (the stroker outlines each subpath on
its own, so the parts' strokes together are the whole's, filled as one).
"""

from __future__ import annotations

import hashlib
from typing import Callable

import numpy as np
import shapely
from PySide6.QtGui import QPainter, QPainterPath, QPen

from viewer.render.fills import stroke_edge, stroked
from viewer.render.paths import empty_path, piece_entries
from viewer.render.window_parts import Parts

STROKE_WIDTHS = 2       # outline widths (zoom levels) kept stroked per part


def piece_keys(parts: np.ndarray) -> list[tuple[QPainterPath, tuple, bytes]]:
    """(path, projected bounds, digest of the coordinates) of each projected polygon of
    ``parts``, normalized first (the same polygon, whatever its rings' order and start,
    has the same digest)."""
    parts = shapely.normalize(parts)
    return [(path, box, hashlib.blake2b(wkb, digest_size=16).digest())
            for (path, _, box), wkb in zip(piece_entries(parts), shapely.to_wkb(parts).tolist())]


class AreaPieces:
    """An area made ahead as its polygons' paths, their projected bounds and a digest
    of each polygon's coordinates (made in the worker); joined into one path once wanted
    whole. The windows (A, t] of the next dates share most of their polygons with the
    last one's: a digest the same is the same path, so its stroke, kept in the scene, is
    not made again."""

    def __init__(self, geom) -> None:
        """``geom``: the projected area (a polygon or multipolygon)."""
        parts = shapely.get_parts(geom) if geom is not None \
            else np.empty(0, dtype=object)
        self._take(piece_keys(parts[~shapely.is_empty(parts)]))

    @classmethod
    def of_entries(cls, entries: list[tuple[QPainterPath, tuple, bytes]]) -> "AreaPieces":
        """From its polygons' (path, projected bounds, digest of the normalized
        polygon's WKB), made as ``__init__`` makes them (held_windows keeps those of
        the polygons a window shares with the last)."""
        pieces = cls.__new__(cls)
        pieces._take(entries)
        return pieces

    def _take(self, entries: list[tuple[QPainterPath, tuple, bytes]]) -> None:
        self.paths = [path for path, _, _ in entries]
        self.boxes = np.array([box for _, box, _ in entries], dtype=float).reshape(-1, 4)
        self.keys = [key for _, _, key in entries]
        self._whole: QPainterPath | None = None

    def whole(self) -> QPainterPath:
        if self._whole is None:
            self._whole = _joined(self.paths)
        return self._whole

    def meeting(self, boxes: np.ndarray, pad: float = 0.0) -> list[int]:
        """The pieces whose box, grown by ``pad``, meets one of ``boxes``."""
        return _meeting(self.boxes, boxes, pad)


class WholeArea:
    """An area held as one path (its outline stroked whole, cached in the scene), or as
    AreaPieces (painted, for part of the view, from the pieces that meet it)."""

    def __init__(self, path: QPainterPath | AreaPieces):
        self.pieces = path if isinstance(path, AreaPieces) else None
        self.path = path.whole() if self.pieces is not None else path
        self._last: tuple[np.ndarray, QPainterPath] | None = None   # (boxes, fill path)

    @property
    def is_empty(self) -> bool:
        return self.path.isEmpty()

    def _chosen(self, boxes: np.ndarray | None, pad: float = 0.0) -> list[int] | None:
        """The pieces meeting ``boxes``; None: all of them (or no pieces)."""
        if self.pieces is None or boxes is None:
            return None
        chosen = self.pieces.meeting(boxes, pad)
        return None if len(chosen) == len(self.pieces.paths) else chosen

    def fill_path(self, boxes: np.ndarray | None = None) -> QPainterPath:
        if self._last is not None and self._last[0] is boxes:   # (the fill's, for its edge)
            return self._last[1]
        chosen = self._chosen(boxes)
        path = self.path if chosen is None else _joined([self.pieces.paths[i] for i in chosen])
        self._last = (boxes, path)
        return path

    def stroke(self, painter: QPainter, scene, key: tuple, pen: QPen,
               boxes: np.ndarray | None = None) -> None:
        if self._chosen(boxes) is None:
            stroke_edge(painter, scene, key, self.path, pen)
            return

        def edge(width: float) -> QPainterPath:
            chosen = self._chosen(boxes, width)
            if chosen is None:
                return scene.edge_path(key + (width,), lambda: stroked(self.path, pen, width))
            pieces = self.pieces
            return _joined([scene.edge_path(("piece", pieces.keys[i], width),
                                            lambda i=i: stroked(pieces.paths[i], pen, width))
                            for i in chosen])
        stroke_edge(painter, scene, key, self.fill_path(boxes), pen, edge)


class PartedArea:
    """An area held as Parts, painted from its parts' own paths and strokes."""

    def __init__(self, parts: Parts, project_layer: Callable):
        self.parts = parts
        self._project = project_layer
        self._boxes: np.ndarray | None = None       # projected bounds, a row per part
        self._whole: QPainterPath | None = None
        self._last: tuple[np.ndarray, QPainterPath] | None = None   # (boxes, fill path)

    @property
    def is_empty(self) -> bool:
        return self.parts.is_empty

    def _cells(self) -> list:
        """The Cells, every one projected and made a path (those new to this area at
        once, in one projection)."""
        cells = self.parts.cells
        if self._boxes is None:
            new = [i for i, c in enumerate(cells) if c.path is None]
            if new:
                entries = piece_entries(self._project(self.parts.polys[new]))
                for i, (path, _, box) in zip(new, entries):
                    cells[i].path, cells[i].box = path, box
            self._boxes = np.array([c.box for c in cells], dtype=float).reshape(-1, 4)
        return cells

    def _meeting(self, boxes: np.ndarray | None, pad: float = 0.0) -> list[int]:
        """The parts whose box, grown by ``pad``, meets one of ``boxes`` (all: None)."""
        self._cells()
        if boxes is None:
            return list(range(len(self.parts)))
        return _meeting(self._boxes, boxes, pad)

    def parts_apart_from(self, other: "PartedArea | None") -> list:
        """The polygons (lon/lat) of the parts ``other`` does not share (all: None). A
        part shared is the same object with the same Cell, painted the same; one made
        again (a union taken in another order, as the window slides) may differ from the
        last by a sliver or a vertex far from the changes that moved."""
        if other is None:
            return self.parts.polys.tolist()
        theirs = {id(p) for p in other.parts.polys}
        return [p for p in self.parts.polys.tolist() if id(p) not in theirs]

    def fill_path(self, boxes: np.ndarray | None = None) -> QPainterPath:
        """The parts meeting ``boxes`` (projected rows minx, miny, maxx, maxy; None:
        every part) as one winding-rule path."""
        if self._last is not None and self._last[0] is boxes:   # (the fill's, for its edge)
            return self._last[1]
        cells, chosen = self._cells(), self._meeting(boxes)
        if len(chosen) == len(cells):
            if self._whole is None:
                self._whole = _joined([c.path for c in cells])
            path = self._whole
        else:
            path = _joined([cells[i].path for i in chosen])
        self._last = (boxes, path)
        return path

    def stroke(self, painter: QPainter, scene, key: tuple, pen: QPen,
               boxes: np.ndarray | None = None) -> None:
        """The outline of the parts meeting ``boxes`` (see fills.stroke_edge)."""
        def edge(width: float) -> QPainterPath:
            cells = self._cells()
            out = []
            for i in self._meeting(boxes, width):
                strokes = cells[i].strokes
                if width not in strokes:
                    if len(strokes) >= STROKE_WIDTHS:
                        strokes.pop(next(iter(strokes)))
                    strokes[width] = stroked(cells[i].path, pen, width)
                out.append(strokes[width])
            return _joined(out)
        stroke_edge(painter, scene, key, self.fill_path(boxes), pen, edge)


def _meeting(own: np.ndarray, boxes: np.ndarray, pad: float) -> list[int]:
    """The rows of ``own`` (boxes), grown by ``pad``, that meet one of ``boxes``."""
    b = own + np.array([-pad, -pad, pad, pad])
    hit = ((b[:, None, 0] <= boxes[None, :, 2]) & (b[:, None, 2] >= boxes[None, :, 0])
           & (b[:, None, 1] <= boxes[None, :, 3])
           & (b[:, None, 3] >= boxes[None, :, 1])).any(axis=1)
    return np.flatnonzero(hit).tolist()


def _joined(paths: list[QPainterPath]) -> QPainterPath:
    out = empty_path()
    out.reserve(sum(p.elementCount() for p in paths))
    for p in paths:
        out.addPath(p)
    return out
