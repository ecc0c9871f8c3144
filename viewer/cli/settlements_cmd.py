"""``situation-viewer settlements FILE``: every place's status in each layer at a date —
inside, on the line, outside — since when, when it first fell inside, how many times its
status changed, and (``--json``) its whole log with the changes and reports behind it.
"""

from __future__ import annotations

import csv
import sys

from viewer.analysis.settlement_status import (PLACE_TOLERANCE_M, STATUS_TEXT,
                                               SettlementStatus, status_rule)
from viewer.cli.args import ArgumentError, add_file_argument, add_layer_option, parse_at
from viewer.analysis.analytics_info import time_or_none
from viewer.cli import rules
from viewer.cli.language import add_lang_option, current, translate
from viewer.cli.output import layer_ids, region_named, write_json
from viewer.model.messages import QT_TRANSLATE_NOOP, fill
from viewer.model.text import LINE_LIMIT, safe_line

NEVER = QT_TRANSLATE_NOOP("Cli", "never to %1")   # no date inside up to the layer's end
COLUMNS = ("layer", "place_id", "name", "name_uk", "region", "population", "status",
           "since", "first_inside", "status_changes", "through")


def add_parser(sub) -> None:
    p = sub.add_parser("settlements",
                       help=translate("CliHelp", "each place's status in each layer at a date"),
                       description=translate("CliHelp", "Each place's status in each layer at "
                                             "a date (default: the situation's end): inside, "
                                             "on the line or outside; since when; when it "
                                             "first fell inside.") + " " + rules.status_rule())
    add_file_argument(p)
    add_layer_option(p)
    p.add_argument("--region",
                   metavar=translate("CliHelp", "NAME"),
                   help=translate("CliHelp", "only the places in this region"))
    p.add_argument("--at",
                   help=translate("CliHelp", "the date shown (default: the situation's end)"))
    p.add_argument("--place-tolerance", type=float, default=PLACE_TOLERANCE_M,
                   metavar=translate("CliHelp", "M"),
                   help=fill(translate("CliHelp", "metres from the boundary that count as "
                                       "on the line (default %1)"), f"{PLACE_TOLERANCE_M:g}"))
    add_lang_option(p)
    out = p.add_mutually_exclusive_group()
    out.add_argument("--csv", action="store_true",
                     help=translate("CliHelp", "CSV, one row per place and layer"))
    out.add_argument("--json", action="store_true",
                     help=translate("CliHelp", "one JSON object, with each log"))


def cmd_settlements(args) -> int:
    from viewer.io.situation_file import read_situation
    situation = read_situation(args.file)
    if not 0 <= args.place_tolerance <= 100_000:
        raise ArgumentError(translate("Cli", "--place-tolerance: must be between 0 and 100000 "
                                      "metres"))
    at = parse_at(args.at) if args.at else situation.end
    layers = layer_ids(situation, args.layer)
    status = SettlementStatus(situation, tolerance_m=args.place_tolerance)
    regions = status.regions()
    keep = range(len(status.places))
    if args.region:
        region = region_named(situation, args.region)
        keep = [i for i in keep if regions[i] is region]
    rows, logs = [], []
    for layer_id in layers:
        codes = status.status_at(layer_id, at) if at else []
        since = status.since(layer_id, at) if at else []
        times = status.times(layer_id)
        through = times[-1] if times else None      # the layer's data ends there
        first = status.first_inside(layer_id)
        counts = status.change_counts(layer_id, until=at)
        for i in keep:
            place = status.places[i]
            rows.append({"layer": layer_id, "place_id": place.id, "name": place.name,
                         "name_uk": place.names.get("uk", ""),
                         "region": regions[i].name if regions[i] else "",
                         "population": place.population,
                         "status": STATUS_TEXT[int(codes[i])] if at else "no data",
                         "since": time_or_none(since[i] if at else None),
                         "first_inside": time_or_none(first[i]),
                         "status_changes": int(counts[i]), "through": time_or_none(through)})
            logs.append([{"at": time_or_none(e.at), "status": e.text, "change": e.change_id,
                          "reports": [r.id for r, _ in situation.reports_for(e.change_id)]
                          if e.change_id else []} for e in status.log(layer_id, i)])
    if args.json:
        write_json({"at": time_or_none(at), "rule": status_rule(args.place_tolerance),
                    "places": [dict(row, log=log) for row, log in zip(rows, logs)]})
    elif args.csv:
        writer = csv.DictWriter(sys.stdout, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: safe_line(str(v), LINE_LIMIT) if isinstance(v, str) else v
                          for k, v in dict(row, first_inside=_first(row)).items()}
                         for row in rows)
    else:
        sys.stdout.write(_text(rows, at, len(status.places), situation))
    return 0


def _text(rows: list[dict], at, n_places: int, situation) -> str:
    """One line per place and layer, in the command line's language (names too)."""
    if not n_places:
        return translate("Cli", "no places in this situation") + "\n"
    local = current() == "uk"
    regions = {r.name: r.names.get("uk") or r.name for r in situation.regions}
    lines = [fill(translate("Cli", "status at %1 (%2)"), time_or_none(at), rules.status_rule())]
    for r in rows:
        word = r["status"]                          # STATUS_TEXT's, marked for the .ts
        lines.append("  ".join(safe_line(str(v), 60) for v in (
            r["layer"], (r["name_uk"] or r["name"]) if local else r["name"],
            regions.get(r["region"], r["region"]) if local else r["region"],
            translate("Core", word),
            fill(translate("Cli", "since %1"), r["since"] or "-"),
            fill(translate("Cli", "first inside %1"), _first(r, translate)),
            fill(translate("Cli", "%1 changes"), r["status_changes"]))))
    return "\n".join(lines) + "\n"


def _first(row: dict, said=lambda context, text: text) -> str:
    """The first date inside, or that there was none up to the layer's last state (as the
    Settlements panel says it: never a blank)."""
    if row["first_inside"]:
        return row["first_inside"]
    return fill(said("Cli", NEVER), row["through"]) if row["through"] else "-"
