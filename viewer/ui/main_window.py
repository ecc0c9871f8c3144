"""The main window: the map in the centre, Layers / Regions / Reports / Timeline docks,
menus and a status bar. Opening and saving files is its FileController's (``files``),
exporting images its ImageExporter's (``images``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from viewer.model import Situation
from viewer.model.cursor import TimeCursor
from viewer.model.display import DisplayOptions
from viewer.model.selection import Selection
from viewer.model.text import safe_line
from viewer.model.times import to_utc
from viewer.ui.analytics_wiring import AnalyticsWiring
from viewer.ui.actions import NavigationKeyGuard, create_actions, fill_region_menu
from viewer.ui.place_finder import PlaceFinder
from viewer.ui.canvas import MapCanvas
from viewer.render.language import current_language, translate
from viewer.ui.big_layer_builder import BigLayerBuilder
from viewer.ui.collector import situation_adopted, window_closed
from viewer.ui.compare_actions import add_compare_actions
from viewer.ui.dock_layout import restore_layout, save_layout, size_default_docks
from viewer.ui.file_controller import FileController
from viewer.ui.edit_actions import EditActions
from viewer.ui.edit_session import EditSession
from viewer.ui.help_windows import ShortcutsDialog, UserGuideDialog, show_about
from viewer.ui.image_export import ImageExporter
from viewer.ui.jump_date import jump_to
from viewer.ui.loader import FirstView, LoadedSituation, prepare
from viewer.ui.map_tools import MapTools
from viewer.ui.measuring import RegionMeasuring
from viewer.ui.recent_files import app_settings
from viewer.ui.qt_utils import ModelConnections
from viewer.ui.report_tools import ReportTools
from viewer.ui.sketch_actions import SketchActions
from viewer.ui.status_bar import StatusReadout
from viewer.ui.window_docks import create_docks
from viewer.ui.worker import BackgroundWorker, hold_background

EPOCH = datetime(2000, 1, 1)
MINIMUM_SIZE = (720, 480)
SHOWN_QUIET_S = 0.15        # background jobs wait this long as a situation is shown


class MainWindow(QMainWindow):
    situation_loaded = Signal(object)   # LoadedSituation now shown
    _measure_later = Signal(object)     # queued: measure regions after the first paint

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Situation Viewer"))
        # An explicit minimum, so the layout never changes it once the window is shown:
        # platforms without size hints (offscreen) would warn at each change.
        self.setMinimumSize(MINIMUM_SIZE[0], MINIMUM_SIZE[1])
        self.settings = app_settings()
        self.cursor_model = TimeCursor(to_utc(EPOCH), to_utc(EPOCH))
        self.selection = Selection()
        self.display = DisplayOptions()
        self.loaded = prepare(Situation())

        self.canvas = MapCanvas(self.cursor_model, self.selection, self.display, self)
        self.canvas.set_decorations(self.settings.value("view/decorations", True, type=bool))
        self.setCentralWidget(self.canvas)
        create_docks(self)             # the panels and their docks
        self.status = StatusReadout(self.statusBar(), self)
        self.canvas.pointer_moved.connect(self._on_pointer)
        self.images = ImageExporter(self)
        self.worker = BackgroundWorker(self)
        self.files = FileController(self, self.worker)
        self.measuring = RegionMeasuring(self.worker, self)
        self.measuring.measured.connect(self._on_regions_measured)
        self.measuring.dissolved.connect(self.canvas.states_dissolved)  # (a few shades move)
        self.analytics = AnalyticsWiring(self)       # the Settlements dock, chart series
        self.big_layers = BigLayerBuilder(self)         # big states drawn for the zoom
        self.big_layers.progress.connect(self.status.show_message)
        self.big_layers.made.connect(self.canvas.big_display_made)
        self.window_actions = create_actions(self)
        self.files.attach_recent_menu(self.window_actions.recent_menu)
        self.analytics.add_actions(self.window_actions.view_menu)
        self.finder = PlaceFinder(self, self.canvas.zoom_to_lonlat)
        self.window_actions.view_menu.addAction(self.finder.action)
        self.compare_actions = add_compare_actions(self)
        self._conns = ModelConnections(self)
        self._conns.connect(self.cursor_model.playing_changed, self._on_playing)
        self._key_guard = NavigationKeyGuard(self)
        # Queued behind the canvas's pending repaint: the map shows first, then the
        # worker measures the layers in each region for the Regions panel.
        self._measure_later.connect(self._measure_shown, Qt.ConnectionType.QueuedConnection)
        self.edits = EditSession(self)
        self.edit_actions = EditActions(self, self.edits)
        self.sketching = SketchActions(self)       # Edit ▸ Sketch Area…, a map tool
        self.report_tools = ReportTools(self)
        self.map_tools = MapTools(self)     # ruler, marked place, Place panel, coordinates
        self._default_docks = not restore_layout(self)   # sized once shown, if not
        self.canvas.setFocus()

    # -- docks ---------------------------------------------------------------------------
    def docks(self) -> list[QDockWidget]:
        return [self.layers_dock, self.regions_dock, self.analytics.dock, self.reports_dock,
                self.timeline_dock]

    # -- showing a situation -------------------------------------------------------------
    @property
    def situation(self) -> Situation:
        return self.loaded.situation

    @property
    def path(self) -> Path | None:
        return self.loaded.path

    def set_situation(self, situation: Situation, path: str | Path | None = None,
                      at: datetime | None = None) -> None:
        """Show an in-memory situation at once (no background load)."""
        self.files.forget_pending()
        self.show_loaded(prepare(situation, Path(path) if path else None), at)

    def show_loaded(self, loaded: LoadedSituation, at: datetime | None = None) -> None:
        """Show a prepared situation at ``at`` (default: its own default time)."""
        s = loaded.situation
        self.cursor_model.set_playing(False)
        self.compare_mode.close()
        self.selection.clear()
        self.measuring.cancel()             # of the situation shown until now
        self.loaded = loaded
        first_view = self.canvas.showing_first_view     # of this file: its big states
        if first_view:                                  # made (or being made) are kept
            loaded.scene.big.adopt_states(self.canvas.scene.big)
        self.canvas.set_scene(loaded.scene, keep_view=self.canvas.first_view_navigated(),
                              labels_later=first_view)
        self.big_layers.attach(loaded.scene, same_states=first_view)
        self.layers_panel.set_situation(s, loaded.areas)
        self.reports_panel.set_situation(s, loaded.regions)
        self.regions_panel.set_situation(s)
        start = s.start or s.meta.default_time or self.cursor_model.time
        end = s.end or start
        self.cursor_model.set_span(start, end, [c.at for c in s.changes])
        self.cursor_model.set_highlight_days(s.meta.highlight_days)
        if at is not None:
            jump_to(self, at)           # outside the data: the status bar says so
        else:
            self.cursor_model.set_time(s.meta.default_time or end)
        self.timeline.set_situation(s, loaded.areas)
        self.finder.set_situation(s)
        self.update_title()
        fill_region_menu(self.window_actions.region_menu, s.own_regions,
                         lambda region: self.canvas.zoom_to_lonlat(region.geometry.bounds))
        self.situation_loaded.emit(loaded)
        if s.layers:
            self._measure_later.emit(loaded)
        situation_adopted()                 # long-lived: out of the collector's walks
        hold_background(SHOWN_QUIET_S)      # its first frames before the jobs' GIL use
        QTimer.singleShot(0, loaded.painted.set)    # (after the frame: the jobs go on)

    def show_first_view(self, view: FirstView) -> None:
        """Paint a file's first view now (the rest of it is read meanwhile, then shown by
        ``show_loaded``); the panels keep the situation shown until then. The worker goes
        on once the event loop is back (a zero timer): the frame is handled before it."""
        self.canvas.show_first_view(view.scene, view.at)
        self.big_layers.attach(view.scene)
        situation_adopted()
        self.canvas.repaint()
        QTimer.singleShot(0, view.painted.set)

    def drop_first_view(self) -> None:
        """The file whose first view is shown could not be opened: back to what was shown."""
        if self.canvas.showing_first_view:
            self.canvas.set_scene(self.loaded.scene)
            self.big_layers.attach(self.loaded.scene)

    def _measure_shown(self, loaded: LoadedSituation) -> None:
        if loaded is self.loaded:           # not replaced while the request was queued
            self.measuring.measure(loaded)

    def _on_regions_measured(self, measured) -> None:
        """Adopt the worker's measured region figures (None: measuring failed)."""
        if measured is None or measured.situation is self.situation:
            if measured is not None:
                self.loaded.regions = measured
            self.regions_panel.set_figures(measured)
            self.reports_panel.set_region_figures(measured)

    def zoom_to_region(self, region_id: str) -> None:
        region = next((r for r in self.situation.regions if r.id == region_id), None)
        if region is not None:
            self.canvas.zoom_to_lonlat(region.geometry.bounds)

    def update_title(self) -> None:
        name = self.path.name if self.path else self.tr("not saved")
        self.setWindowTitle(f"{safe_line(self.situation.meta.title, 120)} — {safe_line(name, 80)}"
                            "[*] — " + self.tr("Situation Viewer"))
        self.setWindowFilePath(str(self.path) if self.path else "")

    # -- view ----------------------------------------------------------------------------
    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.window_actions.full_screen.setChecked(self.isFullScreen())

    def toggle_decorations(self) -> None:
        self.canvas.set_decorations(self.window_actions.decorations.isChecked())
        self.settings.setValue("view/decorations", self.canvas.decorations)

    def show_about(self) -> None:
        show_about(self)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).open()

    def show_user_guide(self) -> None:
        UserGuideDialog(self, current_language()).open()

    def _on_pointer(self, lonlat) -> None:
        if lonlat is None:
            self.status.show_position(None, None)
            return
        region = self.loaded.regions.region_at(*lonlat)
        self.status.show_position(lonlat, safe_line(region.name, 120) if region else "")

    def _on_playing(self, playing: bool) -> None:
        self.window_actions.play.setChecked(playing)
        self.window_actions.play.setText(self.tr("&Pause") if playing
                                         else translate("MainWindow", "&Play"))

    # -- layout and life cycle -----------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._default_docks:
            self._default_docks = False
            size_default_docks(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.edits.may_close():          # unsaved changes: Save / Discard / Cancel
            event.ignore()
            return
        self.edits.stop()
        self.cursor_model.set_playing(False)
        self.compare_mode.close()
        self.timeline.clock.stop()
        self.worker.shutdown()               # returns at once: the job under way is dropped
        self.files.shutdown()                # and the file being opened
        self.animations.shutdown()           # an export under way: cancelled, no file left
        self.big_layers.shutdown()
        self.reports_panel.shutdown()           # its rows made ahead at rest
        save_layout(self)
        self.settings.sync()
        self.statusBar().clearMessage()         # stops the status bar's message timer
        window_closed()
        super().closeEvent(event)
