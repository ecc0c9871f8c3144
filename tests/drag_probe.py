"""Run under xvfb-run by test_ui_report_drag.test_real_drag_under_xvfb: real mouse drags
in the real window (xcb). Prints the links each drag made, one line each."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from factories import D  # noqa: E402
from ui_helpers import pixel_point, window_on_all_changes  # noqa: E402

app = QApplication(sys.argv[:1])

from viewer.ui import report_items as ri  # noqa: E402


def move(widget, pos: QPoint) -> None:
    QApplication.sendEvent(widget, QMouseEvent(
        QEvent.Type.MouseMove, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def drag(source, start: QPoint, target, end: QPoint) -> None:
    """Press at ``start`` in ``source``, move until Qt's drag loop runs, then (inside
    it) move over ``target`` and release at ``end``."""
    def inside_the_drag_loop():
        for k in range(1, 6):
            move(target, end + QPoint(6 - k, 0))
        QTest.mouseRelease(target, Qt.MouseButton.LeftButton, pos=end)
    QTest.mousePress(source, Qt.MouseButton.LeftButton, pos=start)
    QTimer.singleShot(150, inside_the_drag_loop)
    for k in range(1, 5):
        move(source, start + QPoint(0, 6 * k))      # past the start-drag distance
    QTest.qWait(300)


def choose(window, role: str) -> None:
    menu = window.report_tools.drops.menu
    assert menu is not None and menu.isVisible(), "no roles menu after the drop"
    for action in menu.actions():
        if action.text() == role:
            menu.setActiveAction(action)
    QTest.keyClick(menu, Qt.Key.Key_Return)
    QTest.qWait(50)


def new_links(window, before) -> list[str]:
    return sorted(f"{k.report_id} {k.role} {k.change_id}" for k in window.situation.links
                  if k not in before)


def main() -> int:
    w = window_on_all_changes(QTest.qWaitForWindowExposed, (1400, 900))
    QTest.qWait(100)
    panel = w.reports_panel
    tree = panel.window_tree
    items = tree.items()
    source = next(i for i in items if i.data(0, ri.REPORT_ID) == "r2")
    target = next(i for i in items if i.data(0, ri.KIND) == "change"
                  and i.data(0, ri.CHANGE_ID) == "adv@2025-06-05T00:00:00Z")
    before = list(w.situation.links)
    drag(tree.viewport(), tree.visualItemRect(source).center(), tree.viewport(),
         tree.visualItemRect(target).center())
    choose(w, "confirms")
    print("tree:", *new_links(w, before))

    w.cursor_model.set_time(D[25])
    panel.tabs.setCurrentWidget(panel.all_tree)
    QTest.qWait(50)
    r1 = next(i for i in panel.all_tree.items() if i.data(0, ri.REPORT_ID) == "r1")
    before = list(w.situation.links)
    drag(panel.all_tree.viewport(), panel.all_tree.visualItemRect(r1).center(), w.canvas,
         pixel_point(w.canvas, 31.7, 48.7))
    choose(w, "claims")
    print("map:", *new_links(w, before))
    w.edits.stack.setClean()
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
