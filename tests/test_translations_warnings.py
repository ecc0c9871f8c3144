"""Warnings about a bad input, in Ukrainian: a reports table's bad rows and links in the
window's "Imported with warnings" box (File ▸ Import Reports…), and shapely's reasons for
an unusable geometry (built here, the reason asked of shapely) in the import's lines.
The expected Ukrainian is read from the committed .ts (test_translations_cli.ts)."""

from __future__ import annotations

import json
import re

import pytest
import shapely
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fuzz_checks import run_cli
from test_translations import english_words
from test_translations_cli import _TS, fill, ts
from ui_helpers import isolate_settings, open_window
from viewer.io.geometry_reasons import build_reason, validity_reason
from viewer.io.situation_file import read_situation
from viewer.resources import sample_path

CYRILLIC = re.compile("[А-Яа-яІіЇїЄєҐґ]")
# the table's own words a warning quotes: its column names and cells
TABLE_WORDS = {"id", "published", "url", "role", "reliability", "rumours", "'rumours'", "reports, confirms, "
               "claims, disputes", "notes", "'not a date'", "'Z'", "'r2'", "nowhere",
               "'no-such-layer'", "UA-12", "r1", "r2", "r3", "r5", "r6", "r9",
               "http(s)"}                      # the kind of address, as the column holds


@pytest.fixture
def ukrainian(qapp):
    from viewer.render.language import install_language
    install_language("uk")
    yield
    install_language("en")


def row(n: int, problem: str) -> str:
    return fill(ts("Core", "%1: %2"), fill(ts("Core", "row %1"), n), problem)


def test_a_bad_reports_table_imported_in_the_ukrainian_window_warns_in_ukrainian(
        ukrainian, qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    table = tmp_path / "reports.csv"
    table.write_text("\n".join([
        "id,published,title,url,reliability,layer,date,change_id,role,notes",
        "r1,2025-06-13,Перший,javascript:alert(1),,,,,,",    # row 2: url left out
        "r2,not a date,Другий,,,,,,,",                        # row 3
        "r3,2025-06-13,Третій,,Z,,,,,",                       # row 4
        "r5,2025-06-13,П'ятий,,,,,,rumours,",                 # row 5
        "r1,2025-06-14,Інший,,,,,,,",                         # row 6: id used by row 2
        "r6,2025-06-13,Шостий,,,,,nowhere,,",                 # a dangling link
        "r9,2025-06-13,Дев'ятий,,,no-such-layer,2025-06-13,,,",   # no such layer
        "r9,2025-06-13,Дев'ятий,,,,,,,,,,",                   # row 9: too many cells
    ]) + "\n", encoding="utf-8")
    window = open_window(qtbot, read_situation(sample_path()))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(table), ""))
    window.report_tools.import_action.trigger()
    box = window.findChild(QMessageBox, "import_reports_warnings")
    assert box is not None and box.isVisible()
    assert box.windowTitle() == "Імпортовано з попередженнями"
    lines = box.text().splitlines()
    box.close()
    window.edits.stack.undo()           # unmodified: closing asks nothing
    assert not window.isWindowModified()
    window.close()
    assert lines == [
        fill(ts("Core", "ignored columns: %1"), "notes"),
        row(2, ts("Core", "url: not an http(s) address, left out")),
        row(3, fill(ts("Core", "%1: not a date or time: %2"), "published", "'not a date'")),
        row(4, fill(_TS[("Core", "reliability: %1")], fill(ts(
            "Core", "source reliability must be A-F, got %1"), "'Z'"))),
        row(5, fill(ts("Core", "role: must be one of %1, got %2"),
                    "reports, confirms, claims, disputes", "'rumours'")),
        row(6, fill(ts("Core", "id: %1 is already used by %2 with other values"), "'r1'",
                    fill(ts("Core", "row %1"), 2))),
        row(9, fill(ts("Core", "%1 cells for %2 columns"), 13, 10)),
        fill(ts("Core", "report %1: no change %2 (kept as a dangling link)"), "r6", "nowhere"),
        fill(ts("Core", "report %1: %2: %3"), "r9",
             fill(ts("Core", "layer %1 at %2"), "'no-such-layer'", "2025-06-13"),
             ts("Core", "no such layer")),
    ], lines
    for line in lines:
        assert CYRILLIC.search(line) and english_words(line, TABLE_WORDS) == [], line


def invalid_geometries() -> dict[str, shapely.Geometry]:
    square = [(30, 48), (31, 48), (31, 49), (30, 49), (30, 48)]
    return {
        "bow tie": shapely.Polygon([(30, 48), (31, 49), (31, 48), (30, 49), (30, 48)]),
        "ring touching itself": shapely.Polygon([(0, 0), (4, 0), (2, 2), (4, 4), (0, 4),
                                                 (2, 2), (0, 0)]),
        "hole outside": shapely.Polygon(square, [[(35, 48), (36, 48), (36, 49), (35, 48)]]),
        "nested holes": shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)],
                                        [[(1, 1), (9, 1), (9, 9), (1, 9)],
                                         [(2, 2), (4, 2), (4, 4), (2, 4)]]),
        "cut interior": shapely.Polygon([(0, 0), (4, 0), (4, 4), (0, 4)],
                                        [[(0, 2), (2, 0), (4, 2), (2, 4), (0, 2)]]),
        "nested shells": shapely.MultiPolygon([shapely.box(0, 0, 10, 10),
                                               shapely.box(1, 1, 3, 3)]),
        "too few points": shapely.Polygon([(30, 48), (31, 48), (30, 48), (30, 48)]),
        "not a number": shapely.Point(float("nan"), 48.5),
    }


def test_every_validity_reason_shapely_gives_is_said_in_ukrainian(ukrainian):
    """Each reason shapely gives for a geometry built here is a translated Message that
    keeps shapely's coordinates; a reason we don't know is quoted after a lead-in."""
    from viewer.render.language import core_text
    seen = set()
    for name, geom in invalid_geometries().items():
        said = shapely.is_valid_reason(geom)
        where = re.fullmatch(r"([A-Za-z -]+)\[(.*)\]", said)
        assert where, (name, said)
        text = core_text(validity_reason(said))
        assert text.endswith(where.group(2)) and CYRILLIC.search(text), (name, said, text)
        assert english_words(text.replace(where.group(2), " "), set()) == [], (name, text)
        seen.add(where.group(1))
    assert len(seen) == len(invalid_geometries())          # each a reason of its own
    unknown = core_text(validity_reason("Something new[1 2]"))
    assert unknown == fill(ts("Core", "shapely says: %1"), "Something new[1 2]")


def test_shapelys_refusals_to_build_are_said_in_ukrainian(ukrainian):
    from viewer.render.language import core_text
    refusals = []
    for coords in ([(36, 48), (36.1, 48)], [(36, 48)]):
        for make in (shapely.Polygon, shapely.LineString):
            try:
                make(coords)
            except (ValueError, shapely.errors.GEOSException) as exc:
                refusals.append(str(exc))
    assert len(refusals) >= 2
    for text in refusals:
        said = core_text(build_reason(text))
        assert CYRILLIC.search(said) and english_words(said, set()) == [], (text, said)


def test_an_import_of_unusable_geometries_warns_in_ukrainian(tmp_path):
    """The import's warning lines for a ring of two points and a line of one point."""
    source = tmp_path / "front_20250620.geojson"
    square = {"type": "Polygon", "coordinates": [[[37.5, 48.0], [37.7, 48.0], [37.7, 48.2],
                                                  [37.5, 48.2], [37.5, 48.0]]]}
    ring = {"type": "Polygon", "coordinates": [[[37.5, 48.0], [37.6, 48.0]]]}
    line = {"type": "LineString", "coordinates": [[37.5, 48.0]]}
    source.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": g} for g in (square, ring, line)]}))
    status, text, err = run_cli(["import", str(source), "-o", str(tmp_path / "out.gpkg"),
                                 "--context", "none", "--places", "none", "--lang", "uk"])
    assert status == 0, err
    lines = [l for l in text.splitlines() if str(source) in l and "(" in l]
    for n, reason in ((2, "a ring needs at least 4 points"),
                      (3, "a line needs at least 2 points")):
        skipped = fill(ts("Core", "skipped 1 feature with %2%3"), 1, fill(
            ts("Core", "an unusable geometry (%1)"), ts("Core", reason)),
            fill(ts("Core", ": %1"), fill(ts("Core", "feature %1"), n)))
        assert fill(ts("Core", "%1: %2"), str(source), skipped) in text, text
    assert len(lines) == 2 and all(english_words(l, {str(source)}) == [] for l in lines), lines
