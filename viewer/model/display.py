"""Display options the user sets per layer: visibility and opacity.

Keys are layer ids, plus the pseudo-layers "regions", "places", "context", "labels".
"""

from __future__ import annotations

from psygnal import Signal


class DisplayOptions:
    changed = Signal(str)   # the key that changed

    def __init__(self) -> None:
        self._hidden: set[str] = set()
        self._opacity: dict[str, float] = {}

    def is_visible(self, key: str) -> bool:
        return key not in self._hidden

    def set_visible(self, key: str, visible: bool) -> None:
        if visible == self.is_visible(key):
            return
        (self._hidden.discard if visible else self._hidden.add)(key)
        self.changed.emit(key)

    def opacity(self, key: str, default: float) -> float:
        return self._opacity.get(key, default)

    def set_opacity(self, key: str, value: float) -> None:
        value = min(max(float(value), 0.0), 1.0)
        if self._opacity.get(key) != value:
            self._opacity[key] = value
            self.changed.emit(key)

    @property
    def hidden(self) -> frozenset[str]:
        return frozenset(self._hidden)

    @property
    def opacities(self) -> tuple[tuple[str, float], ...]:
        return tuple(sorted(self._opacity.items()))
