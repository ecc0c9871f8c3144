"""The Qt-free situation model: regions, places, layers with their history, reports."""

from viewer.model.change import Change
from viewer.model.history import History, Piece
from viewer.model.layer import LAYER_KINDS, Layer
from viewer.model.meta import FORMAT_VERSION, SituationMeta
from viewer.model.region import Place, Region
from viewer.model.report import ROLES, Link, Reliability, Report
from viewer.model.situation import Situation
from viewer.model.style import Style, default_style
from viewer.model.times import TimeRange, iso_z, parse_time, to_utc

__all__ = [
    "Change", "History", "Piece", "LAYER_KINDS", "Layer", "FORMAT_VERSION", "SituationMeta",
    "Place", "Region", "ROLES", "Link", "Reliability", "Report", "Situation", "Style",
    "default_style", "TimeRange", "iso_z", "parse_time", "to_utc",
]
