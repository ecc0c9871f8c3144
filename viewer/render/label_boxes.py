"""What a label layout is made of: the texts placed (``Text``), the ``Layout`` that holds
them with their dots and boxes, and the ``Occupancy`` grid that says whether a box is
still free."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont


@dataclass(frozen=True)
class Text:
    text: str
    font: QFont
    pos: QPointF                 # start of the baseline, pixels
    colour: str
    width: float = 0.0           # advance with the font's letter spacing


@dataclass
class Layout:
    texts: list[Text] = field(default_factory=list)
    dots: list[tuple[float, float, float, bool]] = field(default_factory=list)  # x, y, r, capital
    boxes: list[QRectF] = field(default_factory=list)   # each placed label, pixels
    placed: list[int] = field(default_factory=list)     # indices of the places labelled
    place_boxes: list[QRectF] = field(default_factory=list)  # their names' boxes, in step

    def add(self, text: Text) -> None:
        self.texts.append(text)


class Occupancy:
    """Rectangles already taken, in a grid of buckets so a test looks at few of them.

    Each bucket holds its rectangles as (left, top, right, bottom) floats, compared as
    ``QRectF.intersects`` compares them (a rectangle of no width or height meets none):
    a layout asks a few thousand times per zoom step, and a QRectF call per stored
    rectangle cost more than the rest of placing a label."""

    def __init__(self, cell: float):
        self.cell = cell
        self.buckets: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(self, left: float, top: float, right: float, bottom: float):
        c = self.cell
        js = range(int(top // c), int(bottom // c) + 1)
        return [(i, j) for i in range(int(left // c), int(right // c) + 1) for j in js]

    def free(self, rect: QRectF) -> bool:
        return self.free_coords(*rect.getCoords())

    def free_coords(self, left: float, top: float, right: float, bottom: float) -> bool:
        """``free`` of the rectangle whose ``QRectF.getCoords()`` these are."""
        if left == right or top == bottom:
            return True
        l, r = (left, right) if left < right else (right, left)
        t, b = (top, bottom) if top < bottom else (bottom, top)
        get, c = self.buckets.get, self.cell
        js = range(int(top // c), int(bottom // c) + 1)
        for i in range(int(left // c), int(right // c) + 1):
            for j in js:
                for ol, ot, o_r, ob in get((i, j), ()):
                    if ol < r and l < o_r and ot < b and t < ob:
                        return False
        return True

    def add(self, rect: QRectF) -> None:
        self.add_coords(*rect.getCoords())

    def add_coords(self, left: float, top: float, right: float, bottom: float) -> None:
        if left == right or top == bottom:
            return                      # meets nothing (as QRectF.intersects says)
        box = (min(left, right), min(top, bottom), max(left, right), max(top, bottom))
        buckets = self.buckets
        for key in self._keys(left, top, right, bottom):
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [box]
            else:
                bucket.append(box)
