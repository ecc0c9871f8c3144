"""The daily update: ``import SOURCE... --into LAYER_ID -o FILE`` adds new dated snapshots
to one layer of an existing situation, after its last state.

Only the new snapshots are worked through: the layer's history continues from the
pieces still open at its last state (History.extended), so the overlay work is that of
the new days, however long the history. Snapshots dated at or before the last state are
refused, unless ``--rebuild`` is given: then the layer's history is rebuilt from its
stored states and the new snapshots together. The sliver filter steps from the last
state as stored (the slivers it held back before are not remembered).
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime, timezone

import shapely

from viewer.importing.link_reports import add_reports
from viewer.importing.notes import in_file, not_areas
from viewer.importing.slivers import SliverFilter
from viewer.importing.snapshots import (Snapshot, check_unique_dates, file_snapshots,
                                        history_from_snapshots)
from viewer.io.errors import SituationError
from viewer.io.foreign.features import ReadResult
from viewer.model import Layer, Situation, iso_z
from viewer.model.amendment import amend_history, amended_snapshot
from viewer.model.geometry import EMPTY
from viewer.model.messages import QT_TRANSLATE_NOOP, message


def update_layer(options, existing: Situation | None, results: list[ReadResult],
                 files: list[str], seconds: dict):
    """The ImportResult of adding ``results``' snapshots to layer ``options.into``."""
    from viewer.importing.pipeline import ImportResult
    target = options.target or "the situation"
    if existing is None:
        raise SituationError(target, message(QT_TRANSLATE_NOOP(
            "Core", "--into needs the existing situation file")))
    layer = next((l for l in existing.layers if l.id == options.into), None)
    if layer is None:
        ids = ", ".join(l.id for l in existing.layers) or "none"
        raise SituationError(target, message(QT_TRANSLATE_NOOP(
            "Core", "has no layer %1 (its layers: %2)"), repr(options.into), ids))
    clock = time.perf_counter()
    snapshots = check_unique_dates([s for r in results for s in
                                    file_snapshots(r, options.time_field, options.date_pattern)])
    warnings = [not_areas(s.source, s.ignored) for s in snapshots if s.ignored]
    warnings = [in_file(r.source, w) for r in results for w in r.warnings] + warnings
    history, end = layer.history, layer.history.end
    early = [s for s in snapshots if end is not None and s.at <= end]
    if early and not options.rebuild:
        raise SituationError(early[0].source, message(QT_TRANSLATE_NOOP(
            "Core", "is dated %1, not after the last state of layer %2 (%3); --rebuild "
                    "rebuilds the layer's history with it"),
            iso_z(early[0].at), repr(layer.id), iso_z(end)))
    # hand-sketched amendments hold for the new snapshots too (docs/situation-format.md)
    snapshots = [replace(s, geometry=amended_snapshot(s.geometry, layer.amendments, s.at))
                 for s in snapshots]
    if early:
        history, sliver = _rebuilt(layer, snapshots, options)
        for amendment in layer.amendments:      # their own changes, recorded again
            history = amend_history(history, amendment)
    else:
        sliver = _sliver_filter(history, snapshots, options)
        history = history.extended(layer.id, [(s.at, s.geometry) for s in snapshots],
                                   stepper=sliver)
    seconds["history"] = time.perf_counter() - clock
    updated = replace(layer, history=history,
                      source=f"{layer.source}; updated with {len(snapshots)} snapshot(s) to "
                             f"{iso_z(history.end)}" if history.end else layer.source)
    layers = [updated if l.id == layer.id else l for l in existing.layers]
    situation = Situation(_meta(existing, updated, snapshots, options.rebuild and bool(early)),
                          options.regions if options.regions is not None else existing.regions,
                          existing.places, layers, existing.reports, existing.links,
                          existing.context)
    if options.reports:
        warnings += add_reports(situation, options.reports)
    return ImportResult(situation, [layer.id], "snapshots", len(files),
                        sliver.dropped if sliver else 0, sum(r.repaired for r in results),
                        warnings, seconds, len(snapshots),
                        "--as" if options.as_kind else "detected")


def _sliver_filter(history, snapshots: list[Snapshot], options) -> SliverFilter | None:
    if options.min_width_m <= 0 and options.min_area_km2 <= 0:
        return None
    geoms = [s.geometry for s in snapshots if not s.geometry.is_empty]
    last = history.state_at(history.end) if history.end else EMPTY
    bounds = shapely.total_bounds(geoms + ([last] if not last.is_empty else []) or [EMPTY])
    if not all(b == b for b in bounds):
        return None
    return SliverFilter(tuple(bounds), options.min_width_m, options.min_area_km2)


def _rebuilt(layer: Layer, snapshots: list[Snapshot], options):
    """The layer's history rebuilt from its stored states and the new snapshots (a new
    snapshot at a stored state's time replaces that state)."""
    new = {s.at for s in snapshots}
    stored = [Snapshot(f"layer {layer.id}", t, layer.history.state_at(t))
              for t in layer.history.times if t not in new]
    return history_from_snapshots(layer.id, stored + snapshots, options.min_width_m,
                                  options.min_area_km2, options.workers)


def _meta(existing: Situation, layer: Layer, snapshots: list[Snapshot], rebuilt: bool):
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    line = (f"Updated by situation-viewer on {today}: {len(snapshots)} snapshot(s) added to "
            f"'{layer.name}'{' (history rebuilt)' if rebuilt else ''}, now to "
            f"{iso_z(layer.history.end)}.")
    meta = existing.meta
    times = [t for l in existing.layers for t in l.history.times] + list(layer.history.times)
    return replace(meta, description=(meta.description + "\n" if meta.description else "")
                   + line, default_time=max(times) if times else meta.default_time)
