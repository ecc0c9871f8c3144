"""``builtin:rivers``: the major rivers and lakes of Ukraine and 100 km around it.

GSHHG's WDBII river lines and its lakes (the Dnipro's reservoirs, and the Dnipro from
Kremenchuk to its estuary as a double-lined river), LGPL-3.0, as extracted by
packaging/build_rivers.py into resources/ukraine-rivers.json.gz. The Kakhovka reservoir
ends on 6 June 2023, when its dam was destroyed and it drained.
"""

from __future__ import annotations

import gzip
import json
from functools import cache

import shapely

from viewer.model import parse_time
from viewer.model.context import ContextFeature

LAYER = "rivers"


@cache
def _table() -> dict:
    from viewer.resources import rivers_bytes
    return json.loads(gzip.decompress(rivers_bytes()))


def builtin_rivers() -> tuple[list[ContextFeature], list[str]]:
    """The built-in features (ids ``builtin-rivers/N``) and their credit line."""
    doc = _table()
    columns = doc["columns"]
    out = []
    for n, row in enumerate(doc["rows"], 1):
        r = dict(zip(columns, row))
        geom = shapely.from_geojson(json.dumps(r["geometry"]))
        out.append(ContextFeature(
            f"builtin-rivers/{n}", LAYER, r["style"], geom, r["name"],
            parse_time(r["valid_from"]) if r["valid_from"] else None,
            parse_time(r["valid_to"]) if r["valid_to"] else None, "GSHHG"))
    return out, [doc["attribution"]]
