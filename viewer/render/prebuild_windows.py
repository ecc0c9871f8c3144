"""Highlight windows made ahead of time, on a worker thread, for ``MapScene.adopt_windows``.

As the time moves, the highlight window (t - days, t] holds one set of changes after
another: it changes only where t passes a change or a change's time plus ``days``. Each
set's merged gains and losses (``scene_changes.merged_areas``: two unions and two
differences, some 2 ms for a week of DeepState changes) are made here once, after a
file is shown, with every layer visible; a time step then merges nothing. Windows of
other sets (a layer hidden, other days) are still made when first shown. A big window
(``big_counts.big_window``: thousands of polygons) is left out: the map draws it from
its Displays, so its merged paths were never used (the 200,000 squares' 27 windows:
some 15 s and 80 MB). Also each change's boxes (``change_boxes``), for the repaint of
an adjacent date.

While two dates are compared, the windows held to A are made ahead by held_windows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

import shapely

from viewer.analysis.projection import Projector
from viewer.model import Situation
from viewer.render.big_counts import big_window, change_counts
from viewer.render.paths import geometry_path
from viewer.render.scene import DISPLAY_SEGMENT_DEG
from viewer.render.scene_changes import change_boxes, merged_areas

MAX_WINDOWS = 5_000     # more distinct windows than this: made as they are shown


@dataclass(frozen=True, eq=False)
class PrebuiltWindows:
    change_boxes: dict          # change id -> projected boxes of its parts
    windows: dict               # ("highlight", change ids) -> (gained path, lost path)


def window_sets(situation: Situation, days: float) -> list[tuple[str, ...]]:
    """Every distinct set of change ids the highlight window of ``days`` holds as the
    time moves, in the order ``draw_changes.highlight_ids`` gives them (every layer
    visible); the empty set left out."""
    if not days > 0:
        return []
    span = timedelta(days=days)
    stops = sorted({c.at for c in situation.changes} | {c.at + span for c in situation.changes})
    seen: dict[tuple[str, ...], None] = {}
    for t in stops:
        ids = tuple(c.id for c in situation.recent_changes(t, days))
        if ids:
            seen.setdefault(ids)
    return list(seen)


def build_windows(crs: str, situation: Situation, days: float,
                  check: Callable[[], None] | None = None) -> PrebuiltWindows:
    """The boxes of every change and the paths of every highlight window of ``days``
    (see the module docstring), with a projector of its own; ``check()`` between
    windows (it may raise to stop)."""
    projector = Projector(crs)

    def project_layer(geoms):
        return projector.project(shapely.segmentize(geoms, DISPLAY_SEGMENT_DEG))

    boxes = change_boxes(project_layer, list(situation.changes))
    sets = window_sets(situation, days)
    windows = {}
    counts = {c.id: change_counts(c) for c in situation.changes}
    if len(sets) <= MAX_WINDOWS:
        for ids in sets:
            if check is not None:
                check()
            if big_window([counts[i] for i in ids]):
                continue                # drawn from its Displays (big_layers), never merged
            both = project_layer(merged_areas([situation.change(i) for i in ids]))
            windows[("highlight", ids)] = (geometry_path(both[0]), geometry_path(both[1]))
    return PrebuiltWindows(boxes, windows)


def adopt(scene, built: PrebuiltWindows) -> None:
    """Hand ``built`` to ``scene`` (on the GUI thread)."""
    scene.adopt_change_boxes(built.change_boxes)
    scene.adopt_windows(built.windows)
