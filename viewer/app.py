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
from viewer.cli.args import OneLineParser
from viewer.cli.language import asked_language, label, reason, say, speaking, translate
from viewer.model.messages import fill
from viewer.model.times import parse_time
from viewer.resources import sample_path

USAGE_ERROR = 2
SMOKE_TEST = "SITUATION_VIEWER_SMOKE_TEST"
PROG = "situation-viewer"


def _parser() -> OneLineParser:
    from viewer.cli.main import command_lines
    parser = OneLineParser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description=translate("CliHelp", "Show a situation: regions, layers of control over "
                                         "time, and the reports behind each change."),
        epilog=translate("CliHelp", "commands (situation-viewer COMMAND --help for each):")
        + "\n" + command_lines() + "\n"
        + translate("CliHelp", "Desktop integration for this user (menu entry, icon, .gpkg "
                    "files open in the viewer): situation-viewer --install-desktop; remove it "
                    "with --uninstall-desktop."))
    parser.add_argument("file", nargs="?",
                        metavar=translate("CliHelp", "FILE"),
                        help=translate("CliHelp", "situation file (.gpkg); default: the "
                                                  "embedded sample"))
    parser.add_argument("--at",
                        metavar=translate("CliHelp", "DATE"),
                        help=translate("CliHelp", "open at this date or time (e.g. 2025-06-13 "
                                                  "or 2025-06-13T08:00Z); default: the file's "
                                                  "own"))
    parser.add_argument("--bbox", metavar=translate("CliHelp", "MINLON,MINLAT,MAXLON,MAXLAT"),
                        help=translate("CliHelp", "open on this lon/lat box (as Edit ▸ Copy "
                                                  "View as Command gives)"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=translate("CliHelp", "show program's version number and exit"))
    return parser


def _fail(message: str) -> int:
    sys.stderr.write(f"{PROG}: {label('error')} {message}\n")
    return USAGE_ERROR


def _read_first(file: str | None, notices: list[str]):
    """The situation to open first, read before any Qt object exists; SituationError."""
    from viewer.io.situation_file import read_situation
    path = Path(file) if file else sample_path()
    return path, read_situation(path, notices)


def _unknown_word(file: str | None) -> bool:
    """A missing FILE that looks like a mistyped command (no folder, no suffix)."""
    return bool(file) and not os.path.lexists(file) and os.sep not in file \
        and "." not in file


def no_display_reason() -> str | None:
    """Why Qt would find no screen to open a window on, or None. Qt picks the platform
    from QT_QPA_PLATFORM, else wayland (with WAYLAND_DISPLAY) or xcb (with DISPLAY)."""
    if sys.platform != "linux":
        return None
    platform = (os.environ.get("QT_QPA_PLATFORM") or "").split(";")[0].split(":")[0]
    wayland, x11 = os.environ.get("WAYLAND_DISPLAY"), os.environ.get("DISPLAY")
    if platform == "" and not wayland and not x11:
        return translate("Cli", "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)")
    if platform == "xcb" and not x11:
        return translate("Cli", "no display (QT_QPA_PLATFORM=xcb but DISPLAY is not set)")
    if platform.startswith("wayland") and not wayland:
        return fill(translate("Cli", "no display (QT_QPA_PLATFORM=%1 but WAYLAND_DISPLAY is "
                              "not set)"), platform)
    return None


def _start_qt(argv0: str):
    """The QApplication; a platform Qt can't start (no display it can reach) ends the
    process with one line and status 2 instead of Qt's abort and its lines of text."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance()
    if app is not None:
        return app
    said: list[str] = []

    def handler(kind, context, message):
        if kind == QtMsgType.QtFatalMsg:
            first = next((m for m in said if "display" in m), said[0] if said else message)
            sys.stderr.write(f"{PROG}: {label('error')} " + fill(translate(
                "Cli", "can't open a window: %1; run it on a desktop, or under xvfb-run"),
                " ".join(first.split())) + "\n")
            sys.stderr.flush()
            os._exit(USAGE_ERROR)
        said.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        app = QApplication([argv0])
    finally:
        qInstallMessageHandler(previous)
    for message in said:        # what Qt said while starting, passed on as it would be
        sys.stderr.write(message + "\n")
    return app


def main(argv: list[str] | None = None) -> int:
    """Run the window; ``argv`` are the arguments after the program name. The first file
    is read before any Qt object is made, so a bad file, a bad option or a missing
    display each end with one line on stderr and status 2, in the system's language (or
    ``--lang``'s)."""
    argv = sys.argv[1:] if argv is None else argv
    with speaking(asked_language(argv)):
        return _main(argv)


def _main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    at: datetime | None = None
    if args.at is not None:
        try:
            at = parse_time(args.at)
        except ValueError as exc:
            return _fail(f"--at: {reason(exc)}")
    bbox = None
    if args.bbox is not None:
        from viewer.cli.args import ArgumentError, parse_bbox
        try:
            bbox = parse_bbox(args.bbox)
        except ArgumentError as exc:
            return _fail(str(exc))

    from viewer.io.errors import SituationError
    from viewer.cli.main import COMMANDS
    from viewer.model.text import safe_line
    if _unknown_word(args.file):
        return _fail(fill(translate("Cli", "no such file or command: %1 (commands: %2; try "
                                    "--help)"), safe_line(args.file), ", ".join(COMMANDS)))
    notices: list[str] = []
    try:
        path, situation = _read_first(args.file, notices)
    except SituationError as exc:                   # in the system's language, as the CLI
        from viewer.cli.main import error_line
        sys.stderr.write(f"{PROG}: {error_line(exc)}\n")
        return USAGE_ERROR
    for line in notices:
        sys.stderr.write(f"{PROG}: {label('note')} {safe_line(say(line))}\n")
    no_display = no_display_reason()
    if no_display is not None:
        return _fail(fill(translate("Cli", "can't open a window: %1; run it on a desktop, or "
                                    "under xvfb-run"), no_display))

    from viewer.ui.loader import prepare
    from viewer.ui.main_window import MainWindow
    from viewer.ui.recent_files import APPLICATION, ORGANISATION

    app = _start_qt(sys.argv[0] if sys.argv else PROG)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    from viewer.ui.language_menu import apply_saved_language
    apply_saved_language()              # the system's language, or View ▸ Language's

    loaded = prepare(situation, path)
    window = MainWindow()
    window.show_loaded(loaded, at)
    if bbox is not None:
        window.canvas.zoom_to_lonlat(bbox)      # kept while the window takes its size
    if os.environ.get(SMOKE_TEST) == "1":
        _close_after_first_frame(window)
    window.show()
    window.edits.offer_recovery()           # after a crash: the unsaved edits it left
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
