"""The map's palette and the pens and brushes derived from it and from layer styles.

Muted base map (pale land, grey-blue surroundings, fine grey borders) so the layers
and the recent changes carry the colour.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from viewer.model import Layer

WATER = "#dfe7ec"             # background: sea and anything not covered
CONTEXT_FILL = "#ebe9e4"      # neighbouring countries
CONTEXT_BORDER = "#c6c1b8"
REGION_FILL = "#faf9f6"       # the situation's own regions
REGION_BORDER = "#b8b2a7"
COUNTRY_BORDER = "#6b665e"

GAIN = "#7b1020"              # area gained in the highlight window (dark crimson)
LOSS = "#1f78b4"              # area lost in the highlight window (blue)
HIGHLIGHT_OPACITY = 0.18       # a tint: the layer style underneath stays readable
DIFFERENCE_OPACITY = 0.45      # ground gained or lost between two dates (compare, trail)
SELECTED = "#111111"
HALO = "#ffffff"

TEXT = "#24211d"
TEXT_MUTED = "#6f695f"
REGION_LABEL = "#7d766b"
CONTEXT_LABEL = "#a19b90"
PANEL = QColor(255, 255, 255, 235)
PANEL_BORDER = "#cfcac1"

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


def outline_color(layer: Layer) -> QColor:
    """The layer's outline colour: its style's, or a darker shade of its fill."""
    if layer.style.outline:
        return QColor(layer.style.outline)
    return QColor(layer.style.color).darker(150)


def swatch(layer: Layer, opacity: float) -> tuple[QBrush, QPen]:
    """Legend swatch for a layer: its fill (a tint for hatched layers) and its outline."""
    if layer.style.hatch:
        fill = brush(layer.style.color, opacity * HATCH_TINT)
    else:
        fill = brush(layer.style.color, opacity)
    return fill, pen(outline_color(layer), 1.0, min(1.0, opacity + 0.4))
