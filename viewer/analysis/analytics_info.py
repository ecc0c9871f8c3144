"""The front analytics as plain data for ``info --json``: each state's front length and
rates of advance, each place's status in each layer, claims against assessments."""

from __future__ import annotations

import math
from datetime import datetime

import numpy as np

from viewer.analysis.claims import compare_claims
from viewer.analysis.rates import WINDOWS_DAYS, rate_per_day
from viewer.analysis.settlement_status import STATUS_TEXT, SettlementStatus
from viewer.model import Situation, iso_z


def figure(value: float, digits: int = 3) -> float | None:
    return None if math.isnan(value) else round(float(value), digits)


def time_or_none(t: datetime | None) -> str | None:
    return None if t is None else iso_z(t)


def state_figures(times: list[datetime], km2: np.ndarray, front_km: np.ndarray,
                  regions: list[str] = (), region_km2: np.ndarray | None = None) -> list[dict]:
    """Per state: area, front length, 7- and 30-day rates; and ``by_region`` {name: km²
    and rates} for each region the layer reaches at some state (``region_km2``: states x
    regions, columns in the order of ``regions``; the others are left out)."""
    rates = {d: rate_per_day(times, km2, d) for d in WINDOWS_DAYS}
    reached = ([] if region_km2 is None or not len(times) else
               [j for j in range(len(regions)) if region_km2[:, j].max() > 0])
    local = {d: rate_per_day(times, region_km2[:, reached], d) for d in WINDOWS_DAYS
             } if reached else {}
    out = []
    for k, t in enumerate(times):
        row = {"at": iso_z(t), "area_km2": figure(km2[k]), "front_km": figure(front_km[k]),
               **{f"rate_km2_per_day_{d}d": figure(rates[d][k]) for d in WINDOWS_DAYS}}
        if region_km2 is not None:
            row["by_region"] = {regions[j]: {"km2": figure(region_km2[k, j]),
                                             **{f"rate_km2_per_day_{d}d": figure(local[d][k, c])
                                                for d in WINDOWS_DAYS}}
                                for c, j in enumerate(reached)}
        out.append(row)
    return out


def places_status(status: SettlementStatus, at: datetime | None) -> list[dict]:
    """Per place, {layer id: {status, since, first_inside, status_changes}} at ``at``."""
    out: list[dict] = [{} for _ in status.places]
    for layer in status.situation.layers:
        if at is None or not status.times(layer.id):
            continue
        codes, since = status.status_at(layer.id, at), status.since(layer.id, at)
        first, counts = status.first_inside(layer.id), status.change_counts(layer.id, until=at)
        for i, entry in enumerate(out):
            entry[layer.id] = {"status": STATUS_TEXT[int(codes[i])],
                               "since": time_or_none(since[i]),
                               "first_inside": time_or_none(first[i]),
                               "status_changes": int(counts[i])}
    return out


def claims_info(situation: Situation) -> list[dict]:
    return [{"claimed": c.claimed, "assessed": c.assessed, "sketch": c.sketch,
             "gap_km2": [{"at": iso_z(t), "km2": figure(v)} for t, v in zip(c.times, c.gap_km2)],
             "changes": [{"change": k.change_id, "at": iso_z(k.at),
                          "claimed_km2": figure(k.claimed_km2),
                          "covered_at": time_or_none(k.covered_at),
                          "covered_share": figure(k.covered_share, 4),
                          "lag_days": None if k.lag_days is None else figure(k.lag_days, 2),
                          "claim_reports": k.claim_reports,
                          "assessed_changes": k.assessed_changes,
                          "assessed_reports": k.assessed_reports} for k in c.checks]}
            for c in compare_claims(situation)]
