"""Places for an import: the built-in settlements (``builtin:ukraine-settlements``), named
points from a GeoJSON, GeoPackage, Shapefile or CSV file, or none.

``builtin:ukraine-settlements`` is GeoNames' cities500 (CC BY 4.0) for Ukraine and
100 km around it, as extracted by packaging/build_settlements.py into
resources/ukraine-settlements.json.gz. From a file, every point with a name becomes a
place: the name from the first of NAME_FIELDS present, a Ukrainian name from
``name_uk``, the population from ``population``/``pop``. An import adds the places that
lie within the situation's extent (``within_extent``).
"""

from __future__ import annotations

import gzip
import json
import os

import shapely

from viewer.importing.pipeline import slug
from viewer.io.errors import SituationError
from viewer.io.foreign.features import ReadResult
from viewer.model import Place, Situation
from viewer.model.messages import QT_TRANSLATE_NOOP, message

BUILTIN = "builtin:ukraine-settlements"
NONE = "none"
NAME_FIELDS = ("name", "NAME", "Name", "name_en", "NAME_EN")
UK_FIELDS = ("name_uk", "NAME_UK")
POPULATION_FIELDS = ("population", "POPULATION", "pop", "POP")
ID_FIELDS = ("place_id", "id", "ID", "geonameid")
EXTENT_MARGIN_DEG = 0.5         # places this far beyond the extent are still added


def load_places(spec: str) -> tuple[list[Place], list[str]]:
    """The places ``spec`` names and the attribution lines they need."""
    if spec == NONE:
        return [], []
    if spec.startswith("builtin:"):
        if spec != BUILTIN:
            raise SituationError(spec, message(QT_TRANSLATE_NOOP(
                "Core", "no such built-in place set (known: %1)"), BUILTIN))
        return builtin_places()
    if spec.lower().endswith(".csv"):
        from viewer.io.foreign.points_csv import read_points_csv
        result = read_points_csv(spec)
    else:
        from viewer.io.foreign.dispatch import read_features
        result = read_features(spec)
    return places_from_features(result), []


def builtin_places() -> tuple[list[Place], list[str]]:
    """The built-in settlements, largest first, and their credit line. Their alternate
    names stay in the table (``builtin_alternates``): in every situation file they
    would take 3 MB."""
    doc = _table()
    columns = doc["columns"]
    source = "GeoNames"             # the full credit goes in the attributions
    places = []
    for row in doc["rows"]:
        r = dict(zip(columns, row))
        names = {"en": r["name_en"]}
        if r["name_uk"]:
            names["uk"] = r["name_uk"]
        places.append(Place(f"geonames:{r['geonameid']}", names, float(r["lon"]),
                            float(r["lat"]), int(r["population"]), r["kind"], source))
    # the second line credits the neighbouring towns' Ukrainian names (a table built before
    # they came has none)
    return places, [doc["attribution"]] + ([doc["attribution_uk_names"]]
                                           if "attribution_uk_names" in doc else [])


def builtin_countries() -> dict[str, str]:
    """The country (ISO 3166-1 alpha-2) of each built-in place, by place id (not stored
    in situation files: reading thousands of JSON cells slows every open)."""
    doc = _table()
    i, country = doc["columns"].index("geonameid"), doc["columns"].index("country")
    return {f"geonames:{row[i]}": row[country] for row in doc["rows"]}


def builtin_alternates() -> dict[str, list[str]]:
    """Other spellings and former names of the built-in places, by place id."""
    doc = _table()
    i, names = doc["columns"].index("geonameid"), doc["columns"].index("alternate_names")
    return {f"geonames:{row[i]}": list(row[names]) for row in doc["rows"] if row[names]}


def places_from_features(result: ReadResult) -> list[Place]:
    """Every named point of ``result`` as a place (kind from its population)."""
    points = [f for f in result.features if f.geometry.geom_type == "Point"]
    if not points:
        raise SituationError(result.source, message(QT_TRANSLATE_NOOP(
            "Core", "no points to use as places")))
    name_key = next((k for k in NAME_FIELDS if any(_text(f.properties.get(k)) for f in points)),
                    None)
    if name_key is None:
        found = sorted({k for f in points for k in f.properties})[:12]
        raise SituationError(result.source, message(QT_TRANSLATE_NOOP(
            "Core", "no name field (%1) in the points (fields: %2)"),
            ', '.join(NAME_FIELDS), ', '.join(found) or 'none'))
    id_key = next((k for k in ID_FIELDS if all(_text(f.properties.get(k)) for f in points)), None)
    uk_key = next((k for k in UK_FIELDS if any(_text(f.properties.get(k)) for f in points)), None)
    pop_key = next((k for k in POPULATION_FIELDS if any(_text(f.properties.get(k))
                                                        for f in points)), None)
    source = os.path.basename(result.source)
    places, taken = [], set()
    for f in points:
        name = _text(f.properties.get(name_key))
        if not name:
            continue
        pid = _text(f.properties.get(id_key)) if id_key else slug(name, "place")
        base, n = pid, 2
        while pid in taken:
            pid, n = f"{base}-{n}", n + 1
        taken.add(pid)
        names = {"en": name}
        if uk_key and _text(f.properties.get(uk_key)):
            names["uk"] = _text(f.properties.get(uk_key))
        population = _population(f.properties.get(pop_key)) if pop_key else 0
        kind = "city" if population >= 50_000 else "town" if population >= 5_000 else "village"
        places.append(Place(pid, names, f.geometry.x, f.geometry.y, population, kind, source))
    return places


def within_extent(places: list[Place], situation: Situation) -> list[Place]:
    """The ``places`` inside the lon/lat bounds of the situation's own regions and
    layers (grown by EXTENT_MARGIN_DEG); none when it has neither."""
    geoms = [r.geometry for r in situation.own_regions]
    geoms += [p.geometry for layer in situation.layers for p in layer.history.pieces]
    bounds = shapely.total_bounds(geoms) if geoms else None
    if bounds is None or not all(v == v for v in bounds):
        return []
    x0, y0, x1, y1 = bounds
    m = EXTENT_MARGIN_DEG
    return [p for p in places if x0 - m <= p.lon <= x1 + m and y0 - m <= p.lat <= y1 + m]


def _table() -> dict:
    """The built-in settlements table: attribution, columns, rows."""
    from viewer.resources import settlements_bytes
    return json.loads(gzip.decompress(settlements_bytes()))


def _population(value) -> int:
    try:
        return max(0, int(float(_text(value) or 0)))
    except (ValueError, OverflowError):
        return 0


def _text(value) -> str:
    return "" if value is None else str(value).strip()
