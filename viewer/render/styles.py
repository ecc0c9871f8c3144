"""The map's palette and the pens and brushes derived from it and from layer styles.

Muted base map (pale land, grey-blue surroundings, fine grey borders) so the layers
and the recent changes carry the colour.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from viewer.model import Layer, Situation
from viewer.model.style import Style

WATER = "#dfe7ec"             # background: sea and anything not covered
CONTEXT_FILL = "#ebe9e4"      # neighbouring countries
CONTEXT_BORDER = "#c6c1b8"
REGION_FILL = "#faf9f6"       # the situation's own regions
REGION_BORDER = "#b8b2a7"
COUNTRY_BORDER = "#6b665e"
CONTEXT_WATER = "#aac8e2"     # lakes, reservoirs, wide rivers (context features)
CONTEXT_RIVER = "#4f86c0"     # river lines
CONTEXT_ROAD = "#9b958b"
CONTEXT_RAIL = "#5f5a53"
CONTEXT_OTHER = "#a9a399"
CONTEXT_OTHER_FILL = "#e4e1db"

GAIN = "#7b1020"              # area gained in the highlight window (dark crimson)
LOSS = "#1f78b4"              # area lost in the highlight window (blue)
HIGHLIGHT_OPACITY = 0.18       # a tint: the layer style underneath stays readable
DIFFERENCE_OPACITY = 0.45      # ground gained or lost between two dates (compare, trail)
DIMMED = "#7a7a7a"            # a change the report filter leaves out
DIMMED_OPACITY = 0.12
SELECTED = "#111111"
HALO = "#ffffff"

TEXT = "#24211d"
TEXT_MUTED = "#6f695f"
REGION_LABEL = "#7d766b"
CONTEXT_LABEL = "#a19b90"
PANEL = QColor(255, 255, 255, 235)
PANEL_BORDER = "#cfcac1"

# The colour-blind-safe set (View ▸ Colours): Okabe & Ito's palette (2008; Wong, Nature
# Methods 8:441, 2011), which stays distinct under deuteranopia and protanopia
# (tests/test_colour_blind.py simulates both on a render). Layers take its colours in
# their order (bluish green, yellow, black, then reddish purple and sky blue); gains are
# its vermillion, losses its blue, as a stronger tint than the standard set's (the first
# three and the gains over each of them were chosen by the simulation's ΔE).
PALETTES = ("standard", "colour-blind")
SAFE_LAYER_COLOURS = ("#009E73", "#F0E442", "#000000", "#CC79A7", "#56B4E9")
SAFE_GAIN = "#D55E00"
SAFE_LOSS = "#0072B2"
SAFE_HIGHLIGHT_OPACITY = 0.5

HATCH_SPACING = 7.0           # pixels between hatch lines at scale 1
HATCH_WIDTH = 1.0             # 1 px keeps Qt's fast cosmetic line path
HATCH_TINT = 0.35             # tint opacity under hatching, relative to the layer opacity


def color(hex_color: str, alpha: float = 1.0) -> QColor:
    c = QColor(hex_color)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


def pen(hex_color: str | QColor, width: float, alpha: float = 1.0,
        style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A cosmetic pen: ``width`` is in pixels whatever the zoom."""
    c = QColor(hex_color) if isinstance(hex_color, str) else QColor(hex_color)
    if alpha != 1.0:
        c.setAlphaF(max(0.0, min(1.0, c.alphaF() * alpha)))
    p = QPen(c, width, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setCosmetic(True)
    return p


def brush(hex_color: str, alpha: float = 1.0) -> QBrush:
    return QBrush(color(hex_color, alpha))


def layer_style(layer: Layer, situation: Situation, palette: str = "standard") -> Style:
    """How ``layer`` is drawn: its own style, or in the colour-blind set the palette's
    colour for its place in the situation's layers (hatching and opacity kept)."""
    if palette != "colour-blind":
        return layer.style
    index = next((i for i, l in enumerate(situation.layers) if l.id == layer.id), 0)
    return replace(layer.style, color=SAFE_LAYER_COLOURS[index % len(SAFE_LAYER_COLOURS)],
                   outline="")


def change_colours(palette: str = "standard") -> tuple[str, str]:
    """The colours of the gains and the losses."""
    return (SAFE_GAIN, SAFE_LOSS) if palette == "colour-blind" else (GAIN, LOSS)


def highlight_opacity(palette: str = "standard") -> float:
    return SAFE_HIGHLIGHT_OPACITY if palette == "colour-blind" else HIGHLIGHT_OPACITY


def outline_color(layer: Layer | Style) -> QColor:
    """The outline colour of a layer (or style): its style's, or a darker shade of its fill."""
    style = layer if isinstance(layer, Style) else layer.style
    if style.outline:
        return QColor(style.outline)
    return QColor(style.color).darker(150)


def swatch(layer: Layer | Style, opacity: float) -> tuple[QBrush, QPen]:
    """Legend swatch for a layer (or style): its fill (a tint for hatched layers) and its
    outline."""
    style = layer if isinstance(layer, Style) else layer.style
    if style.hatch:
        fill = brush(style.color, opacity * HATCH_TINT)
    else:
        fill = brush(style.color, opacity)
    return fill, pen(outline_color(style), 1.0, min(1.0, opacity + 0.4))
