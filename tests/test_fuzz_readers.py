"""Fuzzing the foreign-format readers (GeoJSON, KML, KMZ, Shapefile, GeoPackage features),
the reports table reader and ``situation-viewer import`` of such files: every damaged
file is read (imported) or refused with one clear line.

See docs/fuzzing.md; a failing case prints its replay command and saved input.
"""

from __future__ import annotations

import zipfile

import pytest

from fuzz_harness import describe, unexpected
from fuzz_workers import run_target
from fuzz_seeds import KML, shapefile_seeds
from fuzz_targets import TARGETS
from factories import said
from viewer.io.errors import SituationError

CASES = {"geojson": 60, "kml": 50, "kmz": 40, "shapefile": 60, "gpkg_features": 20,
         "reports_csv": 60, "reports_json": 60,            # per operator
         "cli_import_geojson": 15, "cli_import_kml": 15, "cli_import_shapefile": 15,
         "cli_import_reports": 15}
# Failures the fuzzer found that are not fixed yet (regex of the detail -> the bug). The
# ones found so far (R1-R4 below) are fixed; their tests keep them fixed.
KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("target", sorted(CASES))
def test_damaged_files_are_read_or_refused_clearly(target, tmp_path):
    results = run_target(target, CASES[target], save_dir=tmp_path, timeout=5.0)
    assert len(results) == len(TARGETS[target].operators) * CASES[target]
    assert {"success", "clear_error"} <= {r.outcome for r in results}
    bad = unexpected(results, KNOWN)
    assert not bad, describe(results, bad)


def _read(path):
    from viewer.io.foreign.dispatch import read_features
    return read_features(path)


def test_deeply_nested_kml_folders_are_refused_quickly(tmp_path):
    """R1 (fixed in kml.py): 100 000 nested Folders took minutes (the folder path was
    copied at every level); now more than kml.MAX_DEPTH levels are refused."""
    import signal
    depth = 100_000
    path = tmp_path / "deep.kml"
    path.write_text(KML.replace("<Folder><name>Front</name>",
                                "<Folder>" * depth + "<Folder><name>Front</name>", 1)
                    .replace("</Folder>\n<Placemark><name>Town",
                             "</Folder>" * (depth + 1) + "\n<Placemark><name>Town", 1))

    def too_slow(*_):
        raise TimeoutError("reading took over 5 s")
    old = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(5)
    try:
        with pytest.raises(SituationError, match="folders nested more than 100 deep"):
            _read(path)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_a_damaged_kmz_gives_a_short_message(tmp_path):
    """R2 (fixed in kmz.py): zipfile's message quoted kilobytes of raw header bytes."""
    path = tmp_path / "bad.kmz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("doc.kml", KML)
    data = bytearray(path.read_bytes())
    data[26:28] = (200).to_bytes(2, "little")       # local header: a longer file name
    path.write_bytes(bytes(data))
    with pytest.raises(SituationError, match="not a readable KMZ") as err:
        _read(path)
    assert len(str(err.value)) < len(str(path)) + 300, str(err.value)


def test_a_cpg_with_a_nul_or_no_text_encoding_is_a_warning(tmp_path):
    """R3 (fixed in shapefile_reader.py): a NUL in the .cpg escaped as ValueError."""
    shp = shapefile_seeds(tmp_path)[0]
    for cpg in (b"UTF\x00-8", b"base64"):
        shp.with_suffix(".cpg").write_bytes(cpg)
        result = _read(shp)
        assert len(result.features) == 2
        assert any("unknown encoding" in w for w in said(result)), said(result)


def test_undecodable_dates_are_refused_naming_the_dbf(tmp_path):
    """R4 (fixed in shapefile_reader.py): non-ASCII bytes in a date field escaped as
    _Undecodable (pyshp decodes dates as ASCII, so the Latin-1 retry fails too)."""
    shp = shapefile_seeds(tmp_path)[0]
    dbf = shp.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes())
    header = int.from_bytes(data[8:10], "little")
    cell = header + 1 + 40                                      # the first DAY (date) cell
    data[cell:cell + 2] = b"\xd0\xd0"
    dbf.write_bytes(bytes(data))
    with pytest.raises(SituationError, match="undecodable bytes") as err:
        _read(shp)
    assert str(err.value).startswith(str(dbf))


def test_a_kmz_entry_without_a_name_is_refused(tmp_path):
    """R6 (fixed in kmz.py): an entry named "" made zipfile raise IndexError."""
    path = tmp_path / "nameless.kmz"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo(""), b"x")
        z.writestr("doc.kml", KML)
    with pytest.raises(SituationError, match="not a readable KMZ"):
        _read(path)


def test_a_shx_declaring_gigabytes_is_read_without_allocating_them(tmp_path):
    """R5 (fixed in shapefile_reader.py): pyshp reads as many bytes as the .shx header
    declares; from a file object that allocated gigabytes (MemoryError under a memory
    limit). Checked here under a limit of 1 GB more than this process already maps."""
    import resource
    shp = shapefile_seeds(tmp_path)[0]
    shx = shp.with_suffix(".shx")
    data = bytearray(shx.read_bytes())
    data[24:28] = (2 ** 31 - 1).to_bytes(4, "big")           # file length, 16-bit words
    shx.write_bytes(bytes(data))
    from pathlib import Path
    mapped = int(Path("/proc/self/statm").read_text().split()[0]) * resource.getpagesize()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (mapped + 2 ** 30, hard))
    try:
        try:
            _read(shp)
        except SituationError:
            pass
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def test_a_huge_geometry_column_name_gives_a_short_message(tmp_path):
    """G8 (fixed in gpkg_features.py): a name from gpkg_geometry_columns (here 100 000
    characters, in the fuzz run a blob) was quoted whole in the message."""
    import sqlite3
    from fuzz_seeds import gpkg_seeds
    path = gpkg_seeds(tmp_path)[0]
    conn = sqlite3.connect(path)
    conn.execute("UPDATE gpkg_geometry_columns SET column_name = ? "
                 "WHERE table_name = 'regions'", ("x" * 100_000,))
    conn.commit()
    conn.close()
    with pytest.raises(SituationError, match="no geometry column") as err:
        _read(path)
    assert len(str(err.value)) < len(str(path)) + 300


def test_nan_positions_in_geojson_are_skipped_without_a_numpy_warning(tmp_path):
    """R7 (fixed in geojson.py): a polygon with a NaN position (JSON allows ``NaN``) made
    numpy print a RuntimeWarning on stderr (a failure of ``import``'s one-line rule) before
    the feature was skipped. pytest turns that warning into an error here."""
    path = tmp_path / "nan.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                    '"properties": {}, "geometry": {"type": "Polygon", "coordinates": '
                    '[[[30, 48], [NaN, 48], [31, 49], [30, 48]]]}}, {"type": "Feature", '
                    '"properties": {}, "geometry": {"type": "Point", "coordinates": [30, 48]}}]}')
    result = _read(path)
    assert len(result.features) == 1 and any("feature 1" in w for w in said(result))


@pytest.mark.parametrize("suffix, document", [
    (".kml", '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>deep</name>'
             + "<MultiGeometry>" * 5000 + "<Point><coordinates>30,48</coordinates></Point>"
             + "</MultiGeometry>" * 5000 + "</Placemark><Placemark><Point><coordinates>"
             "31,49</coordinates></Point></Placemark></kml>"),
    (".geojson", '{"type": "FeatureCollection", "features": [{"type": "Feature", '
                 '"properties": {}, "geometry": '
                 + '{"type": "GeometryCollection", "geometries": [' * 400
                 + '{"type": "Point", "coordinates": [30, 48]}' + "]}" * 400
                 + '}, {"type": "Feature", "properties": {}, "geometry": {"type": "Point", '
                 '"coordinates": [31, 49]}}]}'),
])
def test_deeply_nested_collections_skip_that_feature(tmp_path, suffix, document):
    """Collections nested deeper than the reader's limit (checked as it descends, not by
    running out of stack) skip their feature, naming why; the others are read."""
    path = tmp_path / f"deep{suffix}"
    path.write_text(document)
    result = _read(path)
    assert len(result.features) == 1
    assert any("nested more than 100 deep" in w for w in said(result)), said(result)


def test_a_coordinate_too_large_for_a_float_skips_its_feature(tmp_path):
    """R8 (found while narrowing the readers' except clauses): an integer coordinate past
    the float range (JSON allows any length) escaped as OverflowError from numpy."""
    path = tmp_path / "huge.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                    '"properties": {}, "geometry": {"type": "Point", "coordinates": '
                    f'[{10 ** 400}, 48]}}}}, {{"type": "Feature", "properties": {{}}, '
                    '"geometry": {"type": "Point", "coordinates": [30, 48]}}]}')
    result = _read(path)
    assert [f.geometry.coords[0] for f in result.features] == [(30.0, 48.0)]
    assert any("feature 1" in w for w in said(result)), said(result)


def test_a_region_link_to_the_last_day_of_year_9999_is_read(tmp_path):
    """R9 (found the same way): a date-only ``to`` means the end of that day, and one day
    after 9999-12-31 overflowed (OverflowError); the window now ends at the last instant."""
    from datetime import datetime, timezone
    from viewer.io.foreign.reports_table import read_reports_table
    path = tmp_path / "late.csv"
    path.write_text("id,published,region,from,to\nr1,2025-06-13,UA-14,2025-06-01,9999-12-31\n")
    (link,) = read_reports_table(path).link_specs
    assert link.t1 == datetime.max.replace(tzinfo=timezone.utc)
