"""The reports panel's filter in the real window: the grade threshold, roles, source,
dates and "unsourced only" grey (or hide) the changes they leave out, hide the reports
that fail, and the map dims those changes; the Provenance tab's shares."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pyproj import Geod
from shapely.geometry import box

from factories import D, two_region_situation
from ui_helpers import colour_at, isolate_settings, open_window
from viewer.ui import report_items as ri

GAIN5, CLAIM10, LOSS20 = ("adv@2025-06-05T00:00:00Z", "claim@2025-06-10T00:00:00Z",
                          "adv@2025-06-20T00:00:00Z")
MARK = "left out by the filter"


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    w = open_window(qtbot, two_region_situation())
    w.cursor_model.set_highlight_days(30)
    w.cursor_model.set_time(D[25])          # every change in the highlight window
    w.reports_dock.show()
    bar = w.reports_panel.filter_bar
    qtbot.mouseClick(bar.toggle, Qt.MouseButton.LeftButton)
    assert bar.body.isVisible()
    return w


def rows(w) -> dict[str, object]:
    tree = w.reports_panel.window_tree
    return {i.data(0, ri.CHANGE_ID): i for i in tree.items() if i.data(0, ri.KIND) == "change"}


def shown_reports(item) -> list[str]:
    return [item.child(j).data(0, ri.REPORT_ID) for j in range(item.childCount())
            if not item.child(j).isHidden()]


def left_out(w) -> set[str]:
    return {cid for cid, item in rows(w).items() if MARK in item.text(0).split("\n")[0]}


def choose(qtbot, combo, steps: int) -> None:
    """Move a combo box down ``steps`` entries with the keyboard, as a person would."""
    combo.setFocus()
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def b2_or_better(report) -> bool:       # the threshold, written out from its definition
    return report.reliability.source in ("A", "B") and report.reliability.info in (1, 2)


def test_b2_or_better_greys_the_changes_without_such_a_report(qtbot, window):
    w, bar = window, window.reports_panel.filter_bar
    assert left_out(w) == set()
    before = colour_at(w.canvas, 31.7, 48.7)        # inside the claim of 10 June
    kept_pixel = colour_at(w.canvas, 30.6, 48.3)    # inside the gain of 5 June
    choose(qtbot, bar.source_grade, 2)              # any, A, A–B
    choose(qtbot, bar.info_grade, 2)                # any, 1, 1–2
    assert w.reports_panel.filter.criteria.grade_code == "B2"
    s = w.situation
    expected = {c.id for c in s.changes
                if not any(b2_or_better(r) for r, _ in s.reports_for(c.id))}
    assert expected == {CLAIM10, LOSS20}
    assert left_out(w) == expected
    assert shown_reports(rows(w)[GAIN5]) == ["r1"]          # r3 is C3
    assert shown_reports(rows(w)[CLAIM10]) == []
    assert w.reports_panel.filter_note.text() == "1 of 3 changes pass: B2 or better"
    assert bar.toggle.text() == "Filter: B2 or better"
    # the map greys the claim; the passing gain is drawn as before
    assert w.canvas.dimmed_changes == expected
    after = colour_at(w.canvas, 31.7, 48.7)
    assert after != before
    assert max(after.red(), after.green(), after.blue()) - min(
        after.red(), after.green(), after.blue()) < max(before.red(), before.green(),
                                                          before.blue()) - min(
        before.red(), before.green(), before.blue())        # less saturated: greyed
    assert colour_at(w.canvas, 30.6, 48.3) == kept_pixel
    # hidden instead of greyed, on request; Reset brings everything back
    qtbot.mouseClick(bar.hide, Qt.MouseButton.LeftButton)
    assert {cid for cid, item in rows(w).items() if item.isHidden()} == expected
    qtbot.mouseClick(bar.reset, Qt.MouseButton.LeftButton)
    assert left_out(w) == set() and not any(i.isHidden() for i in rows(w).values())
    assert w.canvas.dimmed_changes == frozenset()
    assert colour_at(w.canvas, 31.7, 48.7) == before


def test_hiding_roles_source_and_unsourced_only(qtbot, window):
    w, bar = window, window.reports_panel.filter_bar
    qtbot.mouseClick(bar.roles["claims"], Qt.MouseButton.LeftButton)
    # the claim's other report (r3) disputes it: shown, but it is no support
    assert shown_reports(rows(w)[CLAIM10]) == ["r3"]
    assert left_out(w) == {CLAIM10, LOSS20}
    for role in ("reports", "confirms"):
        qtbot.mouseClick(bar.roles[role], Qt.MouseButton.LeftButton)
    assert left_out(w) == {GAIN5, LOSS20}       # only disputes kept: the disputed change
    qtbot.mouseClick(bar.reset, Qt.MouseButton.LeftButton)
    for role in ("claims", "disputes"):
        qtbot.mouseClick(bar.roles[role], Qt.MouseButton.LeftButton)
    assert left_out(w) == {CLAIM10, LOSS20}
    assert shown_reports(rows(w)[GAIN5]) == ["r1", "r3"]
    all_reports = w.reports_panel.all_tree
    visible = {i.data(0, ri.REPORT_ID) for i in all_reports.items() if not i.isHidden()}
    assert visible == {"r1", "r3"}                  # r2 only claims
    assert "without claims, disputes" in bar.toggle.text()
    qtbot.mouseClick(bar.reset, Qt.MouseButton.LeftButton)

    sources = [bar.source.itemText(i) for i in range(bar.source.count())]
    assert sources == ["every source", "Agency A", "Analyst Z", "Ministry M"]
    choose(qtbot, bar.source, 3)                    # Ministry M
    assert left_out(w) == {GAIN5, LOSS20}
    assert shown_reports(rows(w)[CLAIM10]) == ["r2"]
    # another file without that source: the filter goes back to every source
    other = two_region_situation()
    other.reports[:] = [r for r in other.reports if r.source != "Ministry M"]
    other.links[:] = [k for k in other.links if k.report_id != "r2"]
    other.reindex()
    w.set_situation(other, None)
    assert w.reports_panel.filter.criteria.sources is None
    assert bar.source.currentText() == "every source" and left_out(w) == set()
    w.set_situation(two_region_situation(), None)
    w.cursor_model.set_highlight_days(30)
    w.cursor_model.set_time(D[25])
    qtbot.mouseClick(bar.reset, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(bar.unsourced, Qt.MouseButton.LeftButton)
    assert left_out(w) == {GAIN5, CLAIM10}
    assert "Unsourced" in rows(w)[LOSS20].text(0)


def test_publication_dates(qtbot, window):
    w, bar = window, window.reports_panel.filter_bar
    assert (bar.date_from.date().toString("yyyy-MM-dd"),
            bar.date_to.date().toString("yyyy-MM-dd")) == ("2025-06-05", "2025-06-11")
    bar.date_to.setDate(bar.date_to.date().addDays(-5))      # up to 6 June
    qtbot.mouseClick(bar.dates, Qt.MouseButton.LeftButton)
    # r1 (5 June) and r2 (6 June 12:00) are in; r3 (11 June) is not
    assert shown_reports(rows(w)[GAIN5]) == ["r1"]
    assert shown_reports(rows(w)[CLAIM10]) == ["r2"]
    assert left_out(w) == {LOSS20}


def test_provenance_tab(qtbot, window):
    w = window
    panel = w.reports_panel
    panel.tabs.setCurrentWidget(panel.provenance)
    qtbot.waitUntil(lambda: panel.provenance.layers.topLevelItemCount() == 2
                    and "measured" not in panel.provenance.caption.text(), timeout=20000)
    geod = Geod(ellps="WGS84")

    def km2(b):
        return abs(geod.geometry_area_perimeter(box(*b))[0]) / 1e6
    gain5, loss20 = km2((30.4, 48.2, 31.2, 48.4)), km2((30.8, 48.2, 31.2, 48.4))
    adv, claim = (panel.provenance.layers.topLevelItem(i) for i in range(2))
    assert (adv.text(0), adv.text(1)) == ("Advance", "2")
    table = {adv.child(j).text(0): [adv.child(j).text(c) for c in range(1, 5)]
             for j in range(adv.childCount())}
    share = 100 * gain5 / (gain5 + loss20)
    assert table["backed by B2 or better"][:2] == ["1", "50 %"]
    assert float(table["backed by B2 or better"][2].split("\u00a0")[0].replace(",", "")) == \
        pytest.approx(gain5, abs=0.06)
    assert table["backed by B2 or better"][3] == f"{share:.0f} %"
    assert table["unsourced"][:2] == ["1", "50 %"]
    assert table["backed by lower grades only"][:2] == ["0", "0 %"]
    claims = {claim.child(j).text(0): claim.child(j).text(1) for j in range(claim.childCount())}
    assert claims["claimed only"] == "1"
    sources = panel.provenance.sources
    counts = {sources.topLevelItem(i).text(0): [sources.topLevelItem(i).text(c)
                                                for c in (1, 2, 3)]
              for i in range(sources.topLevelItemCount())}
    assert counts == {"Agency A": ["1", "0", "0"], "Analyst Z": ["1", "0", "1"],
                      "Ministry M": ["0", "1", "0"]}
    # before the claim's date it is not counted
    w.cursor_model.set_time(D[9])
    qtbot.waitUntil(lambda: panel.provenance.layers.topLevelItemCount() == 1)
    assert "9 Jun 2025" in panel.provenance.caption.text()


def test_rows_that_leave_the_window_and_come_back_keep_the_filters_marks(qtbot, window):
    """A row taken out of the list (its change left the highlight window) is kept and put
    in again when the change is back: the same item, greyed once, hidden as the filter
    says."""
    w, bar = window, window.reports_panel.filter_bar
    choose(qtbot, bar.source_grade, 2)
    choose(qtbot, bar.info_grade, 2)                # B2 or better: the claim is left out
    qtbot.mouseClick(bar.hide, Qt.MouseButton.LeftButton)
    first = rows(w)
    assert {cid for cid, item in first.items() if item.isHidden()} == {CLAIM10, LOSS20}
    w.cursor_model.set_time(D[1])                   # before every change: no rows
    assert rows(w) == {}
    w.cursor_model.set_time(D[25])
    again = rows(w)
    assert set(again) == set(first) and all(again[c] is first[c] for c in first)
    assert {cid for cid, item in again.items() if item.isHidden()} == {CLAIM10, LOSS20}
    assert shown_reports(again[GAIN5]) == ["r1"]            # r3 (C3) still hidden
    assert again[CLAIM10].text(0).count(MARK) == 1          # greyed once, not again
    assert w.reports_panel.filter_note.text() == "1 of 3 changes pass: B2 or better"
    qtbot.mouseClick(bar.reset, Qt.MouseButton.LeftButton)  # a new filter: rows anew
    w.cursor_model.set_time(D[1])
    w.cursor_model.set_time(D[25])
    fresh = rows(w)
    assert not any(fresh[c] is first[c] for c in first)
    assert left_out(w) == set() and not any(i.isHidden() for i in fresh.values())
    assert shown_reports(fresh[GAIN5]) == ["r1", "r3"]
