"""The headless CLI contract: ``info --json``, ``render``, and exit 2 with one line on bad input."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys

import pytest

ISO_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def run(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "viewer", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)


def test_info_json_on_the_sample(sample_path):
    res = run("info", sample_path, "--json")
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout)
    assert info["title"] == "Dnipropetrovsk border, June 2025"
    for key in ("format_version", "start", "end"):
        assert info[key]
    assert ISO_Z.match(info["start"]) and ISO_Z.match(info["end"])
    own = [r for r in info["regions"] if r.get("role", "region") == "region"]
    assert len(own) == 27
    assert any(r["name"].startswith("Dnipropetrovsk") and r["name_uk"] for r in own)
    report_ids = {r["id"] for r in info["reports"]}
    assert len(report_ids) >= 5
    for r in info["reports"]:
        assert ISO_Z.match(r["published"]) and r["source"] and r["title"]
    kinds = {layer["kind"] for layer in info["layers"]}
    assert "claimed" in kinds
    changes = [c for layer in info["layers"] for c in layer["changes"]]
    assert changes
    for layer in info["layers"]:
        assert layer["id"] and layer["name"]
        for s in layer["states"]:
            assert ISO_Z.match(s["at"]) and s["area_km2"] >= 0
    for c in changes:
        assert ISO_Z.match(c["at"]) and c["gained_km2"] >= 0 and c["lost_km2"] >= 0
        assert any(name.startswith("Dnipropetrovsk") for name in c["regions"])
        assert c["reports"] and set(c["reports"]) <= report_ids


def test_info_text_on_the_sample(sample_path):
    res = run("info", sample_path)
    assert res.returncode == 0 and "Dnipropetrovsk border" in res.stdout


def _pixel_inside_confirmed_strip(sample_path, size, at):
    """Pixel of a point inside the sample's confirmed strip, computed the way render does."""
    from viewer.io.situation_file import read_situation
    from viewer.render.scene import MapScene
    from viewer.render.settings import RenderSettings
    from viewer.render.viewport import Viewport
    situation = read_situation(sample_path)
    layer = next(l for l in situation.layers if l.kind != "claimed")
    inside = layer.history.state_at(at).buffer(-0.004).representative_point()
    scene = MapScene(situation)
    vp = Viewport.for_settings(scene, RenderSettings(at=at, size=size))
    x, y = scene.projector.forward(inside.x, inside.y)
    px, py = vp.to_pixels(float(x), float(y))
    return layer, int(px), int(py)


def test_render_png_shows_the_strip_only_after_it_appeared(sample_path, tmp_path, qapp):
    from PySide6.QtGui import QColor, QImage
    from viewer.model import parse_time
    after, before = tmp_path / "after.png", tmp_path / "before.png"
    for out, day in ((after, "2025-06-20"), (before, "2025-06-01")):
        res = run("render", sample_path, "--at", day, "-o", out, "--size", "1200x800")
        assert res.returncode == 0, res.stderr
        assert res.stderr == ""
    img_after, img_before = QImage(str(after)), QImage(str(before))
    assert (img_after.width(), img_after.height()) == (1200, 800)
    layer, px, py = _pixel_inside_confirmed_strip(sample_path, (1200, 800),
                                                  parse_time("2025-06-20"))
    want = QColor(layer.style.color)
    got_after, got_before = img_after.pixelColor(px, py), img_before.pixelColor(px, py)

    def redness(c):   # how far the pixel leans towards the layer colour's dominant channel
        return abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue())
    assert redness(got_after) < redness(got_before) - 60, (got_after.name(), got_before.name())


@pytest.mark.parametrize("suffix,magic", [(".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_render_vector_formats(sample_path, tmp_path, suffix, magic):
    out = tmp_path / f"map{suffix}"
    res = run("render", sample_path, "--at", "2025-06-13", "-o", out)
    assert res.returncode == 0, res.stderr
    assert out.read_bytes()[:len(magic)] == magic


def _bad_inputs(tmp_path, sample_path):
    text = tmp_path / "notes.gpkg"
    text.write_text("these are not the droids\n")
    plain_sqlite = tmp_path / "plain.gpkg"
    sqlite3.connect(plain_sqlite).execute("create table t(x)").connection.commit()
    gpkg_only = tmp_path / "other.gpkg"
    con = sqlite3.connect(gpkg_only)
    con.execute("create table gpkg_contents(table_name text primary key, data_type text, "
                "identifier text, description text, last_change text, min_x real, min_y real, "
                "max_x real, max_y real, srs_id integer)")
    con.commit()
    con.close()
    data = sample_path.read_bytes()
    truncated = tmp_path / "truncated.gpkg"
    truncated.write_bytes(data[: len(data) // 3])
    corrupt = tmp_path / "corrupt.gpkg"
    corrupt.write_bytes(data[:100] + bytes(b ^ 0x5A for b in data[100:40000]) + data[40000:])
    return {"missing": tmp_path / "nope.gpkg", "directory": tmp_path, "text": text,
            "plain sqlite": plain_sqlite, "other gpkg": gpkg_only, "truncated": truncated,
            "corrupt": corrupt}


def _assert_one_clear_line(res, names):
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert names in lines[0], lines[0]


@pytest.mark.parametrize("case", ["missing", "directory", "text", "plain sqlite", "other gpkg",
                                  "truncated", "corrupt"])
def test_bad_files_exit_2_naming_the_file(case, tmp_path, sample_path):
    path = _bad_inputs(tmp_path, sample_path)[case]
    for args in (("info", path, "--json"),
                 ("render", path, "--at", "2025-06-13", "-o", tmp_path / "o.png")):
        res = run(*args)
        _assert_one_clear_line(res, str(path))
        assert res.stdout == ""


@pytest.mark.parametrize("args,names", [
    (("--at", "13/06/2025"), "--at"),
    (("--at", "2025-02-30"), "--at"),
    (("--at", "2025-06-13", "--size", "big"), "--size"),
    (("--at", "2025-06-13", "--size", "0x100"), "--size"),
    (("--at", "2025-06-13", "--size", "100000x100"), "--size"),
    (("--at", "2025-06-13", "--bbox", "1,2,3"), "--bbox"),
    (("--at", "2025-06-13", "--bbox", "40,50,30,45"), "--bbox"),
    (("--at", "2025-06-13", "--bbox", "nan,1,2,3"), "--bbox"),
])
def test_bad_arguments_exit_2_naming_the_argument(args, names, sample_path, tmp_path):
    res = run("render", sample_path, *args, "-o", tmp_path / "o.png")
    _assert_one_clear_line(res, names)
    assert not (tmp_path / "o.png").exists()


def test_missing_required_argument_is_one_line(sample_path, tmp_path):
    res = run("render", sample_path, "-o", tmp_path / "o.png")
    _assert_one_clear_line(res, "--at")


@pytest.mark.parametrize("where", ["no-such-dir/o.png", "o.tiff"])
def test_unwritable_output_exits_2_naming_it(where, sample_path, tmp_path):
    out = tmp_path / where
    res = run("render", sample_path, "--at", "2025-06-13", "-o", out)
    _assert_one_clear_line(res, "o.")
    assert not out.exists()


def test_opening_leaves_the_file_and_directory_unchanged(sample_path, tmp_path):
    copy = tmp_path / "s.gpkg"
    shutil.copy2(sample_path, copy)
    before = (copy.read_bytes(), copy.stat().st_mtime_ns, sorted(p.name for p in tmp_path.iterdir()))
    assert run("info", copy, "--json").returncode == 0
    assert run("render", copy, "--at", "2025-06-13", "-o", tmp_path.parent / "x.png").returncode == 0
    after = (copy.read_bytes(), copy.stat().st_mtime_ns, sorted(p.name for p in tmp_path.iterdir()))
    assert before == after


HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\u2028x"


def test_info_never_sends_escape_sequences_to_the_terminal(tmp_path):
    """Names, ids and the title of a file may hold ESC, CSI (0x9b), bidi overrides:
    the text output shows them visibly; the JSON escapes them and reads back exact."""
    from dataclasses import replace

    from factories import two_region_situation
    from viewer.io.situation_file import write_situation
    from viewer.model import Layer, Link, Situation
    s = two_region_situation()
    west = replace(s.regions[0], names={"en": "West" + HOSTILE})
    layers = [Layer("adv", "Advance" + HOSTILE, s.layers[0].kind,
                    s.layers[0].history)] + s.layers[1:]
    reports = [replace(s.reports[0], id="r1" + HOSTILE)] + s.reports[1:]
    links = [Link(c.id, "r1" + HOSTILE) for c in layers[0].history.changes] + [
        Link("nowhere", "r2", "claims")]
    hostile = Situation(replace(s.meta, title="Title" + HOSTILE),
                        [west, *s.regions[1:]], s.places, layers, reports, links)
    path = write_situation(hostile, tmp_path / "hostile.gpkg") or tmp_path / "hostile.gpkg"
    text = run("info", path)
    assert text.returncode == 0, text.stderr
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u202e]", text.stdout)
    assert "␛" in text.stdout and "[U+202E]" in text.stdout and "Title" in text.stdout
    assert "links to a change or report not in the file (ignored): 1" in text.stdout
    res = run("info", path, "--json")
    assert res.returncode == 0, res.stderr
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u202e]", res.stdout)
    info = json.loads(res.stdout)
    assert info["title"] == "Title" + HOSTILE
    assert info["layers"][0]["name"] == "Advance" + HOSTILE
    assert info["reports"][0]["id"] == "r1" + HOSTILE
    assert any(r["name"] == "West" + HOSTILE for r in info["regions"])
    assert info["dangling_links"] == [{"change": "nowhere", "report": "r2", "role": "claims"}]
