"""View ▸ Compare: two dates A and B of the situation on one map.

B is the time shown (the window's time cursor); A is typed (or set with
``set_a``) and defaults to 30 days before B. Three views, each drawn by the shared render
routine: swipe (A left of a divider dragged with the mouse, B right of it), side by side
(two halves showing one view: a wheel zoom or a drag pans and zooms both together) and
difference (the ground gained and lost between A and B, each one area). The km² gained,
lost and net between A and B, in total and per region, are shown below the map.

A and B's maps are rendered into images when a date, the view or the size changes; a
divider drag only recomposes them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget)

from viewer.analysis.difference import compare, difference_lines
from viewer.analysis.region_attribution import RegionAttribution
from viewer.model.in_data import in_data
from viewer.model.times import UTC, to_utc
from viewer.render import render_image
from viewer.render.compare import compare_settings, draw_divider, draw_tags
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.render.language import QT_TRANSLATE_NOOP, fill, translate
from viewer.ui.canvas_interaction import ViewState
from viewer.ui.qt_utils import format_day

MODES = (("swipe", QT_TRANSLATE_NOOP("Compare", "Swipe")),
         ("side", QT_TRANSLATE_NOOP("Compare", "Side by side")),
         ("diff", QT_TRANSLATE_NOOP("Compare", "Difference")))
DEFAULT_GAP = timedelta(days=30)


def to_qdate(t: datetime) -> QDate:
    t = to_utc(t)
    return QDate(t.year, t.month, t.day)


def from_qdate(d: QDate) -> datetime:
    return datetime(d.year(), d.month(), d.day(), tzinfo=UTC)


class CompareMap(QWidget):
    """The map of the comparison: renders A and B and composes them by mode."""

    split_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(200, 150)
        self.setMouseTracking(False)
        self.state = ViewState()
        self.scene: MapScene | None = None
        self.base: RenderSettings | None = None
        self.a: datetime | None = None
        self.mode = "swipe"
        self.split = 0.5
        self._images: tuple[QImage, ...] = ()
        self._drag: tuple[str, QPointF] | None = None

    def show_dates(self, scene: MapScene, base: RenderSettings, a: datetime, mode: str,
                   view=None) -> None:
        if view is not None and self.scene is not scene:
            self.state.resize(self.width(), self.height())
            self.state.fit(view, keep=False)
        self.scene, self.base, self.a, self.mode = scene, base, a, mode
        self.refresh()

    def settings(self) -> tuple[RenderSettings, RenderSettings]:
        base = replace(self.base, size=(self.width(), self.height()), view=self.state.rect())
        return compare_settings(base, self.a, self.mode)

    def refresh(self) -> None:
        """Render the images for the dates, view and size now (not on a divider drag)."""
        if self.scene is None:
            return
        a, b = self.settings()
        if self.mode == "swipe":
            a, b = replace(a, decorations=False), replace(b, decorations=False)
            self._images = (render_image(self.scene, a), render_image(self.scene, b))
        elif self.mode == "side":
            half = replace(self.base, size=(max(1, self.width() // 2), self.height()),
                           view=self._half_view())
            ha, hb = compare_settings(half, self.a, "side")
            self._images = (render_image(self.scene, ha), render_image(self.scene, hb))
        else:
            self._images = (render_image(self.scene, b),)
        self.update()

    def _half_view(self):
        """The view of each half: the same centre and scale as the whole."""
        cx, cy = self.state.centre
        hw, hh = self.width() / 4 * self.state.mpp, self.height() / 2 * self.state.mpp
        return cx - hw, cy - hh, cx + hw, cy + hh

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            if not self._images:
                return
            if self.mode == "swipe":
                x = self.split * self.width()
                painter.drawImage(QPointF(0, 0), self._images[0], QRectF(0, 0, x, self.height()))
                painter.drawImage(QPointF(x, 0), self._images[1],
                                  QRectF(x, 0, self.width() - x, self.height()))
                draw_divider(painter, x, self.height(), 1.0)
                a, b = self.settings()
                draw_tags(painter, x, a, b)
            elif self.mode == "side":
                half = self.width() // 2
                painter.drawImage(QPointF(0, 0), self._images[0])
                painter.drawImage(QPointF(half, 0), self._images[1])
                draw_divider(painter, half, self.height(), 1.0)
            else:
                painter.drawImage(QPointF(0, 0), self._images[0])
        finally:
            painter.end()

    def resizeEvent(self, event) -> None:
        self.state.resize(self.width(), self.height())
        self.refresh()

    def set_split(self, share: float) -> None:
        self.split = min(max(share, 0.0), 1.0)
        self.split_changed.emit(self.split)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        near = abs(event.position().x() - self.split * self.width()) <= 12
        kind = "split" if self.mode == "swipe" and near else "pan"
        self._drag = (kind, event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        kind, last = self._drag
        if kind == "split":
            self.set_split(event.position().x() / max(1, self.width()))
        else:
            delta = event.position() - last
            self.state.pan(delta.x(), delta.y())
            self.refresh()
        self._drag = (kind, event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps and self.state.zoom(1.25 ** steps, event.position().x(), event.position().y()):
            self.refresh()


class CompareView(QWidget):
    """Mode, the date A (B is the cursor's time), the map and the km² between them."""

    a_changed = Signal(object)          # datetime: A, held to the data

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Compare", "Compare"))
        self.mode_box = QComboBox(self)
        for key, label in MODES:
            self.mode_box.addItem(translate("Compare", label), key)
        self.a_edit = QDateEdit(self)
        self.a_edit.setCalendarPopup(True)
        self.a_edit.setDisplayFormat("d MMM yyyy")
        self.b_label = QLabel(self)
        self.map = CompareMap(self)
        self.figures = QLabel(self)
        self.figures.setTextFormat(Qt.TextFormat.PlainText)
        self.figures.setWordWrap(True)
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
        layout.addWidget(self.map, 1)
        layout.addWidget(self.figures)
        self.scene: MapScene | None = None
        self.base: RenderSettings | None = None
        self.a: datetime | None = None
        self.attribution: RegionAttribution | None = None
        self.mode_box.currentIndexChanged.connect(self._on_mode)
        self.a_edit.dateChanged.connect(self._on_a_typed)

    @property
    def mode(self) -> str:
        return self.mode_box.currentData()

    def set_mode(self, mode: str) -> None:
        self.mode_box.setCurrentIndex([k for k, _ in MODES].index(mode))

    def show_situation(self, scene: MapScene, base: RenderSettings, view=None,
                       attribution: RegionAttribution | None = None) -> None:
        """Show ``scene`` with B = ``base.at``; A stays where it was (first time: 30
        days before B, held to the data). ``attribution``: the window's measured
        region figures (else made here)."""
        first = self.scene is not scene
        if first:
            self.attribution = attribution or RegionAttribution(scene.situation)
        self.scene, self.base = scene, base
        if first or self.a is None:
            self.a = in_data(scene.situation, base.at - DEFAULT_GAP).at
        self._sync_a_edit()
        self.b_label.setText(fill(translate("Compare", "B: %1 (the time shown)"),
                                 format_day(base.at)))
        self.map.show_dates(scene, base, self.a, self.mode, view if first else None)
        self._update_figures()

    def set_a(self, a: datetime) -> None:
        shown = in_data(self.scene.situation, a)
        self.a = shown.at
        self._sync_a_edit()
        self.map.show_dates(self.scene, self.base, self.a, self.mode)
        self._update_figures(shown.note)
        self.a_changed.emit(self.a)

    def _sync_a_edit(self) -> None:
        self.a_edit.blockSignals(True)
        self.a_edit.setDate(to_qdate(self.a))
        self.a_edit.blockSignals(False)

    def _on_a_typed(self, date: QDate) -> None:
        if self.scene is not None:
            self.set_a(from_qdate(date))

    def _on_mode(self, index: int) -> None:
        if self.scene is not None:
            self.map.show_dates(self.scene, self.base, self.a, self.mode)

    def _update_figures(self, note: str | None = None) -> None:
        situation = self.scene.situation
        lines = difference_lines(situation, compare(situation, self.a, self.base.at,
                                                    self.attribution))
        head = fill(translate("Compare", "Between A (%1) and B (%2):"), format_day(self.a),
                    format_day(self.base.at))
        if note:
            head = fill(translate("Compare", "A: %1."), note) + " " + head
        self.figures.setText("\n".join([head] + lines[:8]))
