"""Dated snapshot series -> a layer's history: dates, order, gaps, and sliver filtering.

Expected areas are computed independently with pyproj's geodesic polygon area of the
rectangles' corners, never with the code under test.
"""

from __future__ import annotations

import json

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import box, mapping

from factories import said
from viewer.analysis.areas import Areas
from viewer.importing.summary import import_facts, summary_text
from viewer.importing.pipeline import ImportOptions, run_import
from viewer.importing.slivers import SliverFilter
from viewer.io.situation_file import read_situation
from viewer.io.errors import SituationError
from viewer.model import parse_time

GEOD = Geod(ellps="WGS84")
M = 1 / 111_200          # about one metre of latitude at 48°N, in degrees


def km2(minx, miny, maxx, maxy) -> float:
    """Geodesic area of a lon/lat rectangle, from its four corners (pyproj only)."""
    area, _ = GEOD.polygon_area_perimeter([minx, maxx, maxx, minx], [miny, miny, maxy, maxy])
    return abs(area) / 1e6


def write(path, *geoms, **props):
    feats = [{"type": "Feature", "properties": props, "geometry": mapping(g)} for g in geoms]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}))
    return path


def imported(folder, **kw):
    return run_import(ImportOptions([str(folder)], layer="Front", **kw))


def test_three_squares_give_gains_and_losses_measured_geodesically(tmp_path):
    write(tmp_path / "front_20250601.geojson", box(30.0, 48.0, 30.1, 48.1))
    write(tmp_path / "front_20250602.geojson", box(30.0, 48.0, 30.2, 48.1))
    write(tmp_path / "front_20250603.geojson", box(30.05, 48.0, 30.2, 48.1))
    result = imported(tmp_path)
    s = result.situation
    layer = s.layer("front")
    assert (layer.name, layer.kind, result.mode) == ("Front", "assessed-control", "snapshots")
    assert layer.history.times == [parse_time(f"2025-06-0{d}") for d in (1, 2, 3)]
    first, second = layer.history.changes
    areas = Areas(s)
    assert areas.change_km2(first.id) == pytest.approx((km2(30.1, 48, 30.2, 48.1), 0), rel=1e-6)
    assert areas.change_km2(second.id) == pytest.approx((0, km2(30, 48, 30.05, 48.1)), rel=1e-6)
    assert areas.state_km2_at_index("front", 2) == pytest.approx(km2(30.05, 48, 30.2, 48.1),
                                                                rel=1e-6)
    assert result.dropped == 0 and s.meta.default_time == parse_time("2025-06-03")
    assert s.meta.default_bbox == pytest.approx((30.0, 48.0, 30.2, 48.1))


def test_a_sliver_is_dropped_and_kept_once_it_grows_into_a_change(tmp_path):
    base = box(30.0, 48.0, 30.1, 48.1)
    thin = box(30.0, 48.1, 30.1, 48.1 + 5 * M)            # 7.4 km x 5 m: 0.04 km², thin
    tiny = box(30.2, 48.0, 30.2 + 0.0007, 48.0 + 50 * M)   # 50 m x 50 m: 0.0026 km²
    wide = box(30.0, 48.1, 30.1, 48.1 + 300 * M)           # the strip, now 300 m wide
    write(tmp_path / "a_20250601.geojson", base)
    write(tmp_path / "a_20250602.geojson", base, thin, tiny)   # two features: unioned
    write(tmp_path / "a_20250603.geojson", base.union(thin).union(tiny))
    write(tmp_path / "a_20250604.geojson", base.union(wide).union(tiny))
    result = imported(tmp_path)
    h = result.situation.layer("front").history
    assert [c.at for c in h.changes] == [parse_time("2025-06-04")]   # slivers: no change
    assert result.dropped == 2              # counted once each, though dropped twice
    assert h.state_at(parse_time("2025-06-03")).equals(base)   # not slipped in unseen
    gained = Areas(result.situation).change_km2(h.changes[0].id)[0]
    assert gained == pytest.approx(km2(30.0, 48.1, 30.1, 48.1 + 300 * M), rel=1e-6)
    assert h.state_at(parse_time("2025-06-04")).area == pytest.approx(base.union(wide).area)


def test_tolerances_can_be_changed_or_switched_off(tmp_path):
    write(tmp_path / "a_20250601.geojson", box(30.0, 48.0, 30.1, 48.1))
    write(tmp_path / "a_20250602.geojson", box(30.0, 48.0, 30.1, 48.1 + 20 * M))
    assert imported(tmp_path).dropped == 0              # 20 m x 7.4 km: a change
    assert imported(tmp_path, min_width_m=50.0).dropped == 1
    off = imported(tmp_path, min_width_m=0.0, min_area_km2=0.0)
    assert off.dropped == 0 and len(off.situation.layer("front").history.changes) == 1


def test_unordered_gapped_dates_and_identical_snapshots(tmp_path):
    write(tmp_path / "z_2025-06-10.geojson", box(30.0, 48.0, 30.3, 48.1))
    write(tmp_path / "a_2025-06-03.geojson", box(30.0, 48.0, 30.2, 48.1))
    write(tmp_path / "m_2025-06-01.geojson", box(30.0, 48.0, 30.2, 48.1))   # = 06-03
    result = run_import(ImportOptions([str(p) for p in sorted(tmp_path.iterdir())[::-1]],
                                      layer="Front"))
    h = result.situation.layer("front").history
    assert h.times == [parse_time(d) for d in ("2025-06-01", "2025-06-03", "2025-06-10")]
    assert [c.at for c in h.changes] == [parse_time("2025-06-10")]
    assert h.changes[0].gained.area == pytest.approx(0.1 * 0.1)


def test_dates_from_properties_and_from_a_pattern(tmp_path):
    write(tmp_path / "one.geojson", box(30, 48, 30.1, 48.1), date="2025-06-02")
    write(tmp_path / "two.geojson", box(30, 48, 30.2, 48.1), date="2025-06-01T12:00Z")
    h = imported(tmp_path).situation.layer("front").history
    assert h.times == [parse_time("2025-06-01T12:00Z"), parse_time("2025-06-02")]
    other = tmp_path / "named"
    other.mkdir()
    write(other / "day-2025_06_05-v2.geojson", box(30, 48, 30.1, 48.1))
    write(other / "day-2025_06_07-v1.geojson", box(30, 48, 30.2, 48.1))
    h = imported(other, date_pattern=r"day-(?P<date>[\d_]+)").situation.layer("front").history
    assert h.times == [parse_time("2025-06-05"), parse_time("2025-06-07")]


def test_two_snapshots_with_one_date_are_an_error_naming_both(tmp_path):
    write(tmp_path / "a_20250601.geojson", box(30, 48, 30.1, 48.1))
    write(tmp_path / "b_2025-06-01.geojson", box(30, 48, 30.2, 48.1))
    with pytest.raises(SituationError) as err:
        imported(tmp_path)
    assert "a_20250601.geojson" in str(err.value) and "b_2025-06-01.geojson" in str(err.value)


def test_invalid_polygons_are_repaired_and_counted_and_points_left_out(tmp_path):
    bowtie = shapely.Polygon([(30, 48), (30.2, 48.2), (30.2, 48), (30, 48.2), (30, 48)])
    write(tmp_path / "a_20250601.geojson", box(30, 48, 30.1, 48.1))
    write(tmp_path / "a_20250602.geojson", bowtie, shapely.Point(30.5, 48.5))
    result = imported(tmp_path)
    assert result.repaired == 1
    assert any("a_20250602.geojson: 1 feature(s) left out, not an area" in w
               for w in said(result))
    text = summary_text(import_facts(result))
    assert "repaired polygons: 1\n" in text and f"warnings: {len(result.warnings)}" in text
    assert result.situation.layer("front").history.state_at(parse_time("2025-06-02")).area \
        == pytest.approx(2 * 0.5 * 0.2 * 0.1)          # the two triangles of the bow tie


def test_a_snapshot_without_a_date_is_an_error(tmp_path):
    write(tmp_path / "undated.geojson", box(30, 48, 30.1, 48.1))
    with pytest.raises(SituationError, match="undated.geojson: no snapshot date"):
        imported(tmp_path)


def test_the_effective_state_is_what_the_pieces_make_up(tmp_path):
    """Many small random-ish edits: the history's last state is the filter's effective
    state, and it differs from the raw snapshot only by the parts still left out."""
    from viewer.model import History
    snaps, geom = [], box(30.0, 48.0, 30.5, 48.5)
    for day in range(1, 15):
        x = 30.0 + 0.03 * day
        edit = box(x, 48.5, x + 0.02, 48.5 + (3 + 40 * (day % 3)) * M)   # 3 m, 43 m, 83 m
        geom = geom.union(edit) if day % 4 else geom.difference(box(x, 48.0, x + 0.01, 48.01))
        snaps.append((parse_time(f"2025-06-{day:02d}"), geom))
    sliver = SliverFilter(shapely.total_bounds([g for _, g in snaps]), 10.0, 0.01)
    h = History.from_states("a", snaps, stepper=sliver)
    assert sliver.dropped == 3                       # the 3 m strips of days 3, 6 and 9
    last = h.state_at(snaps[-1][0])
    assert shapely.symmetric_difference(last, sliver.carried(snaps[-1][1])).area < 1e-12
    left_out, kept_in = sliver.left_out
    assert kept_in.is_empty and left_out.area == pytest.approx(3 * 0.02 * 3 * M, rel=1e-6)
    assert shapely.symmetric_difference(last, snaps[-1][1]).area == pytest.approx(
        left_out.area, rel=1e-6)


# -- a snapshot series inside one file ---------------------------------------------------
ONE_FILE_DATES = ("2025-06-01", "2025-06-05", "2025-06-09")
ONE_FILE_AREAS = (box(36.0, 47.0, 36.6, 47.4), box(36.0, 47.0, 36.4, 47.4),
                  box(36.1, 47.0, 36.5, 47.3))       # loses ground twice, gains once


def _write_one_file_series(path) -> None:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"date": d},
         "geometry": mapping(g)}
        for d, g in zip(ONE_FILE_DATES, ONE_FILE_AREAS)]}))


def _lost_km2_expected() -> float:
    """Ground lost between consecutive snapshots, from shapely and pyproj alone."""
    geod = Geod(ellps="WGS84")
    return sum(abs(geod.geometry_area_perimeter(a.difference(b))[0])
               for a, b in zip(ONE_FILE_AREAS, ONE_FILE_AREAS[1:])) / 1e6


@pytest.mark.parametrize("as_kind", [None, "snapshots"])
def test_dated_snapshots_in_one_file_are_a_series(tmp_path, capsys, as_kind):
    from viewer.cli.main import main
    source = tmp_path / "front_merged.geojson"
    _write_one_file_series(source)
    out = tmp_path / "one.gpkg"
    extra = ["--as", as_kind] if as_kind else []
    assert main(["import", str(source), "--layer", "Front", "-o", str(out), *extra]) == 0
    summary = capsys.readouterr().out
    assert "read as: a dated snapshot series, 3 snapshot(s)" in summary
    assert ("(as --as asked)" in summary) == bool(as_kind)
    assert main(["info", str(out), "--json"]) == 0
    layer = json.loads(capsys.readouterr().out)["layers"][0]
    assert len(layer["states"]) == 3
    lost = sum(c["lost_km2"] for c in layer["changes"])
    assert lost == pytest.approx(_lost_km2_expected(), rel=1e-3) and lost > 100


def test_as_features_reads_them_as_timestamped_areas(tmp_path, capsys):
    from viewer.cli.main import main
    source = tmp_path / "front_merged.geojson"
    _write_one_file_series(source)
    out = tmp_path / "features.gpkg"
    assert main(["import", str(source), "--as", "features", "-o", str(out)]) == 0
    summary = capsys.readouterr().out
    assert "read as: timestamped features" in summary and "(as --as asked)" in summary
    situation = read_situation(out)
    assert all(not c.lost or c.lost.is_empty for c in situation.layers[0].history.changes)
