"""``situation-viewer import SOURCE... -o OUT.gpkg``: foreign files into a situation file.

SOURCE is a folder (all its .geojson/.json/.kml/.kmz/.shp/.gpkg files) or files: a dated
snapshot series or timestamped features (detected). The file is written atomically;
``--append`` adds the new layer(s) to an existing situation file. A one-screen summary
goes to stdout. Bad input: exit status 2 and one line on stderr.
"""

from __future__ import annotations

import os
import re
import sys

from viewer.cli.args import ArgumentError
from viewer.cli.language import add_lang_option, current, number, translate
from viewer.model.messages import QT_TRANSLATE_NOOP, fill

EPILOG = QT_TRANSLATE_NOOP("CliHelp", "Example: situation-viewer import "
                           "../shared/data/deepstate-daily --layer \"Occupied (DeepState)\" "
                           "--kind assessed-control --regions builtin:ukraine-oblasts -o "
                           "deepstate.gpkg")


def add_parser(sub, help_text: str) -> None:
    p = sub.add_parser("import", help=help_text, epilog=translate("CliHelp", EPILOG))
    p.add_argument("sources", nargs="+",
                   metavar=translate("CliHelp", "SOURCE"),
                   help=translate("CliHelp", "a folder or files"))
    p.add_argument("-o", "--output", required=True,
                   help=translate("CliHelp", "situation file to write (.gpkg)"))
    p.add_argument("--layer",
                   help=translate("CliHelp", "the layer's name (default: from the folder or "
                                             "files; timestamped KML: one layer per folder)"))
    p.add_argument("--kind",
                   help=translate("CliHelp", "layer kind: assessed-control (default for "
                                             "snapshots), assessed-advance, claimed, incursion "
                                             "(default for timestamped), contested"))
    p.add_argument("--regions", help=translate("CliHelp", "FILE with named region polygons, or "
                   "builtin:ukraine-oblasts (with --append: replace the file's regions)"))
    p.add_argument("--region-name-field",
                   help=translate("CliHelp", "the regions' name field (default: name, NAME, "
                                             "name_en, shapeName or ADM1_EN)"))
    p.add_argument("--places", default="builtin:ukraine-settlements",
                   metavar=translate("CliHelp", "SPEC"),
                   help=translate("CliHelp", "places to add within the situation's extent: "
                   "builtin:ukraine-settlements (default; GeoNames), a FILE of named points "
                   "(GeoJSON, GeoPackage, Shapefile, CSV with lon/lat columns), or none"))
    p.add_argument("--context", action="append", default=[],
                   metavar=translate("CliHelp", "FILE[:NAME]"),
                   help=translate("CliHelp", "rivers, water, roads or railways to draw under "
                                             "the layers: lines and polygons of a GeoJSON, "
                                             "GeoPackage or Shapefile (e.g. an OpenStreetMap "
                                             "extract), as the context layer NAME (default: "
                                             "the file's name); repeatable. builtin:rivers "
                                             "(the default) adds the major rivers and "
                                             "reservoirs built in; none adds none"))
    p.add_argument("--context-style", action="append", default=[],
                   choices=("river", "water", "road", "rail", "other"),
                   help=translate("CliHelp", "how the --context features are drawn (once for "
                                             "all, or once per --context in order); default: "
                                             "guessed per feature from OpenStreetMap tags "
                                             "(waterway: river, or water for riverbank; "
                                             "natural=water, water, landuse=reservoir: water; "
                                             "highway: road; railway: rail) or a Natural Earth "
                                             "featurecla, else other"))
    p.add_argument("--context-credit", metavar=translate("CliHelp", "TEXT"),
                   help=translate("CliHelp", "the credit line for the --context files "
                                             "(default: the file's own attribution, e.g. a "
                                             "GeoJSON 'attribution' or 'copyright', else its "
                                             "name)"))
    p.add_argument("--reports",
                   help=translate("CliHelp", "reports table (CSV or JSON) to add and link"))
    p.add_argument("--title",
                   help=translate("CliHelp", "the situation's title (default: the layer name)"))
    p.add_argument("--attribution", action="append", default=[],
                   metavar=translate("CliHelp", "TEXT"),
                   help=translate("CliHelp", "a data source to credit on every map (repeatable)"))
    p.add_argument("--append", action="store_true",
                   help=translate("CliHelp", "add the layer(s) to the existing situation file "
                                             "OUT"))
    p.add_argument("--force", action="store_true",
                   help=translate("CliHelp", "replace OUT when it exists (its layers are "
                                             "dropped)"))
    p.add_argument("--into", metavar=translate("CliHelp", "LAYER_ID"),
                   help=translate("CliHelp", "the daily update: add the SOURCE snapshots to "
                                             "this layer of OUT, after its last state"))
    p.add_argument("--rebuild", action="store_true",
                   help=translate("CliHelp", "with --into: accept snapshots dated before the "
                                             "layer's last state (the layer's history is "
                                             "rebuilt from its states and them)"))
    p.add_argument("--as", dest="as_kind", choices=("snapshots", "features"),
                   help=translate("CliHelp", "read the sources as a dated snapshot series or "
                                             "as timestamped features (default: detected)"))
    p.add_argument("--drop-foreign", action="store_true",
                   help=translate("CliHelp", "with --append: leave out what the file holds "
                                             "that is not ours (other layers, QGIS styles and "
                                             "projects, extra columns); kept otherwise"))
    p.add_argument("--time-field",
                   help=translate("CliHelp", "property holding each feature's (start) time"))
    p.add_argument("--end-field",
                   help=translate("CliHelp", "property holding each feature's end time"))
    p.add_argument("--date-pattern",
                   help=translate("CliHelp", "regex finding a snapshot's date in its file name "
                                             "(a group named 'date', else the first group)"))
    add_lang_option(p)
    p.add_argument("--min-width", type=float, default=10.0, metavar=translate("CliHelp", "M"),
                   help=translate("CliHelp", "drop differences thinner than this many metres "
                                             "(default 10)"))
    p.add_argument("--min-area", type=float, default=0.01, metavar=translate("CliHelp", "KM2"),
                   help=translate("CliHelp", "drop differences smaller than this many km² "
                                             "(default 0.01)"))


def _check(args) -> None:
    for flag, value in (("--min-width", args.min_width), ("--min-area", args.min_area)):
        if not (value == value and 0 <= value < 1e9):
            raise ArgumentError(fill(translate("Cli", "%1: must be a number >= 0, got %2"),
                                     flag, repr(value)))
    if args.date_pattern is not None:
        try:
            re.compile(args.date_pattern)
        except re.error as exc:
            raise ArgumentError(fill(translate("Cli", "--date-pattern: not a regular "
                                               "expression (%1)"), exc)) from None
    if not args.output.lower().endswith(".gpkg"):
        raise ArgumentError(fill(translate("Cli", "-o: a situation file ends in .gpkg, got "
                                           "%1"), repr(args.output)))
    if args.kind is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,39}", args.kind):
        raise ArgumentError(fill(translate("Cli", "--kind: expected a word such as "
                                           "assessed-control, got %1"), repr(args.kind)))
    if args.layer is not None and not args.layer.strip():
        raise ArgumentError(translate("Cli", "--layer: empty name"))
    out = os.path.realpath(args.output)
    if any(os.path.realpath(s) == out for s in args.sources):
        raise ArgumentError(fill(translate("Cli", "-o: %1 is also a SOURCE"),
                                 repr(args.output)))
    for flag, on in (("--append", args.append), ("--into", args.into)):
        if on and not os.path.exists(args.output):
            raise ArgumentError(fill(translate("Cli", "%1: %2 does not exist (without %1 a "
                                               "new file is written)"), flag,
                                     repr(args.output)))
    if args.append and args.into:
        raise ArgumentError(translate("Cli", "--into: adds to one layer; --append adds new "
                                      "layers: use one"))
    if args.rebuild and not args.into:
        raise ArgumentError(translate("Cli", "--rebuild: only with --into LAYER_ID"))
    if args.drop_foreign and not (args.append or args.into):
        raise ArgumentError(translate("Cli", "--drop-foreign: only with --append or --into "
                                      "(a new file holds nothing else)"))
    _context_specs(args)
    if os.path.lexists(args.output) and not (args.append or args.into or args.force):
        raise ArgumentError(fill(translate("Cli", "-o: %1 already exists; --append adds the "
                                           "new layer(s) to it, --force replaces it "
                                           "(dropping its layers)"), repr(args.output)))


def _context_specs(args) -> list:
    """The --context specs paired with their --context-style (builtin:rivers by default)."""
    from viewer.importing.context import BUILTIN, parse_spec
    from viewer.io.errors import SituationError
    texts, styles = args.context or [BUILTIN], args.context_style
    if styles and len(styles) not in (1, len(texts)):
        raise ArgumentError(fill(translate("Cli", "--context-style: given %1 times for %2 "
                                           "--context; give it once for all, or once per "
                                           "--context"), len(styles), len(texts)))
    if "none" in texts and len(texts) > 1:
        raise ArgumentError(translate("Cli", "--context: none adds no context; leave out "
                                      "the others"))
    paired = styles * len(texts) if len(styles) == 1 else styles or [None] * len(texts)
    try:
        specs = [parse_spec(t, s) for t, s in zip(texts, paired)]
    except SituationError as exc:
        raise ArgumentError(f"--context: {exc.text(translate)}") from None
    args.context_specs = [s for s in specs if s is not None]
    return args.context_specs


def cmd_import(args) -> int:
    _check(args)
    from viewer.importing.pipeline import ImportOptions
    from viewer.importing.progress import LinePrinter
    from viewer.importing.to_file import import_to_file
    options = ImportOptions(
        args.sources, layer=args.layer, kind=args.kind, reports=args.reports,
        title=args.title, attributions=args.attribution, time_field=args.time_field,
        end_field=args.end_field, date_pattern=args.date_pattern,
        min_width_m=args.min_width, min_area_km2=args.min_area, as_kind=args.as_kind,
        into=args.into, rebuild=args.rebuild)
    printer = LinePrinter(sys.stderr) if sys.stderr.isatty() else None
    if printer:
        options.progress = printer
    try:
        report = import_to_file(options, args.output, regions_spec=args.regions,
                                region_name_field=args.region_name_field, append=args.append,
                                places_spec=args.places, drop_foreign=args.drop_foreign,
                                context=args.context_specs, context_credit=args.context_credit)
    finally:
        if printer:
            printer.close()
    sys.stdout.write(report.text(translate, number, current()))
    return 0
