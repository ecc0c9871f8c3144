"""Running the event loop until a window has finished painting, and counting what it did.

``QApplication.processEvents()`` delivers the events pending when it is called, and most
of what those post in turn, but not always all of it: a widget's ``update()`` posts one
low-priority UpdateRequest to its window (the window then paints every dirty widget into
its backing store, a "frame"); a QGraphicsScene (the pyqtgraph chart) first collects its
dirty items in a queued call, which then updates the view's viewport; a label whose text
changes posts LayoutRequests up to the main window, whose dock layout then runs again and
may post a second frame. So ``settle`` calls ``processEvents()`` again and again until a
call delivers no event at all: then nothing is pending and every widget has painted.
No sleeping, no timer: a pass that delivers nothing takes microseconds.

``EventCounter`` is an application-wide event filter that sees every delivered event (it
is also how ``settle`` knows a pass delivered none): paints per widget, frames and layout
requests of the top-level windows.
"""

from __future__ import annotations

import time
from collections import Counter

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

IGNORED = frozenset({QEvent.Type.Timer, QEvent.Type.ZeroTimerEvent})
MAX_PASSES = 10_000         # a window that never settles is a bug: fail loudly


class EventCounter(QObject):
    """Counts the events the application delivers (timer ticks aside), and of them the
    paints of each widget, the frames (UpdateRequests) and the LayoutRequests of windows."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.events = 0
        self.paints: Counter = Counter()        # widget -> paint events
        self.frames = 0
        self.window_layouts = 0
        app.installEventFilter(self)

    def reset(self) -> None:
        self.paints.clear()
        self.frames = self.window_layouts = 0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in IGNORED:
            return False
        self.events += 1
        if kind == QEvent.Type.Paint:
            self.paints[obj] += 1
        elif kind in (QEvent.Type.UpdateRequest, QEvent.Type.LayoutRequest) \
                and isinstance(obj, QWidget) and obj.isWindow():
            if kind == QEvent.Type.UpdateRequest:
                self.frames += 1
            else:
                self.window_layouts += 1
        return False

    def painted(self, widget: QWidget) -> int:
        return self.paints.get(widget, 0)


def settle(counter: EventCounter) -> int:
    """Process events until a pass delivers none (everything posted has run and every
    widget has painted); returns the number of passes."""
    for passes in range(1, MAX_PASSES + 1):
        before = counter.events
        QApplication.processEvents()
        if counter.events == before:
            return passes
    raise RuntimeError(f"events still flowing after {MAX_PASSES} passes: something "
                       "keeps repainting or re-posting")


class Ticker:
    """A 1 ms timer's ticks, from ``start()``: the gaps between them are how long the
    event loop (and with it the window) was blocked at once."""

    def __init__(self, parent: QObject) -> None:
        from PySide6.QtCore import QTimer
        self.ticks: list[float] = []
        self.t0 = 0.0
        self._timer = QTimer(parent)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def start(self) -> float:
        """Start ticking; returns the start time (perf_counter), the gaps' origin."""
        self.t0 = time.perf_counter()
        self._timer.start()
        return self.t0

    def stop(self) -> None:
        self._timer.stop()
        self._timer.deleteLater()

    def gaps(self, shown: int | None = None) -> list[tuple[float, float]]:
        """The ``shown`` longest gaps (all: None), longest first, as (gap s, seconds
        after the start it began); the first counts from the start."""
        pairs = zip([self.t0] + self.ticks, self.ticks)
        gaps = sorted(((b - a, a - self.t0) for a, b in pairs), reverse=True)
        return gaps if shown is None else gaps[:shown]
