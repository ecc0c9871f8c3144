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
    """Rectangles already taken, in a grid of buckets so a test looks at few of them."""

    def __init__(self, cell: float):
        self.cell = cell
        self.buckets: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, rect: QRectF) -> list[tuple[int, int]]:
        c = self.cell
        left, top, right, bottom = rect.getCoords()
        js = range(int(top // c), int(bottom // c) + 1)
        return [(i, j) for i in range(int(left // c), int(right // c) + 1) for j in js]

    def free(self, rect: QRectF) -> bool:
        buckets = self.buckets
        for key in self._keys(rect):
            for other in buckets.get(key, ()):
                if rect.intersects(other):
                    return False
        return True

    def add(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self.buckets.setdefault(key, []).append(rect)
