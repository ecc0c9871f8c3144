"""The front analytics' words in the interface language: a place's status, the rule that
decides it, and a distance (the core's STATUS_TEXT and status_rule are the English, for
the CLI)."""

from __future__ import annotations

from viewer.analysis.settlement_status import PLACE_TOLERANCE_M, STATUS_TEXT
from viewer.render.language import NBSP, fill, format_number, translate


def status_text(code: int) -> str:
    """``inside`` / ``всередині``: a place's status (settlement_status codes)."""
    return translate("Core", STATUS_TEXT[code])


def metres_text(metres: float) -> str:
    return format_number(metres, 0) + NBSP + translate("Units", "m")


def status_rule(tolerance_m: float = PLACE_TOLERANCE_M) -> str:
    return fill(translate("Settlements", "A place within %1 of a layer's boundary is on the "
                                         "line; it is inside once it lies inside the area by "
                                         "more than %1."), metres_text(tolerance_m))
