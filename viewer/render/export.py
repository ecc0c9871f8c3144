"""Export: the map as an image, or as a PNG, SVG or PDF file chosen by the suffix."""

from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from viewer.io import atomic
from viewer.io.errors import SituationError
from viewer.render import styles as st
from viewer.render.map_texts import attribution_text, map_title
from viewer.render.draw import draw_map
from viewer.render.fonts import ensure_fonts
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings
from viewer.model.messages import QT_TRANSLATE_NOOP, message

SCREEN_DPI = 96          # SVG and PDF: one output pixel is 1/96 inch (CSS pixel)


def render_image(scene: MapScene, settings: RenderSettings, wait: bool = True) -> QImage:
    """The map as an ARGB32_Premultiplied image of ``settings.size``. ``wait``: a big
    state's Display (viewer.render.big_layers) missing for this zoom is made now; else
    the scene's builder is asked for it and a stand-in drawn meanwhile (a window's)."""
    ensure_fonts()
    width, height = settings.size
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(st.WATER))
    painter = QPainter(image)
    try:
        with scene.big.synchronous() if wait else nullcontext():
            draw_map(painter, scene, settings)
    finally:
        painter.end()
    return image


Paint = Callable[[QPainter, QRectF], None]      # draws a picture into a rect


def render_to_file(scene: MapScene, settings: RenderSettings, path: str | os.PathLike) -> None:
    """Write the map to ``path``: .png, .svg or .pdf, atomically (a crash leaves the old
    file or the new one). Raises SituationError when the suffix is not one of those, the
    target is not a regular file (a FIFO, a device) or the file can't be written."""
    paint_to_file(path, settings.size, map_title(scene, settings), attribution_text(scene),
                  lambda painter, rect: _draw_all(painter, scene, settings, rect))


def paint_to_file(path: str | os.PathLike, size: tuple[int, int], title: str,
                  description: str, paint: Paint) -> None:
    """Write what ``paint(painter, rect)`` draws over ``size`` pixels to ``path`` (.png,
    .svg or .pdf by its suffix; in SVG and PDF text stays text), atomically."""
    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        kind = f"{path.suffix} files" if path.suffix else "a file without a suffix"
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "can't write %1; use .png, .svg or .pdf"), kind))
    atomic.check_target(str(path), os.path.realpath(path))   # before the drawing
    ensure_fonts()
    data = writer(size, title, description, paint)
    if not data:
        raise SituationError(path, message(QT_TRANSLATE_NOOP(
            "Core", "Qt could not draw the map as %1"), path.suffix.lower()))
    atomic.write_bytes(path, data)     # beside the target, then renamed over it


def write_png(image: QImage, path: str | os.PathLike, title: str) -> None:
    """``image`` as a PNG file, atomically."""
    image.setText("Title", title)

    def fill(tmp: str) -> None:
        if not image.save(tmp, "PNG"):
            raise SituationError(path, message(QT_TRANSLATE_NOOP(
                "Core", "Qt could not write the PNG")))
    atomic.write_file(path, fill)


def _png(size, title: str, description: str, paint: Paint) -> bytes:
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(st.WATER))
    painter = QPainter(image)
    try:
        paint(painter, QRectF(0, 0, *size))
    finally:
        painter.end()
    image.setText("Title", title)
    return _into_buffer(lambda buf: image.save(buf, "PNG"))


def _svg(size, title: str, description: str, paint: Paint) -> bytes:
    width, height = size

    def write(buf: QBuffer) -> bool:
        generator = QSvgGenerator()
        generator.setOutputDevice(buf)
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRect(0, 0, width, height))
        generator.setResolution(SCREEN_DPI)
        generator.setTitle(title)
        generator.setDescription(description)
        return _paint(generator, paint, QRectF(0, 0, width, height))
    return _into_buffer(write)


def _pdf(size, title: str, description: str, paint: Paint) -> bytes:
    width, height = size

    def write(buf: QBuffer) -> bool:
        writer = QPdfWriter(buf)
        points = QSizeF(width * 72 / SCREEN_DPI, height * 72 / SCREEN_DPI)
        writer.setPageSize(QPageSize(points, QPageSize.Unit.Point, "",
                                     QPageSize.SizeMatchPolicy.ExactMatch))
        writer.setPageMargins(QMarginsF(0, 0, 0, 0))
        writer.setResolution(SCREEN_DPI)
        writer.setTitle(title)
        writer.setCreator("Situation Viewer")
        return _paint(writer, paint, None)
    return _into_buffer(write)


def _paint(device, paint: Paint, rect: QRectF | None) -> bool:
    painter = QPainter()
    if not painter.begin(device):
        return False
    if rect is None:            # the device's own page, in its pixels
        rect = QRectF(0, 0, painter.device().width(), painter.device().height())
    try:
        painter.fillRect(rect, QColor(st.WATER))
        paint(painter, rect)
    finally:
        ok = painter.end()
    return ok


def _draw_all(painter: QPainter, scene: MapScene, settings: RenderSettings, rect) -> None:
    with scene.big.synchronous():           # a file has every layer, made now
        draw_map(painter, scene, settings, rect)


def _into_buffer(write) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = write(buf)
    buf.close()
    return bytes(data.data()) if ok else b""


_WRITERS = {".png": _png, ".svg": _svg, ".pdf": _pdf}
