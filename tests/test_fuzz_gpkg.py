"""Fuzzing the situation GeoPackage: damaged files through the reader and the CLI, random
situations through write + read, and the harness's own ability to catch failures.

See docs/fuzzing.md; a failing case prints its replay command and saved input.
"""

from __future__ import annotations

import math
import os
import sqlite3
from datetime import timezone

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, box

from fuzz_harness import describe, keep_hypothesis_out_of_the_tree, unexpected
from fuzz_workers import run_cases, run_target
from fuzz_checks import run_cli
from viewer.io.geopackage import blob as gpkg_blob
from viewer.io.errors import SituationError
from viewer.io.situation_file import read_situation, write_situation
from viewer.model import (History, Layer, Link, Region, Reliability, Report, Situation,
                          SituationMeta)

# render runs in this process: it must find pytest-qt's QApplication, not make a
# QGuiApplication of its own (which would break every later test that needs widgets)
pytestmark = pytest.mark.usefixtures("qapp")

keep_hypothesis_out_of_the_tree()
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1"))
CASES = {"gpkg": 150, "gpkg_lazy": 30, "cli_info": 40, "cli_render": 15}   # per operator
                                                                          # (15 operators)
# Failures the fuzzer finds that are not fixed yet (regex of the failure's detail -> the
# bug). G1-G7 below were found this way and are fixed; their tests keep them fixed.
KNOWN: dict[str, str] = {}


def test_the_harness_catches_every_kind_of_failure(tmp_path):
    """The self-test target misbehaves by seed: each misbehaviour must be caught, the run
    must go on after a crash or a hang, and every failing input must be saved."""
    results = run_cases([("selftest", "misbehave", 0, 8)], jobs=1, save_dir=tmp_path,
                        timeout=1.0, silent=4.0, memory_mb=1024)
    by_seed = {r.seed: r for r in results}
    assert sorted(by_seed) == list(range(8))
    assert [by_seed[i].outcome for i in range(8)] == [
        "success", "clear_error"] + ["failure"] * 6
    assert "KeyError" in by_seed[2].detail
    assert "not one line" in by_seed[3].detail
    assert by_seed[4].detail.startswith("hang: still running")
    assert by_seed[5].detail.startswith("hang: the worker was silent")
    assert "SIGSEGV" in by_seed[6].detail
    assert "MemoryError" in by_seed[7].detail
    for i in range(2, 8):
        assert os.path.isfile(by_seed[i].saved), by_seed[i]


@pytest.mark.parametrize("target", sorted(CASES))
def test_damaged_geopackages_are_read_or_refused_clearly(target, tmp_path):
    results = run_target(target, CASES[target], save_dir=tmp_path)
    assert len(results) == 15 * CASES[target]
    outcomes = {r.outcome for r in results}
    assert {"success", "clear_error"} <= outcomes      # both kinds of damage were made
    bad = unexpected(results, KNOWN)
    assert not bad, describe(results, bad)


# -- the bugs found so far (G1-G7, fixed in viewer/io/gpkg_*.py), one by one ------------
def _damaged(tmp_path, sql: str, params=()) -> str:
    from factories import two_region_situation
    path = tmp_path / "damaged.gpkg"
    write_situation(two_region_situation(), path)
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()
    return str(path)


def _blob(geom) -> bytes:
    return gpkg_blob.encode([geom])[0]


def _render(path: str, tmp_path) -> tuple[int, str]:
    status, _, stderr = run_cli(["render", path, "--at", "2025-06-10", "-o",
                                 str(tmp_path / "out.png"), "--size", "200x150"])
    return status, stderr


# G1 (fixed)
@pytest.mark.parametrize("geom", [box(30, 48, 500, 49), box(30, 48, 31, 1e78)])
def test_coordinates_off_the_globe_are_refused(tmp_path, geom):
    path = _damaged(tmp_path, "UPDATE regions SET geom = ? WHERE fid = 1",
                    (_blob(MultiPolygon([geom])),))
    with pytest.raises(SituationError, match="regions, fid 1"):
        read_situation(path)


# G2 (fixed)
def test_an_unusable_display_crs_is_refused(tmp_path):
    path = _damaged(tmp_path, "UPDATE situation_meta SET value = '+proj=nonsense' "
                              "WHERE key = 'crs'")
    with pytest.raises(SituationError, match="crs"):
        read_situation(path)


# G3 (fixed)
@pytest.mark.parametrize("bbox", ["[1e308, -1e308, 5, 5]", "[40, 50, 30, 40]"])
def test_an_unusable_default_bbox_is_refused(tmp_path, bbox):
    path = _damaged(tmp_path, "UPDATE situation_meta SET value = ? WHERE key = "
                              "'default_bbox'", (bbox,))
    with pytest.raises(SituationError, match="default_bbox"):
        read_situation(path)


# G4 (fixed); G9 (fixed in gpkg_geometry.py): huge finite coordinates made numpy warn
# about overflow inside the validity check, before they were refused
@pytest.mark.parametrize("bad", [math.nan, 1e300, -1e308])
def test_a_bad_coordinate_is_one_clear_line_in_the_cli(tmp_path, bad):
    with np.errstate(invalid="ignore"):              # shapely warns when making it
        ring = shapely.polygons([(30, 48), (bad, 49), (bad, 48), (30, 49), (30, 48)])
    path = _damaged(tmp_path, "UPDATE regions SET geom = ? WHERE fid = 1",
                    (_blob(MultiPolygon([ring])),))
    for argv in (["info", path, "--json"], ["render", path, "--at", "2025-06-10", "-o",
                                             str(tmp_path / "out.png"), "--size", "64x48"]):
        status, _, stderr = run_cli(argv)
        assert status == 2 and stderr.count("\n") == 1 and "fid 1" in stderr, stderr


# G5 (fixed)
@pytest.mark.parametrize("days", ["nan", "-3", "inf"])
def test_a_meaningless_highlight_window_is_refused(tmp_path, days):
    path = _damaged(tmp_path, "UPDATE situation_meta SET value = ? WHERE key = "
                              "'highlight_days'", (days,))
    with pytest.raises(SituationError, match="highlight_days"):
        read_situation(path)


# G6 (fixed)
def test_a_huge_bad_cell_gives_a_short_message(tmp_path):
    path = _damaged(tmp_path, "UPDATE layers SET opacity = ? WHERE fid = 1", ("x" * 200_000,))
    with pytest.raises(SituationError) as err:
        read_situation(path)
    assert len(str(err.value)) < len(path) + 300


# G7 (fixed)
def test_a_blob_where_text_belongs_is_refused_or_read_as_text(tmp_path):
    path = _damaged(tmp_path, "UPDATE reports SET title = X'00FF10' WHERE fid = 1")
    status, _, stderr = run_cli(["info", path, "--json"])
    assert status in (0, 2) and "Traceback" not in stderr, stderr


# -- random situations: write, read, compare ---------------------------------------------
UTC = timezone.utc
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
ids = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12)
times = st.datetimes(timezones=st.just(UTC)).map(
    lambda t: t.replace(microsecond=t.microsecond // 1000 * 1000))   # the format keeps ms
lons, lats = st.floats(-179, 178), st.floats(-89, 88)


@st.composite
def boxes(draw):
    x, y = draw(lons), draw(lats)
    return box(x, y, x + draw(st.floats(0.01, 1)), y + draw(st.floats(0.01, 1)))


@st.composite
def situations(draw) -> Situation:
    layer_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    layers = []
    for lid in layer_ids:
        state_times = draw(st.lists(times, min_size=1, max_size=4, unique=True))
        states = [(t, draw(boxes())) for t in state_times]
        layers.append(Layer(lid, draw(texts), draw(st.sampled_from(
            ["assessed-control", "claimed", "incursion", "other", ""])),
            History.from_states(lid, states)))
    report_ids = draw(st.lists(ids, max_size=5, unique=True))
    reports = [Report(rid, draw(times), draw(texts), draw(texts), draw(texts), draw(texts),
                      draw(st.sampled_from(["en", "uk", "ru"])),
                      Reliability(draw(st.sampled_from("ABCDEF")), draw(st.integers(1, 6))))
               for rid in report_ids]
    change_ids = [c.id for layer in layers for c in layer.history.changes]
    links = draw(st.lists(st.builds(
        Link, st.sampled_from(change_ids + ["gone@2025-01-01T00:00:00Z"]),
        st.sampled_from(report_ids + ["no-such-report"]),
        st.sampled_from(["reports", "confirms", "claims", "disputes"])), max_size=6))
    regions = [Region(rid, draw(st.dictionaries(st.sampled_from(["en", "uk", "de"]), texts)),
                      draw(boxes()), draw(st.integers(0, 3)),
                      draw(st.sampled_from(["region", "context"])))
               for rid in draw(st.lists(ids, max_size=3, unique=True))]
    meta = SituationMeta(title=draw(texts) or "Untitled situation", description=draw(texts),
                         attributions=draw(st.lists(texts, max_size=3)),
                         default_time=draw(st.none() | times),
                         highlight_days=draw(st.floats(0, 36500)))
    return Situation(meta, regions, [], layers, reports, links)


@settings(max_examples=40 * EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(situation=situations())
def test_random_situations_come_back_as_written(situation, tmp_path):
    path = tmp_path / "random.gpkg"
    write_situation(situation, path)
    back = read_situation(path)
    assert back.meta == situation.meta
    assert [(r.id, r.names, r.admin_level, r.role) for r in back.regions] == \
        [(r.id, r.names, r.admin_level, r.role) for r in situation.regions]
    assert all(shapely.equals(a.geometry, b.geometry)
               for a, b in zip(back.regions, situation.regions))
    assert back.reports == situation.reports
    assert back.links == situation.links                       # dangling ones too
    assert back.dangling_links() == situation.dangling_links()
    for a, b in zip(back.layers, situation.layers, strict=True):
        # an empty layer name reads back as the id (docs/situation-format.md)
        assert (a.id, a.name, a.kind, a.style) == (b.id, b.name or b.id, b.kind, b.style)
        assert a.history.times == b.history.times
        assert [c.id for c in a.history.changes] == [c.id for c in b.history.changes]
        for t in b.history.times:
            assert shapely.equals(a.history.state_at(t), b.history.state_at(t)) or \
                (a.history.state_at(t).is_empty and b.history.state_at(t).is_empty)
