"""A date note in the legend (the comparison's "left ... · right ...", "before the first
state, ...") is laid out from the layout without it (decoration_layout.with_note): the
same panels as laying the whole thing out with the note, whatever the note's length, the
map's size and scale, and a title or key long enough to fold."""

from __future__ import annotations

import pytest

from viewer.render.decoration_layout import fit_layout, layout

TITLE = "Occupied (DeepState) and the claims of the Russian Defence Ministry, summer 2025"
NAMES = ["Occupied (DeepState)", "Claimed by the Russian MoD", "Gained in (A, B]",
         "Lost in (A, B]"]
NOTES = ["", "left 1 June 2025 · right 1 September 2025", "8 Jul 2024",
         "before the first state, 8 July 2024 — nothing is drawn for that date " * 3]


def _fields(lay):
    """The layout's numbers (rectangles as x, y, w, h; None as NaNs) and its texts."""
    def rect(r):
        return (float("nan"),) * 4 if r is None else (r.x(), r.y(), r.width(), r.height())
    numbers = (*rect(lay.legend), lay.date_width, *rect(lay.scale_box),
               *rect(lay.attribution), lay.e)
    return numbers, (lay.title_lines, lay.items, lay.attribution_lines, lay.attribution_folded)


@pytest.mark.parametrize("size", [(1600, 1000, 1.0), (640, 400, 1.0), (320, 240, 1.0),
                                  (3200, 2000, 2.0), (900, 180, 1.0)])
@pytest.mark.parametrize("title", ["", TITLE])
def test_a_note_laid_out_on_the_layout_without_it_is_the_layout_made_with_it(qapp, size, title):
    width, height, s = size
    for note in NOTES:
        made = fit_layout(width, height, s, title, NAMES, 2, "© DeepState, Natural Earth",
                          note)
        got = layout(width, height, s, title, NAMES, 2, "© DeepState, Natural Earth", note)
        (got_numbers, got_texts), (numbers, texts) = _fields(got), _fields(made)
        assert got_texts == texts, (size, note[:20])
        assert got_numbers == pytest.approx(numbers, abs=1e-9, nan_ok=True), (size, note[:20])
    wide = layout(width, height, s, title, NAMES, 2, "x", NOTES[-1])
    plain = layout(width, height, s, title, NAMES, 2, "x", "")
    if plain.legend is not None:            # a long note widens the legend to the map
        assert wide.legend.width() > plain.legend.width()
