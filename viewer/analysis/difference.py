"""The ground gained and lost between two dates A and B: for each layer, B's area less
A's and A's less B's, as two areas (not the consecutive changes), with their geodesic
km² and their km² in each region."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from viewer.analysis.region_attribution import ChangeFigures, RegionAttribution
from viewer.model import Change, Situation, iso_z
from viewer.model.gain_loss import gain_and_loss
from viewer.model.messages import QT_TRANSLATE_NOOP, fill
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


def signed(value: float, number=lambda value: f"{value:,.1f}") -> str:
    """``+1,234.5`` / ``-12.3`` (``number`` formats the size); ``0.0`` unsigned for what
    rounds to zero at one decimal (never "-0.0")."""
    if round(value, 1) == 0:
        return number(abs(value))
    return ("+" if value > 0 else "-") + number(abs(value))


def difference_lines(situation: Situation, diffs: list[LayerDifference],
                     translate=lambda context, text: text,
                     number=lambda value: f"{value:,.1f}", lang: str = "en") -> list[str]:
    """The figures as text lines: per layer, then per region; in the language of
    ``translate(context, text)`` with ``number(value)``'s numbers and the regions named in
    ``lang`` (English by default)."""
    names = {r.id: r.names.get(lang) or r.name for r in situation.regions}
    lines = []
    for d in diffs:
        f = d.figures
        lines.append(fill(translate("Core", QT_TRANSLATE_NOOP(
            "Core", "%1: gained %2 km², lost %3 km², net %4 km²")),
            safe_line(situation.layer(d.layer_id).name, LINE_LIMIT), number(f.gained_km2),
            number(f.lost_km2), signed(d.net_km2, number)))
        for region_id, (g, lo) in f.by_region.items():
            g, lo = max(g, 0.0), max(lo, 0.0)      # a sliver's area may round below 0
            lines.append("  " + fill(translate("Core", QT_TRANSLATE_NOOP(
                "Core", "%1: %2 / %3 km² (net %4)")),
                safe_line(names.get(region_id, region_id), LINE_LIMIT), signed(g, number),
                signed(-lo, number), signed(g - lo, number)))
    return lines
