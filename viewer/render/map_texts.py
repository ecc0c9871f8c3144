"""The words on a map: its title, the date shown, the attribution line and the legend's
rows for the gains and losses of the highlight window, in the interface language."""

from __future__ import annotations

from datetime import datetime

from viewer.model.credits import credit
from viewer.model.text import safe_line
from viewer.render.language import (core_text, format_long_date, format_number, plural,
                                    translate)
from viewer.render.scene import MapScene
from viewer.render.settings import RenderSettings


def format_date(t: datetime) -> str:
    """``13 June 2025`` (``13 червня 2025``), with ``, 14:30 UTC`` when not midnight."""
    return format_long_date(t)


def date_text(settings: RenderSettings) -> str:
    """The legend's date line: the date shown, or what stands for it (a note that the
    date asked for lies outside the data, the two dates compared)."""
    note = settings.date_note
    return core_text(note) if note is not None else format_date(settings.at)


def map_title(scene: MapScene, settings: RenderSettings) -> str:
    """The title drawn on (and stored in) a map: one safe line of at most 300 characters."""
    return safe_line(settings.title if settings.title is not None
                     else scene.situation.meta.title)


def attribution_text(scene: MapScene) -> str:
    """The file's credit lines joined, our own words in them in the interface language."""
    return " · ".join(safe_line(core_text(credit(a)))
                      for a in scene.situation.meta.attributions if a.strip())


def sources_chip() -> str:
    """What stands for the attribution where it is folded (a small window's map): a
    click on it shows the whole (viewer.ui.canvas_input)."""
    return translate("Legend", "ℹ Sources")


def highlight_texts(days: float) -> tuple[str, str]:
    """The key's rows for the gains and losses of the last ``days`` (English puts the
    singular apart; Ukrainian's three plural forms come from the translation)."""
    if days < 1:
        n = round(days * 24)
        if n == 1:
            return (translate("Legend", "Gained in the last hour"),
                    translate("Legend", "Lost in the last hour"))
        return (plural(n, translate("Legend", "Gained in the last %n hours", "one"),
                    translate("Legend", "Gained in the last %n hours", "few"),
                    translate("Legend", "Gained in the last %n hours", "many")),
                plural(n, translate("Legend", "Lost in the last %n hours", "one"),
                    translate("Legend", "Lost in the last %n hours", "few"),
                    translate("Legend", "Lost in the last %n hours", "many")))
    if days == 1:
        return (translate("Legend", "Gained in the last day"),
                translate("Legend", "Lost in the last day"))
    if days == int(days):
        n = int(days)
        return (plural(n, translate("Legend", "Gained in the last %n days", "one"),
                    translate("Legend", "Gained in the last %n days", "few"),
                    translate("Legend", "Gained in the last %n days", "many")),
                plural(n, translate("Legend", "Lost in the last %n days", "one"),
                    translate("Legend", "Lost in the last %n days", "few"),
                    translate("Legend", "Lost in the last %n days", "many")))
    text = format_number(days, 1)
    return (translate("Legend", "Gained in the last %1 days").replace("%1", text),
            translate("Legend", "Lost in the last %1 days").replace("%1", text))
