"""The navigation the window benchmark times (bench_window.py): drags and wheel notches
back to back (``navigate``: nothing can be prepared between them), then as a person who
pauses (``navigate_after_pauses``): drags ending at views not seen before, and notches
about where the pointer rests, the canvas's idle work (viewer.ui.canvas_idle) done in
each pause, untimed. ``steps`` is a bench_window.Steps: it times each action until the
event loop has settled."""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from frames import settle

if TYPE_CHECKING:
    from bench_window import Steps


def ms(seconds: float) -> float:
    return seconds * 1000.0


def p90(values: list[float]) -> float:
    return sorted(values)[int(0.9 * (len(values) - 1))]


def _mouse(canvas, kind, pos: QPointF, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    QApplication.sendEvent(canvas, QMouseEvent(kind, pos, canvas.mapToGlobal(pos), button,
                                               buttons, Qt.KeyboardModifier.NoModifier))


def activate(steps: Steps) -> None:
    """The window navigated is the active one, as the window a person uses is (only its
    canvas prepares anything while idle)."""
    steps.win.activateWindow()
    settle(steps.counter)
    assert steps.win.isActiveWindow()


def navigate(steps: Steps, drags: int = 3, moves: int = 10, zooms: int = 10,
             round_: int = 0) -> None:
    """Drag the map (press, moves of 6 x 2 px there and back, release), then zoom by a
    wheel notch in and out (two views, each seen again at every other notch: the labels'
    layouts are kept per view), then ``zooms // 2`` notches in about one point and as many
    out about another, points that move with ``round_`` (views never seen before, as
    when one zooms on into a place); back to the default view at the end."""
    canvas, left = steps.win.canvas, Qt.MouseButton.LeftButton
    activate(steps)
    for _ in range(drags):
        pos = QPointF(canvas.width() / 2, canvas.height() / 2)
        _mouse(canvas, QEvent.Type.MouseButtonPress, pos, left)
        for i in range(moves):
            pos = pos + QPointF(6, 2) * (1 if i < moves // 2 else -1)
            steps.run("drag step (6, 2) px", _mouse, canvas, QEvent.Type.MouseMove, pos, left)
        steps.run("end of drag", _mouse, canvas, QEvent.Type.MouseButtonRelease, pos,
                  Qt.MouseButton.NoButton)
    centre = canvas.rect().center().toPointF()
    for i in range(zooms):
        steps.run("zoom one wheel notch", canvas.zoom_by, 1.25 if i % 2 else 0.8, centre)
    inward = centre + QPointF(150 + 29 * round_, -90 + 17 * round_)
    outward = centre + QPointF(-210 + 23 * round_, 60 - 13 * round_)
    for i in range(zooms):
        steps.run("zoom, notches one way (new views)", canvas.zoom_by,
                  1.25 if i < zooms // 2 else 0.8, inward if i < zooms // 2 else outward)
    canvas.zoom_to_default()


def idle_done(canvas) -> None:
    """Run the event loop until the canvas has prepared what it prepares at a pause."""
    app = QApplication.instance()
    while canvas.idle.busy:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def _wheel(canvas, pos: QPointF, notches: int) -> None:
    QApplication.sendEvent(canvas, QWheelEvent(
        pos, canvas.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False))


def navigate_after_pauses(steps: Steps, drags: int = 3, moves: int = 5, zooms: int = 10,
                          round_: int = 0) -> None:
    """What a person who pauses does: drags one way (each ends at a view not seen
    before), then wheel notches about a point the pointer rests on before each, the
    canvas's idle work (canvas_idle) done in the pause, untimed: the notches' views as
    in ``navigate``'s new views. Back to the default view at the end."""
    canvas, left = steps.win.canvas, Qt.MouseButton.LeftButton
    activate(steps)
    for d in range(drags):
        pos = QPointF(canvas.width() / 2, canvas.height() / 2)
        idle_done(canvas)
        _mouse(canvas, QEvent.Type.MouseButtonPress, pos, left)
        for _ in range(moves):
            pos = pos + QPointF(6, 2) * (1 if d % 2 else -1)
            _mouse(canvas, QEvent.Type.MouseMove, pos, left)
            settle(steps.counter)
        steps.run("end of drag at a new view", _mouse, canvas,
                  QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.NoButton)
    centre = canvas.rect().center().toPointF()
    inward = centre + QPointF(150 + 29 * round_, -90 + 17 * round_)
    outward = centre + QPointF(-210 + 23 * round_, 60 - 13 * round_)
    for i in range(zooms):
        anchor = inward if i < zooms // 2 else outward
        _mouse(canvas, QEvent.Type.MouseMove, anchor, Qt.MouseButton.NoButton)
        idle_done(canvas)
        steps.run("zoom one wheel notch after a pause (new views)", _wheel, canvas, anchor,
                  1 if i < zooms // 2 else -1)
    canvas.zoom_to_default()


NAVIGATION = ("drag step (6, 2) px", "end of drag", "zoom one wheel notch",
              "zoom, notches one way (new views)", "end of drag at a new view",
              "zoom one wheel notch after a pause (new views)")


def report_navigation(nav: Steps) -> None:
    for label in NAVIGATION:
        values = nav.times[label]
        print(f"  {label}, whole window: median {ms(statistics.median(values)):.1f} ms, p90 "
              f"{ms(p90(values)):.1f} ms ({len(values)} steps)")
