"""View ▸ Compare: two dates A and B of the situation.

B is the time shown (the window's time cursor); A is typed (or set with
``set_a``) and defaults to 30 days before B. Three views, each drawn by the shared render
routine: swipe (A left of a divider dragged with the mouse, B right of it: compare_map),
side by side (two canvases locked to one view, each with its date: side_by_side) and
difference (the ground gained and lost between A and B, each one area, with its km² on
the map). The km² gained, lost and net between A and B, in total and per region, are
shown below the map in the interface language.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QLabel, QPlainTextEdit,
                               QStackedWidget, QVBoxLayout, QWidget)

from viewer.analysis.difference import LayerDifference
from viewer.model.display import DisplayOptions
from viewer.model.in_data import in_data
from viewer.render.compare_caption import caption_and_list
from viewer.render.language import (QT_TRANSLATE_NOOP, core_text, current_language, fill,
                                    translate)
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.ui.compare_figures import CompareFigures, DifferencePaths
from viewer.ui.compare_map import CompareMap
from viewer.ui.qt_utils import format_day, from_qdate, to_qdate
from viewer.ui.side_by_side import SideBySide
from viewer.ui.text_lines import show_lines
from viewer.ui.worker import BackgroundWorker

MODES = (("swipe", QT_TRANSLATE_NOOP("Compare", "Swipe")),
         ("side", QT_TRANSLATE_NOOP("Compare", "Side by side")),
         ("diff", QT_TRANSLATE_NOOP("Compare", "Difference")))
DEFAULT_GAP = timedelta(days=30)
STALE_AFTER_MS = 400       # figures of other dates shown this long are greyed


class CompareView(QWidget):
    """Mode, the date A (B is the cursor's time), the map and the km² between them."""

    a_changed = Signal(object)          # datetime: A, held to the data

    figures_shown = Signal()            # the km² of the dates shown are on screen

    def __init__(self, parent: QWidget | None = None, display: DisplayOptions | None = None,
                 worker: BackgroundWorker | None = None):
        super().__init__(parent)
        self.measurer = CompareFigures(worker, self)
        self.setWindowTitle(translate("Compare", "Compare"))
        self.mode_box = QComboBox(self)
        for key, label in MODES:
            self.mode_box.addItem(translate("Compare", label), key)
        self.a_edit = QDateEdit(self)
        self.a_edit.setCalendarPopup(True)
        self.a_edit.setDisplayFormat("d MMM yyyy")
        self.b_label = QLabel(self)
        # Opaque (filled as the window is): its text changes at every step, and a
        # see-through label's repaint has the whole window paint its background under it.
        self.b_label.setAutoFillBackground(True)
        self.map = CompareMap(self)                          # swipe and difference
        self.side = SideBySide(display or DisplayOptions(), self)
        self.maps = QStackedWidget(self)
        self.maps.addWidget(self.map)
        self.maps.addWidget(self.side)
        self.figures = QPlainTextEdit(self)           # plain text: names come from the file
        self.figures.setReadOnly(True)
        self.figures.setMaximumHeight(self.figures.fontMetrics().lineSpacing() * 8)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("Compare", "View:"), self))
        bar.addWidget(self.mode_box)
        bar.addSpacing(12)
        bar.addWidget(QLabel(translate("Compare", "A:"), self))
        bar.addWidget(self.a_edit)
        bar.addWidget(self.b_label)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.maps, 1)
        layout.addWidget(self.figures)
        self.scene: MapScene | None = None
        self.base: RenderSettings | None = None
        self.a: datetime | None = None
        self.caption: list[tuple[str, str]] = []
        self._head = ""
        self._measured = ""             # the figures' text shown (of this scene)
        self._stale = QTimer(self)      # greys the last figures if a step's are slow
        self._stale.setSingleShot(True)
        self._stale.setInterval(STALE_AFTER_MS)
        self._stale.timeout.connect(self._grey_figures)
        self.mode_box.currentIndexChanged.connect(self._on_mode)
        self.a_edit.dateChanged.connect(self._on_a_typed)

    @property
    def mode(self) -> str:
        return self.mode_box.currentData()

    def set_mode(self, mode: str) -> None:
        self.mode_box.setCurrentIndex([k for k, _ in MODES].index(mode))

    def show_situation(self, scene: MapScene, base: RenderSettings, view=None) -> None:
        """Show ``scene`` with B = ``base.at``; A stays where it was (first time: 30
        days before B, held to the data)."""
        first = self.scene is not scene
        self.scene, self.base = scene, base
        self.measurer.hold()                # (its figures measured once it has painted)
        self._measured = "" if first else self._measured
        if first or self.a is None:
            self.a = in_data(scene.situation, base.at - DEFAULT_GAP).at
        self._sync_a_edit()
        _set_text(self.b_label, fill(translate("Compare", "B: %1 (the time shown)"),
                                     format_day(base.at)))
        self.side.show_scene(scene, base.palette, view if first else None)
        self._update_figures()
        self._show_maps(view if first else None)

    def set_a(self, a: datetime) -> None:
        shown = in_data(self.scene.situation, a)
        self.a = shown.at
        self.measurer.hold()
        self._sync_a_edit()
        self._update_figures(core_text(shown.note))
        self._show_maps()
        self.a_changed.emit(self.a)

    def big_display_made(self, key: tuple) -> None:
        """A big state's Display was made by the window's builder: the maps lacking it
        are drawn again."""
        self.side.left.big_display_made(key)
        self.side.right.big_display_made(key)
        self.map.big_display_made(key)

    def states_dissolved(self) -> None:
        """The states' outlines were adopted: every map is drawn anew with them."""
        self.map.states_dissolved()
        self.side.states_dissolved()

    def _show_maps(self, view=None) -> None:
        """The map of the mode shown brought to A, B and the view (the other waits)."""
        if self.mode == "side":
            self.maps.setCurrentWidget(self.side)
            self.side.set_dates(self.a, self.base.at)
        else:
            self.maps.setCurrentWidget(self.map)
            self.map.show_dates(self.scene, self.base, self.a, self.mode, view)

    def _sync_a_edit(self) -> None:
        """The A field shows A (set only when it differs: setting it repaints it)."""
        date = to_qdate(self.a)
        if self.a_edit.date() != date:
            self.a_edit.blockSignals(True)
            self.a_edit.setDate(date)
            self.a_edit.blockSignals(False)

    def _on_a_typed(self, date: QDate) -> None:
        if self.scene is not None:
            self.set_a(from_qdate(date))

    def _on_mode(self, index: int) -> None:
        """The new mode's map keeps the view of the one left (its centre and scale)."""
        if self.scene is None:
            return
        if self.maps.currentWidget() is self.side and self.mode != "side":
            self.map.follow_view(self.side.left.view_state)
        elif self.maps.currentWidget() is self.map and self.mode == "side":
            self.side.follow_view(self.map.state)
        self._show_maps()
        if self.mode == "diff" and not self.map.difference_shown:
            self._measure()             # (its areas: measured for the difference only)

    def _update_figures(self, note: str | None = None) -> None:
        """The km² between A and B of the layers shown, measured in the background
        (compare_figures.py). Until they come, the last figures stay (their first line
        names their dates), greyed only if they take longer than STALE_AFTER_MS, so
        that a step whose figures come at once repaints the box once, when they are
        there, or not at all if its text is the same; the first time, the dates and
        "measuring"."""
        head = fill(translate("Compare", "Between A (%1) and B (%2):"), format_day(self.a),
                    format_day(self.base.at))
        if note:
            head = fill(translate("Compare", "A: %1."), note) + " " + head
        self._head = head
        self.caption = []
        self.map.set_caption([])
        if not self._measured:
            self._stale.stop()
            self.figures.setEnabled(True)           # (a no-op when it is)
            self.figures.setPlainText(head + "\n" + translate("Compare", "Measuring…"))
        elif self.isVisible() and self.figures.isEnabled() and not self._stale.isActive():
            self._stale.start()
        self._measure()

    def _measure(self) -> None:
        """Have the worker measure A and B: the km², and the difference's areas when the
        difference is shown (the swipe and side by side draw none: switched to it, they
        are measured then, _on_mode)."""
        shown = tuple(layer.id for layer in self.base.visible_layers(self.scene.situation))
        self.measurer.measure(self.scene, self.a, self.base.at, shown, self._on_measured,
                              paths=self.mode == "diff")

    def _on_measured(self, result: DifferencePaths | list[LayerDifference]) -> None:
        """The difference's areas (first), then its km² (compare_figures.py)."""
        if isinstance(result, DifferencePaths):
            self.map.adopt_difference(result.paths)
        else:
            self.measurer.job = None
            self._show_figures(result)

    def _show_figures(self, diffs: list[LayerDifference]) -> None:
        """On the difference map (the regions where most changed) and below the maps
        (every region)."""
        situation, lang = self.scene.situation, current_language()
        self.caption, every_line = caption_and_list(situation, diffs, lang)
        self.map.set_caption(self.caption)
        lines = [self._head] + [text for text, _ in every_line]
        text = "\n".join(lines)
        self._stale.stop()
        if text != self._measured:
            show_lines(self.figures, lines)     # (those that differ: scrolled, it stays)
        if not self.figures.isEnabled():
            self.figures.setEnabled(True)
        self._measured = text
        self.figures_shown.emit()

    def _grey_figures(self) -> None:
        """The figures shown are of other dates, and the step's are still measured."""
        self.figures.setEnabled(False)

    def closeEvent(self, event) -> None:
        self._stale.stop()
        super().closeEvent(event)


def _set_text(label: QLabel, text: str) -> None:
    """``text`` on ``label``, if it shows another (setting it repaints it)."""
    if label.text() != text:
        label.setText(text)
