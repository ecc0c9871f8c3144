"""File ▸ Export Reports… then File ▸ Import Reports… into a fresh copy of the situation
(the same layers, no reports): after Save, the copy's reports and report_links tables
hold exactly the source file's rows, read with sqlite3 from both files."""

from __future__ import annotations

import csv
import json
import sqlite3
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from factories import two_region_situation
from ui_helpers import isolate_settings
from viewer.io.foreign.reports_table import read_reports_table
from viewer.io.situation_file import read_situation, write_situation
from viewer.model import Link, Reliability, Report, parse_time

HOSTILE = ("<b>bold</b> <img src=x onerror=alert(1)> \u202eevil\u202c \x1b[31m; \"quoted\", "
           "comma,semicolon; tab\there")
DANGLING = "gone@2025-06-07T00:00:00Z"


def source_situation():
    s = two_region_situation()
    s.reports += [
        Report("r4", parse_time("2025-06-12T08:15:30.123Z"), "Українська правда",
               "Ворог зайшов на Дніпропетровщину", "https://example.org/up?x=1&y=2",
               "Line one\nline two, with \"quotes\"\r\nand a third", "uk", Reliability("A", 1)),
        Report("r5", parse_time("2025-06-13"), HOSTILE, HOSTILE, "", HOSTILE * 3, "en",
               Reliability("F", 6)),
        Report("r6", parse_time("2025-06-14"), "Nobody", "Linked to nothing"),
    ]
    s.links += [Link("adv@2025-06-05T00:00:00Z", "r4", "confirms"),
                Link("claim@2025-06-10T00:00:00Z", "r4", "disputes"),
                Link("adv@2025-06-20T00:00:00Z", "r5", "claims"),
                Link(DANGLING, "r5", "reports")]
    s.reindex()
    return s


def rows(path, sql):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(conn.execute(sql).fetchall())
    finally:
        conn.close()


REPORTS = ("SELECT report_id, published, source, title, url, summary, language, source_grade, "
           "info_grade FROM reports")
LINKS = "SELECT change_id, report_id, role FROM report_links"


def window_on(qtbot, situation, path):
    from viewer.ui.main_window import MainWindow
    w = MainWindow()
    w.resize(1100, 760)
    w.show()
    qtbot.waitExposed(w)
    w.set_situation(situation, path)
    return w


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_export_then_import_into_a_fresh_copy_is_exact(qtbot, monkeypatch, tmp_path, suffix):
    isolate_settings(monkeypatch, tmp_path)
    src, fresh, table = tmp_path / "src.gpkg", tmp_path / "fresh.gpkg", tmp_path / f"r{suffix}"
    s = source_situation()
    write_situation(s, src)
    write_situation(replace(s, reports=[], links=[]), fresh)
    assert rows(fresh, REPORTS) == [] and rows(fresh, LINKS) == []

    w = window_on(qtbot, read_situation(src), src)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(table), "JSON (*.json)" if suffix == ".json"
                                         else "CSV (*.csv)"))
    w.report_tools.export_action.trigger()
    assert table.is_file() and not list(tmp_path.glob(".*.tmp"))   # written whole, renamed
    assert w.statusBar().currentMessage() == f"Wrote 9 rows to r{suffix}"
    w.close()

    w = window_on(qtbot, read_situation(fresh), fresh)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(table), ""))
    w.report_tools.import_action.trigger()
    box = w.findChild(QMessageBox, "import_reports_warnings")      # the dangling link
    assert box is not None and box.isVisible()
    assert box.text() == f"report r5: no change {DANGLING} (kept as a dangling link)"
    box.close()
    assert w.isWindowModified()
    assert w.edits.stack.undoText() == f"Import 6 reports from r{suffix}"
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(w.canvas, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not w.isWindowModified()
    w.close()

    assert rows(fresh, REPORTS) == rows(src, REPORTS)
    assert rows(fresh, LINKS) == rows(src, LINKS)
    assert len(rows(src, REPORTS)) == 6 and len(rows(src, LINKS)) == 8


def test_the_table_is_what_reports_table_reads(tmp_path):
    """Independently of the window: the CSV parsed by Python's csv module has one row per
    link (and one for the report linked to nothing), and the reader gives back the
    situation's reports exactly."""
    from viewer.io.foreign.reports_export import export_reports
    s = source_situation()
    path = tmp_path / "r.csv"
    assert export_reports(s, path) == 9
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert sorted((r["change_id"], r["id"], r["role"]) for r in table if r["change_id"]) == \
        sorted((k.change_id, k.report_id, k.role) for k in s.links)
    assert [r["id"] for r in table if not r["change_id"]] == ["r6"]
    back = read_reports_table(path)
    assert back.warnings == []
    assert sorted(back.reports, key=lambda r: r.id) == sorted(s.reports, key=lambda r: r.id)
    path_json = tmp_path / "r.json"
    export_reports(s, path_json)
    assert path_json.read_bytes().isascii()         # bidi and controls as \\u escapes
    assert {r["id"] for r in json.loads(path_json.read_text())} == {r.id for r in s.reports}


def test_importing_a_report_that_differs_from_one_in_the_file_is_refused(qtbot, monkeypatch,
                                                                          tmp_path):
    """An id the situation already holds with other values: nothing is added, and the
    dialog says which report; the same table with that report as it is imports fine."""
    isolate_settings(monkeypatch, tmp_path)
    table = tmp_path / "clash.csv"
    table.write_text('id,published,source,title,url,summary,grade,change_id,role\n'
                     'r1,2025-06-05T09:00Z,Agency A,Changed title,https://example.org/a,'
                     'Agency A says troops moved east.,B2,,\n'
                     'new,2025-06-07,Agency N,New one,,,A1,adv@2025-06-05T00:00:00Z,confirms\n',
                     encoding="utf-8")
    w = window_on(qtbot, two_region_situation(), None)
    before = (list(w.situation.reports), list(w.situation.links))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(table), ""))
    from ui_helpers import answer_next_box
    seen = answer_next_box(QMessageBox.StandardButton.Ok)
    w.report_tools.import_action.trigger()
    assert seen == ["the reports r1 differ from the reports with those ids already in the "
                    "situation"]
    assert (w.situation.reports, w.situation.links) == before and not w.isWindowModified()
    table.write_text(table.read_text(encoding="utf-8").replace("Changed title",
                                                               "Troops advance east"),
                     encoding="utf-8")
    w.report_tools.import_action.trigger()
    assert [r.id for r in w.situation.reports] == ["r1", "r2", "r3", "new"]
    assert ("new", "confirms") in [(r.id, role) for r, role in
                                   w.situation.reports_for("adv@2025-06-05T00:00:00Z")]
    assert w.statusBar().currentMessage() == "Imported 2 reports and 1 links from clash.csv"
    w.edits.stack.setClean()
    w.close()
