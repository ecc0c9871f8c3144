"""Regions for an import: a built-in set (``builtin:ukraine-oblasts``) or named polygons
from a GeoJSON, GeoPackage, Shapefile or KML file.

``builtin:ukraine-oblasts`` is the embedded sample's region set: Ukraine's 27 oblasts,
cities with special status and Crimea (role "region") and the neighbouring countries
(role "context"), from Natural Earth. From a file, every polygon with a name becomes a
region: the name from ``--region-name-field`` or the first of ``NAME_FIELDS`` present,
the id from the first of ``ID_FIELDS`` present or else a slug of the name, a Ukrainian
name from ``name_uk`` / ``ADM1_UA`` when there is one. Features sharing an id are one
region (their areas unioned).
"""

from __future__ import annotations

import shapely

from viewer.importing.pipeline import slug
from viewer.io.errors import SituationError
from viewer.io.foreign.features import ReadResult
from viewer.model import Region
from viewer.model.geometry import polygonal
from viewer.model.messages import QT_TRANSLATE_NOOP, message

BUILTIN = {"builtin:ukraine-oblasts"}
NAME_FIELDS = ("name", "NAME", "name_en", "shapeName", "ADM1_EN")
ID_FIELDS = ("region_id", "id", "ID", "iso_3166_2", "ISO_3166_2", "shapeISO", "ADM1_PCODE")
UK_FIELDS = ("name_uk", "NAME_UK", "ADM1_UA")


def load_regions(spec: str, name_field: str | None = None) -> tuple[list[Region], list[str]]:
    """The regions ``spec`` names (a built-in set or a file) and the attribution lines
    they need. Raises SituationError for a file without usable named polygons."""
    if spec.startswith("builtin:"):
        return builtin_regions(spec)
    from viewer.io.foreign.dispatch import read_features
    return regions_from_features(read_features(spec), name_field), []


def builtin_regions(spec: str) -> tuple[list[Region], list[str]]:
    if spec not in BUILTIN:
        raise SituationError(spec, message(QT_TRANSLATE_NOOP(
            "Core", "no such built-in region set (known: %1)"), ', '.join(sorted(BUILTIN))))
    from viewer.io.situation_file import read_situation
    from viewer.resources import sample_path
    sample = read_situation(sample_path())
    credits = [a for a in sample.meta.attributions if a.lower().startswith("regions")]
    return list(sample.regions), credits


def regions_from_features(result: ReadResult, name_field: str | None = None) -> list[Region]:
    """Every named polygon of ``result`` as a region (role "region", admin level 1)."""
    features = [f for f in result.features if f.geometry.geom_type in ("Polygon", "MultiPolygon")]
    if not features:
        raise SituationError(result.source, message(QT_TRANSLATE_NOOP(
            "Core", "no polygons to use as regions")))
    fields = [name_field] if name_field else list(NAME_FIELDS)
    name_key = next((k for k in fields if any(_text(f.properties.get(k)) for f in features)),
                    None)
    if name_key is None:
        found = sorted({k for f in features for k in f.properties})[:12]
        what = f"--region-name-field {name_field!r}" if name_field else \
            f"a name field ({', '.join(NAME_FIELDS)})"
        raise SituationError(result.source, message(QT_TRANSLATE_NOOP(
            "Core", "no %1 in the region polygons (fields: %2)"),
            what, ', '.join(found) or 'none'))
    id_key = next((k for k in ID_FIELDS if all(_text(f.properties.get(k)) for f in features)),
                  None)
    uk_key = next((k for k in UK_FIELDS if any(_text(f.properties.get(k)) for f in features)),
                  None)
    grouped: dict[str, tuple[dict[str, str], list]] = {}
    for f in features:
        name = _text(f.properties.get(name_key))
        if not name:
            continue
        rid = _text(f.properties.get(id_key)) if id_key else slug(name, "region")
        names = {"en": name}
        if uk_key and _text(f.properties.get(uk_key)):
            names["uk"] = _text(f.properties.get(uk_key))
        grouped.setdefault(rid, (names, []))[1].append(f.geometry)
    return [Region(rid, names, polygonal(shapely.union_all(geoms)) if len(geoms) > 1
                   else geoms[0])
            for rid, (names, geoms) in grouped.items()]


def _text(value) -> str:
    return "" if value is None else str(value).strip()
