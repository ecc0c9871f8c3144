"""Context layers for an import: rivers, water, roads and railways from a file
(``--context FILE[:NAME]``) or built in (``builtin:rivers``), or none.

A file's lines and polygons become one context layer, named NAME or after the file.
Each feature's style is ``--context-style`` when given, else guessed from its
attributes (``guess_style``). ``valid_from``/``valid_to`` properties bound the time it is
drawn. The credit line is ``--context-credit``, else the file's own attribution (a
GeoJSON ``attribution`` or ``copyright`` member), else the file's name, so no render
shows the features without a source.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import shapely

from viewer.importing.pipeline import slug
from viewer.io.errors import SituationError, reason
from viewer.io.foreign.features import Feature, ReadResult
from viewer.model import Situation, parse_time
from viewer.model.context import STYLES, ContextFeature
from viewer.model.messages import QT_TRANSLATE_NOOP, message

BUILTIN = "builtin:rivers"
NONE = "none"
EXTENT_MARGIN_DEG = 1.0         # built-in features this far beyond the extent are added
NAME_FIELDS = ("name", "NAME", "Name", "name_en", "NAME_EN")
WATER_AREAS = ("riverbank", "dock", "reservoir", "basin")


@dataclass(frozen=True)
class ContextSpec:
    path: str                   # a file, or BUILTIN
    name: str                   # the context layer's name
    style: str | None = None    # None: guessed per feature


def parse_spec(text: str, style: str | None = None) -> ContextSpec | None:
    """``FILE``, ``FILE:NAME``, ``builtin:rivers`` or ``none`` (None)."""
    if text == NONE:
        return None
    if style is not None and style not in STYLES:
        raise SituationError("--context-style", f"expected one of {', '.join(STYLES)}, "
                             f"got {style!r}")
    if text.startswith("builtin:"):
        if text != BUILTIN:
            raise SituationError(text, f"no such built-in context (known: {BUILTIN})")
        return ContextSpec(BUILTIN, "rivers", style)
    path, name = text, ""
    if not os.path.exists(text) and ":" in text:
        path, name = text.rsplit(":", 1)
    if not name.strip():
        name = os.path.splitext(os.path.basename(path))[0] or "context"
    return ContextSpec(path, name.strip(), style)


def guess_style(properties: dict) -> str:
    """A feature's style from its attributes, as OpenStreetMap and Natural Earth tag them:
    ``waterway`` (riverbank/dock: water, else river), ``natural=water``, ``water``,
    ``landuse=reservoir|basin`` (water), ``highway`` (road), ``railway`` (rail), a Natural
    Earth ``featurecla`` naming a river, lake or reservoir; otherwise other."""
    def value(key: str) -> str:
        v = properties.get(key)
        return "" if v is None else str(v).strip().lower()
    waterway = value("waterway")
    if waterway:
        return "water" if waterway in WATER_AREAS else "river"
    if value("natural") == "water" or value("water") or value("landuse") in WATER_AREAS:
        return "water"
    if value("highway"):
        return "road"
    if value("railway"):
        return "rail"
    kind = value("featurecla")
    if "river" in kind:
        return "river"
    if "lake" in kind or "reservoir" in kind:
        return "water"
    return "other"


def load_context(spec: ContextSpec, credit: str | None = None
                 ) -> tuple[list[ContextFeature], list[str], list[str]]:
    """The features of ``spec``, their credit lines, and warnings (features skipped)."""
    if spec.path == BUILTIN:
        from viewer.importing.builtin_rivers import builtin_rivers
        features, credits = builtin_rivers()
        if spec.style:
            features = [_restyled(f, spec.style) for f in features]
        return features, [credit] if credit else credits, []
    from viewer.io.foreign.dispatch import read_features
    result = read_features(spec.path)
    features, warnings = features_from(result, spec)
    line = credit or result.attribution or f"Context {spec.name}: {os.path.basename(spec.path)}"
    return features, [line], warnings


def features_from(result: ReadResult, spec: ContextSpec) -> tuple[list[ContextFeature], list[str]]:
    """The lines and polygons of ``result`` as one context layer; points are skipped."""
    prefix, out, skipped = slug(spec.name, "context"), [], 0
    for n, f in enumerate(result.features, 1):
        geom = _lines_or_areas(f.geometry)
        if geom is None:
            skipped += 1
            continue
        where = f"{result.source}: feature {n}"
        out.append(_feature(f, geom, f"{prefix}/{n}", spec, where,
                            os.path.basename(result.source)))
    if not out:
        raise SituationError(result.source, "no lines or polygons to use as context")
    warnings = [message(QT_TRANSLATE_NOOP(
        "Core", "%1: %2 feature(s) without lines or polygons left out of the context"),
        result.source, skipped)] if skipped else []
    return out, warnings


def _feature(f: Feature, geom, fid: str, spec: ContextSpec, where: str,
             source: str) -> ContextFeature:
    times = []
    for key in ("valid_from", "valid_to"):
        value = f.properties.get(key)
        try:
            times.append(parse_time(str(value)) if value not in (None, "") else None)
        except ValueError as exc:
            raise SituationError(where, message(QT_TRANSLATE_NOOP("Core", "%1: %2"), key,
                                                 reason(exc))) from None
    name = next((str(f.properties[k]) for k in NAME_FIELDS if f.properties.get(k)), f.name)
    try:
        return ContextFeature(fid, spec.name, spec.style or guess_style(f.properties), geom,
                              name, times[0], times[1], source)
    except ValueError as exc:                # the model's check: valid_to after valid_from
        raise SituationError(where, reason(exc)) from None


def _lines_or_areas(geom):
    """The lines, or else the polygons, of ``geom`` (a collection holding both keeps the
    polygons); None when it has neither."""
    parts = shapely.get_parts(shapely.get_parts(np.array([geom], dtype=object)))
    parts = parts[~shapely.is_empty(parts)]
    kinds = shapely.get_type_id(parts)
    if (kinds == 3).any():
        return shapely.multipolygons(parts[kinds == 3]) if (kinds == 3).sum() > 1 \
            else parts[kinds == 3][0]
    if (kinds == 1).any():
        lines = parts[kinds == 1]
        return shapely.multilinestrings(lines) if len(lines) > 1 else lines[0]
    return None


def _restyled(f: ContextFeature, style: str) -> ContextFeature:
    return ContextFeature(f.id, f.layer, style, f.geometry, f.name, f.valid_from, f.valid_to,
                          f.source)


def add_context(situation: Situation, specs: list[ContextSpec], credit: str | None = None
                ) -> tuple[int, list[str]]:
    """Add the context layers ``specs`` to ``situation``: a layer of the same name is
    replaced; the built-in rivers only where they lie within the situation's extent,
    and not again when the situation holds them. Returns features added, warnings."""
    added, warnings = 0, []
    for spec in specs:
        features, credits, notes = load_context(spec, credit)
        warnings += notes
        if spec.path == BUILTIN:
            held = {f.id for f in situation.context}
            features = [f for f in within_extent(features, situation) if f.id not in held]
            if not features:
                continue
        else:
            situation.context[:] = [f for f in situation.context if f.layer != spec.name]
        situation.context.extend(features)
        added += len(features)
        for line in credits:
            if line not in situation.meta.attributions:
                situation.meta.attributions.append(line)
    situation.reindex()
    return added, warnings


def within_extent(features: list[ContextFeature], situation: Situation) -> list[ContextFeature]:
    """The ``features`` meeting the lon/lat bounds of the situation's own regions and
    layers (grown by EXTENT_MARGIN_DEG); none when it has neither."""
    geoms = [r.geometry for r in situation.own_regions]
    geoms += [p.geometry for layer in situation.layers for p in layer.history.pieces]
    bounds = shapely.total_bounds(geoms) if geoms else None
    if bounds is None or not all(v == v for v in bounds) or not features:
        return []
    m = EXTENT_MARGIN_DEG
    box = shapely.box(bounds[0] - m, bounds[1] - m, bounds[2] + m, bounds[3] + m)
    hits = shapely.intersects(np.array([f.geometry for f in features], dtype=object), box)
    return [f for f, hit in zip(features, hits.tolist()) if hit]
