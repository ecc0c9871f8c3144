"""The map scene's change areas: what each change, a highlight window's changes together,
or the span between two dates gained and lost, as paths (a mixin of MapScene)."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

import numpy as np
import shapely
from PySide6.QtGui import QPainterPath

from viewer.analysis.difference import layer_difference
from viewer.model.geometry import polygonal, vertex_batches
from viewer.render.highlight_area import PartedArea, WholeArea
from viewer.render.paths import geometry_path

HELD_WINDOWS = 200         # windows held to a date (comparing) kept made ahead
BOX_VERTICES = 50_000       # change vertices projected at once by change_boxes (GIL:
                            # set_coordinates, ~0.25 us a vertex)


class ChangeAreas:
    """Needs the scene's ``situation``, ``project_layer``, ``_changes`` and ``_windows``
    (LRUs), ``_change_boxes`` and ``_prebuilt_windows`` (dicts), ``window_unions`` and
    ``memo``."""

    def change_paths(self, change_id: str) -> tuple[QPainterPath, QPainterPath]:
        """The areas a change gained and lost, as paths."""
        def build():
            change = self.situation.change(change_id)
            gained, lost = self.project_layer(np.array([change.gained, change.lost],
                                                       dtype=object))
            return geometry_path(gained), geometry_path(lost)
        return self._changes.get_or_build(change_id, build)

    def change_bounds(self, change_id: str) -> np.ndarray:
        """Projected bounds of each part of the change's gained and lost areas, one
        row each (a day's change is many small parts spread along a front)."""
        return self.changes_bounds((change_id,))

    def changes_bounds(self, change_ids) -> np.ndarray:
        """``change_bounds`` of the changes ``change_ids``, in one array. Kept for every
        change once measured (a few boxes each); the window's worker measures them all
        after a file is shown (``adopt_change_boxes``), so a time step measures none."""
        missing = [i for i in dict.fromkeys(change_ids) if i not in self._change_boxes]
        if missing:
            self._change_boxes.update(change_boxes(
                self.project_layer, [self.situation.change(i) for i in missing]))
        boxes = [self._change_boxes[i] for i in change_ids]
        return np.concatenate(boxes) if boxes else np.empty((0, 4))

    def adopt_change_boxes(self, boxes: dict[str, np.ndarray]) -> None:
        """Take boxes made by ``change_boxes`` on a worker (on the GUI thread)."""
        for key, value in boxes.items():
            self._change_boxes.setdefault(key, value)

    def window_areas(self, change_ids: tuple[str, ...]) -> tuple:
        """What the highlight window of ``change_ids`` gained and lost, each one merged
        area (``merged_areas``), ready to paint (highlight_area.py). Made ahead
        (``adopt_windows``), or merged when first shown and kept (stepping back and forth
        through time, or playing a stretch again, reuses them): a window that slid by a
        change from the last one costs a union or two near that change, and paths and
        strokes for the parts it made alone (``window_unions``: window_union.WindowUnions)."""
        key = ("highlight", change_ids)
        if key in self._prebuilt_windows:
            return tuple(WholeArea(p) for p in self._prebuilt_windows[key])
        return self._windows.get_or_build(key, lambda: tuple(
            PartedArea(parts, self.project_layer)
            for parts in self.window_unions.merged_parts(change_ids)))

    def parted_window_areas(self, change_ids: tuple[str, ...]) -> tuple | None:
        """``window_areas`` if they are merged as shown (PartedAreas) and still kept;
        else (made ahead, or not made or let go) None, none made."""
        key = ("highlight", change_ids)
        return None if key in self._prebuilt_windows else self._windows.get(key)

    def adopt_windows(self, windows: dict) -> None:
        """Take windows made by ``prebuild_windows.build_windows`` (on the GUI thread):
        kept for good (a few hundred kB for the DeepState import's 500 windows)."""
        self._prebuilt_windows.update(windows)

    def adopt_held_windows(self, windows: dict) -> None:
        """Take windows held to a date made by ``held_windows.HeldWindows`` (on the
        GUI thread): kept among the last HELD_WINDOWS taken (each A compared makes its
        own; a month's window is some 60 kB of paths), beside those of build_windows."""
        held = self.__dict__.setdefault("_held_windows", {})    # key -> None, oldest first
        for key, paths in windows.items():
            if key in self._prebuilt_windows and key not in held:
                continue                        # (build_windows' own: kept for good)
            self._prebuilt_windows[key] = paths
            held.pop(key, None)
            held[key] = None
        while len(held) > HELD_WINDOWS:
            key = next(iter(held))
            del held[key]
            del self._prebuilt_windows[key]

    def difference_paths(self, layer_id: str, a: datetime, b: datetime
                         ) -> tuple[QPainterPath, QPainterPath]:
        """The ground the layer gained and lost between the states in force at ``a`` and
        at ``b``, as paths (cached per pair of states)."""
        history = self.situation.layer(layer_id).history

        def build():
            change = layer_difference(self.situation, layer_id, a, b)
            gained, lost = self.project_layer(np.array([change.gained, change.lost],
                                                       dtype=object))
            return geometry_path(gained), geometry_path(lost)
        key = ("difference", layer_id, history.state_index(a), history.state_index(b))
        return self.memo(key, build)


def merged_areas(changes) -> np.ndarray:
    """The ground ``changes`` gained and lost together (lon/lat), as an array of two
    areas: the union of their gains less the union of their losses, and the other way
    round (ground gained and lost again within them is neither)."""
    gained = shapely.union_all([c.gained for c in changes])
    lost = shapely.union_all([c.lost for c in changes])
    return np.array([polygonal(shapely.difference(gained, lost)),
                     polygonal(shapely.difference(lost, gained))], dtype=object)


def change_boxes(project_layer: Callable, changes) -> dict[str, np.ndarray]:
    """``{change id: projected bounds of each part of its gained and lost areas}``
    (rows of minx, miny, maxx, maxy), the changes projected by ``project_layer`` (lon/lat
    geometries to display metres) a batch of BOX_VERTICES at a time (the projected
    copies of every change of 200,000 squares at once: some 170 MB)."""
    out: dict[str, np.ndarray] = {}
    changes = list(changes)
    geoms = np.array([g for c in changes for g in (c.gained, c.lost)], dtype=object)
    counts = shapely.get_num_coordinates(geoms).reshape(-1, 2).sum(axis=1)
    for batch in vertex_batches(counts, max(len(changes), 1), BOX_VERTICES):
        some = changes[batch]
        parts, index = shapely.get_parts(
            project_layer(geoms[2 * batch.start:2 * batch.stop]), return_index=True)
        keep = ~shapely.is_empty(parts)
        bounds = shapely.bounds(parts[keep]).reshape(-1, 4)
        split = np.searchsorted(index[keep] // 2, np.arange(len(some) + 1))
        out.update({c.id: bounds[split[k]:split[k + 1]] for k, c in enumerate(some)})
    return out
