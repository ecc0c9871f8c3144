"""Where the map's panels go and what of them fits: the legend (title, date, key) top
left, the scale bar bottom left, the attribution bottom right, or above the scale bar
when the map is too narrow for both side by side.

As the map gets small the text shrinks (down to 70 %), then the legend folds: first the
highlight rows go, then the layer rows, then the title keeps the lines that fit and ends
in "…". The rectangles never overlap and stay inside the map; ``layout`` returns them,
so tests (and the labels, which keep clear of them) see exactly what is drawn.

The layout depends on the map's size, the texts and the options, never on where the
view is, so the window can cache the legend and attribution while the map pans: the
scale bar's box is the widest bar it may draw (a 1, 2 or 5 step of at most 160 px).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from viewer.render.fonts import map_font
from viewer.render.language import current_language, format_long_date

ELLIPSIS = "…"
MIN_FIT = 0.7             # the smallest text, as a share of the full size
BAR_MAX = 160             # px at scale 1: the longest scale bar
CHIP_SHARE = 0.05         # an attribution covering more of the map is folded to its chip
LEGEND_MARGIN, LEGEND_PAD = 14, 12    # px at scale 1: the legend from the map's edge; its text


@dataclass(frozen=True)
class Layout:
    e: float                              # pixel scale of every size (render scale x fit)
    legend: QRectF | None
    title_lines: tuple[str, ...]
    title_font: QFont
    date_font: QFont
    item_font: QFont
    items: int                            # how many key rows are shown
    date_width: float
    scale_box: QRectF                     # the widest scale bar's panel
    bar_max: float                        # the longest bar it may draw, px
    attribution: QRectF | None
    attribution_lines: tuple[str, ...]
    attribution_font: QFont
    attribution_folded: bool = False      # the chip stands for the attribution

    def rects(self) -> list[QRectF]:
        """Copies: a layout is shared by every frame of its size and texts (``layout``)."""
        return [QRectF(r) for r in (self.legend, self.scale_box, self.attribution)
                if r is not None]


def wrap(text: str, m: QFontMetricsF, width: float, max_lines: int = 1000) -> list[str]:
    """``text`` in lines no wider than ``width`` (word by word; a word too long, or the
    last line when more would not fit in ``max_lines``, ends in "…")."""
    lines: list[str] = []
    words = text.split()
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if m.horizontalAdvance(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += " " + ELLIPSIS
    mode = Qt.TextElideMode.ElideRight
    return [m.elidedText(l, mode, width) if m.horizontalAdvance(l) > width else l
            for l in lines]


@lru_cache(maxsize=64)
def wrapped(text: str, size: float, bold: bool, width: float,
            max_lines: int = 1000) -> tuple[str, ...]:
    """``wrap`` in the map font of ``size`` px, kept: a layout made again for a new date
    note (the swipe's, at each step) wraps the same title and attribution."""
    return tuple(wrap(text, QFontMetricsF(map_font(size, bold)), width, max_lines))


@lru_cache(maxsize=4)
def widest_date(lang: str, size: float) -> float:
    """The widest date the legend may show in ``lang``: its panel keeps its width as
    the dates change."""
    return QFontMetricsF(map_font(size)).horizontalAdvance(widest_date_text(lang, True))


@lru_cache(maxsize=8)
def widest_date_text(lang: str, timed: bool) -> str:
    """The date of the widest month in ``lang`` (with a time if ``timed``), in the
    legend's font: what a note made of dates (the comparison's) reserves room for, each
    date this wide."""
    m = QFontMetricsF(map_font(13.0))
    hour, minute = (23, 59) if timed else (0, 0)
    return max((format_long_date(datetime(2025, month, 28, hour, minute))
                for month in range(1, 13)), key=m.horizontalAdvance)


def layout(width: float, height: float, s: float, title: str, item_names: list[str],
           highlight_rows: int, attribution: str, date_note: str = "",
           chip: str = "", note_room: str = "") -> Layout:
    """``fit_layout``, made once per size, texts and interface language: wrapping the
    title and attribution measures some sixty strings, which a time step (whose date
    goes where this says) would otherwise do twice over. ``note_room``: see with_note."""
    base = _cached_layout(width, height, s, title, tuple(item_names), highlight_rows,
                          attribution, "", chip, current_language())
    return with_note(base, width, date_note, note_room) if date_note else base


def with_note(base: Layout, width: float, date_note: str, note_room: str = "") -> Layout:
    """``base`` (laid out with no note) with ``date_note`` in the date's place: the note
    widens the date's line and the legend with it, and nothing else (the rows and title
    lines kept depend on heights alone). The comparison's note ("left ... · right ...")
    changes at every step of B (tests/perf: 0.079 ms laid out whole, 0.037 ms so); it
    comes with a ``note_room`` as wide as any of its dates make it, so the legend keeps
    one width through the steps (RenderSettings.date_note_room)."""
    margin, pad = LEGEND_MARGIN * base.e, LEGEND_PAD * base.e
    inner = width - 2 * margin - 2 * pad
    metrics = QFontMetricsF(base.date_font)
    date_w = max(base.date_width, min(max(metrics.horizontalAdvance(date_note),
                                          metrics.horizontalAdvance(note_room)), inner))
    legend = base.legend
    if legend is not None and date_w > legend.width() - 2 * pad:
        legend = QRectF(legend.x(), legend.y(), date_w + 2 * pad, legend.height())
    return replace(base, legend=legend, date_width=date_w)


@lru_cache(maxsize=16)
def _cached_layout(width, height, s, title, item_names, highlight_rows, attribution,
                   date_note, chip, _language) -> Layout:
    return fit_layout(width, height, s, title, list(item_names), highlight_rows,
                      attribution, date_note, chip)


def fit_layout(width: float, height: float, s: float, title: str, item_names: list[str],
               highlight_rows: int, attribution: str, date_note: str = "",
               chip: str = "") -> Layout:
    """The panels of a ``width`` x ``height`` map at render scale ``s``. ``item_names``
    are the key's rows, the last ``highlight_rows`` of them the gains and losses;
    ``date_note`` a text shown instead of the date (its panel is made as wide); ``chip``
    (a window's canvas) a one-line text shown instead of an attribution that would cover
    more than CHIP_SHARE of the map (as web maps fold theirs to an "i" button)."""
    fit = max(MIN_FIT, min(1.0, width / (900 * s), height / (560 * s)))
    e = s * fit
    margin, gap = 14 * e, 8 * e
    bar_font = map_font(12 * e)
    bm = QFontMetricsF(bar_font)
    bar_max = max(20.0, min(BAR_MAX * e, width - 2 * margin - 20 * e))
    bar_w = min(max(bar_max, bm.horizontalAdvance("5000 km")) + 20 * e, width - 2 * margin)
    bar_h = bm.height() + 12 * e + 20 * e
    scale_box = QRectF(margin, height - margin - bar_h, bar_w, bar_h)

    attr_font = map_font(10.5 * e)
    attr_rect, attr_lines, folded = None, (), False
    if attribution:
        am, pad = QFontMetricsF(attr_font), 7 * e
        beside = min(width * 0.55, width - scale_box.right() - gap - margin) - 2 * pad
        stacked = beside < 140 * e
        text_w = (width - 2 * margin - 2 * pad) if stacked else beside
        max_lines = max(1, int(height * 0.3 / am.lineSpacing()))
        attr_lines = wrapped(attribution, 10.5 * e, False, text_w, max_lines)
        w = max(am.horizontalAdvance(l) for l in attr_lines) + 2 * pad
        h = am.lineSpacing() * (len(attr_lines) - 1) + am.height() + 2 * pad
        if chip and w * h > CHIP_SHARE * width * height:
            attr_lines, folded = wrapped(chip, 10.5 * e, False, text_w, 1), True
            w = am.horizontalAdvance(attr_lines[0]) + 2 * pad
            h = am.height() + 2 * pad
            stacked = w > width - scale_box.right() - gap - margin
        bottom = (scale_box.top() - gap) if stacked else height - margin
        attr_rect = QRectF(width - margin - w, bottom - h, w, h)

    floor = min(scale_box.top(), attr_rect.top() if attr_rect else height) - gap
    legend = _legend(width, floor, e, title, item_names, highlight_rows, date_note)
    return Layout(e, *legend, scale_box, bar_max, attr_rect, attr_lines, attr_font, folded)


def _legend(width, floor, e, title, names, highlight_rows, date_note=""):
    margin, pad = LEGEND_MARGIN * e, LEGEND_PAD * e
    title_font, date_font, item_font = map_font(19 * e, True), map_font(13 * e), map_font(12 * e)
    tm, dm, im = QFontMetricsF(title_font), QFontMetricsF(date_font), QFontMetricsF(item_font)
    inner = width - 2 * margin - 2 * pad
    title_w = max(0.0, min(420 * e, inner, max(width * 0.42, 240 * e)))
    date_w = min(max(widest_date(current_language(), 13 * e), dm.horizontalAdvance(date_note)),
                 inner)
    row_h, key_w = max(im.height(), 14 * e) + 5 * e, 30 * e
    room = floor - margin - 2 * pad
    full = list(wrapped(title, 19 * e, True, title_w)) if title else []
    for rows in (len(names), len(names) - highlight_rows, 0):
        for keep in range(len(full), -1, -1):
            lines = full[:keep] if keep == len(full) else (
                list(wrapped(title, 19 * e, True, title_w, keep)) if keep else [])
            title_h = tm.lineSpacing() * len(lines) + (4 * e if lines else 0)
            h = title_h + dm.height() + (10 * e + row_h * rows if rows else 0)
            if h <= room:
                shown = names[:rows]
                w = max([date_w] + [tm.horizontalAdvance(l) for l in lines]
                        + [min(key_w + im.horizontalAdvance(n), inner) for n in shown])
                rect = QRectF(margin, margin, w + 2 * pad, h + 2 * pad)
                return (rect, tuple(lines), title_font, date_font, item_font, rows, date_w)
            if rows:
                break                 # fold the key before the title
    return None, (), title_font, date_font, item_font, 0, date_w
