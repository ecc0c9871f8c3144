"""The highlight windows held to a date while comparing, made ahead in a worker job.

While two dates are compared, the window is held to A: (A, B] takes a change at every
step of B, and each such window would be merged as it is shown (a union or two and the
paths of the parts it made, some 3 ms of the GUI thread's step). ``HeldWindows`` makes
those of the next change dates ahead, for ``MapScene.adopt_held_windows``.

The windows of one A at later and later dates each hold the last one's changes and a
few more, so they are merged one after another as the map merges what it shows
(window_union.WindowUnions: a union or two near the changes that came), not each from
scratch: some 2.6 ms a window of the DeepState import against 22 ms. A merged window's
polygons that the last one had are the same objects, so their paths, bounds and digests
(highlight_area.AreaPieces) are kept from the last window rather than made again (of
some 8 ms a window made whole, most was that). Only the worker job that made them
reads what it keeps; a path handed on in two windows is read, never changed, on
either side.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

import numpy as np

from viewer.model import Situation
from viewer.model.cursor import held_days
from viewer.render.big_counts import big_window, change_counts
from viewer.render.highlight_area import AreaPieces, piece_keys
from viewer.render.window_union import WindowUnions


class HeldWindows:
    """The windows (``since``, t] of the layers ``visible``, made for ascending times t
    by ``made``; ``project_layer`` projects lon/lat geometries to the map's metres."""

    def __init__(self, project_layer: Callable, situation: Situation, since: datetime,
                 visible: frozenset[str]):
        self.project_layer = project_layer
        self.situation, self.since, self.visible = situation, since, visible
        self._unions = WindowUnions(situation.change)
        self._counts: dict[str, tuple[int, int]] = {}        # change id -> change_counts
        self._entries: dict[int, tuple[object, tuple]] = {}   # id(polygon) -> (it, entry)

    def made(self, times: list[datetime], check: Callable[[], None] | None = None) -> dict:
        """The paths of the windows held to ``since`` at each of ``times``: the changes
        in (since, t] as ``draw_changes.highlight_ids`` gives them when the cursor's
        window is held there (``held_days``), keyed as ``MapScene.window_areas`` looks
        them up; empty and big windows left out (prebuild_windows.build_windows)."""
        windows: dict = {}
        situation = self.situation
        for t in times:
            if check is not None:
                check()
            ids = tuple(c.id for c in situation.recent_changes(t, held_days(self.since, t))
                        if c.layer_id in self.visible)
            key = ("highlight", ids)
            if not ids or key in windows or big_window([self._count(i) for i in ids]):
                continue
            gained, lost = self._unions.merged_parts(ids)
            last, self._entries = self._entries, {}
            windows[key] = (self._pieces(gained.polys, last), self._pieces(lost.polys, last))
        return windows

    def _count(self, change_id: str) -> tuple[int, int]:
        if change_id not in self._counts:
            self._counts[change_id] = change_counts(self.situation.change(change_id))
        return self._counts[change_id]

    def _pieces(self, polys: np.ndarray, last: dict) -> AreaPieces:
        """AreaPieces of the lon/lat polygons ``polys``: those of the last window's
        (``last``) as they were, the others projected and made paths; each kept for the
        next window."""
        polys = polys.tolist()
        new = [p for p in polys if id(p) not in last]
        made = dict(zip(map(id, new), zip(new, piece_keys(self.project_layer(
            np.array(new, dtype=object)))))) if new else {}
        for p in polys:
            self._entries[id(p)] = last[id(p)] if id(p) in last else made[id(p)]
        return AreaPieces.of_entries([self._entries[id(p)][1] for p in polys])
