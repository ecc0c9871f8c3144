"""The change areas on the map: the highlight window's gains and losses (merged), the
changes the report filter leaves out (dimmed), a comparison's difference, and the
selected changes' outlines."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from viewer.model import Layer
from viewer.render import styles as st
from viewer.render.big_layers import draw_big_window
from viewer.render.fills import fill_area, stroke_edge
from viewer.render.scene import DENSE_RINGS, MapScene
from viewer.render.settings import RenderSettings
from viewer.render.viewport import Viewport


def highlight_ids(scene: MapScene, settings: RenderSettings, visible: set[str]) -> tuple[str, ...]:
    """The changes highlighted: those of the window (at - days, at] on visible layers."""
    days = settings.days(scene.situation)
    if days <= 0:
        return ()
    return tuple(c.id for c in scene.situation.recent_changes(settings.at, days)
                 if c.layer_id in visible)


def merged_windows(scene: MapScene, settings: RenderSettings, visible: set[str]
                   ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The windows draw_highlights merges: the highlighted changes but those the report
    filter dims, and those it dims."""
    ids = highlight_ids(scene, settings, visible)
    dimmed = settings.dimmed_changes
    if not dimmed:
        return ids, ()
    return tuple(c for c in ids if c not in dimmed), tuple(c for c in ids if c in dimmed)


def draw_highlights(painter: QPainter, scene: MapScene, settings: RenderSettings,
                    visible: set[str], viewport: Viewport, boxes=None) -> None:
    """The highlight window's gains and losses, each merged into one area with one
    outline (not an outline per day); ``boxes``: see draw_layers.dirty_boxes."""
    ids, dimmed = merged_windows(scene, settings, visible)
    if dimmed:
        draw_dimmed(painter, scene, settings, dimmed)
    if not ids:
        return
    gain, loss = st.change_colours(settings.palette)
    alpha = st.highlight_opacity(settings.palette)
    if draw_big_window(painter, scene, viewport, ids,
                       (st.color(gain, alpha), st.color(loss, alpha)),
                       lambda t: highlight_ids(scene, replace(settings, at=t), visible)):
        return
    gained, lost = scene.window_areas(ids)
    dense = len(scene.changes_bounds(ids)) > DENSE_RINGS
    for side, area, colour in ((1, lost, loss), (0, gained, gain)):
        if not area.is_empty:
            fill_area(painter, area.fill_path(boxes),
                      st.brush(colour, st.highlight_opacity(settings.palette)), dense)
            # dense: a hairline, whose stroke costs no stroker and no antialiasing
            pen = st.pen(colour, 0.0 if dense else settings.px(1.8), 0.95)
            if dense:
                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            area.stroke(painter, scene, ("highlight", ids, side), pen, boxes)
            if dense:
                painter.restore()


def draw_dimmed(painter: QPainter, scene: MapScene, settings: RenderSettings,
                ids: tuple[str, ...]) -> None:
    """Changes the report filter leaves out: a faint grey area with a dashed edge."""
    pen = st.pen(st.DIMMED, settings.px(1.0), 0.8, Qt.PenStyle.DashLine)
    for path in (area.fill_path() for area in reversed(scene.window_areas(ids))):
        if not path.isEmpty():
            painter.fillPath(path, st.brush(st.DIMMED, st.DIMMED_OPACITY))
            painter.strokePath(path, pen)


def draw_difference(painter: QPainter, scene: MapScene, settings: RenderSettings,
                    layers: list[Layer], paths=None) -> None:
    """The ground each layer gained since ``settings.compare_from`` (and, with
    ``show_lost``, lost), each as one area with one outline; ``paths(layer id, a, b)``:
    where those areas come from (default: measured now, ``scene.difference_paths``)."""
    gain, loss = st.change_colours(settings.palette)
    paths = paths or scene.difference_paths
    for layer in layers:
        gained, lost = paths(layer.id, settings.compare_from, settings.at)
        sides = [(1, lost, loss)] if settings.show_lost else []
        for side, path, colour in sides + [(0, gained, gain)]:
            if not path.isEmpty():
                painter.fillPath(path, st.brush(colour, st.DIFFERENCE_OPACITY))
                stroke_edge(painter, scene, ("difference", layer.id, settings.compare_from,
                                       settings.at, side), path,
                      st.pen(colour, settings.px(1.4), 0.95))


def draw_selection(painter: QPainter, scene: MapScene, settings: RenderSettings) -> None:
    for change_id in sorted(settings.selected_changes):
        try:
            paths = scene.change_paths(change_id)
        except KeyError:            # not a change of this situation
            continue
        for path in paths:
            if not path.isEmpty():
                painter.strokePath(path, st.pen(st.HALO, settings.px(4.0), 0.9))
                painter.strokePath(path, st.pen(st.SELECTED, settings.px(2.0)))
