"""Render the application icon (resources/desktop/org.situationviewer.Viewer.svg) to the PNG sizes
desktops look for: resources/desktop/icons/<N>x<N>/org.situationviewer.Viewer.png, N = 16..512.

Qt's own SVG renderer (QtSvg, in PySide6-Essentials) draws them, so no extra tool is
needed. Run ``make icons`` after editing the SVG and commit the PNGs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

DESKTOP = Path(__file__).resolve().parents[1] / "resources" / "desktop"
APP_ID = "org.situationviewer.Viewer"
SVG = DESKTOP / f"{APP_ID}.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    for size in SIZES:
        out = DESKTOP / "icons" / f"{size}x{size}" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(out)):
            raise SystemExit(f"{out}: could not write")
        print(out.relative_to(DESKTOP.parents[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
