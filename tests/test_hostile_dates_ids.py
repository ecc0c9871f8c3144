"""Dates at and beyond the edges, time zones, duplicate ids and dangling links, through the
GeoPackage reader and the CLI (files damaged with sqlite3 after a normal write).

Rules (docs/fuzzing.md): times are years 1-9999 in UTC, offsets are converted to UTC;
anything else is a clear error naming table, row and column. Two layers, regions, reports
or changes with one id make the file unreadable. Dangling links are kept and ignored.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone

import pytest
from shapely.geometry import box

from factories import two_region_situation
from fuzz_checks import run_cli
from viewer.io.errors import SituationError
from viewer.io.situation_file import read_situation, write_situation
from viewer.model import History, Layer, Situation

# render runs in this process: it must find pytest-qt's QApplication, not make a
# QGuiApplication of its own (which would break every later test that needs widgets)
pytestmark = pytest.mark.usefixtures("qapp")

UTC = timezone.utc


def written(tmp_path, *sql: str, situation: Situation | None = None, loose=()) -> str:
    """The two-region situation written to a file, then changed by ``sql``; tables in
    ``loose`` first lose their UNIQUE constraints (as a careless tool might write them)."""
    path = tmp_path / "s.gpkg"
    write_situation(situation or two_region_situation(), path)
    conn = sqlite3.connect(path)
    for table in loose:
        conn.execute(f'CREATE TABLE "tmp" AS SELECT * FROM "{table}"')
        conn.execute(f'DROP TABLE "{table}"')
        conn.execute(f'ALTER TABLE "tmp" RENAME TO "{table}"')
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return str(path)


def info(path: str) -> tuple[int, dict | str]:
    status, out, err = run_cli(["info", path, "--json"])
    return status, (json.loads(out) if status == 0 else err)


def refused(path: str, *words: str) -> str:
    with pytest.raises(SituationError) as caught:
        read_situation(path)
    message = str(caught.value)
    assert message.startswith(path + ": ") and "\n" not in message
    for word in words:
        assert word in message, message
    status, err = info(path)
    assert status == 2 and err == f"situation-viewer: error: {message}\n"
    return message


# -- dates -------------------------------------------------------------------------------
def test_reports_at_the_first_and_last_representable_times(tmp_path):
    path = written(tmp_path, "UPDATE reports SET published = '0001-01-01T00:00:00.000Z' "
                             "WHERE report_id = 'r1'",
                   "UPDATE reports SET published = '9999-12-31T23:59:59.999Z' "
                   "WHERE report_id = 'r2'")
    s = read_situation(path)
    assert s.report("r1").published == datetime(1, 1, 1, tzinfo=UTC)
    assert s.report("r2").published == datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=UTC)
    status, data = info(path)
    assert status == 0
    assert [r["published"] for r in data["reports"]][:2] == [
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999000Z"]


def test_a_history_spanning_year_1_to_9999_writes_reads_and_renders(tmp_path):
    first, last = datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, tzinfo=UTC)
    layer = Layer("l", "Long", "claimed", History.from_states("l", [
        (first, box(30, 48, 30.5, 48.5)), (last, box(30, 48, 31, 48.5))]))
    s = two_region_situation()
    s.layers = [layer]
    s.links = []
    s.reindex()
    path = written(tmp_path, situation=s)
    back = read_situation(path)
    assert back.layer("l").history.times == [first, last]
    for at in ("0001-01-01", "9999-12-31T23:59:59", "5000-06-01"):
        status, _, err = run_cli(["render", path, "--at", at, "--highlight-days", "36500",
                                  "-o", str(tmp_path / "m.png"), "--size", "64x48"])
        assert (status, err) == (0, ""), at


@pytest.mark.parametrize("value, problem", [
    ("10000-01-01T00:00:00Z", "not a date"),
    ("9999-12-31T23:00:00-05:00", "outside years 1-9999"),
    ("0001-01-01T00:30:00+01:00", "outside years 1-9999"),
    ("2025-02-30", "not a date"),
    ("yesterday", "not a date"),
    ("", "not a date"),
])
def test_a_time_beyond_the_range_or_unparseable_is_a_clear_error(tmp_path, value, problem):
    path = written(tmp_path, f"UPDATE reports SET published = '{value}' WHERE fid = 2")
    refused(path, "table reports, fid 2, published", problem)


def test_times_with_offsets_are_converted_and_shown_in_utc(tmp_path):
    path = written(tmp_path,
                   "UPDATE reports SET published = '2025-06-13T10:00:00+03:00' "
                   "WHERE report_id = 'r1'",
                   # the same instant as the stored 2025-06-01T00:00:00.000Z state
                   "UPDATE layer_states SET at = '2025-06-01T03:00:00+03:00' "
                   "WHERE layer_id = 'adv' AND at LIKE '2025-06-01%'")
    s = read_situation(path)
    assert s.report("r1").published == datetime(2025, 6, 13, 7, tzinfo=UTC)
    assert s.layer("adv").history.times[0] == datetime(2025, 6, 1, tzinfo=UTC)
    status, data = info(path)
    assert status == 0 and data["reports"][0]["published"] == "2025-06-13T07:00:00Z"
    from viewer.ui.report_items import report_details
    assert "published 13 Jun 2025 07:00 UTC" in report_details(s.report("r1"), [])


def test_two_spellings_of_one_state_time_are_a_clear_error(tmp_path):
    path = written(tmp_path, "INSERT INTO layer_states (layer_id, at) "
                             "VALUES ('adv', '2025-06-01T03:00:00+03:00')")
    refused(path, "layer 'adv'", "two states at the same time")


def test_render_at_the_edges_of_time(tmp_path):
    path = written(tmp_path)
    for at, where in (("0001-01-01", "before the first state"),
                      ("9999-12-31T23:59:59Z", "after the last state")):
        status, _, err = run_cli(["render", path, "--at", at, "-o", str(tmp_path / "m.png"),
                                  "--size", "64x48"])
        assert status == 0 and err.startswith("situation-viewer: warning: --at ") \
            and where in err and err.count("\n") == 1, at
    status, _, err = run_cli(["render", path, "--at", "9999-12-31T23:30-05:00", "-o",
                              str(tmp_path / "m.png")])
    assert status == 2 and err.startswith("situation-viewer: error: --at: ") \
        and "outside years 1-9999" in err and err.count("\n") == 1


# -- duplicate ids -----------------------------------------------------------------------
def test_two_reports_with_one_id_are_refused(tmp_path):
    path = written(tmp_path, "UPDATE reports SET report_id = 'r1' WHERE report_id = 'r2'",
                   loose=["reports"])
    refused(path, "two reports have the id 'r1'")


def test_two_regions_with_one_id_are_refused(tmp_path):
    path = written(tmp_path, "UPDATE regions SET region_id = 'UA-W' WHERE region_id = 'UA-E'",
                   loose=["regions"])
    refused(path, "two regions have the id 'UA-W'")


def test_two_layers_with_one_id_are_refused(tmp_path):
    path = written(tmp_path, "INSERT INTO layers SELECT * FROM layers WHERE layer_id = 'adv'",
                   loose=["layers"])
    refused(path, "layer 'adv' appears twice")


def test_one_change_id_in_two_layers_is_refused(tmp_path):
    path = written(tmp_path, "UPDATE changes SET change_id = 'adv@2025-06-05T00:00:00Z' "
                             "WHERE layer_id = 'claim'", loose=["changes"])
    refused(path, "change 'adv@2025-06-05T00:00:00Z'", "different layers or times")


def test_the_model_refuses_duplicate_ids():
    s = two_region_situation()
    with pytest.raises(ValueError, match="two reports have the id 'r1'"):
        Situation(s.meta, s.regions, s.places, s.layers, s.reports + [s.reports[0]], s.links)
    with pytest.raises(ValueError, match="two layers have the id 'adv'"):
        Situation(s.meta, s.regions, s.places, s.layers + [s.layers[0]], s.reports, s.links)


def test_a_reports_table_merges_repeated_rows_and_skips_conflicting_ones(tmp_path):
    from viewer.io.foreign.reports_table import read_reports_table
    path = tmp_path / "reports.csv"
    path.write_text("id,published,title,change_id\n"
                    "r1,2025-06-05,Advance,adv@2025-06-05T00:00:00Z\n"
                    "r1,2025-06-05,Advance,claim@2025-06-10T00:00:00Z\n"     # same: more links
                    "r1,2025-06-06,Other title,adv@2025-06-20T00:00:00Z\n",  # conflict: skipped
                    encoding="utf-8")
    table = read_reports_table(path)
    assert [r.id for r in table.reports] == ["r1"] and table.reports[0].title == "Advance"
    assert [l.change_id for l in table.link_specs] == ["adv@2025-06-05T00:00:00Z",
                                                      "claim@2025-06-10T00:00:00Z"]
    assert any(str(w).startswith("row 4: id: 'r1' is already used") for w in table.warnings)


# -- dangling links ------------------------------------------------------------------------
def test_dangling_links_are_kept_ignored_and_listed(tmp_path):
    path = written(tmp_path,
                   "INSERT INTO report_links (change_id, report_id, role) "
                   "VALUES ('adv@1999-01-01T00:00:00Z', 'r1', 'claims')",
                   "INSERT INTO report_links (change_id, report_id, role) "
                   "VALUES ('adv@2025-06-05T00:00:00Z', 'nobody', 'confirms')")
    s = read_situation(path)
    dangling = [(l.change_id, l.report_id) for l in s.dangling_links()]
    assert dangling == [("adv@1999-01-01T00:00:00Z", "r1"),
                        ("adv@2025-06-05T00:00:00Z", "nobody")]
    assert [r.id for r, _ in s.reports_for("adv@2025-06-05T00:00:00Z")] == ["r1", "r3"]
    assert [c.id for c, _ in s.changes_for("r1")] == ["adv@2025-06-05T00:00:00Z"]
    status, data = info(path)
    assert status == 0
    report = next(r for r in data["reports"] if r["id"] == "r1")
    assert report["changes"] == ["adv@2025-06-05T00:00:00Z"]
    again = tmp_path / "again.gpkg"
    write_situation(s, again)                       # saving keeps them
    assert read_situation(again).links == s.links


def test_a_link_with_an_unknown_role_is_refused(tmp_path):
    path = written(tmp_path, "UPDATE report_links SET role = 'likes' WHERE fid = 1")
    refused(path, "table report_links, fid 1", "link role must be one of")
