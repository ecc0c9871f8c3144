"""The ground gained and lost between two dates A and B: for each layer, B's area less
A's and A's less B's, as two areas (not the consecutive changes), with their geodesic
km² and their km² in each region."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from viewer.analysis.region_attribution import ChangeFigures, RegionAttribution
from viewer.model import Change, Situation, iso_z
from viewer.model.history import gain_and_loss
from viewer.model.text import LINE_LIMIT, safe_line


def layer_difference(situation: Situation, layer_id: str, a: datetime, b: datetime) -> Change:
    """What ``layer_id`` gained (in B, not in A) and lost (in A, not in B), as a Change
    at B (its id names both dates, never one of the file's change ids)."""
    history = situation.layer(layer_id).history
    gained, lost = gain_and_loss(history.state_at(a), history.state_at(b))
    return Change(f"{layer_id}@{iso_z(a)}..{iso_z(b)}", layer_id, b, gained, lost)


@dataclass(frozen=True)
class LayerDifference:
    layer_id: str
    change: Change
    figures: ChangeFigures

    @property
    def net_km2(self) -> float:
        return self.figures.gained_km2 - self.figures.lost_km2


def compare(situation: Situation, a: datetime, b: datetime,
            attribution: RegionAttribution | None = None,
            changes: list[Change] | None = None) -> list[LayerDifference]:
    """Every layer's difference between A and B (or those ``changes``, made by
    ``layer_difference``), with km² in total and per region."""
    attribution = attribution or RegionAttribution(situation)
    if changes is None:
        changes = [layer_difference(situation, layer.id, a, b) for layer in situation.layers]
    attribution.measure_changes(changes)
    return [LayerDifference(c.layer_id, c, attribution.change(c)) for c in changes]


def signed(value: float) -> str:
    """``+1,234.5`` / ``-12.3``; ``0.0`` unsigned for what rounds to zero (never "-0.0")."""
    return f"{abs(value):,.1f}" if round(value, 1) == 0 else f"{value:+,.1f}"


def difference_lines(situation: Situation, diffs: list[LayerDifference]) -> list[str]:
    """The figures as text lines: per layer, then per region."""
    names = {r.id: r.name for r in situation.regions}
    lines = []
    for d in diffs:
        f = d.figures
        lines.append(f"{safe_line(situation.layer(d.layer_id).name, LINE_LIMIT)}: gained {f.gained_km2:,.1f} km², "
                     f"lost {f.lost_km2:,.1f} km², net {signed(d.net_km2)} km²")
        for region_id, (g, lo) in f.by_region.items():
            g, lo = max(g, 0.0), max(lo, 0.0)      # a sliver's area may round below 0
            lines.append(f"  {safe_line(names.get(region_id, region_id), LINE_LIMIT)}: "
                         f"{signed(g)} / {signed(-lo)} km² (net {signed(g - lo)})")
    return lines
