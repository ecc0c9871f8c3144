"""Dragging a report onto a change links it, in the reports panel and on the map.

Offscreen, QDrag.exec() returns at once (the platform has no drag loop), so these tests
take the drag's data from the tree itself (its own mimeData() for the row a person would
drag) and send the drag-enter, -move and drop events Qt would send to the widget under
the pointer. test_real_drag_under_xvfb drags with the mouse in a real X window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from ui_helpers import isolate_settings, pixel_point, window_on_all_changes
from viewer.ui import report_items as ri

GAIN5, CLAIM10 = "adv@2025-06-05T00:00:00Z", "claim@2025-06-10T00:00:00Z"
ACTIONS = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
# the roles menu is a popup: the offscreen platform can't raise it or grab the keyboard
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (raise\(\)|grabbing the keyboard)$")


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    """A shown window, not handed to qtbot (which would close it before this fixture's
    teardown, and an edited window asks before closing): marked saved, then closed."""
    isolate_settings(monkeypatch, tmp_path)
    w = window_on_all_changes(qtbot.waitExposed)
    yield w
    w.edits.stack.setClean()
    w.close()
    w.deleteLater()


def row(tree, kind: str, report: str | None = None, change: str | None = None):
    return next(i for i in tree.items() if i.data(0, ri.KIND) == kind
                and (report is None or i.data(0, ri.REPORT_ID) == report)
                and (change is None or i.data(0, ri.CHANGE_ID) == change))


def drag_events(widget, mime: QMimeData, pos: QPoint) -> tuple[bool, bool, bool]:
    """Enter, move to ``pos`` and drop there; whether each was accepted."""
    enter = QDragEnterEvent(pos, ACTIONS, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(pos, ACTIONS, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, move)
    if not move.isAccepted():
        return enter.isAccepted(), False, False
    drop = QDropEvent(QPointF(pos), ACTIONS, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), True, drop.isAccepted()


def pick(qtbot, window, role: str) -> None:
    """Choose ``role`` in the roles menu the drop offers, with the keyboard."""
    menu = window.report_tools.drops.menu
    qtbot.waitUntil(menu.isVisible)
    names = [a.text() for a in menu.actions()[1:]]
    steps = names.index(role)               # the first role is the active entry
    for _ in range(steps):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not menu.isVisible())


def test_drop_a_report_row_on_a_change_row(qtbot, window):
    w = window
    tree = w.reports_panel.window_tree
    source = row(tree, "report", "r2", CLAIM10)          # Ministry M, under the claim
    mime = tree.mimeData([source])
    target = tree.visualItemRect(row(tree, "change", change=GAIN5)).center()
    assert drag_events(tree.viewport(), mime, target) == (True, True, True)
    menu = w.report_tools.drops.menu
    assert menu.actions()[0].text() == "Link to 1 change(s) as:"
    # its present role first
    assert [a.text() for a in menu.actions()[1:]] == ["claims", "reports", "confirms",
                                                       "disputes"]
    pick(qtbot, w, "confirms")
    assert ("r2", "confirms") in [(r.id, role) for r, role in w.situation.reports_for(GAIN5)]
    assert w.edit_actions.undo.text().replace("&", "") == \
        "Undo Link report 'Ministry M, 6 Jun' to change Advance, 5 Jun 2025 as confirms"
    under = row(w.reports_panel.window_tree, "report", "r2", GAIN5)
    assert under.text(1) == "confirms"
    assert w.isWindowModified()
    w.edit_actions.undo.trigger()
    assert "r2" not in [r.id for r, _ in w.situation.reports_for(GAIN5)]


def test_drop_on_a_report_row_links_to_its_change_and_empty_space_refuses(qtbot, window):
    w = window
    tree = w.reports_panel.window_tree
    mime = tree.mimeData([row(tree, "report", "r1", GAIN5)])
    below = QPoint(10, tree.viewport().height() - 3)      # under the last row
    assert tree.itemAt(below) is None
    assert drag_events(tree.viewport(), mime, below) == (True, False, False)
    on_report = tree.visualItemRect(row(tree, "report", "r2", CLAIM10)).center()
    assert drag_events(tree.viewport(), mime, on_report)[2]
    pick(qtbot, w, "reports")
    assert ("r1", "reports") in [(r.id, role) for r, role in w.situation.reports_for(CLAIM10)]
    # a change row gives no drag data; nor does anything from elsewhere drop here
    assert tree.mimeData([row(tree, "change", change=GAIN5)]) is None
    text = QMimeData()
    text.setText("r1")
    assert drag_events(tree.viewport(), text, on_report)[0] is False


def test_drop_a_report_on_a_change_on_the_map(qtbot, window):
    w = window
    panel = w.reports_panel
    panel.tabs.setCurrentWidget(panel.all_tree)
    mime = panel.all_tree.mimeData([row(panel.all_tree, "report", "r1")])
    inside_claim = pixel_point(w.canvas, 31.7, 48.7)
    assert [c.id for c in w.canvas.changes_at(QPointF(inside_claim))] == [CLAIM10]
    assert drag_events(w.canvas, mime, inside_claim) == (True, True, True)
    pick(qtbot, w, "claims")
    assert ("r1", "claims") in [(r.id, role) for r, role in w.situation.reports_for(CLAIM10)]
    # outside every change of the window: nothing to drop on
    assert drag_events(w.canvas, mime, pixel_point(w.canvas, 32.5, 47.8))[1] is False
    n = len(w.situation.links)
    menu = w.report_tools.drops.menu
    assert not menu.isVisible() and len(w.situation.links) == n


def test_escape_in_the_roles_menu_links_nothing(qtbot, window):
    w = window
    tree = w.reports_panel.window_tree
    mime = tree.mimeData([row(tree, "report", "r2", CLAIM10)])
    target = tree.visualItemRect(row(tree, "change", change=GAIN5)).center()
    before = list(w.situation.links)
    drag_events(tree.viewport(), mime, target)
    menu = w.report_tools.drops.menu
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert w.situation.links == before and not w.isWindowModified()


PROBE = Path(__file__).with_name("drag_probe.py")


@pytest.mark.skipif(shutil.which("xvfb-run") is None,
                    reason="xvfb-run is missing: install the xvfb package (CI does) to run the "
                           "real drag test")
def test_real_drag_under_xvfb(tmp_path):
    """With the mouse, on the real xcb platform: press a report row, move, release over a
    change row (Qt's own drag loop runs), choose a role; then from All reports onto the
    map."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    res = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable,
                          str(PROBE)], capture_output=True, text=True, timeout=180, env=env)
    assert res.returncode == 0, res.stdout + res.stderr
    assert res.stdout.splitlines()[-2:] == [
        f"tree: r2 confirms {GAIN5}", f"map: r1 claims {CLAIM10}"], res.stdout + res.stderr
