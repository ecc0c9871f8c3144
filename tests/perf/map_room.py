"""How much of the window the map gets, per window size and language (not a benchmark:
a measurement of the dock layout, dock_layout.py).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/perf/map_room.py [FILE]

FILE defaults to the embedded sample. The sizes are the logical ones a screen gives a new
window (92 % of it): 1024×700; 1400×900 (the default size, on a screen with room for
it) and a 1400×900 screen's; 1920×1200 and 3840×2160 at scale factor 2 (run with
QT_SCALE_FACTOR=2 on such a screen for the same logical sizes).
Prints the map's width and height, their shares, the docks in sight and any tab cut
(elided, or past its bar's end with the bar's scroll arrows shown), in any tab bar in
sight (the docks' and the Reports panel's own).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SIZES = {"1024x700": (942, 644), "1400x900": (1400, 900), "1400x900-screen": (1288, 828),
         "1920x1200@2": (883, 552), "3840x2160@2": (1766, 994)}


def measure(app, situation, path: Path, size: tuple[int, int]) -> str:
    from PySide6.QtWidgets import QDockWidget, QTabBar, QToolButton

    from viewer.ui.loader import prepare
    from viewer.ui.main_window import MainWindow
    window = MainWindow()
    window.resize(*size)
    window.show_loaded(prepare(situation, path))
    window.show()
    for _ in range(30):
        app.processEvents()
    w, h = window.canvas.width(), window.canvas.height()
    shown = [d.objectName().removesuffix("_dock") for d in window.findChildren(QDockWidget)
             if d.isVisible() and not d.visibleRegion().isEmpty()]
    bars = [bar for bar in window.findChildren(QTabBar)
            if bar.isVisible() and not bar.visibleRegion().isEmpty()]
    cut = [bar.tabText(i) for bar in bars for i in range(bar.count())
           if bar.tabRect(i).width() < bar.tabSizeHint(i).width()
           or not bar.rect().contains(bar.tabRect(i))]
    cut += [f"arrows in {bar.tabText(0)}…" for bar in bars
            if any(b.isVisible() for b in bar.findChildren(QToolButton))]
    window.close()
    window.settings.clear()         # the next window starts with the default layout
    window.settings.sync()
    window.deleteLater()
    app.processEvents()
    return (f"map {w}x{h}: {100 * w / size[0]:.1f} % of the width, {100 * h / size[1]:.1f} % "
            f"of the height; docks in sight: {', '.join(sorted(shown))}; "
            f"cut tabs: {cut or 'none'}")


def main() -> None:
    os.environ["SITUATION_VIEWER_CONFIG_DIR"] = tempfile.mkdtemp()
    from PySide6.QtWidgets import QApplication

    from viewer.io.situation_file import read_situation
    from viewer.render.language import install_language
    from viewer.resources import sample_path
    app = QApplication(sys.argv[:1])
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else sample_path()
    situation = read_situation(path)
    for lang in ("en", "uk"):
        install_language(lang)
        for name, size in SIZES.items():
            print(f"{lang} {name} (window {size[0]}x{size[1]}): "
                  f"{measure(app, situation, path, size)}")


if __name__ == "__main__":
    main()
