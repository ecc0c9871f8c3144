"""A fixed 256-colour palette built from the map's styles, and a lookup table that maps
a rendered frame to it in a few numpy steps.

The map's colours are known: the base map's, each layer's fill composited over the
grounds it lies on, the highlight and difference tints over those, the panels, text and
lines. Antialiased edges blend one of them into another, so ramps between the colours
drawn over each other fill the rest. One palette for every frame of an animation: no
per-frame colour search (Pillow's median cut costs some 47 ms a frame) and no flicker.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from viewer.model import Situation
from viewer.render import styles as st
from viewer.render.context_draw import LOOK as CONTEXT_LOOK

SIZE = 255              # colours; index 255 is left free (GIF: "unchanged since last frame")
TRANSPARENT = 255
BITS = 6                # per channel in the lookup table (64³ entries)
RAMP_STEPS = (0.2, 0.4, 0.6, 0.8)


def _rgb(hex_color: str) -> np.ndarray:
    hex_color = hex_color.lstrip("#")
    return np.array([int(hex_color[i:i + 2], 16) for i in (0, 2, 4)], float)


def _over(top: np.ndarray, alpha: float, under: np.ndarray) -> np.ndarray:
    return top * alpha + under * (1 - alpha)


def palette_colours(situation: Situation) -> np.ndarray:
    """(SIZE, 3) uint8 RGB: the colours a frame of ``situation`` is drawn with."""
    grounds = [_rgb(c) for c in (st.WATER, st.CONTEXT_FILL, st.REGION_FILL)]
    panel = st.PANEL
    panel_rgb, panel_a = np.array([panel.red(), panel.green(), panel.blue()], float), panel.alphaF()
    areas = list(grounds)
    for layer in situation.layers:
        alpha = layer.style.opacity * (st.HATCH_TINT if layer.style.hatch else 1.0)
        areas += [_over(_rgb(layer.style.color), alpha, g) for g in grounds]
    # context features (rivers, lakes, roads): their fills under the layers, their lines
    looks = [CONTEXT_LOOK[s] for s in dict.fromkeys(f.style for f in situation.context)]
    fills = [_rgb(c) for c in dict.fromkeys(look[0] for look in looks)]
    water = list(fills)
    for layer in situation.layers:
        alpha = layer.style.opacity * (st.HATCH_TINT if layer.style.hatch else 1.0)
        water += [_over(_rgb(layer.style.color), alpha, g) for g in fills]
    context_lines = [_rgb(c) for c in dict.fromkeys(look[1] for look in looks)]
    tinted = []
    for colour in (st.GAIN, st.LOSS):
        tinted += [_over(_rgb(colour), st.HIGHLIGHT_OPACITY, a) for a in areas]
        tinted += [_over(_rgb(colour), st.DIFFERENCE_OPACITY, a) for a in areas]
    panels = [_over(panel_rgb, panel_a, a) for a in areas[:3]]
    lines = [_rgb(c) for c in (st.CONTEXT_BORDER, st.REGION_BORDER, st.COUNTRY_BORDER, st.TEXT,
                               st.TEXT_MUTED, st.REGION_LABEL, st.CONTEXT_LABEL, st.HALO,
                               st.SELECTED, st.PANEL_BORDER, st.GAIN, st.LOSS)]
    lines += [_rgb(layer.style.color) for layer in situation.layers]
    key = areas + tinted + panels + lines + water + context_lines
    ramps = [_over(line, 0.5, g) for line in context_lines for g in grounds[1:]]
    for line in lines[:7] + lines[10:12]:          # lines and text over the areas and panels
        for ground in areas[:3] + panels + areas[3:6]:
            ramps += [_over(line, a, ground) for a in RAMP_STEPS]
    for i, a in enumerate(areas):                   # area edges against each other
        for b in areas[i + 1:]:
            ramps.append(_over(a, 0.5, b))
    colours = _unique(np.array(key), [])
    colours = _unique(np.array(ramps), colours, SIZE)
    while len(colours) < SIZE:                      # greys for anything else
        colours.append(np.full(3, 255.0 * len(colours) / SIZE))
    return np.clip(np.rint(np.array(colours[:SIZE])), 0, 255).astype(np.uint8)


def _unique(candidates: np.ndarray, chosen: list, limit: int | None = None) -> list:
    """``chosen`` plus the candidates at least 3 levels from everything chosen, in order."""
    for c in candidates:
        if limit is not None and len(chosen) >= limit:
            break
        if not chosen or np.abs(np.array(chosen) - c).max(axis=1).min() >= 3:
            chosen.append(c)
    return chosen


@lru_cache(maxsize=4)
def _table(colours_bytes: bytes) -> np.ndarray:
    colours = np.frombuffer(colours_bytes, np.uint8).reshape(-1, 3).astype(np.float32)
    levels = ((np.arange(1 << BITS) << (8 - BITS)) + (1 << (7 - BITS))).astype(np.float32)
    # squared distance is a sum over channels: (levels x colours) per channel, added up
    dr, dg, db = ((levels[:, None] - colours[None, :, i]) ** 2 for i in range(3))
    gb = dg[:, None, :] + db[None, :, :]                  # (g, b, colours)
    out = np.empty((len(levels), len(levels), len(levels)), np.uint8)
    for r in range(len(levels)):                          # nearest colour, one red level at a time
        out[r] = (gb + dr[r]).argmin(axis=2)
    return out.ravel()


class Quantizer:
    """Maps BGRA frames (QImage ARGB32 on a little-endian machine) to palette indices."""

    def __init__(self, colours: np.ndarray):
        self.colours = np.ascontiguousarray(colours, np.uint8)
        self.table = _table(self.colours.tobytes())

    @property
    def palette_bytes(self) -> bytes:
        """768 bytes: the colours, then black up to 256 entries."""
        return self.colours.tobytes().ljust(768, b"\0")

    def indices(self, argb32: np.ndarray) -> np.ndarray:
        """(h, w) uint32 pixels 0xAARRGGBB to (h, w) uint8 palette indices."""
        shift = 8 - BITS
        mask = (1 << BITS) - 1
        key = ((argb32 >> (16 + shift)) & mask) << (2 * BITS)
        key |= ((argb32 >> (8 + shift)) & mask) << BITS
        key |= (argb32 >> shift) & mask
        return self.table[key]
