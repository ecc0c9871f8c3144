"""The main window: the map in the centre, Layers / Regions / Reports / Timeline docks,
menus, a status bar, opening and saving files, and exporting images."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QMainWindow, QMessageBox,
                               QWidget)

from viewer import __version__
from viewer.io.errors import SituationError
from viewer.io.situation_file import SUFFIX, write_situation
from viewer.model import Situation
from viewer.model.cursor import TimeCursor
from viewer.model.display import DisplayOptions
from viewer.model.selection import Selection
from viewer.model.text import safe_line
from viewer.model.times import to_utc
from viewer.resources import sample_path
from viewer.ui.actions import NavigationKeyGuard, create_actions, fill_region_menu
from viewer.ui.canvas import MapCanvas
from viewer.ui.image_export import ImageExporter
from viewer.ui.layers_panel import LayersPanel
from viewer.ui.loader import LoadedSituation, SituationLoader, prepare
from viewer.ui.recent_files import RecentFiles, app_settings, fill_recent_menu
from viewer.ui.regions_panel import RegionsPanel
from viewer.ui.qt_utils import ModelConnections
from viewer.ui.reports_panel import ReportsPanel
from viewer.ui.status_bar import StatusReadout
from viewer.ui.timeline import TimelineWidget

FILE_FILTER = f"Situation files (*{SUFFIX})"
EPOCH = datetime(2000, 1, 1)
MINIMUM_SIZE = (720, 480)
DEFAULT_SIZE = (1400, 900)


class MainWindow(QMainWindow):
    situation_loaded = Signal(object)   # LoadedSituation now shown
    load_failed = Signal(str)           # one-line reason a file could not be opened
    _measure_later = Signal(object)     # queued: measure regions after the first paint

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle("Situation Viewer")
        self.setAcceptDrops(True)
        # An explicit minimum, so the layout never changes it once the window is shown:
        # platforms without size hints (offscreen) would warn at each change.
        self.setMinimumSize(MINIMUM_SIZE[0], MINIMUM_SIZE[1])
        self.settings = app_settings()
        self.recent = RecentFiles(self.settings, self)
        self.cursor_model = TimeCursor(to_utc(EPOCH), to_utc(EPOCH))
        self.selection = Selection()
        self.display = DisplayOptions()
        self.loaded = prepare(Situation())
        self._pending: tuple[Path, datetime | None, bool] | None = None

        self.canvas = MapCanvas(self.cursor_model, self.selection, self.display, self)
        self.canvas.set_decorations(self.settings.value("view/decorations", True, type=bool))
        self.setCentralWidget(self.canvas)
        self._create_docks()
        self.status = StatusReadout(self.statusBar(), self)
        self.canvas.pointer_moved.connect(self._on_pointer)
        self.images = ImageExporter(self)
        self.window_actions = create_actions(self)
        self.recent.changed.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        self._conns = ModelConnections(self)
        self._conns.connect(self.cursor_model.playing_changed, self._on_playing)
        self._key_guard = NavigationKeyGuard(self)

        self.loader = SituationLoader(self)
        self.loader.loaded.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.loader.busy_changed.connect(self.status.set_busy)
        self.loader.regions_measured.connect(self._on_regions_measured)
        # Queued behind the canvas's pending repaint: the map shows first, then the
        # worker measures the layers in each region for the Regions panel.
        self._measure_later.connect(self.loader.measure, Qt.ConnectionType.QueuedConnection)
        self._restore_layout()
        self.canvas.setFocus()

    # -- docks ---------------------------------------------------------------------------
    def _create_docks(self) -> None:
        s, loaded = self.loaded.situation, self.loaded
        self.layers_panel = LayersPanel(s, self.display, self.cursor_model, loaded.areas, self)
        self.reports_panel = ReportsPanel(s, self.cursor_model, self.selection, loaded.regions,
                                          self)
        self.timeline = TimelineWidget(self.cursor_model, self)
        self.regions_panel = RegionsPanel(self.cursor_model, self)
        self.reports_panel.zoom_to_change.connect(self.canvas.zoom_to_change)
        self.regions_panel.zoom_to_region.connect(self._zoom_to_region)
        area = Qt.DockWidgetArea
        self.layers_dock = self._dock("Layers", self.layers_panel, area.LeftDockWidgetArea)
        self.regions_dock = self._dock("Regions", self.regions_panel, area.LeftDockWidgetArea)
        self.tabifyDockWidget(self.layers_dock, self.regions_dock)
        self.layers_dock.raise_()
        self.reports_dock = self._dock("Reports", self.reports_panel, area.RightDockWidgetArea)
        self.timeline_dock = self._dock("Timeline", self.timeline, area.BottomDockWidgetArea)
        # panels out of sight skip time steps; they catch up when their dock shows again
        self.regions_dock.visibilityChanged.connect(self.regions_panel.set_shown)
        self.reports_dock.visibilityChanged.connect(self.reports_panel.set_shown)

    def _dock(self, title: str, widget: QWidget, where) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}_dock")     # saveState() names docks by this
        dock.setWidget(widget)
        dock.toggleViewAction().setStatusTip(f"Show or hide the {title} panel")
        self.addDockWidget(where, dock)
        return dock

    def docks(self) -> list[QDockWidget]:
        return [self.layers_dock, self.regions_dock, self.reports_dock, self.timeline_dock]

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
        self._pending = None
        self.show_loaded(prepare(situation, Path(path) if path else None), at)

    def open_file(self, path: str | Path, at: datetime | None = None,
                  dialog_on_error: bool = True) -> None:
        """Open ``path`` in the background; the current situation stays until it is ready.
        On failure ``load_failed`` is emitted and, unless told not to, a dialog says why."""
        self._pending = (Path(path), at, dialog_on_error)
        self.status.show_message(f"Opening {Path(path).name}…")
        self.loader.load(path)

    def _on_loaded(self, loaded: LoadedSituation) -> None:
        at = self._pending[1] if self._pending else None
        self._pending = None
        self.show_loaded(loaded, at)
        self.status.show_message(f"Opened {loaded.path.name}", 4000)

    def _on_failed(self, reason: str) -> None:
        path, _, dialog = self._pending or (None, None, True)
        self._pending = None
        self.status.show_message("")
        if path is not None and not path.exists():
            self.recent.remove(str(path.resolve()))
        self.load_failed.emit(reason)
        if dialog:
            QMessageBox.critical(self, "Can't open file", reason)

    def show_loaded(self, loaded: LoadedSituation, at: datetime | None = None) -> None:
        """Show a prepared situation at ``at`` (default: its own default time)."""
        s = loaded.situation
        self.cursor_model.set_playing(False)
        self.selection.clear()
        self.loaded = loaded
        self.canvas.set_scene(loaded.scene)
        self.layers_panel.set_situation(s, loaded.areas)
        self.reports_panel.set_situation(s, loaded.regions)
        self.regions_panel.set_situation(s)
        start = s.start or s.meta.default_time or self.cursor_model.time
        end = s.end or start
        self.cursor_model.set_span(start, end, [c.at for c in s.changes])
        self.cursor_model.set_highlight_days(s.meta.highlight_days)
        self.cursor_model.set_time(at or s.meta.default_time or end)
        self.timeline.set_situation(s, loaded.areas)
        self._update_title()
        fill_region_menu(self.window_actions.region_menu, s.own_regions,
                         lambda region: self.canvas.zoom_to_lonlat(region.geometry.bounds))
        if loaded.path is not None and loaded.path.resolve() != sample_path().resolve():
            self.recent.add(loaded.path)
        self.situation_loaded.emit(loaded)
        if s.layers:
            self._measure_later.emit(loaded)

    def _on_regions_measured(self, measured) -> None:
        """Adopt the worker's measured region figures (None: measuring failed)."""
        if measured is None or measured.situation is self.situation:
            if measured is not None:
                self.loaded.regions = measured
            self.regions_panel.set_figures(measured)
            self.reports_panel.set_region_figures(measured)

    def _zoom_to_region(self, region_id: str) -> None:
        region = next((r for r in self.situation.regions if r.id == region_id), None)
        if region is not None:
            self.canvas.zoom_to_lonlat(region.geometry.bounds)

    def _update_title(self) -> None:
        name = self.path.name if self.path else "not saved"
        self.setWindowTitle(f"{safe_line(self.situation.meta.title, 120)} — {safe_line(name, 80)}"
                            " — Situation Viewer")
        self.setWindowFilePath(str(self.path) if self.path else "")

    # -- file actions --------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open Situation",
                                              self.recent.last_directory(), FILE_FILTER)
        if path:
            self.open_file(path)

    def save_as(self) -> None:
        stem = self.path.stem if self.path else self.situation.meta.title
        suggested = str(Path(self.recent.last_directory()) / f"{stem}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, "Save Situation As", suggested, FILE_FILTER)
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Write the situation to ``path`` (atomically); say why in a dialog if it fails."""
        path = Path(path)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_situation(self.situation, path)
        except SituationError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(self, "Can't save file", str(exc))
            return False
        except BaseException:
            QApplication.restoreOverrideCursor()     # never leave the busy cursor behind
            raise
        QApplication.restoreOverrideCursor()
        self.loaded.path = path
        self.recent.add(path)
        self._update_title()
        self.status.show_message(f"Saved {path.name}", 4000)
        return True

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
        lines = [f"<b>Situation Viewer</b> {__version__}",
                 "An offline viewer for timestamped territorial situations "
                 "and the reports behind each change."]
        if self.situation.meta.attributions:
            lines.append("Data: " + "; ".join(self.situation.meta.attributions))
        QMessageBox.about(self, "About Situation Viewer", "<p>" + "</p><p>".join(lines) + "</p>")

    def _fill_recent_menu(self) -> None:
        fill_recent_menu(self.window_actions.recent_menu, self.recent, self.open_file)

    def _on_pointer(self, lonlat) -> None:
        if lonlat is None:
            self.status.show_position(None, None)
            return
        region = self.loaded.regions.region_at(*lonlat)
        self.status.show_position(lonlat, region.name if region else "")

    def _on_playing(self, playing: bool) -> None:
        self.window_actions.play.setChecked(playing)
        self.window_actions.play.setText("&Pause" if playing else "&Play")

    # -- drag and drop -------------------------------------------------------------------
    @staticmethod
    def _dropped_file(mime) -> str | None:
        for url in mime.urls() if mime.hasUrls() else []:
            if url.isLocalFile() and url.toLocalFile().lower().endswith(SUFFIX):
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event.mimeData())
        if path:
            event.acceptProposedAction()
            self.open_file(path)
        else:
            event.ignore()

    # -- layout and life cycle -----------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            screen = self.screen().availableGeometry()
            self.resize(min(DEFAULT_SIZE[0], round(screen.width() * 0.92)),
                        min(DEFAULT_SIZE[1], round(screen.height() * 0.92)))
        state = self.settings.value("window/state")
        if not (isinstance(state, QByteArray) and self.restoreState(state)):
            self.resizeDocks([self.layers_dock, self.reports_dock], [250, 400],
                             Qt.Orientation.Horizontal)
            self.resizeDocks([self.timeline_dock], [210], Qt.Orientation.Vertical)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cursor_model.set_playing(False)
        self.timeline.clock.stop()
        self.loader.shutdown()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        self.statusBar().clearMessage()         # stops the status bar's message timer
        super().closeEvent(event)
