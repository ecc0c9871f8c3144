"""The map canvas: the shared render routine in a widget, with wheel zoom, drag pan and
click-to-select.

Painting is in layers, so that moving through time stays cheap: the static background
(regions, context) and the labels come from cached pixmaps (canvas_base_pixmaps), and so do
the decoration panels (canvas_panels: legend, scale bar, attribution, as on an exported
image); the dynamic part (layers at the cursor's time, the highlighted and selected
changes) and the date are drawn at every paint. Moving the view (zoom, pan, zoom to a
region...) is in canvas_view, the mouse handlers in canvas_input (mixins of MapCanvas).
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from viewer.model import Change
from viewer.model.cursor import TimeCursor
from viewer.model.display import DisplayOptions
from viewer.model.selection import Selection
from viewer.render import MapScene, RenderSettings, Viewport, draw_dynamic, styles
from viewer.render import label_ahead
from viewer.render.decorations import draw_date
from viewer.render.language import current_language
from viewer.ui.canvas_interaction import ViewState, changes_at
from viewer.ui.canvas_base_pixmaps import BaseMapPixmaps
from viewer.ui.canvas_idle import IdleWork
from viewer.ui.canvas_input import CanvasInput
from viewer.ui.canvas_panels import DecorationPixmaps, time_step_region
from viewer.ui.canvas_raster import MapRasters, raster_key
from viewer.ui.canvas_view import CanvasView
from viewer.ui.qt_utils import ModelConnections


class MapCanvas(CanvasView, CanvasInput, QWidget):
    pointer_moved = Signal(object)      # (lon, lat) under the pointer, or None when it leaves
    view_changed = Signal()
    clicked = Signal(object)            # QPointF of a click (a press not dragged), first

    def __init__(self, cursor: TimeCursor, selection: Selection, display: DisplayOptions,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.cursor_model, self.selection, self.display = cursor, selection, display
        self.scene: MapScene | None = None
        self.view_state = ViewState()
        self.base_pixmaps = BaseMapPixmaps()             # background, labels
        self.decoration_pixmaps = DecorationPixmaps()    # legend, scale bar, attribution
        self.rasters = MapRasters()         # background and layers, for drags and notches
        self.idle = IdleWork(self)          # rasters made ahead while the window is idle
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._dragging = False
        self._drag_ended = False            # the next paint is the end of a drag's
        self._decorations = True
        self.front_line = False             # View ▸ Front line
        # (time, highlight days, held to) of the last repaint asked
        self._time_asked: tuple[datetime, float, datetime | None] | None = None
        self._first_view_at: datetime | None = None     # a file's first view is shown
        self.showing_first_view = False
        self._labels_later = False          # the whole file's first frame: labels next
        self._labels_timer = QTimer(self)   # (that next frame)
        self._labels_timer.setSingleShot(True)
        self._labels_timer.setInterval(0)
        self._labels_timer.timeout.connect(self.update)
        # tools taking a click before it selects changes (ruler, place picking): the
        # first that returns True keeps it
        self.click_handlers: list[Callable[[QPointF], bool]] = []
        # what the map's labels give way to besides the decorations (the marked place's
        # ring and name): each returns widget-pixel rects
        self.label_keepouts: list[Callable[[], tuple[QRectF, ...]]] = []
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(200, 150)
        self.colour_set = "standard"
        self.dimmed_changes: frozenset[str] = frozenset()   # see set_dimmed_changes
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._conns = ModelConnections(self)
        self._conns.connect(cursor.time_changed, self._on_time)
        self._conns.connect(cursor.highlight_changed, self._on_time)
        self._conns.connect(selection.changed, self._on_selection)
        self._conns.connect(display.changed, self._on_display)

    # -- content -------------------------------------------------------------------------
    def set_scene(self, scene: MapScene | None, keep_view: bool = False,
                  labels_later: bool = False) -> None:
        """Show ``scene`` at its situation's default view (``keep_view``: where the view
        is). ``labels_later``: the first frame has no labels unless they are laid out
        already; they come in the next, so that neither frame holds the event loop for
        the two (a file's whole situation after its first view: on the DeepState import
        at 2x pixels, some 85 ms for the situation adopted, the map and the panels, then
        35 for the names)."""
        self.scene = scene
        self.showing_first_view, self._first_view_at = False, None
        self._labels_later = labels_later
        self.invalidate()
        if scene is not None and not keep_view:
            self.zoom_to_default()

    def show_first_view(self, scene: MapScene, at: datetime | None) -> None:
        """Show a file's first view (ui.loader.FirstView: what is drawn at ``at``) until
        ``set_scene`` brings the whole situation; the time cursor is not followed meanwhile."""
        self.set_scene(scene)
        self.showing_first_view, self._first_view_at = True, at

    def first_view_navigated(self) -> bool:
        """Whether a first view is shown and the user zoomed or panned it."""
        return self.showing_first_view and self.view_state.navigated

    def invalidate(self) -> None:
        """Drop the cached background and labels (the next paint redraws them)."""
        self.base_pixmaps.clear()
        self.decoration_pixmaps.clear()
        self.rasters.clear()
        self.update()

    def update(self, *args) -> None:
        """Repaint (all, or the rect or region given); what the idle time was preparing
        is planned again after the next pause (canvas_idle)."""
        self.idle.restart()
        super().update(*args)

    # -- what is drawn -------------------------------------------------------------------
    def render_settings(self, **overrides) -> RenderSettings:
        """Settings that draw what the canvas shows now (overrides: size, scale, ...)."""
        view = self.view_state
        at = self._first_view_at if self.showing_first_view else None
        values = dict(at=at or self.cursor_model.time, size=(view.width, view.height),
                      view=self.view_rect(), highlight_days=self.cursor_model.highlight_days,
                      highlight_since=self.cursor_model.highlight_since,
                      hidden=self.display.hidden, opacity=self.display.opacities,
                      selected_changes=self.selection.change_ids,
                      dimmed_changes=self.dimmed_changes,
                      decorations=self._decorations, language=current_language(),
                      palette=self.colour_set, front_line=self.front_line,
                      credits="full" if self.credits_shown else "compact")
        values.update(overrides)
        return RenderSettings(**values)

    def set_front_line(self, shown: bool) -> None:
        """Draw each layer's front line (View ▸ Front line)."""
        if shown != self.front_line:
            self.front_line = bool(shown)
            self.update()

    def set_dimmed_changes(self, change_ids: frozenset[str]) -> None:
        """Changes drawn greyed (the ones the report filter leaves out)."""
        if change_ids != self.dimmed_changes:
            self.dimmed_changes = frozenset(change_ids)
            self.update()

    @property
    def decorations(self) -> bool:
        """Whether the canvas shows the title, date, legend, scale bar and attribution
        on the map, as an exported image does."""
        return self._decorations

    def set_decorations(self, shown: bool) -> None:
        if shown != self._decorations:
            self._decorations = bool(shown)
            self.update()

    def set_palette(self, palette: str) -> None:
        """The colour set the layers and changes are drawn in (styles.PALETTES)."""
        if palette != self.colour_set:
            self.colour_set = palette
            self.invalidate()

    def label_reserved(self, viewport: Viewport, settings: RenderSettings) -> tuple[QRectF, ...]:
        """Where the labels may not go: the decorations, then ``label_keepouts``."""
        reserved = self.decoration_pixmaps.reserved(self.scene, viewport, settings)
        return reserved + tuple(r for keepout in self.label_keepouts for r in keepout())

    def lonlat_at(self, pos: QPointF) -> tuple[float, float] | None:
        if self.scene is None:
            return None
        x, y = self.view_state.to_map(pos.x(), pos.y())
        lon, lat = self.scene.projector.inverse(x, y)
        return float(lon), float(lat)

    def changes_at(self, pos: QPointF) -> list[Change]:
        """Changes of the highlight window drawn under the widget point ``pos``."""
        lonlat = self.lonlat_at(pos)
        if lonlat is None:
            return []
        return changes_at(self.scene.situation, *lonlat, self.cursor_model.time,
                          self.cursor_model.highlight_days, self.display.hidden,
                          self.view_state.mpp)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self.scene is None:
            painter.fillRect(self.rect(), QColor(styles.WATER))
        else:                   # the opaque background pixmap covers the whole canvas
            viewport, settings = self.viewport(), self.render_settings()
            dpr = self.devicePixelRatioF()
            reserved = self.label_reserved(viewport, settings)
            if not (self._dragging or self.showing_first_view or self.base_pixmaps.kept_labels(
                    viewport, settings, dpr, reserved)):
                label_ahead.start(self.scene, viewport, settings)   # while the map fills
            # the background and layers: the raster a drag moves over (made with a margin
            # when it leaves it), the one made for this view (ahead, or at the end of a
            # drag), else drawn as they are (a time step: maybe a few boxes of them)
            if self._dragging:
                raster = self.rasters.for_pan(self.scene, viewport, settings, dpr)
            elif self._drag_ended:      # on the view's background, kept for a time step
                raster = self.rasters.for_view(self.scene, viewport, settings, dpr, lambda: (
                    self.base_pixmaps.background(self.scene, viewport, settings, dpr)[0]))
            else:
                raster = self.rasters.find(viewport, raster_key(self.scene, settings, dpr), dpr)
            self._drag_ended = False
            if raster is not None:
                painter.drawPixmap(raster[1], raster[0])
            else:
                background, at = self.base_pixmaps.background(self.scene, viewport,
                                                              settings, dpr)
                painter.drawPixmap(at, background)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                draw_dynamic(painter, self.scene, viewport, settings, event.region())
            if self.showing_first_view:     # labels and panels come with the whole file
                painter.end()
                return
            later = self._labels_later and not self.base_pixmaps.kept_labels(
                viewport, settings, dpr, reserved)
            self._labels_later = False
            if later:
                self._labels_timer.start()
            else:
                labels = self.base_pixmaps.labels(self.scene, viewport, settings, dpr,
                                                  reserved, self._dragging)
                painter.drawPixmap(0, 0, labels)
            if settings.decorations:
                panels = self.decoration_pixmaps.pixmaps(self.scene, viewport, settings, dpr)
                for origin, panel in panels:
                    painter.drawPixmap(origin, panel)
                draw_date(painter, self.scene, viewport, settings,
                          self.decoration_pixmaps.layout(self.scene, viewport, settings))
        painter.end()

    def hideEvent(self, event) -> None:
        self.idle.stop()
        self._labels_timer.stop()
        super().hideEvent(event)

    def changeEvent(self, event) -> None:
        """Its window deactivated: nothing made ahead, and the rasters dropped (only the
        window in use keeps them, see canvas_idle); activated: made at the next pause."""
        if event.type() == QEvent.Type.ActivationChange:
            if self.isActiveWindow():
                self.idle.restart()
            else:
                self.idle.stop()
                self.rasters.clear()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self.view_state.resize(event.size().width(), event.size().height())
        self.view_changed.emit()
        super().resizeEvent(event)

    # -- model reactions -----------------------------------------------------------------
    def _on_time(self, *_) -> None:
        """Repaint what the new time or highlight window changes: the changed areas (a
        few boxes for an adjacent date, the front for a jump: render/dirty.py) and the
        date, the backing store keeping the rest of the last frame; everything when that
        is cheaper. The pixmaps keep either way."""
        before = self._time_asked
        cursor = self.cursor_model
        self._time_asked = (cursor.time, cursor.highlight_days, cursor.highlight_since)
        region = time_step_region(self, *before) if before is not None else None
        if region is None:
            self.update()
        elif not region.isEmpty():
            self.update(region)

    def states_dissolved(self) -> None:
        """The states' outlines were adopted (prebuild_states): a few shades of the layers
        move, and the rasters kept for views (keyed by the scene, which adopted them in
        place) still hold the old ones: dropped, and the canvas painted again."""
        self.rasters.clear()
        self.update()

    def big_display_made(self, _key: tuple) -> None:
        """A big state's Display was made in the background (ui.big_layer_builder)."""
        self.rasters.clear()
        self.update()

    def _on_selection(self) -> None:
        self.update()

    def _on_display(self, _key: str) -> None:
        self.update()           # the pixmaps' keys hold the options they depend on
