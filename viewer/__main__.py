"""``situation-viewer``: a headless command (render, info, ...) or, otherwise, the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv in (["--install-desktop"], ["--uninstall-desktop"]):
        from viewer.desktop_entry import main as desktop_main
        return desktop_main(argv[0])
    from viewer.cli.main import COMMANDS
    if argv and argv[0] in COMMANDS:
        from viewer.cli.main import main as cli_main
        return cli_main(argv)
    from viewer.app import main as app_main
    return app_main(argv)


if __name__ == "__main__":
    sys.exit(main())
