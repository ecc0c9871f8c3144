"""``situation-viewer import``: the written file, regions from a Shapefile, reports linked by
layer + date and by region + window, --append, the summary, and exit 2 on bad input."""

from __future__ import annotations

import json

import pytest
import shapefile
from pyproj import CRS
from pyproj.enums import WktVersion
from shapely.geometry import box, mapping

from viewer.cli.main import main
from viewer.io.situation_file import read_situation
from viewer.model import parse_time

REPORTS = """id,published,source,title,layer,date,region,from,to,role,reliability,credibility
r1,2025-06-02T09:00Z,Agency A,Front moves east,Front,2025-06-02,,,,reports,B,2
r2,2025-06-03T10:00Z,Ministry M,We took more,front,2025-06-03T00:00Z,,,,claims,D,4
r3,2025-06-04T08:00Z,Analyst Z,East is contested,,,Схід,2025-06-01,2025-06-02,confirms,C,3
r4,2025-06-04T09:00Z,Agency A,Nothing happened,Front,2025-06-20,,,,reports,B,2
"""


def snapshot(path, geom):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": mapping(geom)}]}))


def regions_shapefile(base):
    """West (30-31°E) and East (31-32°E) at 48-49°N, with Ukrainian names, in lon/lat."""
    with shapefile.Writer(str(base), shapeType=shapefile.POLYGON, encoding="utf-8") as w:
        w.field("NAME", "C", 40)
        w.field("ADM1_UA", "C", 40)
        for name, uk, x in (("West", "Захід", 30), ("East", "Схід", 31)):
            w.poly([[(x, 48), (x, 49), (x + 1, 49), (x + 1, 48), (x, 48)]])   # clockwise
            w.record(name, uk)
    base.with_suffix(".prj").write_text(CRS(4326).to_wkt(WktVersion.WKT1_ESRI))
    return str(base.with_suffix(".shp"))


@pytest.fixture
def inputs(tmp_path):
    series = tmp_path / "front"
    series.mkdir()
    snapshot(series / "front_20250601.geojson", box(30.2, 48.2, 30.6, 48.4))
    snapshot(series / "front_20250602.geojson", box(30.2, 48.2, 31.4, 48.4))
    snapshot(series / "front_20250603.geojson", box(30.2, 48.2, 31.6, 48.4))
    (tmp_path / "reports.csv").write_text(REPORTS, encoding="utf-8")
    return {"series": str(series), "regions": regions_shapefile(tmp_path / "regions"),
            "reports": str(tmp_path / "reports.csv"), "out": str(tmp_path / "out.gpkg"),
            "dir": tmp_path}


def run_ok(capsys, *args) -> str:
    assert main(list(map(str, args))) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_import_with_shapefile_regions_and_reports(inputs, capsys):
    summary = run_ok(capsys, "import", inputs["series"], "-o", inputs["out"], "--layer", "Front",
                     "--regions", inputs["regions"], "--reports", inputs["reports"],
                     "--attribution", "Front lines: test data (CC0)")
    assert "states: 3   changes: 2   time span: 2025-06-01 .. 2025-06-03" in summary
    assert "    West: 2025-06-01  (at the start)\n    East: 2025-06-02\n" in summary
    assert "dropped slivers: 0" in summary and "repaired polygons: 0" in summary
    assert "warnings: 1\n" in summary and "r4" in summary           # the dangling request
    info = json.loads(run_ok(capsys, "info", inputs["out"], "--json"))
    assert info["title"] == "Front" and info["default_time"] == "2025-06-03T00:00:00Z"
    # the built-in places and rivers (the default --places, --context) bring their credit
    assert info["attributions"][0] == "Front lines: test data (CC0)"
    assert [a for a in info["attributions"][1:]
            if "GeoNames" not in a and "GSHHG" not in a] == []
    assert "Imported by situation-viewer" in info["description"]
    layer = info["layers"][0]
    assert [c["at"] for c in layer["changes"]] == ["2025-06-02T00:00:00Z", "2025-06-03T00:00:00Z"]
    first, second = layer["changes"]
    assert first["report_roles"] == {"r1": "reports", "r3": "confirms"}
    assert second["report_roles"] == {"r2": "claims"}
    assert set(first["regions_km2"]) == {"West", "East"} and second["regions"] == ["East"]
    regions = {r["name"]: r for r in info["regions"]}
    assert regions["East"]["name_uk"] == "Схід"
    assert regions["East"]["first_entered"] == {"front": "2025-06-02T00:00:00Z"}
    situation = read_situation(inputs["out"])
    assert [l.id for l in situation.layers] == ["front"] and situation.dangling_links() == []


def test_append_adds_a_layer_and_refuses_a_second_with_the_same_id(inputs, capsys):
    run_ok(capsys, "import", inputs["series"], "-o", inputs["out"], "--layer", "Front",
           "--regions", "builtin:ukraine-oblasts", "--title", "Two layers")
    raids = inputs["dir"] / "raids.geojson"
    raids.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": mapping(box(36, 48, 36.1, 48.1)),
         "properties": {"valid_from": "2025-06-02", "valid_to": "2025-06-04"}},
        {"type": "Feature", "geometry": mapping(box(36.3, 48, 36.4, 48.1)),
         "properties": {"valid_from": "2025-06-03"}}]}))
    summary = run_ok(capsys, "import", raids, "-o", inputs["out"], "--append")
    assert "layer raids: raids (incursion)" in summary
    situation = read_situation(inputs["out"])
    assert [l.id for l in situation.layers] == ["front", "raids"]
    assert situation.meta.title == "Two layers"
    assert len(situation.own_regions) == 27 and len(situation.regions) > 27
    assert situation.layer("front").history.times[-1] == parse_time("2025-06-03")
    assert situation.meta.default_time == parse_time("2025-06-04")
    assert main(["import", str(raids), "-o", inputs["out"], "--append"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already has a layer with the id 'raids'" in err
    assert len(read_situation(inputs["out"]).layers) == 2            # left as it was


@pytest.mark.parametrize("args, message", [
    (["{dir}/nowhere", "-o", "{out}"], "nowhere: no such file or folder"),
    (["{series}", "-o", "{out}", "--min-width", "-1"], "--min-width: must be a number >= 0"),
    (["{series}", "-o", "{out}", "--min-area", "nan"], "--min-area: must be a number >= 0"),
    (["{series}", "-o", "{out}", "--date-pattern", "("], "--date-pattern: not a regular"),
    (["{series}", "-o", "{dir}/out.png"], "-o: a situation file ends in .gpkg"),
    (["{series}", "-o", "{out}", "--append"], "--append: "),
    (["{series}", "-o", "{out}", "--regions", "builtin:atlantis"], "no such built-in region"),
    (["{series}", "-o", "{out}", "--regions", "{regions}", "--region-name-field", "X"],
     "no --region-name-field 'X'"),
    (["{series}", "-o", "{dir}/missing/out.gpkg"], "can't write"),
    (["{series}", "{dir}/dup_2025-06-01.geojson", "-o", "{out}"], "same snapshot date"),
    (["{series}", "-o", "{out}", "--time-field", "day"], "no feature has the property 'day'"),
    (["{series}", "-o", "{out}", "--reports", "{regions}"], "regions.shp: "),
])
def test_bad_input_is_one_line_and_exit_2(inputs, capsys, args, message):
    snapshot(inputs["dir"] / "dup_2025-06-01.geojson", box(30, 48, 30.1, 48.1))
    argv = ["import"] + [a.format(**inputs) for a in args]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("situation-viewer: error: ") and message in err


def test_import_over_an_existing_file_asks_for_force(tmp_path, capsys):
    """Writing -o over an existing situation file would drop its layers: it asks first."""
    from test_gpkg_roundtrip import sample_situation
    from viewer.cli.main import main
    from viewer.io.situation_file import read_situation, write_situation
    source = tmp_path / "front_20250601.geojson"
    source.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                      '"properties": {}, "geometry": {"type": "Polygon", "coordinates": '
                      '[[[36, 47], [37, 47], [37, 48], [36, 47]]]}}]}')
    out = tmp_path / "have.gpkg"
    write_situation(sample_situation(), out)
    old = out.read_bytes()
    assert main(["import", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == (f"situation-viewer: error: -o: {str(out)!r} already exists; --append adds "
                   "the new layer(s) to it, --force replaces it (dropping its layers)\n")
    assert out.read_bytes() == old
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0
    assert [l.id for l in read_situation(out).layers] == ["front"]


def _day_file(folder, day: str, east: float):
    """One daily snapshot: a box whose east edge moves."""
    path = folder / f"front_{day}.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {},
        "geometry": {"type": "Polygon", "coordinates": [[[36, 47], [east, 47], [east, 47.5],
                                                         [36, 47.5], [36, 47]]]}}]}))
    return path


def test_the_daily_update_adds_snapshots_after_the_last_state(tmp_path, capsys):
    """--into adds the new days to the layer: the result equals importing all days at
    once, what else the file holds is kept, and an older day needs --rebuild."""
    import sqlite3
    from viewer.cli.main import main
    from viewer.io.situation_file import read_situation
    days = [("20250601", 36.5), ("20250602", 36.6), ("20250603", 36.55), ("20250604", 36.8)]
    folder = tmp_path / "all"
    folder.mkdir()
    paths = [_day_file(folder, d, e) for d, e in days]
    whole, daily = tmp_path / "whole.gpkg", tmp_path / "daily.gpkg"
    assert main(["import", str(folder), "--layer", "Front", "-o", str(whole)]) == 0
    assert main(["import", *map(str, paths[:2]), "--layer", "Front", "-o", str(daily)]) == 0
    conn = sqlite3.connect(daily)
    with conn:
        conn.execute("CREATE TABLE layer_styles (id INTEGER PRIMARY KEY, styleName TEXT)")
        conn.execute("INSERT INTO layer_styles VALUES (1, 'front')")
    conn.close()
    for path in paths[2:]:
        assert main(["import", str(path), "--into", "front", "-o", str(daily)]) == 0
    assert "read as: a dated snapshot series, 1 snapshot(s)" in capsys.readouterr().out
    a, b = read_situation(whole).layer("front").history, read_situation(daily).layer("front").history
    assert a.times == b.times and len(b.times) == 4
    assert [(c.at, round(c.gained.area, 9), round(c.lost.area, 9)) for c in a.changes] == \
           [(c.at, round(c.gained.area, 9), round(c.lost.area, 9)) for c in b.changes]
    assert sqlite3.connect(daily).execute("SELECT styleName FROM layer_styles").fetchall() \
        == [("front",)]
    old = daily.read_bytes()
    assert main(["import", str(paths[1]), "--into", "front", "-o", str(daily)]) == 2
    assert "not after the last state of layer 'front'" in capsys.readouterr().err
    assert daily.read_bytes() == old
    assert main(["import", str(_day_file(tmp_path, "20250602", 36.7)), "--into", "front",
                 "--rebuild", "-o", str(daily)]) == 0
    rebuilt = read_situation(daily).layer("front").history
    assert rebuilt.times == b.times
    assert rebuilt.state_at(b.times[1]).bounds[2] == pytest.approx(36.7)
    assert main(["import", str(paths[0]), "--into", "nothing", "-o", str(daily)]) == 2
    assert "has no layer 'nothing' (its layers: front)" in capsys.readouterr().err


def test_a_layer_without_a_stated_source_says_so_and_names_its_file(inputs, capsys, tmp_path):
    """No command-line hint on the map: "source not stated" and the file it came from."""
    single = tmp_path / "front_20250601.geojson"
    snapshot(single, box(30.2, 48.2, 30.6, 48.4))
    run_ok(capsys, "import", str(single), "-o", inputs["out"], "--layer", "Front",
           "--places", "none", "--context", "none")
    info = json.loads(run_ok(capsys, "info", inputs["out"], "--json"))
    assert info["attributions"] == ["Front: source not stated; imported from "
                                    "front_20250601.geojson"]


def _stderr_through(argv: list[str], terminal: bool) -> tuple[int, str]:
    """Run the CLI in a subprocess, its stderr a pseudo-terminal or a pipe."""
    import os
    import pty
    import subprocess
    import sys
    code = "import sys; from viewer.cli.main import main; sys.exit(main(sys.argv[1:]))"
    if not terminal:
        done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True,
                              text=True, timeout=120)
        return done.returncode, done.stderr
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", code, *argv], stdout=subprocess.DEVNULL,
                            stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:                     # EIO: the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks).decode()


def test_progress_goes_to_stderr_only_when_it_is_a_terminal(inputs):
    argv = ["import", inputs["series"], "-o", inputs["out"]]
    status, shown = _stderr_through(argv, terminal=True)
    assert status == 0
    assert "import: reading 3/3" in shown and "import: writing" in shown
    argv[-1] = str(inputs["dir"] / "second.gpkg")
    status, piped = _stderr_through(argv, terminal=False)
    assert status == 0 and piped == ""
