"""The map scene's change areas: what each change, a highlight window's changes together,
or the span between two dates gained and lost, as paths (a mixin of MapScene)."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import shapely
from PySide6.QtGui import QPainterPath

from viewer.analysis.difference import layer_difference
from viewer.model.geometry import polygonal
from viewer.render.paths import geometry_path


class ChangeAreas:
    """Needs the scene's ``situation``, ``project_layer``, ``_changes`` (an LRU) and
    ``memo``."""

    def change_paths(self, change_id: str) -> tuple[QPainterPath, QPainterPath]:
        """The areas a change gained and lost, as paths."""
        return self._change(change_id)[:2]

    def change_bounds(self, change_id: str) -> np.ndarray:
        """Projected bounds of each part of the change's gained and lost areas, one
        row each (a day's change is many small parts spread along a front)."""
        return self._change(change_id)[2]

    def _change(self, change_id: str) -> tuple[QPainterPath, QPainterPath, np.ndarray]:
        def build():
            change = self.situation.change(change_id)
            gained, lost = self.project_layer(np.array([change.gained, change.lost],
                                                       dtype=object))
            parts = shapely.get_parts(np.array([gained, lost], dtype=object))
            bounds = shapely.bounds(parts[~shapely.is_empty(parts)]).reshape(-1, 4)
            return geometry_path(gained), geometry_path(lost), bounds
        return self._changes.get_or_build(change_id, build)

    def merged_change_paths(self, change_ids: tuple[str, ...]) -> tuple[QPainterPath, QPainterPath]:
        """What the changes ``change_ids`` gained and lost together, each one merged
        area: the union of their gains less the union of their losses, and the other
        way round (ground gained and lost again within them is neither)."""
        changes = [self.situation.change(i) for i in change_ids]
        gained = shapely.union_all([c.gained for c in changes])
        lost = shapely.union_all([c.lost for c in changes])
        both = self.project_layer(np.array([polygonal(shapely.difference(gained, lost)),
                                            polygonal(shapely.difference(lost, gained))],
                                           dtype=object))
        return geometry_path(both[0]), geometry_path(both[1])

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
