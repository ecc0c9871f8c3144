"""What an import did, on one screen: per layer its states, changes, dropped slivers,
repaired polygons, time span, area at the start and end and the first entry into each
region; then the warnings (how many, and the first few)."""

from __future__ import annotations

from viewer.analysis.areas import Areas
from viewer.analysis.region_attribution import ENTRY_DEPTH_M, RegionAttribution
from viewer.importing.pipeline import ImportResult
from viewer.model.context import layer_names
from viewer.model.messages import CONTEXT, QT_TRANSLATE_NOOP, Message, fill
from viewer.model.text import safe_line

SHOWN_WARNINGS = 5
DEPTH_KM = f"{ENTRY_DEPTH_M / 1000:g}"


def import_facts(result: ImportResult, areas: Areas | None = None,
                 by_region: RegionAttribution | None = None) -> dict:
    """The summary as plain data (times are datetimes, areas km²)."""
    situation = result.situation
    areas = areas or Areas(situation)
    by_region = by_region or RegionAttribution(situation)
    names = {r.id: r.name for r in situation.regions}
    local = {r.id: r.name_uk for r in situation.regions}
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
            "first_entries_uk": [local.get(rid) or names.get(rid, rid) for rid, _ in entries],
        })
    return {"mode": result.mode, "chosen": result.chosen, "snapshots": result.snapshots,
            "files": result.files, "dropped": result.dropped,
            "repaired": result.repaired, "layers": layers,
            "regions": len(situation.own_regions), "places": len(situation.places),
            "reports": len(situation.reports),
            "links": len(situation.links), "warnings": list(result.warnings),
            "context": {name: sum(f.layer == name for f in situation.context)
                        for name in layer_names(situation.context)}}


def english(context: str, text: str) -> str:
    return text


def english_number(value: float, decimals: int = 1) -> str:
    return f"{value:,.{decimals}f}"


def summary_text(facts: dict, target: str = "", translate=english,
                 number=english_number, lang: str = "en") -> str:
    """The summary for a terminal, in the language of ``translate(context, text)``
    (Qt's, or the command line's) with numbers written by ``number(value, decimals)``
    and the regions named in ``lang`` where they have a name in it; English by default."""
    def say(template: str, *values) -> str:
        return fill(translate(CONTEXT, template), *values)

    def signed(value: float) -> str:
        return ("+" if value >= 0 else "-") + number(abs(value))

    snapshots = facts["mode"] == "snapshots"
    what = (say(QT_TRANSLATE_NOOP("Core", "imported %1 snapshot files"), facts["files"])
            if snapshots else
            say(QT_TRANSLATE_NOOP("Core", "imported %1 files of timestamped areas"),
                facts["files"]))
    lines = [what + (say(QT_TRANSLATE_NOOP("Core", " into %1"), target) if target else "")]
    if snapshots:
        read = say(QT_TRANSLATE_NOOP("Core", "read as: a dated snapshot series, %1 "
                                     "snapshot(s) (--as features reads every area as a "
                                     "timestamped feature)"), facts["snapshots"])
    else:
        read = say(QT_TRANSLATE_NOOP("Core", "read as: timestamped features (--as snapshots "
                                     "reads one area per date as a snapshot series)"))
    lines.append(read + (say(QT_TRANSLATE_NOOP("Core", " (as --as asked)"))
                         if facts["chosen"] == "--as" else ""))
    depth = say(QT_TRANSLATE_NOOP("Core", "%1 km"), DEPTH_KM)
    for layer in facts["layers"]:
        lines.append(say(QT_TRANSLATE_NOOP("Core", "layer %1: %2 (%3)"), layer["id"],
                         safe_line(layer["name"]), layer["kind"]))
        span = (f"{_day(layer['start'])} .. {_day(layer['end'])}" if layer["start"] else "-")
        lines.append("  " + say(QT_TRANSLATE_NOOP("Core", "states: %1   changes: %2   time "
                                                  "span: %3"),
                                layer["states"], layer["changes"], span))
        delta = layer["end_km2"] - layer["start_km2"]
        lines.append("  " + say(QT_TRANSLATE_NOOP("Core", "area: %1 km² at the start, %2 km² "
                                                  "at the end (%3)"),
                                number(layer["start_km2"]), number(layer["end_km2"]),
                                signed(delta)))
        entries = layer["first_entries"]
        if lang == "uk" and "first_entries_uk" in layer:
            entries = [(name, t) for name, (_, t) in zip(layer["first_entries_uk"], entries)]
        if entries:
            lines.append("  " + say(QT_TRANSLATE_NOOP("Core", "first entry into each region "
                                                      "(at least %1 inside):"), depth))
            lines += [f"    {safe_line(name)}: {_day(t)}"
                      + (say(QT_TRANSLATE_NOOP("Core", "  (at the start)"))
                         if t == layer["start"] else "")
                      for name, t in entries]
        else:
            lines.append("  " + say(QT_TRANSLATE_NOOP("Core", "first entry into each region "
                                                      "(at least %1 inside): none"), depth))
    if snapshots:
        lines.append(say(QT_TRANSLATE_NOOP("Core", "dropped slivers: %1 (parts of differences "
                                           "thinner or smaller than the tolerance; a sliver "
                                           "left unchanged counts once)"), facts["dropped"]))
    lines.append(say(QT_TRANSLATE_NOOP("Core", "repaired polygons: %1"), facts["repaired"]))
    lines.append(say(QT_TRANSLATE_NOOP("Core", "regions: %1   places: %2   reports: %3   "
                                       "report links: %4"),
                     facts["regions"], facts["places"], facts["reports"], facts["links"]))
    if facts.get("context"):
        lines.append(say(QT_TRANSLATE_NOOP("Core", "context: %1"), ", ".join(
            say(QT_TRANSLATE_NOOP("Core", "%1 %2 feature(s)"), safe_line(name), n)
            for name, n in facts["context"].items())))
    warnings = facts["warnings"]
    lines.append(say(QT_TRANSLATE_NOOP("Core", "warnings: %1"), len(warnings)))
    lines += ["  " + safe_line(w.text(translate) if isinstance(w, Message) else w, 200)
              for w in warnings[:SHOWN_WARNINGS]]
    if len(warnings) > SHOWN_WARNINGS:
        lines.append("  " + say(QT_TRANSLATE_NOOP("Core", "... and %1 more"),
                                len(warnings) - SHOWN_WARNINGS))
    return "\n".join(lines) + "\n"


def took_line(seconds: dict[str, float], translate=english, number=english_number) -> str:
    """``took 12.3 s (parse 8.1 s, …)``: the time of the whole import and of each step."""
    steps = {"parse": QT_TRANSLATE_NOOP("Core", "parse %1 s"),
             "history": QT_TRANSLATE_NOOP("Core", "history %1 s"),
             "places": QT_TRANSLATE_NOOP("Core", "places %1 s"),
             "context": QT_TRANSLATE_NOOP("Core", "context %1 s"),
             "analysis": QT_TRANSLATE_NOOP("Core", "analysis %1 s"),
             "write": QT_TRANSLATE_NOOP("Core", "write %1 s")}
    parts = [fill(translate(CONTEXT, steps[k]) if k in steps else f"{k} %1 s", number(v))
             for k, v in seconds.items() if k != "total"]
    return fill(translate(CONTEXT, QT_TRANSLATE_NOOP("Core", "took %1 s (%2)")),
                number(seconds["total"]), ", ".join(parts)) + "\n"


def _day(t) -> str:
    """A date, or the full UTC time when it is not midnight."""
    if t.hour or t.minute or t.second or t.microsecond:
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return t.strftime("%Y-%m-%d")
