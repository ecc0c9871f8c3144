"""A layer: a named, styled area that changes over time."""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.model.amendment import Amendment
from viewer.model.history import History
from viewer.model.style import Style, default_style

LAYER_KINDS = ("assessed-control", "assessed-advance", "claimed", "incursion", "contested")


@dataclass(eq=False)
class Layer:
    id: str
    name: str
    kind: str
    history: History
    style: Style | None = None
    description: str = ""
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    amendments: list[Amendment] = field(default_factory=list)   # sketches, in order

    def __post_init__(self) -> None:
        if self.style is None:
            self.style = default_style(self.kind)
