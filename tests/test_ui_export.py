"""Exporting and copying the map: the asked size and format, the same picture as the
window shows, and a clear message when the file can't be written."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QDialog, QMessageBox

from factories import D
from ui_helpers import close_to, pixel_point
from viewer.ui.export_dialog import ExportDialog


def _accept_with(monkeypatch, choose):
    """Make ExportDialog.exec() fill in the real dialog with ``choose`` and accept."""
    def fake_exec(dialog: ExportDialog) -> int:
        choose(dialog)
        dialog.accept()
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(ExportDialog, "exec", fake_exec)


def test_export_dialog_writes_a_full_hd_png(window, monkeypatch, tmp_path):
    target = tmp_path / "map.png"

    def choose(d: ExportDialog) -> None:
        d.size_box.setCurrentIndex(d.size_box.findText("Full HD (1920 × 1080)"))
        d.path_edit.setText(str(target))
    _accept_with(monkeypatch, choose)
    window.window_actions.export.trigger()
    assert QImage(str(target)).size().toTuple() == (1920, 1080)


def test_export_default_size_is_the_canvas_in_device_pixels(window, monkeypatch, tmp_path):
    target = tmp_path / "screen"
    _accept_with(monkeypatch, lambda d: d.path_edit.setText(str(target)))
    window.window_actions.export.trigger()
    dpr = window.devicePixelRatioF()
    expected = (round(window.canvas.width() * dpr), round(window.canvas.height() * dpr))
    assert QImage(str(target) + ".png").size().toTuple() == expected


def test_choosing_a_format_sets_the_suffix_and_the_suffix_sets_the_format(window, tmp_path):
    d = ExportDialog(window.canvas.size(), 1.0, "A title", D[10], str(tmp_path), window)
    assert d.path.endswith("a-title-2025-06-10.png")
    d.format_box.setCurrentIndex(d.format_box.findData(".pdf"))
    assert d.path.endswith(".pdf")
    d.path_edit.setText(str(tmp_path / "x.svg"))
    assert d.format_box.currentData() == ".svg"
    d.size_box.setCurrentIndex(d.size_box.findData(None))        # custom
    d.width_box.setValue(640)
    d.height_box.setValue(480)
    assert d.image_size == (640, 480) and d.width_box.isEnabled()
    d.deleteLater()


@pytest.mark.parametrize("suffix, magic", [(".pdf", b"%PDF"), (".svg", b"<?xml")])
def test_vector_exports(window, tmp_path, suffix, magic):
    target = tmp_path / f"map{suffix}"
    assert window.images.export_to(target, (800, 500))
    assert target.read_bytes().startswith(magic)


def test_the_export_shows_what_the_window_shows(window, tmp_path):
    window.cursor_model.set_time(D[6])
    window.canvas.zoom_by(1.7, pixel_point(window.canvas, 30.8, 48.3).toPointF())
    size = (window.canvas.width(), window.canvas.height())
    target = tmp_path / "same.png"
    assert window.images.export_to(target, size)
    exported = QImage(str(target))
    shown = window.canvas.grab().toImage()
    assert exported.size() == shown.size()
    w, h = size
    points = [QPoint(w * i // 8, h * j // 8) for i in range(1, 8) for j in range(1, 8)]
    points.append(pixel_point(window.canvas, 30.8, 48.3))        # in the recent gain
    distinct = {shown.pixelColor(p).name() for p in points}
    assert len(distinct) >= 3                                    # not a blank picture
    for p in points:
        assert close_to(exported.pixelColor(p), shown.pixelColor(p), 3), p


def test_export_to_a_missing_folder_says_why(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    assert not window.images.export_to(tmp_path / "nowhere" / "map.png", (300, 200))
    assert len(shown) == 1 and "nowhere" in shown[0]


def test_copy_image_puts_the_view_on_the_clipboard(window):
    QGuiApplication.clipboard().clear()
    window.window_actions.copy_image.trigger()
    image = QGuiApplication.clipboard().image()
    dpr = window.devicePixelRatioF()
    assert image.size().toTuple() == (round(window.canvas.width() * dpr),
                                      round(window.canvas.height() * dpr))


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    # a copy while ``image`` lives: the view does not keep the converted image's memory
    return rows[:, :image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3].copy()


def test_the_window_and_the_export_agree_everywhere_as_the_time_moves(window, tmp_path):
    """Every pixel, with the title, date, legend and scale bar on the map: the window's
    cached panels and date must follow the time as the export (drawn afresh) does."""
    window.canvas.set_decorations(True)
    size = (window.canvas.width(), window.canvas.height())
    for day in (3, 6, 12, 6):
        window.cursor_model.set_time(D[day])
        target = tmp_path / f"day{day}.png"
        assert window.images.export_to(target, size)
        shown = _rgb(window.canvas.grab().toImage()).astype(int)
        exported = _rgb(QImage(str(target))).astype(int)
        differ = np.abs(shown - exported).max(axis=2) > 3
        inside = differ[1:-1, 1:-1]         # the outermost pixels may differ by clipping
        assert inside.sum() == 0, (day, np.argwhere(inside)[:5])


def test_the_window_and_the_export_agree_after_dragging_the_map(window, tmp_path, qtbot):
    """A drag shifts the cached background (drawn beyond the view once it pans) and
    labels instead of drawing them again; when it ends, the picture must be exactly what
    a fresh drawing of the new view gives."""
    from ui_helpers import drag_canvas
    window.canvas.set_decorations(True)
    size = (window.canvas.width(), window.canvas.height())
    for steps in ([(12, 5)] * 6, [(-30, 17)] * 4, [(300, 0)] * 2):   # the last: past the margin
        drag_canvas(qtbot, window.canvas, steps)
        target = tmp_path / "dragged.png"
        assert window.images.export_to(target, size)
        shown = _rgb(window.canvas.grab().toImage()).astype(int)
        exported = _rgb(QImage(str(target))).astype(int)
        inside = (np.abs(shown - exported).max(axis=2) > 3)[1:-1, 1:-1]
        assert inside.sum() == 0, (steps[0], np.argwhere(inside)[:5])
