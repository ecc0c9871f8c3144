"""While the time rests, the reports panel makes the rows of the changes nearest it
ahead of their window: a step or jump then finds its rows made, and they read as rows
built afresh (reports_panel._make_ahead, window_rows.make_ahead)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from test_ui_reports import T, _rows_seen, env  # noqa: F401 (a fixture)
from viewer.model.report_filter import ReportCriteria
from viewer.model.selection import Selection
from viewer.ui.report_items import CHANGE_ID
from viewer.ui.reports_panel import ReportsPanel
from viewer.ui.window_rows import nearest_first


def test_a_jump_after_a_rest_finds_its_rows_made(env, qtbot, monkeypatch):  # noqa: F811
    panel, cursor, _ = env
    panel.filter.set_criteria(ReportCriteria(unsourced_only=True))   # marks rows too
    cursor.set_highlight_days(2.0)
    cursor.set_time(T("2025-06-02"))
    made = []
    describe = panel.describe
    row = describe.change_row
    monkeypatch.setattr(describe, "change_row", lambda c: (made.append(c.id), row(c))[1])
    tree = panel.window_tree
    listed = {tree.topLevelItem(i).data(0, CHANGE_ID) for i in range(tree.topLevelItemCount())}
    ahead = {c.id for c in panel.situation.changes} - listed
    assert ahead
    # at rest: each row made ahead, or kept from the window shown before
    qtbot.waitUntil(lambda: set(panel._rows._pool) == ahead, timeout=5000)
    assert made
    made.clear()
    host = QWidget()
    qtbot.addWidget(host)
    for t in ("2025-06-05T12:00", "2025-06-09T09:00", "2025-06-21", "2025-06-10"):
        cursor.set_time(T(t))
        assert made == [], t                # every row was made ahead (or kept)
        fresh = ReportsPanel(panel.situation, cursor, Selection(), panel.regions, host)
        fresh.filter.set_criteria(panel.filter.criteria)
        assert _rows_seen(panel.window_tree) == _rows_seen(fresh.window_tree), t
        fresh.setParent(None)
        fresh.deleteLater()


def test_the_changes_nearest_the_time_come_first():
    from types import SimpleNamespace
    changes = [SimpleNamespace(at=T(f"2025-06-{d:02d}")) for d in (1, 3, 4, 8, 20)]
    order = [c.at.day for c in nearest_first(changes, T("2025-06-05"))]
    assert order == [4, 3, 8, 1, 20]
    assert [c.at.day for c in nearest_first(changes, T("2025-06-30"), 2)] == [20, 8]
    assert [c.at.day for c in nearest_first(changes, T("2025-05-01"))] == [1, 3, 4, 8, 20]


def test_closing_the_window_stops_the_making_ahead(qtbot):
    """A step starts the wait for a rest; the window closed before it ends leaves no
    timer running (it made rows for a panel no one sees)."""
    from PySide6.QtCore import QTimer
    from ui_helpers import open_window
    window = open_window(qtbot)
    situation = window.situation
    window.cursor_model.set_time(situation.changes[-1].at)
    assert any(t.isActive() for t in window.reports_panel.findChildren(QTimer))
    window.close()
    assert not [t for t in window.findChildren(QTimer) if t.isActive()]


def test_a_long_series_finds_its_rows_made_far_from_the_rest(qtbot, monkeypatch):
    """A series with more changes than the old pool (1,024 rows, which a 1,826-state
    DeepState series passes): at rest, every change's row is made, so a jump to the far
    end of the series makes none, as in a short series (a step costs the same whatever
    the series' length)."""
    from datetime import timedelta
    from shapely.geometry import box
    from viewer.model import History, Layer, Situation
    from viewer.model.cursor import TimeCursor
    start = T("2020-01-01")
    # a gain, then a loss, one a day: 1,100 changes, each its own row
    front = History.from_states("front", [
        (start + timedelta(days=k), box(0, 0, 0.1 + 0.0005 * k + 0.3 * (k % 2), 1))
        for k in range(1101)])
    situation = Situation(layers=[Layer("front", "Front", "assessed-control", front)])
    changes = situation.changes
    assert len(changes) == 1100
    cursor = TimeCursor(situation.start, situation.end, [c.at for c in changes])
    cursor.set_highlight_days(3.0)
    cursor.set_time(changes[-1].at)
    host = QWidget()
    qtbot.addWidget(host)
    panel = ReportsPanel(situation, cursor, Selection(), None, host)
    panel.resize(400, 500)
    host.resize(400, 500)
    host.show()
    qtbot.waitExposed(host)
    listed = len(panel._rows.ids)
    assert listed == 3
    qtbot.waitUntil(lambda: len(panel._rows._pool) == len(changes) - listed, timeout=20000)
    made = []
    describe = panel.describe
    row = describe.change_row
    monkeypatch.setattr(describe, "change_row", lambda c: (made.append(c.id), row(c))[1])
    cursor.set_time(changes[10].at)         # the far end: the last to be made ahead
    assert made == []
    assert panel._rows.ids == [c.id for c in reversed(changes[8:11])]
    host.close()
