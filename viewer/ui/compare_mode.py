"""View ▸ Compare (C): opens the comparison window beside the main one and keeps it in
step: B follows the time cursor, the view starts as the canvas's, and while it is open
the highlight window is (A, B], so the reports panel lists the changes between the two
dates and their reports, and the timeline shows it as a band, with A as a second cursor
line that can be dragged. Closing it restores the highlight window. The main map's
windows (A, t] of the next change dates are made ahead in the worker
(compare_figures.make_ahead), so a step of B merges none on the GUI thread."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from viewer.ui.compare_view import CompareView
from viewer.ui.qt_utils import ModelConnections
from viewer.ui.timeline_band import DateLine

if TYPE_CHECKING:
    from viewer.ui.main_window import MainWindow


class CompareMode(QObject):
    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.view: CompareView | None = None
        self._saved_days: float | None = None
        self._conns: ModelConnections | None = None
        self.a_line: DateLine | None = None

    @property
    def active(self) -> bool:
        return self.view is not None and self.view.isVisible()

    def toggle(self) -> None:
        self.close() if self.active else self.open()

    def open(self, a: datetime | None = None) -> CompareView:
        w = self.window
        if self.view is None:
            self.view = CompareView(w, w.display, w.worker)
            self.view.setWindowFlag(Qt.WindowType.Window, True)
            self.view.resize(w.canvas.width(), w.canvas.height() + 120)
            self.view.a_changed.connect(self._on_a)
            self._conns = ModelConnections(self.view)
            self._conns.connect(w.cursor_model.time_changed, self._on_time)
            self._conns.connect(w.display.changed, self._on_display)
            w.big_layers.made.connect(self.view.big_display_made)      # (a Qt signal)
            w.measuring.dissolved.connect(self.view.states_dissolved)
            self._saved_days = w.cursor_model.highlight_days
            self.a_line = DateLine(w.timeline.chart, w.cursor_model.time, self._on_line)
        self.refresh()
        if a is not None:
            self.view.set_a(a)
        self.a_line.set_date(self.view.a)
        self._set_window_days()
        self.view.show()
        return self.view

    def close(self) -> None:
        if self.view is None:
            return
        view, self.view = self.view, None
        view.measurer.cancel()                  # its km² are no longer wanted
        view.measurer.cancel_ahead()
        self._conns.disconnect_all()
        self.window.big_layers.made.disconnect(view.big_display_made)
        self.window.measuring.dissolved.disconnect(view.states_dissolved)
        self.a_line.remove()
        self.a_line = None
        view.close()
        view.deleteLater()
        self.window.cursor_model.set_highlight_since(None)
        if self._saved_days is not None:
            self.window.cursor_model.set_highlight_days(self._saved_days)
        self._saved_days = None

    def refresh(self) -> None:
        w = self.window
        settings = w.canvas.render_settings(decorations=True, highlight_days=0.0,
                                            highlight_since=None, credits="full")
        self.view.show_situation(w.loaded.scene, settings, view=w.canvas.view_rect())

    def _on_time(self, t) -> None:
        self.refresh()
        self._make_ahead()

    def _on_display(self, key: str) -> None:
        self.refresh()

    def _on_a(self, a: datetime) -> None:
        self._set_window_days()
        self.a_line.set_date(a)

    def _on_line(self, a: datetime) -> None:
        """A dragged on the timeline."""
        if self.view is not None and a != self.view.a:
            self.view.set_a(a)

    def _set_window_days(self) -> None:
        """The highlight window (A, B], held to A as B moves: the reports panel lists
        the changes between."""
        if self.view is None or self.view.a is None:
            return
        self.window.cursor_model.set_highlight_since(self.view.a)
        self._make_ahead()

    def _make_ahead(self) -> None:
        """The main map's next windows (A, t], made in the worker."""
        view = self.view
        if view is None or view.a is None or view.scene is None:
            return
        visible = frozenset(layer.id for layer in view.base.visible_layers(view.scene.situation))
        view.measurer.make_ahead(view.scene, view.a, self.window.cursor_model.time, visible)
