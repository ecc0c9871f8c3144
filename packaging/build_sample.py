"""Build the embedded sample situation "Dnipropetrovsk border, June 2025".

    .venv/bin/python packaging/build_sample.py [--out resources/sample.gpkg]

Regions and neighbouring countries come from Natural Earth 1:10m (public domain) as
shipped in Debian's qgis-common package (fetched with apt-get into packaging/cache/);
places from the built-in settlements (GeoNames; packaging/build_settlements.py); reports from one news article of 13 June 2025;
the two layers are an illustrative sketch from that article's words. See README.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pyogrio
import shapely

from viewer.importing.context import BUILTIN as BUILTIN_RIVERS, ContextSpec, add_context
from viewer.importing.places import builtin_places, within_extent
from viewer.io.situation_file import write_situation
from viewer.model.credits import REGIONS_CREDIT, SKETCH_CREDIT
from viewer.model import History, Layer, Place, Region, Situation, SituationMeta, parse_time
from sample_geometry import BorderSketch, context_area, simplify_coverage
from sample_names import CONTEXT, CRIMEA_FIPS, REGIONS
from sample_reports import DESK, REPORTS, links

HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache"
OUT = HERE.parent / "resources" / "sample.gpkg"
WORLD_MAP = "usr/share/qgis/resources/data/world_map.gpkg"

TOLERANCE = 0.005                          # degrees, for coverage simplification
RUSSIA_BOX = (26.0, 40.0, 62.0, 62.0)      # lon/lat box Russia is clipped to: beyond any
                                           # view of Ukraine that still shows its regions
SKETCH_NEAR = (36.86, 48.05)               # the border by Dachne/Maliivka (reported area)
STRIP_KM, STRIP_WIDTH_KM = 18.0, 1.8       # "a narrow strip"
CLAIM_KM, CLAIM_WIDTH_KM = 50.0, 7.0       # "pushing into" the region

SAMPLE_MIN_POPULATION = 10_000   # places shown across Ukraine
NEAR_VIEW_DEG = 0.3              # ... and every place this close to the sample's view
SKETCH_NOTE = SKETCH_CREDIT       # our words: said in Ukrainian on a Ukrainian map


def fetch_world_map() -> Path:
    """world_map.gpkg from Debian's qgis-common, downloaded and unpacked once into the cache."""
    target = CACHE / "extracted" / WORLD_MAP
    if target.exists():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    debs = sorted(CACHE.glob("qgis-common_*.deb"))
    if not debs:
        subprocess.run(["apt-get", "download", "qgis-common"], cwd=CACHE, check=True)
        debs = sorted(CACHE.glob("qgis-common_*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(debs[-1]), str(CACHE / "extracted")], check=True)
    return target


def read_layer(path: Path, layer: str, where: str) -> list[tuple[dict, object]]:
    """(attributes, shapely geometry) for each feature of ``layer`` matching ``where``."""
    meta, _, wkb, columns = pyogrio.raw.read(path, layer=layer, where=where)
    names = list(meta["fields"])
    geoms = shapely.from_wkb(wkb)
    return [({n: columns[j][i] for j, n in enumerate(names)}, geoms[i])
            for i in range(len(geoms))]


def load_regions(path: Path) -> list[Region]:
    """Ukraine's 27 regions (Crimea and Sevastopol included) and the neighbouring countries."""
    fips = "', '".join(REGIONS)
    own = {a["fips"]: g for a, g in read_layer(path, "states_provinces", f"fips IN ('{fips}')")}
    missing = set(REGIONS) - set(own)
    if missing:
        raise SystemExit(f"{path}: no admin-1 regions for {sorted(missing)}")
    crimea = shapely.union_all([own[f] for f in CRIMEA_FIPS])
    iso3 = "', '".join(CONTEXT)
    countries = {a["ISO_A3"]: g for a, g in read_layer(path, "countries", f"ISO_A3 IN ('{iso3}')")}
    context = {k: context_area(g, RUSSIA_BOX, crimea) if k == "RUS" else context_area(g, None)
               for k, g in countries.items()}

    keys = [("own", f) for f in REGIONS] + [("context", k) for k in CONTEXT]
    simplified = simplify_coverage([own[k] if kind == "own" else context[k]
                                    for kind, k in keys], TOLERANCE)
    regions = []
    for (kind, key), geom in zip(keys, simplified):
        rid, en, uk = REGIONS[key] if kind == "own" else CONTEXT[key]
        regions.append(Region(rid, {"en": en, "uk": uk}, geom,
                              admin_level=1 if kind == "own" else 0,
                              role="region" if kind == "own" else "context"))
    return regions


def load_places(regions: list[Region]) -> tuple[list[Place], list[str]]:
    """The built-in settlements (resources/ukraine-settlements.json.gz, from GeoNames):
    every place of SAMPLE_MIN_POPULATION or more within the regions' extent, and every
    place near the sample's view (the default bbox grown by NEAR_VIEW_DEG)."""
    places, credits = builtin_places()
    extent = within_extent(places, Situation(regions=regions))
    x0, y0, x1, y1 = meta().default_bbox
    m = NEAR_VIEW_DEG
    chosen = [p for p in extent if p.population >= SAMPLE_MIN_POPULATION
              or (x0 - m <= p.lon <= x1 + m and y0 - m <= p.lat <= y1 + m)]
    return chosen, credits


def sketch_layers(dnipro: Region, donetsk: Region) -> list[Layer]:
    """The two sketched layers, bottom first: a larger claimed area, a confirmed strip."""
    sketch = BorderSketch(dnipro.geometry, donetsk.geometry)
    strip = sketch.area(SKETCH_NEAR, STRIP_KM, STRIP_WIDTH_KM)
    claim = sketch.area(SKETCH_NEAR, CLAIM_KM, CLAIM_WIDTH_KM)
    empty = shapely.MultiPolygon()
    start, weekend, report, end = (parse_time(d) for d in
                                   ("2025-05-26", "2025-06-08", "2025-06-13", "2025-06-30"))
    note = ("Illustrative sketch drawn from the words of a news report of 13 June 2025; "
            "its shape and size are not an assessment.")
    confirmed = Layer(
        "confirmed", "Russian presence, confirmed (sketch)", "assessed-advance",
        History.from_states("confirmed", [(start, empty), (weekend, strip), (end, strip)]),
        description=("A narrow strip inside Dnipropetrovsk Oblast along the Donetsk border, "
                     "where Ukrainian officials and ISW reported Russian troops after the "
                     "weekend of 7-8 June 2025. " + note),
        source=SKETCH_NOTE)
    claimed = Layer(
        "claimed", "Claimed by Russian MoD (sketch)", "claimed",
        History.from_states("claimed", [(start, empty), (report, claim), (end, claim)]),
        description=("A larger area standing for the Russian Defence Ministry's claim that "
                     "its tank units are pushing into Dnipropetrovsk Oblast; Ukrainian "
                     "officials say no settlement has been taken. " + note),
        source=SKETCH_NOTE)
    return [claimed, confirmed]


def meta() -> SituationMeta:
    return SituationMeta(
        title="Dnipropetrovsk border, June 2025",
        description=(
            "Russian troops were reported inside Ukraine's Dnipropetrovsk Oblast in June "
            "2025, crossing from Donetsk Oblast for the first time since 2022. The sample "
            "sets the reports side by side: Ukrainian officials and ISW describe a narrow "
            "strip held along the border, while the Russian Defence Ministry claims a push "
            "into the region. The layer geometry is an illustrative sketch drawn from the "
            "report's words, not an assessment of where troops were."),
        attributions=[
            REGIONS_CREDIT,
            "Reports: The New York Times (citing Ukrainian military officials), the Institute "
            "for the Study of War, a Ukrainian officer (call sign Barbarossa) and the Russian "
            f"Ministry of Defence, as relayed by the {DESK} (13 June 2025)",
            SKETCH_NOTE,
        ],
        default_bbox=(35.6, 47.4, 38.2, 48.9),
        default_time=parse_time("2025-06-13T00:00Z"),
        highlight_days=7.0,
    )


def build() -> Situation:
    regions = load_regions(fetch_world_map())
    by_id = {r.id: r for r in regions}
    layers = sketch_layers(by_id["UA-12"], by_id["UA-14"])
    claim_change, strip_change = (layer.history.changes[0].id for layer in layers)
    places, credits = load_places(regions)
    info = meta()
    info.attributions[1:1] = credits
    situation = Situation(info, regions, places, layers, list(REPORTS),
                          links(strip_change, claim_change))
    add_context(situation, [ContextSpec(BUILTIN_RIVERS, "rivers")])   # and their credit
    return situation


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    args = parser.parse_args(argv)
    situation = build()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_situation(situation, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB): "
          f"{len(situation.own_regions)} regions, {len(situation.regions)} areas in all, "
          f"{len(situation.places)} places, {len(situation.reports)} reports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
