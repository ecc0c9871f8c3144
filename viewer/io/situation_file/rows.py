"""A Situation as table rows for the situation GeoPackage (see gpkg_schema.TABLES)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import numpy as np
import shapely

from viewer.io.errors import UnusablePart
from viewer.io.geopackage import blob as gpkg_blob
from viewer.io.situation_file.context import context_rows
from viewer.model.situation import Situation
from viewer.model.times import gpkg_datetime
from viewer.model.messages import QT_TRANSLATE_NOOP, message

_MULTIPOLYGON, _POLYGON = 6, 3


@dataclass
class TableRows:
    columns: tuple[str, ...]
    rows: list[tuple]
    bounds: tuple[float, float, float, float] | None = None   # minx, miny, maxx, maxy


def as_multipolygons(geoms: list, what: str) -> np.ndarray:
    """Every area geometry as a MultiPolygon (empty ones as MULTIPOLYGON EMPTY)."""
    arr = np.asarray(geoms, dtype=object).reshape(-1)
    if not len(arr):
        return arr
    kinds = shapely.get_type_id(arr)
    empty = shapely.is_missing(arr) | shapely.is_empty(arr)
    bad = np.nonzero((kinds != _POLYGON) & (kinds != _MULTIPOLYGON) & ~empty)[0]
    if len(bad):
        geom = arr[bad[0]]
        raise UnusablePart(what, message(QT_TRANSLATE_NOOP(
            "Core", "a %1 where an area was expected"),
            getattr(geom, 'geom_type', type(geom).__name__)))
    out = arr.copy()
    out[empty] = shapely.from_wkt("MULTIPOLYGON EMPTY")
    single = (kinds == _POLYGON) & ~empty
    if single.any():
        out[single] = shapely.multipolygons(arr[single].reshape(-1, 1))
    return out


def _bounds(geoms: np.ndarray) -> tuple[float, float, float, float] | None:
    if not len(geoms):
        return None
    box = shapely.total_bounds(geoms)
    return None if any(math.isnan(v) for v in box) else tuple(float(v) for v in box)


def _features(columns: tuple[str, ...], geoms: np.ndarray, attrs: list[tuple]) -> TableRows:
    blobs = gpkg_blob.encode(geoms)
    return TableRows(("geom",) + columns, [(b,) + a for b, a in zip(blobs, attrs)],
                     _bounds(geoms))


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _names_json(names: dict[str, str]) -> str | None:
    """A place's names as JSON, or None when name_en and name_uk hold them all (the
    reader takes those then): thousands of places would otherwise store them twice."""
    return None if set(names) <= {"en", "uk"} else _json(names)


def _time(value) -> str | None:
    return None if value is None else gpkg_datetime(value)


def meta_rows(situation: Situation) -> TableRows:
    m = situation.meta
    values = {
        "format_version": m.format_version, "title": m.title, "description": m.description,
        "attributions": _json(list(m.attributions)),
        "default_bbox": _json([float(v) for v in m.default_bbox]) if m.default_bbox else "",
        "default_time": _time(m.default_time) or "", "highlight_days": repr(float(m.highlight_days)),
        "crs": m.crs,
    }
    return TableRows(("key", "value"), list(values.items()))


def situation_rows(situation: Situation) -> dict[str, TableRows]:
    """Rows of every situation table, in gpkg_schema.TABLES order."""
    s = situation
    tables: dict[str, TableRows] = {}
    tables["regions"] = _features(
        ("region_id", "name_en", "name_uk", "names_json", "admin_level", "role"),
        as_multipolygons([r.geometry for r in s.regions], "a region"),
        [(r.id, r.names.get("en"), r.names.get("uk"), _json(r.names), int(r.admin_level), r.role)
         for r in s.regions])
    coords = np.array([(p.lon, p.lat) for p in s.places], dtype=float).reshape(-1, 2)
    tables["places"] = _features(
        ("place_id", "name_en", "name_uk", "names_json", "population", "kind", "source",
         "extra_json"),
        shapely.points(coords),
        [(p.id, p.names.get("en"), p.names.get("uk"), _names_json(p.names),
          int(p.population), p.kind, p.source, _json(p.extra) if p.extra else None)
         for p in s.places])
    for layer in s.layers:             # every file carries its pieces' areas
        layer.history.measure_pieces()
    pieces = [(layer.id, piece, _area(km2)) for layer in s.layers
              for piece, km2 in zip(layer.history.pieces, layer.history.piece_km2)]
    tables["layer_pieces"] = _features(
        ("layer_id", "valid_from", "valid_to", "area_km2"),
        as_multipolygons([p.geometry for _, p, _ in pieces], "a layer piece"),
        [(lid, _time(p.valid_from), _time(p.valid_to), km2) for lid, p, km2 in pieces])
    parts = []
    for layer in s.layers:
        for c in layer.history.changes:
            kept = [(g, name) for g, name in ((c.gained, "gain"), (c.lost, "loss"))
                    if g is not None and not g.is_empty]
            for geom, name in kept or [(None, "gain")]:   # an area-less change keeps one row
                parts.append((geom, (c.id, c.layer_id, _time(c.at), name)))
    geoms = as_multipolygons([g for g, _ in parts], "a change")
    tables["changes"] = _features(("change_id", "layer_id", "at", "part"), geoms,
                                  [a for _, a in parts])
    sketches = [a for layer in s.layers for a in layer.amendments]
    tables["amendments"] = _features(
        ("change_id", "layer_id", "at", "op"),
        as_multipolygons([a.geometry for a in sketches], "an amendment"),
        [(a.change_id, a.layer_id, _time(a.at), a.op) for a in sketches])
    tables["context_features"] = TableRows(*context_rows(s.context))
    tables["situation_meta"] = meta_rows(s)
    tables["layers"] = TableRows(
        ("layer_id", "name", "kind", "color", "opacity", "hatch", "outline", "description",
         "source", "sort_order", "extra_json"),
        [(l.id, l.name, l.kind, l.style.color, float(l.style.opacity), int(l.style.hatch),
          l.style.outline, l.description, l.source, i, _json(l.extra))
         for i, l in enumerate(s.layers)])
    tables["layer_states"] = TableRows(
        ("layer_id", "at"), [(l.id, _time(t)) for l in s.layers for t in l.history.times])
    tables["reports"] = TableRows(
        ("report_id", "published", "source", "title", "url", "summary", "language",
         "source_grade", "info_grade"),
        [(r.id, _time(r.published), r.source, r.title, r.url, r.summary, r.language,
          r.reliability.source, int(r.reliability.info)) for r in s.reports])
    tables["report_links"] = TableRows(
        ("change_id", "report_id", "role"), [(k.change_id, k.report_id, k.role) for k in s.links])
    reports = {r.id for r in s.reports}
    tables["report_attachments"] = TableRows(
        ("report_id", "name", "media_type", "data"),
        [(a.report_id, a.name, a.media_type, a.data) for a in s.attachments
         if a.report_id in reports])
    return tables


def _area(km2: float) -> float | None:
    """A piece's area as stored: NULL when not known (NaN)."""
    return None if km2 != km2 else float(km2)
