"""A file opened from its first view shows its whole situation in two frames: the map
and panels first, its place and region names in the next (each frame holds the event
loop for less than the two together). Once the open has settled the screen shows
the names, as a full repaint does."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from factories import growing_situation
from test_ui_compare_steps import _on_screen
from ui_helpers import PaintRects
from viewer.io.situation_file import write_situation
from viewer.model import Place


def _dark(image: QImage) -> int:
    """Pixels dark enough to be the names' text (the map's fills and lines are paler)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rgb = raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width(), :3]
    return int((rgb.max(axis=2) < 70).sum())


def test_the_names_come_in_the_frame_after_the_whole_file(window, qtbot, tmp_path,
                                                          monkeypatch):
    situation = growing_situation()
    situation.places = [Place(f"p{i}", {"en": f"Town number {i}"}, 30.2 + 0.6 * i, 48.6,
                              population=2_000_000) for i in range(5)]
    situation.reindex()
    path = tmp_path / "towns.gpkg"
    write_situation(situation, path)
    canvas = window.canvas
    before = window.situation
    paints = PaintRects(canvas)
    adopted: list[int] = []             # paints before the whole file was adopted
    laid_out: list[int] = []            # the paint each labels pixmap was asked in
    window.situation_loaded.connect(lambda _: adopted.append(len(paints.areas)))
    real = canvas.base_pixmaps.labels

    def labels(*args, **kwargs):
        laid_out.append(len(paints.areas))
        return real(*args, **kwargs)
    monkeypatch.setattr(canvas.base_pixmaps, "labels", labels)
    window.files.open_file(path)
    qtbot.waitUntil(lambda: window.situation is not before and bool(laid_out)
                    and not canvas._labels_timer.isActive(), timeout=10000)
    qtbot.wait(1)
    assert adopted and min(laid_out) >= adopted[0] + 2      # not in the whole file's first
    shown, whole = _on_screen(canvas)
    assert shown == whole                   # the names are on the screen
    assert _dark(shown) > 300
