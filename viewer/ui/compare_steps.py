"""What a step of the comparison's dates changes on its map (swipe and difference): the
pixels to paint again, as the canvas does for a time step (canvas_panels.time_step_region).

A step of B changes B's layers where the step's changes lie (right of the divider in the
swipe), B's tag by the divider and the legend's date line (the whole legend if its box
moved: the swipe's note widens it); a step of A the same on the
left; the difference's overlay where the old and the new one lie (a step keeps the
last one until its own is measured: compare_map), and its caption. The
widget's backing store keeps the rest of the last frame, and the paint draws everything
clipped to the region, so the frame is the one a full paint gives. Anything else that
moved (the view, the size, the divider, the panels the labels keep clear of), or a step
changing too much, repaints the whole map (None)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainterPath, QRegion

from viewer.render import MapScene, RenderSettings, Viewport
from viewer.render.compare import swipe_shown, tag_rects, tag_room
from viewer.render.compare_caption import caption_rect
from viewer.render.decorations import date_rect
from viewer.ui.canvas_panels import EPOCH, PARTIAL_AT_MOST, without_date_line
from viewer.ui.compare_figures import PathKey
from viewer.ui.compare_layers import ComparePictures

PAD = 3                     # px: antialiased edges and outlines reach past a box


@dataclass(frozen=True)
class Shown:
    """What one paint of the comparison map shows, as far as a step changes it."""
    mode: str
    a: RenderSettings                   # A's and B's settings (size and view included)
    b: RenderSettings
    x: float                            # the divider, px (the swipe)
    dpr: float
    caption: tuple[tuple[str, str], ...]    # the difference's km² lines
    overlay: tuple[PathKey, ...] | None     # the difference's overlay drawn (None: none)
    overlay_at: tuple[datetime, datetime] | None = None     # its A and B (compare_map)

    @cached_property
    def panels(self) -> RenderSettings:
        """The settings the panels and labels are drawn with."""
        return swipe_shown(self.a, self.b) if self.mode == "swipe" else self.b

    # what the next step compares with, kept with what the last one asked for; taken
    # from the map's panel caches, which its paint then finds filled
    def reserved(self, pictures: ComparePictures, scene: MapScene,
                 viewport: Viewport) -> tuple[QRectF, ...]:
        """Where the labels keep clear of: the panels, and the swipe's tags' room."""
        return self._panel_rects(pictures, scene, viewport)[0]

    def legend(self, pictures: ComparePictures, scene: MapScene,
               viewport: Viewport) -> QRectF | None:
        return self._panel_rects(pictures, scene, viewport)[1]

    def date(self, pictures: ComparePictures, scene: MapScene, viewport: Viewport) -> QRectF:
        """The pixels of the legend's date line (decorations.date_rect)."""
        if "_date" not in self.__dict__:
            self.__dict__["_date"] = date_rect(scene, viewport, self.panels,
                                               self._panel_rects(pictures, scene, viewport)[2])
        return self.__dict__["_date"]

    def tags(self, pictures: ComparePictures, scene: MapScene,
             viewport: Viewport) -> list[tuple[QRectF, str]]:
        """The swipe's "A date" and "B date" tags by the divider (where, what)."""
        if self.mode != "swipe" or not self.b.decorations:
            return []
        if "_tags" not in self.__dict__:
            rects = self._panel_rects(pictures, scene, viewport)
            self.__dict__["_tags"] = tag_rects(self.x, self.a, self.b, rects[3], rects[4])
        return self.__dict__["_tags"]

    def _panel_rects(self, pictures: ComparePictures, scene: MapScene, viewport: Viewport):
        """(reserved, the legend's box, the panels' layout, their rects, the tags'
        room)."""
        if "_rects" not in self.__dict__:
            panels = pictures.panels
            lay = panels.layout(scene, viewport, self.panels)
            reserved = panels.reserved(scene, viewport, self.panels)
            clear_of = tuple(lay.rects()) if self.b.decorations else ()
            room = tag_room(self.x, self.a, self.b, clear_of) \
                if self.mode == "swipe" and self.b.decorations else []
            self.__dict__["_rects"] = (reserved + tuple(room), lay.legend, lay, clear_of, room)
        return self.__dict__["_rects"]


def step_region(pictures: ComparePictures, scene: MapScene, viewport: Viewport,
                old: Shown, new: Shown) -> QRegion | None:
    """The pixels that differ between ``old`` and ``new`` (both of this viewport), or
    None when the whole map is to be painted."""
    if (old.mode, old.x, old.dpr) != (new.mode, new.x, new.dpr) or \
            _undated(old.a) != _undated(new.a) or _undated(old.b) != _undated(new.b):
        return None
    before, after = old.panels, new.panels
    if after.decorations and \
            old.reserved(pictures, scene, viewport) != new.reserved(pictures, scene, viewport):
        return None                     # the labels are laid out again: everything
    w, h = viewport.width, viewport.height
    sides = [(old.b, new.b, QRect(0, 0, w, h))]
    if new.mode == "swipe":
        split = int(new.x)
        sides = [(old.a, new.a, QRect(0, 0, split + PAD, h)),
                 (old.b, new.b, QRect(split - PAD, 0, w - split + PAD, h))]
    region = QRegion()
    for was, now, within in sides:
        if was.at != now.at:
            changed = pictures.dates.regions.between(scene, viewport, was, now)
            if changed is None:
                return None
            region = region.united(changed.intersected(within))
    rects: list[QRectF | None] = []
    if after.decorations:
        if before.date_note != after.date_note or before.at != after.at:
            rects += _date_rects(pictures, scene, viewport, old, new)
        tags = [s.tags(pictures, scene, viewport) for s in (old, new)]
        rects += [rect for rect, text in tags[0] + tags[1]      # (those whose date
                  if (rect, text) not in tags[0] or (rect, text) not in tags[1]]  # moved)
        if old.caption != new.caption:
            rects += [caption_rect(w, h, 1.0, list(s.caption)) for s in (old, new)]
    if old.overlay != new.overlay:
        for keys in (old.overlay, new.overlay):
            if keys is not None and any(k not in pictures.differences for k in keys):
                return None             # (no longer kept: where it lay is unknown)
            rects.append(_overlay_rect(pictures, viewport, keys))
    for r in rects:
        if r is not None and not r.isEmpty():
            region = region.united(r.adjusted(-PAD, -PAD, PAD, PAD).toAlignedRect())
    covered = sum(r.width() * r.height() for r in region)
    return region if covered <= PARTIAL_AT_MOST * w * h else None


def _date_rects(pictures: ComparePictures, scene: MapScene, viewport: Viewport,
                old: Shown, new: Shown) -> list[QRectF | None]:
    """Where the legends of ``old`` and ``new`` differ when their dates do: the date
    lines only, when the legend keeps its box and its pixmap (the legend less its date:
    canvas_panels.DecorationPixmaps.pixmaps) is the same; otherwise both legends whole
    (the swipe's note "left ... · right ..." widens the box as its dates do)."""
    legends = [s.legend(pictures, scene, viewport) for s in (old, new)]
    if legends[0] is None or legends[0] != legends[1] or \
            without_date_line(old.panels) != without_date_line(new.panels):
        return legends
    return [s.date(pictures, scene, viewport) for s in (old, new)]


def _undated(settings: RenderSettings) -> RenderSettings:
    """``settings`` without what a step of the dates changes."""
    return replace(settings, at=EPOCH, date_note=None, compare_from=None)


def _overlay_rect(pictures: ComparePictures, viewport: Viewport,
                  keys: tuple[PathKey, ...] | None) -> QRectF | None:
    """The pixels the difference's overlay of ``keys`` covers."""
    if keys is None:
        return None
    bounds = QPainterPath()
    for key in keys:
        for path in pictures.differences[key]:
            if not path.isEmpty():
                bounds.addRect(path.boundingRect())
    if bounds.isEmpty():
        return None
    return viewport.transform.mapRect(bounds.boundingRect())
