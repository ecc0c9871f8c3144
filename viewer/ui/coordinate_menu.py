"""View ▸ Coordinates: the pointer's position in the status bar in decimal degrees,
degrees-minutes-seconds or MGRS, remembered in the settings (``view/coordinates``)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from viewer.analysis.coordinates import dms, mgrs_reference
from viewer.render.language import format_number, translate
from viewer.ui.choice_menu import choice_menu

SETTING = "view/coordinates"
FORMATS = ("decimal", "dms", "mgrs")


def _hemispheres(lon: float, lat: float) -> tuple[str, str]:
    ns = translate("Status", "N") if lat >= 0 else translate("Status", "S")
    ew = translate("Status", "E") if lon >= 0 else translate("Status", "W")
    return ns, ew


def format_position(lon: float, lat: float, fmt: str = "decimal") -> str:
    """``48.2800° N  37.1800° E``, ``48°16′48.0″ N  37°10′48.0″ E`` or
    ``37U CP 64975 49022`` (MGRS; "—" where it has no square for the point)."""
    ns, ew = _hemispheres(lon, lat)
    if fmt == "mgrs":
        return mgrs_reference(lon, lat) or "—"
    if fmt == "dms":
        def text(value: float) -> str:
            d, m, s = dms(value)
            return f"{d}°{m:02d}′{format_number(s, 1).rjust(4, '0')}″"
        return f"{text(lat)}\u00a0{ns}  {text(lon)}\u00a0{ew}"
    return (f"{format_number(abs(lat), 4)}°\u00a0{ns}  "
            f"{format_number(abs(lon), 4)}°\u00a0{ew}")


def coordinate_menu(window) -> QMenu:
    saved = window.settings.value(SETTING, FORMATS[0], type=str)
    window.status.coordinates = saved if saved in FORMATS else FORMATS[0]
    names = {"decimal": (translate("MainWindow", "&Decimal Degrees"),
                         translate("MainWindow", "The pointer's position as 48.2800° N 37.1800° E")),
             "dms": (translate("MainWindow", "Degrees, Minutes, &Seconds"),
                     translate("MainWindow", "The pointer's position as 48°16′48.0″ N 37°10′48.0″ E")),
             "mgrs": (translate("MainWindow", "&MGRS"),
                      translate("MainWindow", "The pointer's position as a Military Grid "
                                              "Reference System square, to 1 m"))}
    return choice_menu(window, translate("MainWindow", "C&oordinates"), "coordinates",
                       [(f, *names[f]) for f in FORMATS], window.status.coordinates,
                       lambda f: _choose(window, f))


def _choose(window, fmt: str) -> None:
    window.status.coordinates = fmt
    window.settings.setValue(SETTING, fmt)
