"""A function's last few results kept by the identity of the object they were made
from (settings, layouts: immutable objects a paint asks about several times), for
objects that are not hashable or whose equality costs more than the work saved."""

from __future__ import annotations

from typing import Any, Callable


class KeptResults:
    """``get(obj, extra, make)``: ``make()`` once per (object, ``extra``) among the last
    ``size`` asked; the object is held with its result, so its id stays its own."""

    def __init__(self, size: int):
        self.size = size
        self._kept: dict[tuple[int, Any], tuple[object, Any]] = {}

    def get(self, obj: object, extra: Any, make: Callable[[], Any]) -> Any:
        key = (id(obj), extra)
        kept = self._kept.get(key)
        if kept is None or kept[0] is not obj:
            if len(self._kept) >= self.size:
                self._kept.clear()
            kept = self._kept[key] = (obj, make())
        return kept[1]
