"""Edit commands (viewer.model.edits): each applies and reverts itself exactly; a sketch
is an amendment carried forward to every later state; the file keeps all of it."""

from __future__ import annotations

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import box

from factories import D, two_region_situation
from viewer.analysis.areas import Areas
from viewer.io.situation_file import read_situation, write_situation
from viewer.model import History, Layer, Reliability, Report, parse_time
from viewer.model.amendment import amended_snapshot
from viewer.model.edits import (AddLayer, AddReport, ChangeRole, DeleteReport, EditRefused,
                                EditReport, Editor, LinkReport, SketchArea, UnlinkReport,
                                sketch_polygon)
from viewer.model.edits.sketch import empty_layer

SQUARE = [(35.0, 48.0), (35.1, 48.0), (35.1, 48.1), (35.0, 48.1)]   # 0.1° at 48°N


def _pyproj_km2(vertices) -> float:
    lons, lats = zip(*vertices)
    area, _ = Geod(ellps="WGS84").polygon_area_perimeter(lons, lats)
    return abs(area) / 1e6


def _coords(geom) -> bytes:
    """A geometry's coordinates (a Polygon and its one-part MultiPolygon compare equal)."""
    return shapely.get_coordinates(geom).tobytes()


def _fingerprint(situation):
    """Everything an edit could touch, as comparable values."""
    out = [tuple(situation.reports), tuple(situation.links)]
    for layer in situation.layers:
        h = layer.history
        out.append((layer.id, tuple(h.times), tuple(a.change_id for a in layer.amendments),
                    tuple((_coords(p.geometry), p.valid_from, p.valid_to) for p in h.pieces),
                    tuple((c.id, c.at, _coords(c.gained), _coords(c.lost)) for c in h.changes)))
    return out


def _same_area(a, b) -> bool:
    return shapely.symmetric_difference(a, b).area < 1e-12


def test_sketched_square_gains_its_geodesic_area_and_undo_removes_it_exactly():
    s = two_region_situation()
    editor = Editor(s)
    seen = []
    editor.edited.connect(seen.append)
    before = _fingerprint(s)
    area, repaired = sketch_polygon(SQUARE)
    assert not repaired
    edit = SketchArea(s, "adv", D[7], "add", area)
    editor.apply(edit)
    change = s.change(edit.change_id)
    gained, lost = Areas(s).change_km2(change.id)
    expected = _pyproj_km2(SQUARE)
    assert gained == pytest.approx(expected, rel=1e-3) and lost == 0
    assert s.reports_for(change.id) == []
    assert seen and seen[-1].layers == {"adv"}
    # carried forward: in the states on 7, 9 and 20 June, not before
    for day in (7, 9, 20, 30):
        assert _same_area(shapely.intersection(s.layer("adv").history.state_at(D[day]), area),
                          area)
    assert s.layer("adv").history.state_at(D[6]).intersection(area).is_empty
    editor.revert(edit)
    assert _fingerprint(s) == before
    assert len(seen) == 2


def test_an_amendment_holds_against_later_snapshots():
    """Amending the history built from the raw snapshots gives the history built from the
    snapshots with the amendment applied: later snapshots don't undo it."""
    snaps = [(D[1], box(30, 48, 31, 49)), (D[5], box(30, 48, 31.5, 49)),
             (D[9], box(30.5, 48, 31.5, 49)), (D[12], box(30, 48, 30.6, 49))]
    sketch = box(30.8, 48.2, 31.2, 48.6)
    for op, at in (("add", D[3]), ("subtract", D[5]), ("add", D[9]), ("subtract", D[2])):
        layer = Layer("l", "L", "claimed", History.from_states("l", snaps))
        s = two_region_situation()
        s.layers.append(layer)
        s.reindex()
        edit = SketchArea(s, "l", at, op, sketch)
        edit.apply(s)
        amended = s.layer("l").history
        truth_states = [(t, amended_snapshot(g, layer.amendments, t)) for t, g in snaps]
        if at not in [t for t, _ in snaps]:
            before = [g for t, g in snaps if t < at]
            base = before[-1] if before else box(0, 0, 0, 0)
            truth_states.append((at, amended_snapshot(base, layer.amendments, at)))
        truth = History.from_states("l", truth_states)
        assert amended.times == truth.times
        for t in truth.times:
            assert _same_area(amended.state_at(t), truth.state_at(t)), (op, at, t)
        # every change is the difference of consecutive states
        for c in amended.changes:
            i = amended.times.index(c.at)
            prev = amended.state_at(amended.times[i - 1]) if i else box(0, 0, 0, 0)
            ours = [k for k in amended.changes if k.at == c.at]
            gain = shapely.union_all([k.gained for k in ours])
            loss = shapely.union_all([k.lost for k in ours])
            assert _same_area(shapely.difference(shapely.union(prev, gain), loss),
                              amended.state_at(c.at))


def test_sketch_on_a_new_layer_and_undo_both():
    s = two_region_situation()
    before = _fingerprint(s)
    add = AddLayer(empty_layer("mine", "My sketch", "claimed"))
    add.apply(s)
    sketch = SketchArea(s, "mine", D[4], "add", box(30.1, 48.1, 30.2, 48.2))
    sketch.apply(s)
    assert s.layer("mine").history.times == [D[4]]
    assert s.change(sketch.change_id).gained.area == pytest.approx(0.01)
    sketch.revert(s)
    add.revert(s)
    assert _fingerprint(s) == before


def test_self_intersecting_sketch_is_repaired_and_a_line_refused():
    bowtie = [(30, 48), (31, 49), (31, 48), (30, 49)]
    area, repaired = sketch_polygon(bowtie)
    assert repaired and area.is_valid and area.area == pytest.approx(0.5)
    with pytest.raises(EditRefused, match="no area"):
        sketch_polygon([(30, 48), (30.5, 48.5), (31, 49)])
    with pytest.raises(EditRefused, match="three"):
        sketch_polygon([(30, 48), (30, 48), (31, 49)])
    with pytest.raises(EditRefused, match="outside"):
        sketch_polygon([(30, 48), (190, 48), (31, 49)])


def test_report_and_link_commands_revert_exactly_and_are_named():
    s = two_region_situation()
    before = _fingerprint(s)
    report = Report("isw", parse_time("2025-06-08T20:00Z"), "ISW", "Assessment", "", "",
                    "en", Reliability("B", 2))
    edits = [AddReport(report)]
    edits[0].apply(s)
    cid = "adv@2025-06-20T00:00:00Z"
    edits.append(LinkReport(s, "isw", [cid], "confirms"))
    assert edits[-1].name == "Link report 'ISW, 8 Jun' to change Advance, 20 Jun 2025 as confirms"
    edits[-1].apply(s)
    assert s.reports_for(cid) == [(report, "confirms")]
    edits.append(ChangeRole(s, "isw", cid, "claims"))
    edits[-1].apply(s)
    assert s.reports_for(cid) == [(report, "claims")]
    edited = Report("isw", report.published, "ISW", "Assessment, revised", "", "", "en",
                    Reliability("A", 1))
    edits.append(EditReport(edited))
    edits[-1].apply(s)
    assert s.reports_for(cid) == [(edited, "claims")]
    edits.append(UnlinkReport(s, "isw", cid))
    edits[-1].apply(s)
    assert s.reports_for(cid) == []
    edits.append(DeleteReport(s, "r3"))
    edits[-1].apply(s)
    assert "r3" not in {r.id for r in s.reports} and all(k.report_id != "r3" for k in s.links)
    for edit in reversed(edits):
        edit.revert(s)
    assert _fingerprint(s) == before
    with pytest.raises(EditRefused):
        AddReport(s.reports[0]).apply(s)


def test_sketches_and_links_survive_the_file_and_gdal_reads_it(tmp_path):
    raw = pytest.importorskip("pyogrio.raw")
    s = two_region_situation()
    area, _ = sketch_polygon(SQUARE)
    sketch = SketchArea(s, "adv", D[7], "add", area)
    sketch.apply(s)
    cut = SketchArea(s, "adv", D[9], "subtract", box(35.0, 48.0, 35.05, 48.1))
    cut.apply(s)
    LinkReport(s, "r1", [sketch.change_id, cut.change_id], "confirms").apply(s)
    path = tmp_path / "edited.gpkg"
    write_situation(s, path)
    back = read_situation(path)
    assert _fingerprint(back) == _fingerprint(s)
    assert [a.op for a in back.layer("adv").amendments] == ["add", "subtract"]
    assert back.reports_for(sketch.change_id) == [(s.report("r1"), "confirms")]
    meta, _, geoms, fields = raw.read(path, layer="amendments")
    columns = dict(zip(meta["fields"], fields))
    assert list(columns["op"]) == ["add", "subtract"]
    assert list(columns["change_id"]) == [sketch.change_id, cut.change_id]
    assert shapely.from_wkb(geoms[0]).equals(area)


def test_the_daily_update_keeps_a_sketch(tmp_path, capsys):
    """import --into appends a snapshot that lacks the sketched ground: it stays."""
    import json as _json

    from viewer.cli.main import main as cli_main
    days = {1: box(30, 48, 31, 49), 5: box(30, 48, 31.5, 49), 9: box(30, 48, 30.6, 49)}
    files = []
    for day, geom in days.items():
        path = tmp_path / f"front_202506{day:02d}.geojson"
        path.write_text(_json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": geom.__geo_interface__}]}))
        files.append(path)
    out = tmp_path / "front.gpkg"
    assert cli_main(["import", str(files[0]), str(files[1]), "--layer", "Front",
                     "-o", str(out)]) == 0
    s = read_situation(out)
    layer_id = s.layers[0].id
    sketch = box(31.1, 48.2, 31.4, 48.5)           # inside the 5 June state, lost on 9 June
    SketchArea(s, layer_id, D[5], "add", sketch).apply(s)
    write_situation(s, out)
    assert cli_main(["import", str(files[2]), "--into", layer_id, "-o", str(out)]) == 0
    capsys.readouterr()
    back = read_situation(out)
    state = back.layer(layer_id).history.state_at(D[9])
    assert _same_area(state, shapely.union(days[9], sketch))
    assert len(back.layer(layer_id).amendments) == 1


def test_adding_places_reverts_exactly_and_refuses_places_already_held():
    from viewer.model import Place
    from viewer.model.edits import AddPlaces
    s = two_region_situation()
    s.places.clear()
    credits_before = list(s.meta.attributions)
    places = [Place("p1", {"en": "One"}, 30.5, 48.5, 1200, "town"),
              Place("p2", {"en": "Two", "uk": "Два"}, 31.5, 48.5, 300, "village")]
    edit = AddPlaces(places, ["Places: somewhere (CC BY 4.0)", "tests"])
    editor = Editor(s)
    editor.apply(edit)
    assert s.places == places
    assert s.meta.attributions == credits_before + ["Places: somewhere (CC BY 4.0)"]
    assert edit.name == "Add 2 places"
    with pytest.raises(EditRefused):
        Editor(s).apply(AddPlaces(places[:1], []))
    editor.revert(edit)
    assert s.places == [] and s.meta.attributions == credits_before
    with pytest.raises(EditRefused):
        AddPlaces([], [])
