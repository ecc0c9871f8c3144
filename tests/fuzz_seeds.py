"""The good files the fuzzer starts from (one builder per format, written into a folder),
and the operators that rebuild a format's file the way an attacker would.
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import zipfile
from pathlib import Path

import fuzz_mutations as fm
from fuzz_tables import hostile_value


def gpkg_seeds(folder: Path) -> list[Path]:
    from factories import two_region_situation
    from viewer.io.situation_file import write_situation
    from viewer.resources import sample_path
    import shapely
    from viewer.model import parse_time
    from viewer.model.attachment import Attachment
    from viewer.model.context import ContextFeature
    small = folder / "two_regions.gpkg"
    situation = two_region_situation()          # with a river and a lake that ends
    situation.context = [
        ContextFeature("c/1", "context", "river", shapely.LineString([(30, 48.5), (32, 48.6)])),
        ContextFeature("c/2", "context", "water", shapely.box(31.2, 48.6, 31.4, 48.8),
                       valid_to=parse_time("2025-06-10"))]
    situation.attachments += [                  # and source copies, so they get fuzzed too
        Attachment("r1", "page.html", "text/html", b"<html><body><p>A &amp; B</p></body></html>"),
        Attachment("r2", "dot.png", "image/png", bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082"))]
    write_situation(situation, small)
    sample = folder / "sample.gpkg"
    shutil.copyfile(sample_path(), sample)
    return [small, sample, generic_gpkg_seed(folder)]


def generic_gpkg_seed(folder: Path) -> Path:
    """A GeoPackage as GDAL writes one (pyogrio): a polygon layer with an R-tree index,
    gpkg_extensions, gpkg_ogr_contents and GDAL's triggers; not a situation file."""
    import numpy as np
    import pyogrio.raw
    import shapely
    path = folder / "generic.gpkg"
    geoms = shapely.to_wkb(np.array([shapely.box(36, 47, 36.5, 47.5),
                                     shapely.box(36.2, 47.1, 36.9, 47.6)]))
    pyogrio.raw.write(str(path), geometry=geoms,
                      field_data=[np.array(["2025-06-01", "2025-06-05"], dtype=object)],
                      fields=["date"], layer="front", driver="GPKG", geometry_type="Polygon",
                      crs="EPSG:4326", layer_options={"SPATIAL_INDEX": "YES"})
    return path


def geojson_doc() -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "f1", "properties": {"name": "Strip", "date": "2025-06-13",
                                                      "note": "Ukrainian: Покровськ"},
         "geometry": {"type": "Polygon", "coordinates": [
             [[36.0, 47.9], [36.4, 47.9], [36.4, 48.2], [36.0, 48.2], [36.0, 47.9]],
             [[36.1, 48.0], [36.2, 48.0], [36.2, 48.1], [36.1, 48.0]]]}},
        {"type": "Feature", "properties": {"name": "Two parts", "n": 3},
         "geometry": {"type": "MultiPolygon", "coordinates": [
             [[[35, 47], [35.5, 47], [35.5, 47.5], [35, 47]]],
             [[[37, 48], [37.5, 48], [37.5, 48.5], [37, 48]]]]}},
        {"type": "Feature", "properties": {"name": "Town"},
         "geometry": {"type": "Point", "coordinates": [36.2, 48.05]}},
        {"type": "Feature", "properties": None,
         "geometry": {"type": "LineString", "coordinates": [[35, 47], [36, 48]]}},
    ]}


def geojson_seeds(folder: Path) -> list[Path]:
    path = folder / "seed.geojson"
    path.write_text(json.dumps(geojson_doc(), ensure_ascii=False, indent=1), encoding="utf-8")
    series = folder / "series_in_one_file.geojson"     # one dated area per date: snapshots
    series.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"date": day}, "geometry": {
            "type": "Polygon", "coordinates": [[[36, 47], [east, 47], [east, 47.5],
                                                [36, 47.5], [36, 47]]]}}
        for day, east in (("2025-06-01", 36.5), ("2025-06-05", 36.3), ("2025-06-09", 36.6))]}))
    return [path, series]


KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><name>Seed</name>
<Folder><name>Front</name>
 <Placemark><name>Strip</name><TimeSpan><begin>2025-06-01</begin><end>2025-06-13</end></TimeSpan>
  <ExtendedData><Data name="source"><value>ISW</value></Data></ExtendedData>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>
   36.0,47.9,0 36.4,47.9,0 36.4,48.2,0 36.0,48.2,0 36.0,47.9,0
  </coordinates></LinearRing></outerBoundaryIs>
  <innerBoundaryIs><LinearRing><coordinates>36.1,48.0 36.2,48.0 36.2,48.1 36.1,48.0</coordinates>
  </LinearRing></innerBoundaryIs></Polygon></Placemark>
 <Folder><name>Inner</name>
 <Placemark><name>Two</name><TimeStamp><when>2025-06-13T08:00:00Z</when></TimeStamp>
  <MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>35,47 35.5,47 35.5,47.5 35,47
  </coordinates></LinearRing></outerBoundaryIs></Polygon>
  <Point><coordinates>36.2,48.05</coordinates></Point></MultiGeometry></Placemark>
 </Folder></Folder>
<Placemark><name>Town</name><Point><coordinates>36.2,48.05,0</coordinates></Point></Placemark>
</Document></kml>
"""


def kml_seeds(folder: Path) -> list[Path]:
    path = folder / "seed.kml"
    path.write_text(KML, encoding="utf-8")
    return [path]


def kmz_seeds(folder: Path) -> list[Path]:
    path = folder / "seed.kmz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("doc.kml", KML)
        z.writestr("files/icon.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    return [path]


def zip_hostile(path: Path, rng: random.Random) -> None:
    """A KMZ rebuilt as an attacker would: an entry escaping the archive, a zip bomb,
    thousands of entries, no KML, a damaged KML inside, or a lying size."""
    how = rng.randrange(6)
    kml = KML.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if how == 0:
            z.writestr(rng.choice(("../evil.kml", "/etc/evil.kml", "C:\\evil.kml",
                                   "a/../../evil.kml")), kml)
        elif how == 1:     # 300 MB of spaces inflate from about 300 KB
            with z.open("doc.kml", "w", force_zip64=True) as entry:
                entry.write(kml[:-7])
                spaces = b" " * 2 ** 20
                for _ in range(300):
                    entry.write(spaces)
                entry.write(b"</kml>\n")
        elif how == 2:
            for i in range(rng.choice((100, 5000))):
                z.writestr(f"x{i}.kml", kml if i == 0 else b"")
        elif how == 3:
            z.writestr("readme.txt", b"no kml here")
        else:
            z.writestr("doc.kml", fm.xml_tree(kml, rng) if how == 4 else kml)
    if how == 5:           # a declared size that lies (local header and directory)
        data = bytearray(path.read_bytes())
        for sig in (b"PK\x03\x04", b"PK\x01\x02"):
            i = data.find(sig)
            off = 22 if sig == b"PK\x03\x04" else 24
            data[i + off:i + off + 4] = rng.choice((0, 1, 2 ** 32 - 1)).to_bytes(4, "little")
        path.write_bytes(bytes(data))


def shapefile_seeds(folder: Path) -> list[Path]:
    import shapefile
    base = folder / "shape_seed"
    with shapefile.Writer(str(base), shapeType=shapefile.POLYGON, encoding="utf-8") as w:
        w.field("NAME", "C", size=40)
        w.field("DAY", "D")
        w.field("N", "N", size=10)
        w.field("F", "F", size=12, decimal=4)
        w.field("OK", "L")
        w.poly([[[36.0, 47.9], [36.0, 48.2], [36.4, 48.2], [36.4, 47.9], [36.0, 47.9]],
                [[36.1, 48.0], [36.2, 48.0], [36.2, 48.1], [36.1, 48.0]]])
        w.record("Strip Покровськ", "20250613", 3, 1.5, True)
        w.poly([[[35, 47], [35, 47.5], [35.5, 47.5], [35, 47]],
                [[37, 48], [37, 48.5], [37.5, 48.5], [37, 48]]])
        w.record("Two parts", None, None, None, None)
    (folder / "shape_seed.prj").write_text(
        'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,'
        '298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]')
    (folder / "shape_seed.cpg").write_text("UTF-8")
    return [folder / "shape_seed.shp"]


REPORT_ROWS = [
    {"id": "r1", "published": "2025-06-13T08:00:00Z", "source": "ISW", "title": "Advance",
     "url": "https://example.org/a", "summary": "Footage, geolocated.", "language": "en",
     "grade": "B2", "change_id": "control@2025-06-13T00:00:00Z", "role": "confirms"},
    {"id": "r2", "published": "2025-06-13T10:00+03:00", "source": "MoD",
     "title": "<b>We took it</b>", "url": "", "summary": "Claim; \"quoted\"", "language": "ru",
     "grade": "D4", "change_id": "", "role": "claims"},
    {"id": "r2", "published": "2025-06-13T10:00+03:00", "source": "MoD",
     "title": "<b>We took it</b>", "url": "", "summary": "Claim; \"quoted\"", "language": "ru",
     "grade": "D4", "change_id": "claimed@2025-06-13T00:00:00Z", "role": "claims"},
    {"id": "r3", "published": "2025-06-12", "source": "Анонім", "title": "Ще", "url": "",
     "summary": "", "language": "uk", "grade": "", "change_id": "", "role": ""},
]


def reports_seeds(folder: Path) -> list[Path]:
    csv_path, json_path = folder / "reports.csv", folder / "reports.json"
    with open(csv_path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(REPORT_ROWS[0]))
        writer.writeheader()
        writer.writerows(REPORT_ROWS)
    json_path.write_text(json.dumps(REPORT_ROWS, ensure_ascii=False, indent=1), "utf-8")
    return [csv_path, json_path]


def csv_cells(path: Path, rng: random.Random) -> None:
    """A cell replaced by a hostile value, a column added or dropped, a row repeated."""
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))
    how = rng.randrange(4)
    r, c = rng.randrange(len(rows)), rng.randrange(len(rows[0]))
    if how == 0:
        value = hostile_value(rng)
        rows[r][c] = value.decode("latin-1") if isinstance(value, bytes) else str(value)
    elif how == 1:
        for row in rows:
            row.insert(c, rng.choice(("id", "published", "x", "", "grade")))
    elif how == 2:
        for row in rows:
            row.pop(c)
    else:
        rows.insert(r, list(rows[rng.randrange(1, len(rows))]))
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=rng.choice(",;\t"), quoting=rng.choice(
        (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC))).writerows(rows)
    path.write_text(out.getvalue(), "utf-8", errors="surrogatepass")
