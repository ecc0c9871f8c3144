"""The place the user picked (a click on a settlement, or a search result): the Place
panel and the place's tooltip measure the distance from it to each layer."""

from __future__ import annotations

from dataclasses import dataclass

from psygnal import Signal


@dataclass(frozen=True)
class WatchedPlace:
    name: str                   # as the search result or the label reads (plain text)
    lon: float
    lat: float
    place_id: str = ""          # "" for a point that is not one of the situation's places


class PlaceWatch:
    changed = Signal()

    def __init__(self) -> None:
        self._place: WatchedPlace | None = None

    @property
    def place(self) -> WatchedPlace | None:
        return self._place

    def watch(self, place: WatchedPlace | None) -> None:
        if place != self._place:
            self._place = place
            self.changed.emit()

    def clear(self) -> None:
        self.watch(None)
