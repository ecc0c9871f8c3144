"""How a layer looks: colour, opacity, hatching. Plain values, no Qt."""

from __future__ import annotations

import re
from dataclasses import dataclass
from viewer.model.messages import QT_TRANSLATE_NOOP, message

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Style:
    color: str = "#d62728"      # fill colour, #rrggbb
    opacity: float = 0.45       # fill opacity 0..1
    hatch: bool = False         # diagonal hatching instead of a solid fill
    outline: str = ""           # outline colour, "" = a darker shade of ``color``

    def __post_init__(self) -> None:
        if not _HEX.match(self.color):
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "style colour must be #rrggbb, got %1"), repr(self.color)))
        if self.outline and not _HEX.match(self.outline):
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "style outline must be #rrggbb, got %1"), repr(self.outline)))
        if not 0.0 <= self.opacity <= 1.0:
            raise ValueError(message(QT_TRANSLATE_NOOP(
                "Core", "style opacity must be within 0..1, got %1"), repr(self.opacity)))


_DEFAULTS = {
    "assessed-control": Style("#c0392b", 0.45),
    "assessed-advance": Style("#e74c3c", 0.55),
    "claimed": Style("#8e44ad", 0.35, hatch=True),
    "incursion": Style("#e67e22", 0.5),
    "contested": Style("#f1c40f", 0.45, hatch=True),
}


def default_style(kind: str) -> Style:
    return _DEFAULTS.get(kind, Style("#7f8c8d", 0.4))
