"""The difference view's caption: the km² each layer gained, lost and net between A and
B, then the regions where the most changed, in the interface language, drawn as text on
a panel at the top right of the map (text in SVG and PDF too).

The same lines are the compare window's figures and what ``render --compare`` prints,
so the picture and the numbers beside it never disagree."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter

from viewer.analysis.difference import LayerDifference
from viewer.model import Situation
from viewer.model.text import LINE_LIMIT, safe_line
from viewer.render import styles as st
from viewer.render.fonts import map_font
from viewer.render.language import NBSP, fill, format_km2, format_number, translate

REGIONS_SHOWN = 5           # per layer, on the map; the window's list shows all
MIN_KM2 = 0.05              # a region whose gain and loss both round to 0.0 is left out


def signed_km2(value: float) -> str:
    """``+1,234.5 km²`` / ``−12,3 км²`` (a true minus sign); ``0.0 km²`` unsigned for a
    value that rounds to zero at the one decimal shown (never "−0.0")."""
    text = format_km2(abs(value))
    if round(value, 1) == 0:
        return text
    return ("+" if value > 0 else "\u2212") + text


def totals_line(d: LayerDifference) -> str:
    f = d.figures
    return fill(translate("Compare", "gained %1, lost %2, net %3"), format_km2(f.gained_km2),
                format_km2(f.lost_km2), signed_km2(d.net_km2))


def region_rows(situation: Situation, d: LayerDifference, lang: str
                ) -> list[tuple[str, float, float]]:
    """(region name in ``lang``, gained, lost) where the layer changed, largest change
    first."""
    names = {r.id: r.name_in(lang) for r in situation.regions}
    rows = []
    for region_id, (g, lo) in d.figures.by_region.items():
        g, lo = max(g, 0.0), max(lo, 0.0)         # a sliver's area may round below 0
        if g >= MIN_KM2 or lo >= MIN_KM2:
            rows.append((safe_line(names.get(region_id, region_id), LINE_LIMIT), g, lo))
    rows.sort(key=lambda row: -(row[1] + row[2]))
    return rows


def region_line(name: str, gained: float, lost: float) -> str:
    """``Donetsk Oblast: +1,179.6 / −1.2 km² (net +1,178.4 km²)``; a part that rounds
    to zero unsigned (``/ 0.0 km²``, never ``−0.0``)."""
    return fill(translate("Compare", "%1: %2 / %3 (net %4)"), name,
                _signed(gained, "+", format_number(gained)),
                _signed(lost, "\u2212", format_km2(lost)), signed_km2(gained - lost))


def _signed(value: float, sign: str, text: str) -> str:
    return text if round(value, 1) == 0 else sign + text


LAYER, TOTALS, REGION = "layer", "totals", "region"      # the kinds of line


def caption_lines(situation: Situation, diffs: list[LayerDifference], lang: str,
                  regions_shown: int | None = REGIONS_SHOWN) -> list[tuple[str, str]]:
    """(text, kind) for each line: a layer's name, its totals, then its regions
    (``regions_shown`` of them, then how many more; None: all)."""
    return caption_and_list(situation, diffs, lang, regions_shown)[0]


def caption_and_list(situation: Situation, diffs: list[LayerDifference], lang: str,
                     regions_shown: int | None = REGIONS_SHOWN
                     ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The lines of ``caption_lines`` with ``regions_shown`` regions a layer, and with
    all of them (the compare window's figures), each region's line formatted once."""
    shown_lines: list[tuple[str, str]] = []
    every_line: list[tuple[str, str]] = []
    for d in diffs:
        head = [(safe_line(situation.layer(d.layer_id).name, LINE_LIMIT), LAYER),
                (totals_line(d), TOTALS)]
        regions = [(NBSP * 2 + region_line(*row), REGION)
                   for row in region_rows(situation, d, lang)]
        shown = regions if regions_shown is None else regions[:regions_shown]
        shown_lines += head + shown
        if len(regions) > len(shown):
            shown_lines.append((NBSP * 2 + fill(translate("Compare", "and %1 more"),
                                                format_number(len(regions) - len(shown), 0)),
                                REGION))
        every_line += head + regions
    return shown_lines, every_line


def caption_rect(width: float, height: float, s: float,
                 lines: list[tuple[str, str]]) -> QRectF | None:
    """The rectangle ``draw_caption`` fills (None: nothing drawn)."""
    laid = _caption_layout(width, height, s, lines)
    return None if laid is None else laid[0]


def _caption_layout(width, height, s, lines):
    """(rect, [(elided text, kind)], bold font, plain font, pad) of the caption."""
    if not lines:
        return None
    bold, plain = map_font(12 * s, True), map_font(11 * s)
    mb, mp = QFontMetricsF(bold), QFontMetricsF(plain)
    pad, margin = 8 * s, 10 * s
    room = height / 2 - 2 * pad - margin
    fitted, used = [], 0.0
    for text, kind in lines:
        step = (mb if kind == LAYER else mp).lineSpacing()
        if used + step > room:
            break
        fitted.append((text, kind))
        used += step
    if not fitted:
        return None
    limit = max(40.0, width / 2 - 2 * pad - margin)
    texts = [((mb if k == LAYER else mp).elidedText(t, Qt.TextElideMode.ElideRight, limit), k)
             for t, k in fitted]
    inner = max((mb if k == LAYER else mp).horizontalAdvance(t) for t, k in texts)
    rect = QRectF(width - margin - inner - 2 * pad, margin, inner + 2 * pad, used + 2 * pad)
    return rect, texts, bold, plain, pad


def draw_caption(painter: QPainter, width: float, height: float, s: float,
                 lines: list[tuple[str, str]]) -> QRectF | None:
    """The lines on a panel at the top right, as many as fit in the upper half of the
    map and at most half its width (elided); its rectangle (None: nothing drawn)."""
    laid = _caption_layout(width, height, s, lines)
    if laid is None:
        return None
    rect, texts, bold, plain, pad = laid
    mb, mp = QFontMetricsF(bold), QFontMetricsF(plain)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setPen(st.pen(st.PANEL_BORDER, 0.8 * s))
    painter.setBrush(st.PANEL)
    painter.drawRoundedRect(rect, 3 * s, 3 * s)
    y = rect.top() + pad
    for text, kind in texts:
        m = mb if kind == LAYER else mp
        painter.setFont(bold if kind == LAYER else plain)
        painter.setPen(st.color(st.TEXT_MUTED if kind == REGION else st.TEXT))
        painter.drawText(QPointF(rect.left() + pad, y + m.ascent()), text)
        y += m.lineSpacing()
    painter.restore()
    return rect
