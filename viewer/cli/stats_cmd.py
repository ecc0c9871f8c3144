"""``situation-viewer stats FILE --csv|--json``: one row per state — date, km² (total and
in each region), net change since the previous state, the 7- and 30-day rates of advance
(net km² per day) and the front-line length — what analysts paste into spreadsheets.

With ``--region NAME`` the km², net change and rates are the region's; the front length
is always the whole layer's.
"""

from __future__ import annotations

import csv
import sys

from viewer.analysis.areas import Areas
from viewer.analysis.front_line import FrontLine, front_rule
from viewer.analysis.analytics_info import figure, state_figures
from viewer.analysis.rates import WINDOWS_DAYS, net_change
from viewer.analysis.region_attribution import RegionAttribution
from viewer.cli import rules
from viewer.cli.args import add_file_argument, add_layer_option
from viewer.cli.language import add_lang_option, translate
from viewer.cli.output import layer_ids, region_named, write_json
from viewer.model.text import LINE_LIMIT, safe_line


def add_parser(sub) -> None:
    p = sub.add_parser("stats",
                       help=translate("CliHelp", "one row per state: km², net change, rates, "
                                                 "front km"),
                       description=" ".join((
                           translate("CliHelp", "One row per state of each layer: date, km² "
                                     "(total and per region), net change, the 7- and 30-day "
                                     "rates of advance (net km² per day over the window; "
                                     "empty where the window starts before the first state) "
                                     "and the front length."),
                           rules.front_rule(),
                           translate("CliHelp", "With --region, km², change and rates are "
                                     "that region's; the front stays the layer's."))))
    add_file_argument(p)
    add_layer_option(p)
    p.add_argument("--region",
                   metavar=translate("CliHelp", "NAME"),
                   help=translate("CliHelp", "km², change and rates in this region"))
    add_lang_option(p)
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--csv", action="store_true",
                     help=translate("CliHelp", "CSV, one row per state"))
    out.add_argument("--json", action="store_true",
                     help=translate("CliHelp", "one JSON object"))


def state_rows(layer_id: str, areas: Areas, by_region: RegionAttribution, front: FrontLine,
               region=None) -> list[dict]:
    """The rows of one layer, one per state: date, km², net change, rates, front km and
    km² per region."""
    times, per_region = by_region.series(layer_id)
    if region is None:
        km2 = areas.series(layer_id)[1]
    else:
        km2 = per_region[:, by_region.regions.index(region)]
    net = net_change(km2)
    names = [r.name for r in by_region.regions]
    rows = []
    for k, state in enumerate(state_figures(times, km2, front.series(layer_id))):
        rows.append({"date": state.pop("at"), "layer": layer_id, "km2": state.pop("area_km2"),
                     "net_km2": figure(net[k]), **state,
                     "km2_by_region": {n: figure(v) for n, v in zip(names, per_region[k])}})
    return rows


def cmd_stats(args) -> int:
    from viewer.io.situation_file import read_situation
    situation = read_situation(args.file)
    layers = layer_ids(situation, args.layer)
    region = region_named(situation, args.region) if args.region else None
    areas, by_region, front = Areas(situation), RegionAttribution(situation), FrontLine(situation)
    rows = [row for layer_id in layers
            for row in state_rows(layer_id, areas, by_region, front, region)]
    if args.json:
        write_json({"region": region.name if region else None,
                    "front_rule": front_rule(), "front_outline": front.outline_source,
                    "rows": rows})
        return 0
    names = [r.name for r in by_region.regions]
    head = ["date", "layer", "km2", "net_km2", "front_km",
            *(f"rate_km2_per_day_{d}d" for d in WINDOWS_DAYS)]
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(head + [safe_line(f"km2 {n}", LINE_LIMIT) for n in names])
    for row in rows:
        cells = [("" if row[h] is None else row[h]) for h in head]
        cells[1] = safe_line(cells[1], LINE_LIMIT)
        writer.writerow(cells
                        + [row["km2_by_region"][n] for n in names])
    return 0
