"""How well sourced each layer's changes are: the share of them, by count and by km²,
backed by at least one report of a threshold grade (B2 or better by default), backed only
by lower grades, backed by claims only, disputed only, or unsourced; and per source, how
many changes it backs (reports or confirms), claims and disputes.

A change is *backed* by a report linked as "reports" or "confirms"; a claim is not
backing, and a dispute speaks against it. Qt-free: the reports panel shows the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from viewer.model import Change, Situation
from viewer.model.report_filter import ReportCriteria

CATEGORIES = ("graded", "lower", "claims", "disputed", "unsourced")
BACKING = ("reports", "confirms")
DEFAULT_THRESHOLD = ReportCriteria(source_at_most="B", info_at_most=2)


@dataclass
class Share:
    count: int = 0
    km2: float = 0.0


@dataclass
class LayerProvenance:
    layer_id: str
    name: str
    shares: dict[str, Share] = field(default_factory=lambda: {c: Share() for c in CATEGORIES})

    @property
    def count(self) -> int:
        return sum(s.count for s in self.shares.values())

    @property
    def km2(self) -> float:
        return sum(s.km2 for s in self.shares.values())


@dataclass
class SourceCounts:
    backs: int = 0
    claims: int = 0
    disputes: int = 0


def category(situation: Situation, change_id: str,
             threshold: ReportCriteria = DEFAULT_THRESHOLD) -> str:
    """One of CATEGORIES for a change (``threshold``'s grade parts only are used)."""
    links = situation.reports_for(change_id)
    if not links:
        return "unsourced"
    grade_only = ReportCriteria(source_at_most=threshold.source_at_most,
                                info_at_most=threshold.info_at_most)
    backing = [r for r, role in links if role in BACKING]
    if any(grade_only.report_passes(r, "") for r in backing):
        return "graded"
    if backing:
        return "lower"
    if any(role == "claims" for _, role in links):
        return "claims"
    return "disputed"


def provenance(situation: Situation, changes: list[Change],
               km2: Callable[[Change], float] | None,
               threshold: ReportCriteria = DEFAULT_THRESHOLD
               ) -> tuple[list[LayerProvenance], dict[str, SourceCounts]]:
    """Per layer (in the situation's order, only layers with changes among ``changes``)
    and per source (sorted by name). ``km2``: a change's gained plus lost km², or None
    when not measured (every km² is then 0)."""
    layers = {layer.id: LayerProvenance(layer.id, layer.name) for layer in situation.layers}
    sources: dict[str, SourceCounts] = {}
    for change in changes:
        share = layers[change.layer_id].shares[category(situation, change.id, threshold)]
        share.count += 1
        share.km2 += km2(change) if km2 is not None else 0.0
        for report, role in situation.reports_for(change.id):
            counts = sources.setdefault(report.source, SourceCounts())
            if role in BACKING:
                counts.backs += 1
            elif role == "claims":
                counts.claims += 1
            else:
                counts.disputes += 1
    return ([p for p in layers.values() if p.count],
            dict(sorted(sources.items(), key=lambda kv: kv[0].casefold())))


def changes_up_to(situation: Situation, t: datetime) -> list[Change]:
    """The changes at or before ``t`` (what the map at ``t`` is built from)."""
    return [c for c in situation.changes if c.at <= t]
