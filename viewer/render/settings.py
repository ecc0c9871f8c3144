"""What to draw: the time shown, the output size and view, and what is hidden or selected."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from viewer.model import Layer, Situation

# Names in ``hidden`` that are not layer ids.
REGIONS, PLACES, CONTEXT, LABELS = "regions", "places", "context", "labels"
CONTEXT_LAYER = "context-layer:"    # + a context layer's name (rivers, roads...)


def context_layer_key(name: str) -> str:
    """The ``hidden`` entry that hides the context layer ``name``."""
    return CONTEXT_LAYER + name


def hidden_context_layers(hidden: frozenset[str]) -> frozenset[str]:
    """The names of the context layers ``hidden`` hides."""
    return frozenset(h[len(CONTEXT_LAYER):] for h in hidden if h.startswith(CONTEXT_LAYER))


@dataclass(frozen=True)
class RenderSettings:
    at: datetime                                    # time shown (aware UTC)
    size: tuple[int, int] = (1600, 1000)            # output pixels
    # lon/lat; None -> meta.default_bbox or the data extent
    bbox: tuple[float, float, float, float] | None = None
    # projected rect (metres) minx, miny, maxx, maxy; wins over bbox (the window uses it)
    view: tuple[float, float, float, float] | None = None
    highlight_days: float | None = None             # None -> situation.meta.highlight_days
    # the window held to start here (comparing two dates: (since, at]); the key says
    # "since" that date, and so stays put as the time moves
    highlight_since: datetime | None = None
    hidden: frozenset[str] = frozenset()            # layer ids, regions, places, context, labels
    opacity: tuple[tuple[str, float], ...] = ()     # per-layer fill opacity, replacing the style's
    selected_changes: frozenset[str] = frozenset()  # drawn with a strong outline
    dimmed_changes: frozenset[str] = frozenset()    # left out by the report filter: greyed
    decorations: bool = True                        # title, date, legend, scale bar, attribution
    title: str | None = None                        # None -> situation.meta.title
    scale: float = 1.0                              # multiplies line widths and font sizes
    language: str = "en"                            # names on the map: "en" or "uk" first
    date_note: str | None = None                    # shown instead of the date (e.g. "before
    #                                                 the first state, 8 Jul 2024")
    # a text at least as wide as any note these settings' neighbours show (the compare
    # notes, whose dates change at each step): the legend keeps its width, so neither it
    # nor the labels (which keep clear of it) are made again as the dates move
    date_note_room: str = ""
    # the ground gained since this time drawn as one area per layer (a trail, or the
    # difference view with ``show_lost``); replaces the highlight window
    compare_from: datetime | None = None
    show_lost: bool = False
    palette: str = "standard"                       # or "colour-blind" (styles.PALETTES)
    front_line: bool = False                        # each layer's front line (front_lines.py)
    # "full": the whole attribution (every export); "compact": a "Sources" chip instead
    # where the whole of it would cover much of the map (a small window's canvas)
    credits: str = "full"

    def shows(self, name: str) -> bool:
        return name not in self.hidden

    def visible_layers(self, situation: Situation) -> list[Layer]:
        """The layers drawn, bottom first (the order of the situation's layer list)."""
        return [layer for layer in situation.layers if layer.id not in self.hidden]

    def layer_opacity(self, layer: Layer) -> float:
        """The fill opacity of ``layer``: the override if one is given, else its style's."""
        for layer_id, value in self.opacity:
            if layer_id == layer.id:
                return min(1.0, max(0.0, float(value)))
        return layer.style.opacity

    def days(self, situation: Situation) -> float:
        """Length of the highlight window in days (none while comparing)."""
        if self.compare_from is not None:
            return 0.0
        return situation.meta.highlight_days if self.highlight_days is None else self.highlight_days

    def px(self, value: float) -> float:
        """A length in output pixels: ``value`` times the render scale."""
        return value * self.scale
