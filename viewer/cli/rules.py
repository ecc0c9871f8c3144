"""The rules the analytics follow (when a layer entered a region, when a place is on the
line, what the front line is), said in the command line's language for ``--help``: the
same figures as viewer/analysis uses."""

from __future__ import annotations

from viewer.analysis.front_line import FRONT_TOLERANCE_M
from viewer.analysis.region_attribution import ENTRY_DEPTH_M
from viewer.analysis.settlement_status import PLACE_TOLERANCE_M
from viewer.cli.language import translate
from viewer.model.messages import fill


def entry_rule() -> str:
    return fill(translate("CliHelp", "A layer has entered a region once part of it lies at "
                          "least %1 km inside the region (less is a shared border traced at "
                          "two scales). The km² are measured on the whole region; an amount "
                          "lying only within %1 km of the border is border noise."),
                f"{ENTRY_DEPTH_M / 1000:g}")


def status_rule() -> str:
    return fill(translate("CliHelp", "A place within %1 m of a layer's boundary is on the "
                          "line; it is inside once it lies inside the area by more than "
                          "%1 m."), f"{PLACE_TOLERANCE_M:g}")


def front_rule() -> str:
    return fill(translate("CliHelp", "The front line is the part of a state's boundary inside "
                          "the country and farther than %1 km from its border and coast, in "
                          "geodesic km."), f"{FRONT_TOLERANCE_M / 1000:g}")
