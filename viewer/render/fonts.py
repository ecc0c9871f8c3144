"""The bundled fonts: every map is drawn with DejaVu Sans, on any machine."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from viewer.resources import font_paths

_family: str | None = None
_loaded: list[str] = []          # the bundled font files Qt accepted


def ensure_fonts() -> str:
    """Load the bundled ``fonts/*.ttf`` once and return the family name to draw with.

    Needs a QGuiApplication. If the bundled files are missing the system's default
    family is used, so drawing still works (but may differ between machines)."""
    global _family
    if _family is not None:
        return _family
    if QGuiApplication.instance() is None:
        raise RuntimeError("ensure_fonts() needs a QGuiApplication")
    families: list[str] = []
    for path in font_paths():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
            _loaded.append(str(path))
    _family = families[0] if families else QFont().family()
    return _family


def loaded_font_files() -> list[str]:
    """The bundled font files ``ensure_fonts()`` loaded (empty before it runs, or when
    none could be loaded and the system's default family is used instead)."""
    return list(_loaded)


def map_font(pixel_size: float, bold: bool = False, spacing: float = 0.0) -> QFont:
    """The map font at ``pixel_size`` output pixels (not points, so the size does not
    depend on the screen's DPI); unhinted, so text outlines and halos line up exactly."""
    font = QFont(ensure_fonts())
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    if spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return font
