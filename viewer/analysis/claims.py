"""Claims against assessments: where a ``claimed`` layer and an assessed layer
(``assessed-*`` or ``incursion``) cover the same ground, how far the claim runs ahead.

- The **claim gap** at each time either layer has a state: the geodesic km² of ground
  claimed and not assessed (claimed state minus assessed state).
- For each claimed change that gained ground: whether, and when, the assessed layer
  later covered at least ``COVER_SHARE`` (90%) of that gain, and the lag in days (0 when
  the assessed layer already covered it when it was claimed), with the reports behind
  the claimed change and behind the assessed changes that gained that ground.

Layers drawn as a sketch (a layer whose source or description says so, as the embedded
sample's do) give figures of a sketch: ``sketch`` carries that sentence, and whatever
shows the figures says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import shapely

from viewer.model import Layer, Situation
from viewer.model.geodesy import geodesic_area_km2

COVER_SHARE = 0.9
ASSESSED_KINDS = ("assessed-control", "assessed-advance", "incursion")


@dataclass(frozen=True)
class ClaimCheck:
    change_id: str
    at: datetime
    claimed_km2: float
    covered_at: datetime | None         # first assessed state covering COVER_SHARE
    covered_share: float                # the share covered then (or the most ever)
    lag_days: float | None
    claim_reports: list[str]
    assessed_changes: list[str]         # the assessed changes that gained that ground
    assessed_reports: list[str]


@dataclass(frozen=True)
class ClaimComparison:
    claimed: str                        # layer ids
    assessed: str
    times: list[datetime]
    gap_km2: list[float]                # claimed and not assessed, at each time
    checks: list[ClaimCheck]
    sketch: str                         # "" or the layers' own words that they are a sketch


def sketch_note(layers: list[Layer]) -> str:
    for layer in layers:
        for text in (layer.source, layer.description):
            if "sketch" in text.lower():
                return text
    return ""


def _overlap(a: Layer, b: Layer) -> bool:
    def extent(layer):
        boxes = [shapely.box(*p.geometry.bounds) for p in layer.history.pieces]
        return shapely.union_all(boxes) if boxes else shapely.Polygon()
    return bool(extent(a).intersects(extent(b)))


def compare_claims(situation: Situation) -> list[ClaimComparison]:
    """One comparison per (claimed, assessed) pair of layers over the same ground."""
    claimed = [l for l in situation.layers if l.kind == "claimed"]
    assessed = [l for l in situation.layers if l.kind in ASSESSED_KINDS]
    return [_compare(situation, c, a) for c in claimed for a in assessed if _overlap(c, a)]


def _compare(situation: Situation, claimed: Layer, assessed: Layer) -> ClaimComparison:
    times = sorted(set(claimed.history.times) | set(assessed.history.times))
    gap = [geodesic_area_km2(shapely.difference(claimed.history.state_at(t),
                                                assessed.history.state_at(t)))
           for t in times]
    checks = [_check(situation, change, assessed) for change in claimed.history.changes
              if not change.gained.is_empty]
    return ClaimComparison(claimed.id, assessed.id, times, gap, checks,
                           sketch_note([claimed, assessed]))


def _check(situation: Situation, change, assessed: Layer) -> ClaimCheck:
    history = assessed.history
    gained = change.gained
    total = geodesic_area_km2(gained)
    k0 = max(history.state_index(change.at), 0)
    covered_at, best = None, 0.0
    for t in history.times[k0:]:
        share = geodesic_area_km2(shapely.intersection(gained, history.state_at(t))) / total
        best = max(best, share)
        if share >= COVER_SHARE:
            covered_at = t
            break
    until = covered_at or (history.end or change.at)
    backing = [c for c in history.changes
               if c.at <= until and not c.gained.is_empty and c.gained.intersects(gained)]
    lag = None if covered_at is None else max((covered_at - change.at).total_seconds(), 0) / 86400
    return ClaimCheck(change.id, change.at, total, covered_at, best, lag,
                      [r.id for r, _ in situation.reports_for(change.id)],
                      [c.id for c in backing],
                      sorted({r.id for c in backing for r, _ in situation.reports_for(c.id)}))
