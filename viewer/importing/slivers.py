"""Dropping the slivers of re-digitising from a snapshot series, without letting them pile up.

Two snapshots of the same front, digitised twice, differ by thin or tiny slivers that are
noise, not changes. A part (one polygon) of the difference between consecutive states is
dropped when its area is under ``min_area_km2`` or when it is thinner than
``min_width_m`` everywhere (a negative buffer of half the width leaves nothing).

Dropped parts must not accumulate into an unseen drift, so the filter carries an
*effective* state forward: S'_i = (S'_{i-1} - kept losses) | kept gains, with each day's
gains and losses measured between the raw snapshot S_i and S'_{i-1}. A sliver dropped
today is measured again tomorrow and kept once it has grown into a real change.

S'_i differs from S_i by exactly the parts dropped at step i (D_i = DG_i | DL_i: gains
left out and losses not made), so S'_i is never built: the difference to the next snapshot
N is worked out from the raw one, G = N - S_i and L = S_i - N (one overlay, the unavoidable
one), corrected locally where it meets D_i:

    N - S'_i = (G - DL_i) | (DG_i - L)        S'_i - N = (L - DG_i) | (DL_i - G)

Only parts that touch each other take part in those small overlays; a dropped part nothing
touches is still dropped, unchanged, and is counted only once. Parts under ``NOISE_M2``
are the rounding noise of overlays, neither changes nor slivers, and are ignored.
Areas and widths are measured in an equal-area projection of the data (true areas).
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from viewer.analysis.projection import Projector, auto_crs
from viewer.model.geometry import EMPTY, polygonal
from viewer.model.gain_loss import gain_and_loss

NOISE_M2 = 1.0
_NONE = np.empty(0, dtype=object)


class SliverFilter:
    """A ``History.from_states`` stepper: gains and losses between consecutive snapshots
    without the slivers; ``dropped`` counts the parts left out."""

    def __init__(self, bbox: tuple[float, float, float, float], min_width_m: float = 10.0,
                 min_area_km2: float = 0.01):
        if min_width_m < 0 or min_area_km2 < 0:
            raise ValueError("the sliver width and area can't be negative")
        self._projector = Projector(auto_crs(bbox))
        self.min_width_m = float(min_width_m)
        self.min_area_m2 = float(min_area_km2) * 1e6
        self._noise_m2 = min(NOISE_M2, self.min_area_m2)
        self.dropped = 0             # parts dropped (a sliver left unchanged counts once)
        self._dg = _NONE             # D_i: parts of the snapshot left out ...
        self._dl = _NONE             # ... and parts it lost that were not taken out

    # -- the stepper protocol ----------------------------------------------------------
    def step(self, prev: BaseGeometry, state: BaseGeometry) -> tuple[BaseGeometry, BaseGeometry]:
        """(gained, lost) from the effective state to snapshot ``state``, whose raw
        predecessor is ``prev``; call once per consecutive pair, in time order."""
        gained, lost = gain_and_loss(prev, state)
        return self.step_raw(gained, lost)

    def step_raw(self, gained: BaseGeometry,
                 lost: BaseGeometry) -> tuple[BaseGeometry, BaseGeometry]:
        """As ``step``, given the raw gain_and_loss(prev, state) already computed."""
        g, l = _parts(gained), _parts(lost)
        dg, dl = self._dg, self._dl
        g_hit, l_hit = _touching(g, dg, dl), _touching(l, dg, dl)
        dg_hit, dl_hit = _touching(dg, g, l), _touching(dl, g, l)
        gains = np.concatenate([g[~g_hit], _local(g[g_hit], dl[dl_hit], dg[dg_hit], l[l_hit])])
        losses = np.concatenate([l[~l_hit], _local(l[l_hit], dg[dg_hit], dl[dl_hit], g[g_hit])])
        keep_g, drop_g = self._judge(gains)
        keep_l, drop_l = self._judge(losses)
        self.dropped += int(drop_g.sum() + drop_l.sum())
        self._dg = np.concatenate([dg[~dg_hit], gains[drop_g]])
        self._dl = np.concatenate([dl[~dl_hit], losses[drop_l]])
        return _collect(gains[keep_g]), _collect(losses[keep_l])

    def carried(self, state: BaseGeometry) -> BaseGeometry:
        """The effective state for snapshot ``state`` (the last one stepped to)."""
        if len(self._dg):
            state = shapely.difference(state, _collect(self._dg))
        if len(self._dl):
            state = shapely.union(state, _collect(self._dl))
        return polygonal(state)

    # -- what remains left out -----------------------------------------------------------
    @property
    def left_out(self) -> tuple[BaseGeometry, BaseGeometry]:
        """(parts of the last snapshot left out, parts it lost that were kept in)."""
        return _collect(self._dg), _collect(self._dl)

    # -- judging parts -------------------------------------------------------------------
    def _judge(self, parts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(keep, drop) masks over ``parts``; noise is in neither."""
        if len(parts) == 0:
            return np.zeros(0, bool), np.zeros(0, bool)
        metric = self._projector.project(parts)          # an array in, an array out
        area = shapely.area(metric)
        noise = (area < self._noise_m2) | (area <= 0.0)
        drop = ~noise & (area < self.min_area_m2)
        half = self.min_width_m / 2.0
        if half > 0:
            # a part whose inradius is at least `half` has area >= half * perimeter
            # (area = integral of the inner parallel curves, none longer than the
            # boundary), so only parts below twice that bound need the buffer test
            cand = np.nonzero(~noise & ~drop)[0]
            cand = cand[area[cand] < 2.0 * half * shapely.length(metric[cand])]
            if len(cand):
                drop[cand] = shapely.is_empty(shapely.buffer(metric[cand], -half, quad_segs=2))
        return ~noise & ~drop, drop


def _parts(geom: BaseGeometry) -> np.ndarray:
    if geom.is_empty:
        return _NONE
    return np.asarray(shapely.get_parts(geom), dtype=object)


def _collect(parts: np.ndarray) -> BaseGeometry:
    """Parts that are components of one overlay result (pairwise disjoint, no shared
    edges) as one geometry: a plain collection, no union needed."""
    if len(parts) == 0:
        return EMPTY
    return parts[0] if len(parts) == 1 else shapely.multipolygons(parts)


def _touching(parts: np.ndarray, *others: np.ndarray) -> np.ndarray:
    """Mask over ``parts``: those intersecting (or sharing an edge with) any of ``others``."""
    hit = np.zeros(len(parts), bool)
    other = np.concatenate(others) if others else _NONE
    if len(parts) and len(other):
        idx = STRtree(other).query(parts, predicate="intersects")[0]
        hit[idx] = True
    return hit


def _local(own: np.ndarray, minus_own: np.ndarray, carried: np.ndarray,
           minus_carried: np.ndarray) -> np.ndarray:
    """Parts of (own - minus_own) | (carried - minus_carried): e.g. the gains since the
    effective state near dropped parts, (G - DL) | (DG - L)."""
    if len(own) == 0 and len(carried) == 0:
        return _NONE
    a = shapely.difference(_collect(own), _collect(minus_own)) if len(own) else EMPTY
    b = shapely.difference(_collect(carried), _collect(minus_carried)) if len(carried) else EMPTY
    both = b if a.is_empty else a if b.is_empty else shapely.union(a, b)
    return _parts(polygonal(both))
