"""The situation: everything a file holds, and the queries the viewer asks of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from shapely.geometry.base import BaseGeometry

from viewer.model.attachment import Attachment
from viewer.model.change import Change
from viewer.model.context import ContextFeature
from viewer.model.layer import Layer
from viewer.model.meta import SituationMeta
from viewer.model.region import Place, Region
from viewer.model.report import Link, Report
from viewer.model.times import shifted, to_utc
from viewer.model.messages import QT_TRANSLATE_NOOP, message


@dataclass(eq=False)
class Situation:
    meta: SituationMeta = field(default_factory=SituationMeta)
    regions: list[Region] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    layers: list[Layer] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    context: list[ContextFeature] = field(default_factory=list)   # rivers, roads...
    attachments: list[Attachment] = field(default_factory=list)   # offline source copies

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the lookup tables; call after changing the lists in place.

        Ids are unique per kind: two layers, regions, reports or changes with one id
        raise ValueError (a lookup by id must never pick one of two silently)."""
        self._layers = _by_id("layers", self.layers)
        self._reports = _by_id("reports", self.reports)
        self._changes = _by_id("changes", [c for layer in self.layers
                                           for c in layer.history.changes])
        _by_id("regions", self.regions)
        _by_id("context features", self.context)
        self._by_change: dict[str, list[Link]] = {}
        self._by_report: dict[str, list[Link]] = {}
        for link in self.links:
            self._by_change.setdefault(link.change_id, []).append(link)
            self._by_report.setdefault(link.report_id, []).append(link)

    # -- lookups ---------------------------------------------------------------------
    def layer(self, layer_id: str) -> Layer:
        return self._layers[layer_id]

    def report(self, report_id: str) -> Report:
        return self._reports[report_id]

    def change(self, change_id: str) -> Change:
        return self._changes[change_id]

    @property
    def changes(self) -> list[Change]:
        return sorted(self._changes.values(), key=lambda c: (c.at, c.layer_id))

    @property
    def own_regions(self) -> list[Region]:
        return [r for r in self.regions if r.role == "region"]

    # -- time ------------------------------------------------------------------------
    @property
    def times(self) -> list[datetime]:
        return sorted({t for layer in self.layers for t in layer.history.times})

    @property
    def start(self) -> datetime | None:
        times = self.times
        return times[0] if times else self.meta.default_time

    @property
    def end(self) -> datetime | None:
        times = self.times
        return times[-1] if times else self.meta.default_time

    def state_at(self, t: datetime) -> dict[str, BaseGeometry]:
        """Every layer's area at ``t``."""
        return {layer.id: layer.history.state_at(t) for layer in self.layers}

    def changes_between(self, t0: datetime | None, t1: datetime) -> list[Change]:
        """Changes of every layer with t0 < at <= t1, in time order."""
        out = [c for layer in self.layers for c in layer.history.changes_between(t0, t1)]
        return sorted(out, key=lambda c: (c.at, c.layer_id))

    def recent_changes(self, t: datetime, days: float | None = None) -> list[Change]:
        """Changes in the highlight window (t - days, t]."""
        days = self.meta.highlight_days if days is None else days
        t = to_utc(t)
        if not days > 0:                 # 0, negative or NaN: an empty window
            return []
        try:
            start = shifted(t, -timedelta(days=days))
        except OverflowError:            # more days than a timedelta holds: everything
            start = None
        return self.changes_between(start, t)

    # -- provenance ------------------------------------------------------------------
    def reports_for(self, change_id: str) -> list[tuple[Report, str]]:
        """The reports behind a change, with their roles, oldest first."""
        pairs = [(self._reports[l.report_id], l.role)
                 for l in self._by_change.get(change_id, []) if l.report_id in self._reports]
        return sorted(pairs, key=lambda p: (p[0].published, p[0].id))

    def changes_for(self, report_id: str) -> list[tuple[Change, str]]:
        """The changes a report speaks of, with its role, in time order."""
        pairs = [(self._changes[l.change_id], l.role)
                 for l in self._by_report.get(report_id, []) if l.change_id in self._changes]
        return sorted(pairs, key=lambda p: p[0].at)

    def attachments_of(self, report_id: str) -> list[Attachment]:
        return [a for a in self.attachments if a.report_id == report_id]

    def dangling_links(self) -> list[Link]:
        return [l for l in self.links
                if l.change_id not in self._changes or l.report_id not in self._reports]


_TWO = {"layers": QT_TRANSLATE_NOOP("Core", "two layers have the id %1"),
        "reports": QT_TRANSLATE_NOOP("Core", "two reports have the id %1"),
        "changes": QT_TRANSLATE_NOOP("Core", "two changes have the id %1"),
        "regions": QT_TRANSLATE_NOOP("Core", "two regions have the id %1"),
        "context features": QT_TRANSLATE_NOOP("Core", "two context features have the id %1")}


def _by_id(kind: str, items: list) -> dict:
    """``{item.id: item}``; ValueError naming the first id that appears twice."""
    index = {item.id: item for item in items}
    if len(index) != len(items):
        seen: set = set()
        dup = next(item.id for item in items if item.id in seen or seen.add(item.id))
        shown = repr(dup)
        raise ValueError(message(_TWO[kind], shown if len(shown) <= 170 else shown[:169] + "…"))
    return index
