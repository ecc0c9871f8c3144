"""The regions' rule texts in the interface language (the core's ENTRY_RULE and
DEPTH_TEXT are the English, for the CLI)."""

from __future__ import annotations

from viewer.analysis.region_attribution import ENTRY_DEPTH_M
from viewer.render.language import format_number, translate


def depth_text() -> str:
    """``1 km`` / ``1 км``: how deep a layer must reach into a region to enter it."""
    return (format_number(ENTRY_DEPTH_M / 1000, 0 if ENTRY_DEPTH_M % 1000 == 0 else 1)
            + "\u00a0" + translate("Units", "km"))


def entry_rule() -> str:
    return translate("Regions", "A layer has entered a region once part of it lies at least %1 "
                                "inside the region (less is a shared border traced at two "
                                "scales). The km² are measured on the whole region; an amount "
                                "lying only within %1 of the border is border noise."
                     ).replace("%1", depth_text())
