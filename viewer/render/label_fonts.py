"""The labels' fonts and the widths of their texts, made and measured once: a QFont per
thread (a QFont is reentrant, not thread-safe), a text's advance remembered across zoom
steps."""

from __future__ import annotations

import threading
from functools import lru_cache

from PySide6.QtGui import QFont, QFontMetricsF

from viewer.render.fonts import map_font


def label_font(size: float, bold: bool = False,
               spacing: float = 0.0) -> tuple[QFont, QFontMetricsF]:
    """The label font and its metrics, made once per thread: a QFont is reentrant, not
    thread-safe, and an animation is drawn in a worker while the window draws too."""
    return _thread_font(threading.get_ident(), size, bold, spacing)


@lru_cache(maxsize=128)
def _thread_font(thread: int, size: float, bold: bool, spacing: float
                 ) -> tuple[QFont, QFontMetricsF]:
    font = map_font(size, bold, spacing)
    return font, QFontMetricsF(font)


_ADVANCES: dict[tuple[str, str], float] = {}
_FONT_KEYS: dict[int, tuple[QFont, str]] = {}


def font_key(font: QFont) -> str:
    """``font.key()``, remembered for the few fonts ``label_font`` makes (each kept here with
    its key, so its id is never reused for another)."""
    hit = _FONT_KEYS.get(id(font))
    if hit is None or hit[0] is not font:
        if len(_FONT_KEYS) > 256:
            _FONT_KEYS.clear()
        hit = _FONT_KEYS[id(font)] = (font, font.key())
    return hit[1]


def advance(text: str, font: QFont, metrics: QFontMetricsF) -> float:
    """``metrics.horizontalAdvance(text)``, remembered: the same names come back at
    every zoom step, and asking Qt costs more than the rest of placing a label."""
    key = (text, font_key(font))
    width = _ADVANCES.get(key)
    if width is None:
        if len(_ADVANCES) > 50_000:
            _ADVANCES.clear()
        width = _ADVANCES[key] = metrics.horizontalAdvance(text)
    return width
