"""Sketch an area onto a layer (an amendment: a gain or a loss carried forward), and add
a layer to sketch on."""

from __future__ import annotations

from datetime import datetime

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from viewer.model.amendment import Amendment, amend_history, amendment_id
from viewer.model.edits.base import Edit, EditRefused, Touched
from viewer.model.geometry import has_area, polygonal
from viewer.model.history import History
from viewer.model.layer import Layer
from viewer.model.messages import QT_TRANSLATE_NOOP, message
from viewer.model.situation import Situation
from viewer.model.text import safe_line
from viewer.model.times import to_utc


def sketch_polygon(vertices: list[tuple[float, float]]) -> tuple[BaseGeometry, bool]:
    """The area a closed ring of (lon, lat) vertices encloses, and whether it had to be
    repaired (a self-intersecting ring is made valid with shapely's make_valid, which
    keeps every part it encloses). EditRefused when there is no area to keep (its
    argument a Message, which the window shows in the interface language)."""
    points = []
    for lon, lat in vertices:
        if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
            raise EditRefused(message(QT_TRANSLATE_NOOP(
                "Core", "a vertex (%1, %2) is outside longitude -180..180, latitude -90..90"),
                f"{lon:.5f}", f"{lat:.5f}"))
        if not points or points[-1] != (lon, lat):
            points.append((float(lon), float(lat)))
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        raise EditRefused(message(QT_TRANSLATE_NOOP(
            "Core", "a sketch needs at least three different vertices")))
    ring = Polygon(points)
    repaired = not ring.is_valid
    area = polygonal(shapely.make_valid(ring)) if repaired else ring
    if not has_area(area):
        raise EditRefused(message(QT_TRANSLATE_NOOP(
            "Core", "the sketch encloses no area (its vertices are on one line)")))
    return area, repaired


class AddLayer(Edit):
    def __init__(self, layer: Layer):
        self.layer = layer
        self.name = f"Add layer '{safe_line(layer.name, 40)}'"

    def apply(self, situation: Situation) -> Touched:
        if any(l.id == self.layer.id for l in situation.layers):
            raise EditRefused(message(QT_TRANSLATE_NOOP(
                "Core", "there is already a layer with the id %1"), repr(self.layer.id)))
        situation.layers.append(self.layer)
        situation.reindex()
        return Touched(layers=frozenset({self.layer.id}), layer_list=True)

    def revert(self, situation: Situation) -> Touched:
        situation.layers.remove(self.layer)
        situation.reindex()
        return Touched(layers=frozenset({self.layer.id}), layer_list=True)


def empty_layer(layer_id: str, name: str, kind: str, style=None) -> Layer:
    return Layer(layer_id, name, kind, History([], [], []), style,
                 source="sketched by hand in situation-viewer")


class SketchArea(Edit):
    """``op`` 'add' (a gain) or 'subtract' (a loss) of ``geometry`` on layer ``layer_id``
    at ``at``, carried forward to every later state as an amendment (see
    viewer.model.amendment). Reverting puts the layer's old history back."""

    def __init__(self, situation: Situation, layer_id: str, at: datetime, op: str,
                 geometry: BaseGeometry):
        if op not in ("add", "subtract"):
            raise ValueError(f"op must be 'add' or 'subtract', got {op!r}")
        self.layer_id, self.at, self.op = layer_id, to_utc(at), op
        self.geometry = polygonal(geometry)
        if not has_area(self.geometry):
            raise EditRefused(message(QT_TRANSLATE_NOOP(
                "Core", "the sketch encloses no area")))
        layer = situation.layer(layer_id)
        self.change_id = amendment_id(layer_id, self.at, {c.id for c in situation.changes})
        what = "gain" if op == "add" else "loss"
        self.name = (f"Sketch a {what} on '{safe_line(layer.name, 40)}', "
                     f"{self.at.day} {self.at:%b %Y}")
        self._before: tuple[History, list[Amendment]] | None = None

    def apply(self, situation: Situation) -> Touched:
        layer = situation.layer(self.layer_id)
        self._before = (layer.history, list(layer.amendments))
        amendment = Amendment(self.change_id, self.layer_id, self.at, self.op, self.geometry)
        layer.history = amend_history(layer.history, amendment)
        layer.amendments.append(amendment)
        situation.reindex()
        return Touched(layers=frozenset({self.layer_id}), links=True)

    def revert(self, situation: Situation) -> Touched:
        assert self._before is not None, "revert before apply"
        layer = situation.layer(self.layer_id)
        layer.history, layer.amendments[:] = self._before
        situation.reindex()
        return Touched(layers=frozenset({self.layer_id}), links=True)
