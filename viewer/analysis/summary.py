"""The situation summarised as plain data: what ``situation-viewer info --json`` prints.

Per region analysis (viewer.analysis.region_attribution): each change's ``regions_km2``
({region name: {"gained": km², "lost": km²}}), each layer's ``area_by_region`` at its
last state ({region name: km²}), and each region's ``first_entered`` ({layer id: time}:
the first state with part of the layer at least 1 km inside the region).

Front analytics (viewer.analysis.analytics_info): each state's ``front_km`` and 7/30-day
``rate_km2_per_day_*``, each place's ``status`` in each layer at the end, and ``claims``.
"""

from __future__ import annotations

from collections import Counter

from viewer.analysis.analytics_info import claims_info, places_status, state_figures
from viewer.analysis.areas import Areas
from viewer.analysis.front_line import FrontLine, front_rule
from viewer.analysis.region_attribution import RegionAttribution
from viewer.analysis.settlement_status import SettlementStatus, status_rule
from viewer.model import Situation, iso_z
from viewer.model.context import layer_names


def _km2(value: float) -> float:
    return round(value, 3)


def situation_info(situation: Situation, areas: Areas | None = None,
                   by_region: RegionAttribution | None = None) -> dict:
    areas = areas or Areas(situation)
    by_region = by_region or RegionAttribution(situation)
    by_region.measure_changes(situation.changes)          # all at once: vectorised
    front, status = FrontLine(situation), SettlementStatus(situation)
    entered = by_region.first_entries()
    names = {r.id: r.name for r in situation.regions}
    meta = situation.meta
    layers = []
    for layer in situation.layers:
        times, km2 = areas.series(layer.id)
        changes = []
        for change in layer.history.changes:
            gained, lost = areas.change_km2(change.id)
            touched = by_region.change_km2(change)
            changes.append({
                "id": change.id,
                "at": iso_z(change.at),
                "gained_km2": _km2(gained),
                "lost_km2": _km2(lost),
                "regions": [names[r] for r in touched],
                "regions_km2": {names[r]: {"gained": _km2(g), "lost": _km2(l)}
                                for r, (g, l) in touched.items()},
                "reports": [r.id for r, _ in situation.reports_for(change.id)],
                "report_roles": {r.id: role for r, role in situation.reports_for(change.id)},
            })
        layers.append({
            "id": layer.id, "name": layer.name, "kind": layer.kind,
            "style": {"color": layer.style.color, "opacity": layer.style.opacity,
                      "hatch": layer.style.hatch},
            "states": state_figures(times, km2, front.series(layer.id),
                                    [r.name for r in by_region.regions],
                                    by_region.series(layer.id)[1] if by_region.regions
                                    else None),
            "area_by_region": {names[r]: _km2(a) for r, a in
                               by_region.at_index(layer.id, len(times) - 1).items()
                               if _km2(a) > 0},
            "changes": changes,
        })
    start, end = situation.start, situation.end
    return {
        "format_version": meta.format_version,
        "title": meta.title,
        "description": meta.description,
        "attributions": list(meta.attributions),
        "start": iso_z(start) if start else None,
        "end": iso_z(end) if end else None,
        "default_time": iso_z(meta.default_time) if meta.default_time else None,
        "default_bbox": list(meta.default_bbox) if meta.default_bbox else None,
        "layers": layers,
        "regions": [{"id": r.id, "name": r.name, "name_uk": r.name_uk,
                     "admin_level": r.admin_level, "role": r.role,
                     "first_entered": {lid: iso_z(t)
                                       for lid, t in entered.get(r.id, {}).items()}}
                    for r in situation.regions],
        "places": [{"id": p.id, "name": p.name, "lon": p.lon, "lat": p.lat,
                    "status": st}
                   for p, st in zip(situation.places, places_status(status, situation.end))],
        "place_rule": status_rule(status.tolerance_m),
        "front_rule": front_rule(front.tolerance_m),
        "front_outline": front.outline_source,
        "claims": claims_info(situation),
        "reports": [{"id": r.id, "published": iso_z(r.published), "source": r.source,
                     "title": r.title, "url": r.url, "reliability": r.reliability.code,
                     "changes": [c.id for c, _ in situation.changes_for(r.id)]}
                    for r in situation.reports],
        # rivers, water, roads, rails: per context layer, its features by style
        "context": [{"name": name, "styles": dict(Counter(
            f.style for f in situation.context if f.layer == name))}
            for name in layer_names(situation.context)],
        # links naming a change or a report the file does not hold: shown, not used
        "dangling_links": [{"change": l.change_id, "report": l.report_id, "role": l.role}
                           for l in situation.dangling_links()],
    }
