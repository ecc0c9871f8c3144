"""The import pipeline: foreign files -> layers with their history -> a Situation.

The input is detected: a *snapshot series* (every file the whole area of one layer at
one date; viewer.importing.snapshots) or *timestamped features* (each present over its own
time range; viewer.importing.timestamped). Regions and reports are added, report links
resolved, and the situation's metadata filled in. Nothing here writes a file.
"""

from __future__ import annotations

import os
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import shapely

from viewer.importing.link_reports import add_reports
from viewer.importing.notes import in_file, not_areas
from viewer.importing.progress import Progress, quiet
from viewer.importing.snapshots import file_snapshots, history_from_snapshots, is_dated_series
from viewer.importing.timestamped import history_from_timed, is_timestamped, timed_features
from viewer.io.errors import SituationError
from viewer.io.foreign.features import ReadResult
from viewer.model import Layer, Region, Situation, SituationMeta, iso_z
from viewer.model.credits import unstated_credit
from viewer.model.gil import let_go
from viewer.model.text import safe_line
from viewer.model.messages import QT_TRANSLATE_NOOP, message

SUFFIXES = (".geojson", ".json", ".kml", ".kmz", ".shp", ".gpkg")


@dataclass
class ImportOptions:
    sources: list[str]
    layer: str | None = None                # the layer's name (all features in one layer)
    kind: str | None = None
    regions: list[Region] | None = None     # None: keep the appended file's regions
    places: list | None = None              # named places (None: keep the appended file's)
    region_credits: list[str] = field(default_factory=list)
    reports: str | None = None              # a reports table (CSV or JSON)
    title: str | None = None
    attributions: list[str] = field(default_factory=list)
    time_field: str | None = None
    end_field: str | None = None
    date_pattern: str | None = None
    min_width_m: float = 10.0
    min_area_km2: float = 0.01
    target: str = ""                        # the file written, named in messages
    workers: int | None = None              # threads for the overlays (None: up to 4)
    as_kind: str | None = None              # "snapshots" or "features"; None: detected
    into: str | None = None                 # the daily update: add to this layer's states
    rebuild: bool = False                   # with into: accept snapshots before its end
    progress: Progress = quiet              # told (stage, done, total) as the work goes


@dataclass
class ImportResult:
    situation: Situation
    layer_ids: list[str]                    # the layers this import added
    mode: str                               # "snapshots" or "timestamped"
    files: int
    dropped: int = 0                        # sliver parts left out
    repaired: int = 0                       # invalid polygons repaired by the readers
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    snapshots: int = 0                      # dated snapshots read (snapshot mode)
    chosen: str = "detected"                # how the mode was chosen: "detected" or "--as"


def source_files(sources: list[str], exclude: str = "") -> list[str]:
    """The files ``sources`` name: files as given, folders as their supported files
    (but never ``exclude``, the file being written, should it lie in such a folder)."""
    files: list[str] = []
    skip = os.path.realpath(exclude) if exclude else None
    for source in sources:
        if os.path.isdir(source):
            found = sorted(os.path.join(source, n) for n in os.listdir(source)
                           if n.lower().endswith(SUFFIXES) and not n.startswith(".")
                           and os.path.realpath(os.path.join(source, n)) != skip)
            if not found:
                raise SituationError(source, message(QT_TRANSLATE_NOOP(
                    "Core", "no .geojson, .json, .kml, .kmz, .shp or .gpkg files in this folder"),
                    ))
            files.extend(found)
        elif os.path.exists(source):
            files.append(source)
        else:
            raise SituationError(source, message(QT_TRANSLATE_NOOP(
                "Core", "no such file or folder")))
    return files


def run_import(options: ImportOptions, existing: Situation | None = None,
               reader: Callable[[str], ReadResult] | None = None) -> ImportResult:
    """Import ``options.sources`` as new layers (added to ``existing`` when given)."""
    if reader is None:
        from viewer.io.foreign.dispatch import read_features as reader
    clock = time.perf_counter()
    files = source_files(options.sources, exclude=options.target)
    results = []
    for n, path in enumerate(files):
        options.progress("reading", n, len(files))
        results.append(reader(path))
    options.progress("reading", len(files), len(files))
    seconds = {"parse": time.perf_counter() - clock}
    if options.into:
        from viewer.importing.daily import update_layer
        return update_layer(options, existing, results, files, seconds)
    clock = time.perf_counter()
    base = existing or Situation()
    taken = {l.id for l in base.layers}
    dropped, warnings = 0, []           # warnings beyond the readers' own
    mode = _mode(results, options)
    count = 0
    if mode == "timestamped":
        layers, warnings = _timestamped_layers(results, options, taken)
    else:
        layer, dropped, warnings, count = _snapshot_layer(results, options, taken)
        layers = [layer]
    seconds["history"] = time.perf_counter() - clock
    warnings = [in_file(r.source, w) for r in results for w in r.warnings] + warnings
    situation = Situation(
        _meta(base, layers, options, files, mode, dropped, existing is not None),
        options.regions if options.regions is not None else list(base.regions),
        list(base.places) if options.places is None else list(options.places),
        list(base.layers) + layers, list(base.reports), list(base.links),
        list(base.context))
    if options.reports:
        warnings += add_reports(situation, options.reports)
    return ImportResult(situation, [l.id for l in layers], mode, len(files), dropped,
                        sum(r.repaired for r in results), warnings, seconds, count,
                        "--as" if options.as_kind else "detected")


def _mode(results: list[ReadResult], options: ImportOptions) -> str:
    """"snapshots" or "timestamped": as ``--as`` says, else detected. Features starting at
    different times are timestamped, unless they are one dated area per date of one layer
    with no end times: a snapshot series merged into one file."""
    if options.as_kind:
        return "snapshots" if options.as_kind == "snapshots" else "timestamped"
    if not is_timestamped(results, options.time_field, options.end_field):
        return "snapshots"
    if options.end_field is None and is_dated_series(results, options.time_field):
        return "snapshots"
    return "timestamped"



def _snapshot_layer(results: list[ReadResult], options: ImportOptions,
                    taken: set[str]) -> tuple[Layer, int, list[str], int]:
    snapshots = [s for r in results
                 for s in file_snapshots(r, options.time_field, options.date_pattern)]
    warnings = [not_areas(s.source, s.ignored) for s in snapshots if s.ignored]
    name = options.layer or _default_name(options.sources, [r.source for r in results])
    layer_id = _new_id(name, taken, options.target)
    history, sliver_filter = history_from_snapshots(layer_id, snapshots, options.min_width_m,
                                                    options.min_area_km2, options.workers)
    source = (f"{_names(options.sources)}: {len(snapshots)} snapshot(s) in {len(results)} "
              f"file(s), {iso_z(history.start)} to {iso_z(history.end)}")
    layer = Layer(layer_id, name, options.kind or "assessed-control", history, source=source)
    return layer, (sliver_filter.dropped if sliver_filter else 0), warnings, len(snapshots)


def _timestamped_layers(results: list[ReadResult], options: ImportOptions,
                        taken: set[str]) -> tuple[list[Layer], list[str]]:
    """One layer per KML folder / GeoPackage table / file (all in one with --layer)."""
    groups: dict[str, list] = {}
    warnings: list[str] = []
    for result in results:
        items, notes = timed_features(result, options.time_field, options.end_field)
        let_go(result.features)     # read: the items hold what is used (10⁵ dicts freed,
        #                             a slice at a time: at once, 150 ms with the GIL held)
        warnings += notes
        stem = os.path.splitext(os.path.basename(result.source))[0]
        for item in items:
            groups.setdefault(options.layer or item.layer or stem, []).append(item)
    if not groups:
        why = message(QT_TRANSLATE_NOOP("Core", " (%1)"), warnings[0]) if warnings else ""
        raise SituationError(results[0].source, message(QT_TRANSLATE_NOOP(
            "Core", "no timestamped areas to import%1"), why))
    layers = []
    for name, items in groups.items():
        layer_id = _new_id(name, taken, options.target)
        taken.add(layer_id)
        layers.append(Layer(layer_id, name if options.layer else name.split("/")[-1],
                            options.kind or "incursion",
                            history_from_timed(layer_id, items, options.progress),
                            source=f"{_names(options.sources)}: {len(items)} "
                            "timestamped feature(s)"))
    return layers, warnings


def slug(text: str, fallback: str = "layer") -> str:
    """A plain ASCII id from a name: "Occupied (DeepState)" -> "occupied-deepstate"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return out[:80] or fallback


def _new_id(name: str, taken: set[str], target: str) -> str:
    layer_id = slug(name)
    if layer_id in taken:
        raise SituationError(target or name, message(QT_TRANSLATE_NOOP(
            "Core", "already has a layer with the id %1; choose another --layer name"),
            repr(layer_id)))
    return layer_id


def _names(sources: list[str]) -> str:
    names = [os.path.basename(os.path.normpath(s)) for s in sources[:3]]
    return ", ".join(names) + (f" and {len(sources) - 3} more" if len(sources) > 3 else "")


def _default_name(sources: list[str], files: list[str]) -> str:
    """The single folder's name, else the first file's name without its date."""
    if len(sources) == 1 and os.path.isdir(sources[0]):
        return os.path.basename(os.path.normpath(sources[0])) or "Imported"
    stem = os.path.splitext(os.path.basename(files[0]))[0]
    name = re.sub(r"\d{4}-?\d{2}-?\d{2}", "", stem).strip(" _-.")
    return name.replace("_", " ") or "Imported"


def _meta(base: Situation, layers: list[Layer], options: ImportOptions, files: list[str],
          mode: str, dropped: int, appending: bool) -> SituationMeta:
    everything = list(base.layers) + layers
    bounds = shapely.total_bounds([p.geometry for l in everything for p in l.history.pieces]
                                  or [shapely.Point()])
    times = [t for l in everything for t in l.history.times]
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    what = ", ".join(f"'{l.name}' ({len(l.history.times)} states)" for l in layers)
    line = (f"Imported by situation-viewer on {today}: {what} from {len(files)} "
            f"{'snapshot file(s)' if mode == 'snapshots' else 'file(s) of timestamped areas'}")
    if mode == "snapshots":
        line += (f"; differences thinner than {options.min_width_m:g} m or smaller than "
                 f"{options.min_area_km2:g} km² dropped as re-digitising noise ({dropped} parts)")
    old = base.meta
    credits = list(old.attributions) if appending else []
    if not options.attributions:       # never a layer on a map without where it came from
        origin = ", ".join(sorted({Path(s).name for s in options.sources})) or "files"
        credits.append(unstated_credit(", ".join(l.name for l in layers), origin))
    for credit in options.region_credits + options.attributions:
        if credit and credit not in credits:
            credits.append(safe_line(credit))
    title = options.title or (old.title if appending else ", ".join(l.name for l in layers))
    return SituationMeta(
        title=safe_line(title), description=(old.description + "\n" if appending and
                                             old.description else "") + line + ".",
        attributions=credits,
        default_bbox=tuple(float(v) for v in bounds) if all(v == v for v in bounds)
        else old.default_bbox,
        default_time=max(times) if times else old.default_time,
        highlight_days=old.highlight_days, crs=old.crs)

