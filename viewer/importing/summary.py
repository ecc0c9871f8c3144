"""What an import did, on one screen: per layer its states, changes, dropped slivers,
repaired polygons, time span, area at the start and end and the first entry into each
region; then the warnings (how many, and the first few)."""

from __future__ import annotations

from viewer.analysis.areas import Areas
from viewer.analysis.region_attribution import DEPTH_TEXT as DEPTH, RegionAttribution
from viewer.importing.pipeline import ImportResult
from viewer.model.context import layer_names
from viewer.model.text import safe_line

SHOWN_WARNINGS = 5


def import_facts(result: ImportResult, areas: Areas | None = None,
                 by_region: RegionAttribution | None = None) -> dict:
    """The summary as plain data (times are datetimes, areas km²)."""
    situation = result.situation
    areas = areas or Areas(situation)
    by_region = by_region or RegionAttribution(situation)
    names = {r.id: r.name for r in situation.regions}
    layers = []
    for layer_id in result.layer_ids:
        history = situation.layer(layer_id).history
        n = len(history.times)
        entries = sorted(by_region.first_entered(layer_id).items(),
                         key=lambda kv: (kv[1], names.get(kv[0], kv[0])))
        layers.append({
            "id": layer_id, "name": situation.layer(layer_id).name,
            "kind": situation.layer(layer_id).kind,
            "states": n, "changes": len(history.changes),
            "start": history.start, "end": history.end,
            "start_km2": areas.state_km2_at_index(layer_id, 0) if n else 0.0,
            "end_km2": areas.state_km2_at_index(layer_id, n - 1) if n else 0.0,
            "first_entries": [(names.get(rid, rid), t) for rid, t in entries],
        })
    return {"mode": result.mode, "chosen": result.chosen, "snapshots": result.snapshots,
            "files": result.files, "dropped": result.dropped,
            "repaired": result.repaired, "layers": layers,
            "regions": len(situation.own_regions), "places": len(situation.places),
            "reports": len(situation.reports),
            "links": len(situation.links), "warnings": list(result.warnings),
            "context": {name: sum(f.layer == name for f in situation.context)
                        for name in layer_names(situation.context)}}


def summary_text(facts: dict, target: str = "") -> str:
    what = "snapshot files" if facts["mode"] == "snapshots" else "files of timestamped areas"
    lines = [f"imported {facts['files']} {what}" + (f" into {target}" if target else "")]
    if facts["mode"] == "snapshots":
        read = (f"read as: a dated snapshot series, {facts['snapshots']} snapshot(s) "
                "(--as features reads every area as a timestamped feature)")
    else:
        read = ("read as: timestamped features (--as snapshots reads one area per date "
                "as a snapshot series)")
    lines.append(read + (" (as --as asked)" if facts["chosen"] == "--as" else ""))
    for layer in facts["layers"]:
        lines.append(f"layer {layer['id']}: {safe_line(layer['name'])} ({layer['kind']})")
        span = (f"{_day(layer['start'])} .. {_day(layer['end'])}" if layer["start"] else "-")
        lines.append(f"  states: {layer['states']}   changes: {layer['changes']}   "
                     f"time span: {span}")
        delta = layer["end_km2"] - layer["start_km2"]
        lines.append(f"  area: {layer['start_km2']:,.1f} km² at the start, "
                     f"{layer['end_km2']:,.1f} km² at the end ({delta:+,.1f})")
        entries = layer["first_entries"]
        if entries:
            lines.append(f"  first entry into each region (at least {DEPTH} inside):")
            lines += [f"    {safe_line(name)}: {_day(t)}"
                      + ("  (at the start)" if t == layer["start"] else "")
                      for name, t in entries]
        else:
            lines.append(f"  first entry into each region (at least {DEPTH} inside): none")
    if facts["mode"] == "snapshots":
        lines.append(f"dropped slivers: {facts['dropped']} (parts of differences thinner "
                     "or smaller than the tolerance; a sliver left unchanged counts once)")
    lines.append(f"repaired polygons: {facts['repaired']}")
    lines.append(f"regions: {facts['regions']}   places: {facts['places']}   "
                 f"reports: {facts['reports']}   "
                 f"report links: {facts['links']}")
    if facts.get("context"):
        lines.append("context: " + ", ".join(f"{safe_line(name)} {n} feature(s)"
                                             for name, n in facts["context"].items()))
    warnings = facts["warnings"]
    lines.append(f"warnings: {len(warnings)}")
    lines += [f"  {safe_line(w, 200)}" for w in warnings[:SHOWN_WARNINGS]]
    if len(warnings) > SHOWN_WARNINGS:
        lines.append(f"  ... and {len(warnings) - SHOWN_WARNINGS} more")
    return "\n".join(lines) + "\n"


def _day(t) -> str:
    """A date, or the full UTC time when it is not midnight."""
    if t.hour or t.minute or t.second or t.microsecond:
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return t.strftime("%Y-%m-%d")
