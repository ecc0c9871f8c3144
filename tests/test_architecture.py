"""The layering holds: the core never pulls in Qt, the CLI never pulls in widgets."""

import subprocess
import sys


def _modules_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_core_packages_import_no_qt():
    mods = _modules_after_import("viewer.model, viewer.io.errors, viewer.analysis.summary")
    assert not {m for m in mods if m.startswith(("PySide6", "pyqtgraph", "shiboken6"))}


def test_cli_imports_no_widgets():
    mods = _modules_after_import("viewer.cli.main")
    assert "PySide6.QtWidgets" not in mods
    assert not {m for m in mods if m.startswith(("pyqtgraph", "viewer.ui"))}


def test_render_uses_qtgui_only():
    mods = _modules_after_import("viewer.render.export, viewer.render.headless")
    assert "PySide6.QtGui" in mods
    assert "PySide6.QtWidgets" not in mods
    assert not {m for m in mods if m.startswith(("pyqtgraph", "viewer.ui"))}
