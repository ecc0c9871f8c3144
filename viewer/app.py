"""The desktop app: ``situation-viewer [FILE] [--at DATE] [--bbox MINLON,MINLAT,MAXLON,MAXLAT]``.

Opens FILE (or the embedded sample) in the main window at its default view and time,
or at DATE. That first file is read before the window appears, so a FILE that can't be
opened ends the app like the CLI does (the one-line reason on stderr, status 2) without
a window flashing up; files opened later load in the background with progress shown.

``SITUATION_VIEWER_SMOKE_TEST=1`` makes it quit by itself with status 0 once the map has
painted its first frame in an exposed window, printing one line on stdout. It is for
checking a build that no Python can drive from outside, such as the standalone bundle
(packaging/bundle_test.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path

from viewer import __version__
from viewer.model.times import parse_time
from viewer.resources import sample_path

USAGE_ERROR = 2
SMOKE_TEST = "SITUATION_VIEWER_SMOKE_TEST"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="situation-viewer",
        description="Show a situation: regions, layers of control over time, and the "
                    "reports behind each change.",
        epilog="Desktop integration for this user (menu entry, icon, .gpkg files open in "
               "the viewer): situation-viewer --install-desktop; remove it with "
               "--uninstall-desktop.")
    parser.add_argument("file", nargs="?", help="situation file (.gpkg); default: the "
                        "embedded sample")
    parser.add_argument("--at", metavar="DATE", help="open at this date or time "
                        "(e.g. 2025-06-13 or 2025-06-13T08:00Z); default: the file's own")
    parser.add_argument("--bbox", metavar="MINLON,MINLAT,MAXLON,MAXLAT",
                        help="open on this lon/lat box (as Edit ▸ Copy View as Command gives)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the window; ``argv`` are the arguments after the program name."""
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    at: datetime | None = None
    if args.at is not None:
        try:
            at = parse_time(args.at)
        except ValueError as exc:
            print(f"--at: {exc}", file=sys.stderr)
            return USAGE_ERROR
    bbox = None
    if args.bbox is not None:
        from viewer.cli.args import ArgumentError, parse_bbox
        try:
            bbox = parse_bbox(args.bbox)
        except ArgumentError as exc:
            print(exc, file=sys.stderr)
            return USAGE_ERROR

    from PySide6.QtWidgets import QApplication

    from viewer.io.errors import SituationError
    from viewer.io.situation_file import read_situation
    from viewer.ui.loader import prepare
    from viewer.ui.main_window import MainWindow
    from viewer.ui.recent_files import APPLICATION, ORGANISATION

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "situation-viewer"])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)

    path = Path(args.file) if args.file else sample_path()
    try:
        loaded = prepare(read_situation(path), path)
    except SituationError as exc:
        print(exc, file=sys.stderr)
        return USAGE_ERROR

    window = MainWindow()
    window.show_loaded(loaded, at)
    if bbox is not None:
        window.canvas.zoom_to_lonlat(bbox)      # kept while the window takes its size
    if os.environ.get(SMOKE_TEST) == "1":
        _close_after_first_frame(window)
    window.show()
    code = app.exec()
    window.close()
    window.deleteLater()
    app.processEvents()
    return code


def _close_after_first_frame(window) -> None:
    """Close ``window`` (so the app quits, status 0) right after the map's first frame."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstFrame(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and window.windowHandle().isExposed():
                watched.removeEventFilter(self)
                QTimer.singleShot(0, self.close)    # after this paint has reached the screen
            return False

        def close(self) -> None:
            print(f"{SMOKE_TEST}: first frame painted on {QApplication.platformName()}",
                  flush=True)
            window.close()

    window.canvas.installEventFilter(FirstFrame(window))
