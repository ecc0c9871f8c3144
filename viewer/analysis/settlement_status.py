"""Settlement status log: for every place and every layer, whether the place lies inside
the layer's area, on its line, or outside, at every state; when it first fell inside, and
every later change of status with the change (and so the reports) responsible.

**The rule.** A place within ``tolerance_m`` (default 250 m) of the layer's boundary is
*on the line*: a status of its own, so a place on a re-digitised boundary does not flip
back and forth. It is *inside* when it lies inside the area by more than the tolerance,
*outside* when it lies farther than that from it. The first-inside date is the first
state at which the place is inside by that rule.

**How.** The disk of radius ``tolerance_m`` around each place (a geodesic circle, 32
vertices) meets a layer's state in the fraction f of its area; f = 1 is inside, f = 0
outside, anything between is on the line. A layer's pieces are disjoint, so f at a state
is a sum over the pieces valid then: each piece is intersected once with the disks it
meets (an STRtree finds them), and the whole series of states is one cumulative sum over
the pieces' start and end events, as region_attribution does for areas. With a tolerance
of 0 the same sum counts the pieces containing the point itself (one
``shapely.contains_xy`` pass per piece over the points in its bounding box).

**Threads.** The constructor copies the places' coordinates; the pieces are only read
(each prepared as a private copy: viewer.analysis.piece_snapshot), so ``measure_all`` can
run in a worker while the GUI uses the situation; the GUI adopts the measured object and
only looks statuses up.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime

import numpy as np
import shapely
from shapely import STRtree

from viewer.analysis.piece_snapshot import LayerPieces, copies, over_intervals, private
from viewer.analysis.status_changes import StatusChanges
from viewer.model import Place, Situation
from viewer.model.change import change_id
from viewer.model.geodesy import GEOD
from viewer.model.messages import QT_TRANSLATE_NOOP
from viewer.model.times import to_utc

PLACE_TOLERANCE_M = 250.0
NONE, OUTSIDE, LINE, INSIDE = -1, 0, 1, 2     # NONE: before the layer's first state
# the CLI's words (and JSON values); the window shows translate("Core", STATUS_TEXT[code])
STATUS_TEXT = {NONE: QT_TRANSLATE_NOOP("Core", "no data"),
               OUTSIDE: QT_TRANSLATE_NOOP("Core", "outside"),
               LINE: QT_TRANSLATE_NOOP("Core", "on the line"),
               INSIDE: QT_TRANSLATE_NOOP("Core", "inside")}
_FULL = 1.0 - 1e-6          # a disk this covered is covered (overlay rounding)
_EMPTY = 1e-9
_DISK_VERTICES = 32
_CHUNK = 1024               # places (or place-piece pairs) measured between two checks


def status_rule(tolerance_m: float = PLACE_TOLERANCE_M) -> str:
    return (f"A place within {tolerance_m:g} m of a layer's boundary is on the line; it is "
            f"inside once it lies inside the area by more than {tolerance_m:g} m.")


@dataclass(frozen=True)
class StatusEvent:
    at: datetime
    status: int                 # OUTSIDE, LINE or INSIDE
    change_id: str | None       # the layer's change at that state, if it has one

    @property
    def text(self) -> str:
        return STATUS_TEXT[self.status]


def geodesic_disks(lon: np.ndarray, lat: np.ndarray, radius_m: float,
                   vertices: int = _DISK_VERTICES) -> np.ndarray:
    """Polygons approximating the geodesic circles of ``radius_m`` about each point."""
    n = len(lon)
    az = np.tile(np.linspace(0.0, 360.0, vertices, endpoint=False), n)
    x, y, _ = GEOD.fwd(np.repeat(lon, vertices), np.repeat(lat, vertices), az,
                       np.full(n * vertices, float(radius_m)))
    ring = np.stack([x, y], axis=-1).reshape(n, vertices, 2)
    return shapely.polygons(np.concatenate([ring, ring[:, :1]], axis=1))


def _checked(check, fn, *args):
    check()
    return fn(*args)


def _shares(disks: np.ndarray, geoms: np.ndarray, di: np.ndarray, pi: np.ndarray,
            check) -> np.ndarray:
    """The share of each disk ``disks[di]`` that its piece ``geoms[pi]`` covers, in
    chunks (``check()`` between them)."""
    covered = np.empty(len(di))
    for start in range(0, len(di), _CHUNK):
        check()
        part = slice(start, start + _CHUNK)
        covered[part] = shapely.area(shapely.intersection(disks[di[part]], geoms[pi[part]]))
    return covered / shapely.area(disks[di])


class SettlementStatus:
    """Status of ``places`` (default: the situation's) in each layer at every state."""

    def __init__(self, situation: Situation, places: list[Place] | None = None,
                 tolerance_m: float = PLACE_TOLERANCE_M):
        if not tolerance_m >= 0:
            raise ValueError("the place tolerance must be 0 m or more")
        self.situation = situation
        self.places = list(situation.places if places is None else places)
        self.tolerance_m = float(tolerance_m)
        self._lon = np.array([p.lon for p in self.places], float)
        self._lat = np.array([p.lat for p in self.places], float)
        self._layers = {layer.id: LayerPieces.of(layer) for layer in situation.layers}
        self._changes: dict[str, StatusChanges] = {}
        self.complete = False

    # -- everything at once (a worker's job) -----------------------------------------
    def measure_all(self, check=lambda: None) -> SettlementStatus:
        """Every layer's statuses (``check`` is called before each: it raises to cancel)."""
        for layer_id in self._layers:
            check()
            self._runs(layer_id, check)
        self._layers = {k: pieces.measured() for k, pieces in self._layers.items()}
        self.complete = True
        return self

    def regions(self) -> list:
        """The situation's own region each place lies in (None: in none of them)."""
        own = self.situation.own_regions
        out = [None] * len(self.places)
        if own and self.places:
            tree = STRtree(copies([r.geometry for r in own]))
            pi, ri = tree.query(shapely.points(self._lon, self._lat), predicate="intersects")
            for p, r in sorted(zip(pi.tolist(), ri.tolist()), reverse=True):
                out[p] = own[r]          # the first region, where a point is on a border
        return out

    # -- lookups ---------------------------------------------------------------------
    def times(self, layer_id: str) -> list[datetime]:
        return self._layers[layer_id].times

    def statuses(self, layer_id: str) -> np.ndarray:
        """(states x places) status codes of every place at every state of the layer
        (built from the changes on each call: tests and exports, never a time step)."""
        return self._runs(layer_id).table()

    def state_index(self, layer_id: str, t: datetime) -> int:
        return bisect_right(self.times(layer_id), to_utc(t)) - 1

    def status_at(self, layer_id: str, t: datetime) -> np.ndarray:
        """Each place's status at ``t`` (NONE before the layer's first state)."""
        k = self.state_index(layer_id, t)
        if k < 0:
            return np.full(len(self.places), NONE, np.int8)
        return self.status_row(layer_id, k)

    def status_row(self, layer_id: str, index: int) -> np.ndarray:
        """Each place's status at state ``index`` of the layer."""
        return self._runs(layer_id).row(index)

    def since_index(self, layer_id: str, index: int) -> np.ndarray:
        """Per place, the index of the first state of its status's run at state ``index``."""
        runs = self._runs(layer_id)
        last = runs.latest(index)
        out = np.zeros(len(self.places), np.int64)
        out[runs.place[last]] = runs.state[last]
        return out

    def since(self, layer_id: str, t: datetime) -> list[datetime | None]:
        """Per place, the first state of the run of its status in force at ``t``."""
        k = self.state_index(layer_id, t)
        if k < 0:
            return [None] * len(self.places)
        times = self.times(layer_id)
        return [times[i] for i in self.since_index(layer_id, k).tolist()]

    def first_inside(self, layer_id: str) -> list[datetime | None]:
        """Per place, the first state time it lies inside (by the tolerance rule)."""
        runs, times = self._runs(layer_id), self.times(layer_id)
        out: list[datetime | None] = [times[0] if code == INSIDE else None
                                      for code in runs.initial.tolist()]
        for k, p, code in zip(runs.state.tolist(), runs.place.tolist(), runs.status.tolist()):
            if code == INSIDE and out[p] is None:
                out[p] = times[k]
        return out

    def change_counts(self, layer_id: str, until: datetime | None = None) -> np.ndarray:
        """Per place, how many times its status changed (after the first state), up to
        ``until`` (default: over the whole layer)."""
        runs = self._runs(layer_id)
        k = len(self.times(layer_id)) - 1 if until is None else self.state_index(layer_id, until)
        e = runs.events_until(k) if k >= 0 else 0
        return np.bincount(runs.place[:e], minlength=len(self.places))

    def _runs(self, layer_id: str, check=lambda: None) -> StatusChanges:
        if layer_id not in self._changes:
            self._changes[layer_id] = StatusChanges.of(self._measure(layer_id, check))
        return self._changes[layer_id]

    def log(self, layer_id: str, place_index: int) -> list[StatusEvent]:
        """The place's status at the layer's first state, then every change of it, each
        with the layer's change at that state (None where the state has no change)."""
        times, changed = self.times(layer_id), self._layers[layer_id].change_times
        runs = self._runs(layer_id)
        if not runs.states:
            return []
        mine = np.flatnonzero(runs.place == place_index)
        at = [(0, int(runs.initial[place_index]))] + [(int(runs.state[i]), int(runs.status[i]))
                                                      for i in mine]
        return [StatusEvent(times[k], code,
                            change_id(layer_id, times[k]) if times[k] in changed else None)
                for k, code in at]

    # -- the vectorised work ---------------------------------------------------------
    def _measure(self, layer_id: str, check=lambda: None) -> np.ndarray:
        pieces = self._layers[layer_id]
        geoms = pieces.geoms
        n, m = len(pieces.times), len(self.places)
        if not m or not n:
            return np.zeros((n, m), np.int8)
        if self.tolerance_m > 0:
            disks = np.concatenate([_checked(check, geodesic_disks, self._lon[k:k + _CHUNK],
                                             self._lat[k:k + _CHUNK], self.tolerance_m)
                                    for k in range(0, m, _CHUNK)])
            tree = STRtree(geoms)
            found = []                  # in chunks of places, ``check()`` between them
            for start in range(0, m, _CHUNK):
                check()
                di, pi = tree.query(disks[start:start + _CHUNK], predicate="intersects")
                found.append((di + start, pi))
            di, pi = (np.concatenate(a) for a in zip(*found))
            share = _shares(disks, geoms, di, pi, check)
        else:
            di, pi = self._containing(geoms)
            share = np.ones(len(di))
        # only the places some piece ever meets: the others are outside throughout
        near, column = np.unique(di, return_inverse=True)
        covered = over_intervals(n, pieces.first[pi], pieces.last[pi], share, column,
                                 len(near))
        status = np.full(covered.shape, LINE, np.int8)
        status[covered <= _EMPTY] = OUTSIDE
        status[covered >= _FULL] = INSIDE
        out = np.full((n, m), OUTSIDE, np.int8)
        out[:, near] = status
        return out

    def _containing(self, geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(point, piece) index pairs of the points each piece contains."""
        bounds = shapely.bounds(geoms)
        points, pieces = [], []
        for j, (minx, miny, maxx, maxy) in enumerate(bounds):
            near = np.flatnonzero((self._lon >= minx) & (self._lon <= maxx)
                                  & (self._lat >= miny) & (self._lat <= maxy))
            if len(near):
                hit = near[shapely.contains_xy(private(geoms[j]), self._lon[near],
                                               self._lat[near])]
                points.append(hit)
                pieces.append(np.full(len(hit), j))
        if not points:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        return np.concatenate(points), np.concatenate(pieces)
