"""The reports panel: changes in the highlight window, the reports behind them, selection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget
from shapely.geometry import box

from viewer.analysis.areas import geodesic_area_km2
from viewer.analysis.region_attribution import RegionAttribution
from viewer.model import (History, Layer, Link, Region, Reliability, Report, Situation,
                          parse_time)
from viewer.model.cursor import TimeCursor
from viewer.model.selection import Selection
from viewer.ui import report_items as ri
from viewer.ui.reports_panel import ReportsPanel

T = parse_time
EVIL = "<b>bold</b> <script>x</script>"
JUN5, JUN9 = "front@2025-06-05T00:00:00Z", "front@2025-06-09T08:30:00Z"


def situation() -> Situation:
    """West (0-1°E) and East (1-2°E); the front grows into West, then into both, then
    shrinks in East without any report."""
    regions = [Region("W", {"en": "West Oblast"}, box(0, 0, 1, 1)),
               Region("E", {"en": "East Oblast"}, box(1, 0, 2, 1))]
    front = History.from_states("front", [
        (T("2025-06-01"), box(0, 0, 0.5, 1)),
        (T("2025-06-05"), box(0, 0, 0.8, 1)),
        (T("2025-06-09T08:30"), box(0, 0, 1.5, 1)),
        (T("2025-06-20"), box(0, 0, 1.4, 1)),
    ])
    reports = [
        Report("r1", T("2025-06-05T18:00"), "ISW", "Advance west", "https://example.org/isw",
               "Footage shows an advance.", reliability=Reliability("B", 2)),
        Report("r2", T("2025-06-06"), "DeepState", "Advance confirmed", "https://example.org/ds"),
        Report("r3", T("2025-06-09T10:00"), "MoD", EVIL, "", "Claims <i>much</i>.",
               reliability=Reliability("D", 4)),
        Report("r4", T("2025-06-02"), "Analyst", "Background", "https://example.org/bg"),
    ]
    links = [Link(JUN5, "r1", "reports"), Link(JUN5, "r2", "confirms"), Link(JUN9, "r3", "claims")]
    layers = [Layer("front", "Front line", "assessed-control", front)]
    return Situation(regions=regions, layers=layers, reports=reports, links=links)


@pytest.fixture
def env(qtbot):
    s = situation()
    cursor = TimeCursor(s.start, T("2025-06-25"), [c.at for c in s.changes])
    cursor.set_time(T("2025-06-11"))
    selection = Selection()
    # A plain host without a layout: a shown top-level with a layout makes the offscreen
    # platform warn "This plugin does not support propagateSizeHints()".
    host = QWidget()
    qtbot.addWidget(host)
    panel = ReportsPanel(s, cursor, selection, RegionAttribution(s).measure_all(), host)
    panel.resize(520, 700)
    host.resize(520, 700)
    host.show()
    qtbot.waitExposed(host)
    yield panel, cursor, selection
    host.close()
    host.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # the panel is gone while its Python wrapper lives on: the model must not call it
    assert len(cursor.time_changed) == 0 and len(selection.changed) == 0
    cursor.set_time(T("2025-06-01"))
    selection.clear()


def tops(panel):
    tree = panel.window_tree
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]


def click(tree, item, qtbot):
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    assert rect.isValid()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_lists_the_changes_in_the_window_newest_first_with_their_reports(env):
    panel, cursor, _ = env
    gain9 = geodesic_area_km2(box(0.8, 0, 1.5, 1))      # 0.5° in East, 0.2° in West
    gain5 = geodesic_area_km2(box(0.5, 0, 0.8, 1))
    items = tops(panel)
    assert [i.text(0) for i in items] == [
        f"9 Jun 2025 08:30 UTC · Front line\n+{gain9:,.1f}\u00a0km² · "
        "East Oblast, West Oblast",
        f"5 Jun 2025 · Front line\n+{gain5:,.1f}\u00a0km² · West Oblast",
    ]
    assert [(c.text(0), c.text(1), c.text(2)) for c in (items[1].child(j) for j in range(2))] == [
        ("ISW · 5 Jun 2025\nAdvance west", "reports", "B2"),
        ("DeepState · 6 Jun 2025\nAdvance confirmed", "confirms", "F6"),
    ]
    assert items[1].child(0).toolTip(2) == "Reliability B2: usually reliable; probably true"
    assert panel.header.text() == "2 changes in the 7 days up to 11 Jun 2025"
    cursor.set_highlight_days(3)                        # (8 Jun, 11 Jun]: only the 9 Jun change
    assert [i.data(0, ri.CHANGE_ID) for i in tops(panel)] == [JUN9]
    cursor.set_time(T("2025-06-04"))
    assert tops(panel) == [] and panel.header.text().startswith("0 changes")


def test_a_change_without_reports_is_flagged_unsourced(env):
    panel, cursor, _ = env
    assert all("Unsourced" not in i.text(0) for i in tops(panel))
    cursor.set_time(T("2025-06-21"))
    (item,) = tops(panel)
    assert item.text(0).startswith("20 Jun 2025 · Front line · Unsourced\n−")
    assert item.text(0).endswith(" · East Oblast") and item.childCount() == 0


def test_report_text_is_shown_literally(env, qtbot):
    panel, _, _ = env
    report = tops(panel)[0].child(0)
    assert report.text(0) == f"MoD · 9 Jun 2025\n{EVIL}"
    click(panel.window_tree, report, qtbot)
    details = panel.details.text.toPlainText()
    assert details.startswith(EVIL + "\nMoD · published 9 Jun 2025 10:00 UTC")
    assert "Claims <i>much</i>." in details
    assert all(label.textFormat() == Qt.TextFormat.PlainText
               for label in panel.findChildren(QLabel) if label.text())


def test_clicking_a_report_selects_its_changes_and_moves_time(env, qtbot):
    panel, cursor, selection = env
    report = tops(panel)[1].child(0)                    # ISW under the 5 Jun change
    click(panel.window_tree, report, qtbot)
    assert selection.change_ids == {JUN5} and selection.report_id == "r1"
    assert cursor.time == T("2025-06-05")
    assert [i.data(0, ri.CHANGE_ID) for i in tops(panel)] == [JUN5]    # the window moved
    (picked,) = panel.window_tree.selectedItems()       # and the report stays selected
    assert picked.data(0, ri.REPORT_ID) == "r1"
    qtbot.mouseClick(panel.details.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "https://example.org/isw"


def test_the_details_offer_no_link_until_a_report_is_picked(env, qtbot):
    """Nothing picked: no text, Copy and Open link disabled, at the start and after time
    steps (which leave an unchanged pane as it is); a report's link, then none again."""
    panel, cursor, selection = env
    view = panel.details
    buttons = lambda: (view.copy_button.isEnabled(), view.open_button.isEnabled())  # noqa: E731
    assert view.text.toPlainText() == "" and buttons() == (False, False)
    cursor.set_time(T("2025-06-21"))
    cursor.set_time(T("2025-06-11"))
    assert view.text.toPlainText() == "" and buttons() == (False, False)
    click(panel.window_tree, tops(panel)[1].child(0), qtbot)        # ISW: an https link
    assert buttons() == (True, True) and view.link.text() == "https://example.org/isw"
    selection.clear()
    assert view.text.toPlainText() == "" and buttons() == (False, False)
    assert view.link.text() == ""


def test_clicking_a_change_selects_it_and_a_map_click_selects_it_back(env, qtbot):
    panel, cursor, selection = env
    click(panel.window_tree, tops(panel)[1], qtbot)
    assert selection.change_ids == {JUN5} and selection.report_id is None
    assert cursor.time == T("2025-06-11")               # a change click does not move time
    assert "Gained" in panel.details.text.toPlainText()
    assert not panel.details.copy_button.isEnabled()
    selection.select_changes({JUN9})                    # e.g. a click on the map
    (picked,) = panel.window_tree.selectedItems()
    assert picked.data(0, ri.CHANGE_ID) == JUN9 and picked.data(0, ri.KIND) == "change"
    assert selection.change_ids == {JUN9}               # syncing did not feed back
    selection.clear()
    assert panel.window_tree.selectedItems() == []


def test_double_clicking_a_change_asks_to_zoom_to_it(env, qtbot):
    panel, _, _ = env
    tree = panel.window_tree
    rect = tree.visualItemRect(tops(panel)[0])
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.zoom_to_change, timeout=1000) as blocker:
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [JUN9]
    assert tops(panel)[0].isExpanded()                  # double-click zooms, never folds


def test_all_reports_lists_reports_outside_the_window(env, qtbot):
    panel, cursor, selection = env
    tree = panel.all_tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [r.data(0, ri.REPORT_ID) for r in rows] == ["r4", "r1", "r2", "r3"]
    assert rows[0].text(1) == "no change"
    panel.tabs.setCurrentWidget(tree)
    click(tree, rows[0], qtbot)                          # no change: time goes to its date
    assert selection.report_id == "r4" and selection.change_ids == frozenset()
    assert cursor.time == T("2025-06-02")
    click(tree, rows[3], qtbot)                          # MoD: to its change
    assert cursor.time == T("2025-06-09T08:30") and selection.change_ids == {JUN9}
    (picked,) = panel.window_tree.selectedItems()        # the other tab follows
    assert picked.data(0, ri.REPORT_ID) == "r3"


def test_a_time_change_within_the_same_window_keeps_the_tree(env):
    panel, cursor, _ = env
    first = tops(panel)[0]
    first.setData(0, Qt.ItemDataRole.UserRole + 50, "kept")
    cursor.set_time(T("2025-06-11T06:00"))
    assert tops(panel)[0].data(0, Qt.ItemDataRole.UserRole + 50) == "kept"
    cursor.set_time(T("2025-06-13"))        # 5 Jun leaves the window: only its row goes
    assert [(i.data(0, ri.CHANGE_ID), i.data(0, Qt.ItemDataRole.UserRole + 50))
            for i in tops(panel)] == [(JUN9, "kept")]
    cursor.set_time(T("2025-06-21"))        # 9 Jun leaves, 20 Jun comes: a new row
    (row,) = tops(panel)
    assert row.data(0, Qt.ItemDataRole.UserRole + 50) is None
    assert row.data(0, ri.CHANGE_ID) != JUN9


def test_context_menu_copies_the_link(env):
    panel, _, selection = env
    tree = panel.window_tree
    pos = tree.visualItemRect(tops(panel)[1].child(1)).center()     # DeepState, under 5 Jun
    assert panel.menu_for(tree, tree.visualItemRect(tops(panel)[1]).center()) is None
    menu = panel.menu_for(tree, pos)                    # (popping it up needs a real screen)
    assert selection.report_id == "r2"                  # a right-click selects, like a click
    copy, open_link = menu.actions()
    assert (copy.text(), open_link.text()) == ("Copy link", "Open link in browser")
    assert copy.isEnabled() and open_link.isEnabled()
    copy.trigger()
    assert QGuiApplication.clipboard().text() == "https://example.org/ds"
    assert panel.details.link.text() == "https://example.org/ds"


def test_area_text_never_shows_zero_for_area_that_is_there():
    from viewer.ui.report_items import km2_text
    assert km2_text(44.2, 0.01) == "+44.2\u00a0km² / −<0.1\u00a0km²"
    assert km2_text(33.5, 0.0) == "+33.5\u00a0km²"
    assert km2_text(0.0, 0.0) == "no area"


def test_a_hidden_panel_catches_up_when_shown_again(env, qtbot):
    """While its dock is closed the panel skips the work of moving the time; shown
    again, it lists what belongs to the time shown then."""
    panel, cursor, _ = env
    panel.hide()
    cursor.set_time(T("2025-06-04"))
    cursor.set_time(T("2025-06-06"))
    assert panel.header.text() == "2 changes in the 7 days up to 11 Jun 2025"   # skipped
    panel.show()
    qtbot.waitUntil(panel.isVisible)
    assert panel.header.text() == "1 change in the 7 days up to 6 Jun 2025"
    assert [i.data(0, ri.CHANGE_ID) for i in tops(panel)] == [JUN5]


def test_changes_say_measuring_until_the_region_figures_arrive(env):
    panel, _, _ = env
    s = panel.situation
    panel.set_situation(s, RegionAttribution(s))            # not measured yet
    assert [i.text(0).split("\n")[1] for i in tops(panel)] == [ri.MEASURING] * 2
    panel.set_region_figures(RegionAttribution(s).measure_all())
    gain5 = geodesic_area_km2(box(0.5, 0, 0.8, 1))
    assert tops(panel)[1].text(0).split("\n")[1] == f"+{gain5:,.1f}\u00a0km² · West Oblast"
    panel.set_region_figures(None)                          # the measuring failed
    assert [i.text(0).split("\n")[1] for i in tops(panel)] == [ri.NOT_MEASURED] * 2


def test_a_time_step_only_looks_the_region_figures_up(env, monkeypatch):
    """Once measured, stepping through every change computes no area: the measuring
    code is made to fail, and every row still shows its km² and regions."""
    panel, cursor, _ = env

    def fail(*_args):
        raise AssertionError("region figures computed on the time step")
    import viewer.analysis.region_attribution as attribution
    monkeypatch.setattr(attribution, "geodesic_areas_km2", fail)
    monkeypatch.setattr(attribution.RegionAttribution, "measure_changes", fail)
    for change in panel.situation.changes:
        cursor.set_time(change.at)
        assert all("km²" in i.text(0) for i in tops(panel))
        panel.window_tree.setCurrentItem(tops(panel)[0])
        assert "Regions: " in panel.details.text.toPlainText()


def test_the_window_adopts_the_measured_figures_for_its_reports_panel(window, qtbot):
    """The two-region situation at 10 Jun: the claim of 10 Jun lies in East only."""
    qtbot.waitUntil(lambda: window.regions_panel.figures is not None)
    assert window.loaded.regions is window.regions_panel.figures
    assert window.loaded.regions.complete
    window.reports_dock.raise_()
    qtbot.waitUntil(window.reports_panel.isVisible)
    rows = window.reports_panel.window_tree
    texts = [rows.topLevelItem(i).text(0) for i in range(rows.topLevelItemCount())]
    claimed = geodesic_area_km2(box(31.5, 48.5, 31.9, 48.9))
    assert texts[0] == f"10 Jun 2025 · Claimed\n+{claimed:,.1f}\u00a0km² · East"


def test_the_header_is_one_line_of_fixed_height_whatever_its_text(env, qtbot):
    """A new date, or a panel too narrow for the text, never changes the header's height
    (a word-wrapped label grew, and asked the main window for a second layout per step):
    the text is elided, and whole in the tooltip."""
    panel, cursor, _ = env
    height = panel.header.height()
    cursor.set_time(T("2025-06-11T12:00Z"))
    qtbot.waitUntil(lambda: "11 Jun 2025 12:00" in panel.header.text())
    panel.resize(120, 700)
    QCoreApplication.processEvents()
    assert panel.header.height() == height <= 2 * panel.fontMetrics().height()
    assert panel.header.toolTip() and "11 Jun 2025 12:00" in panel.header.toolTip()


def _rows_seen(tree):
    """What a person sees of each row: its text, colour, whether it shows; its reports."""
    out = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        children = [(item.child(j).text(0), item.child(j).isHidden())
                    for j in range(item.childCount())]
        out.append((item.text(0), item.foreground(0).color().name(), item.isHidden(),
                    item.isExpanded(), children))
    return out


def test_rows_kept_across_steps_read_as_rows_built_afresh(env, qtbot):
    from viewer.model.report_filter import ReportCriteria
    panel, cursor, selection = env
    panel.filter.set_criteria(ReportCriteria(unsourced_only=True))   # greys the sourced
    cursor.set_highlight_days(6.0)
    host = QWidget()
    qtbot.addWidget(host)
    greyed = 0
    for t in ("2025-06-01", "2025-06-05", "2025-06-09T08:30", "2025-06-10", "2025-06-12",
              "2025-06-20", "2025-06-23", "2025-06-05", "2025-06-09T08:30"):
        cursor.set_time(T(t))
        fresh = ReportsPanel(panel.situation, cursor, Selection(), panel.regions, host)
        fresh.filter.set_criteria(panel.filter.criteria)        # built anew with it
        seen = _rows_seen(panel.window_tree)
        assert seen == _rows_seen(fresh.window_tree), t
        greyed += sum(colour == "#8a8a8a" for _, colour, *_ in seen)
        assert panel.filter_note.text() == fresh.filter_note.text()
        fresh.setParent(None)
        fresh.deleteLater()
    assert greyed >= 4                      # the filter's marks were compared too
    host.close()


def test_the_details_get_a_quarter_of_the_panel_not_two_lines(env):
    """The list's size hint asks for every row: the details pane below it (where a
    selected change's reports are read) is shown a quarter of the height the two share,
    not the two lines of its minimum."""
    panel, _, _ = env
    list_height, details_height = panel.tabs.height(), panel.details.height()
    assert details_height >= 0.2 * (list_height + details_height), (list_height,
                                                                     details_height)
    line = panel.details.fontMetrics().lineSpacing()
    assert panel.details.text.viewport().height() >= 4 * line
