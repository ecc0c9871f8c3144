"""Situation-wide metadata: title, description, attributions, default view."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

FORMAT_VERSION = "1.0"


@dataclass
class SituationMeta:
    title: str = "Untitled situation"
    description: str = ""
    attributions: list[str] = field(default_factory=list)
    default_bbox: tuple[float, float, float, float] | None = None  # lon/lat
    default_time: datetime | None = None
    highlight_days: float = 7.0
    crs: str = ""            # projection for display (PROJ string); "" = chosen automatically
    format_version: str = FORMAT_VERSION
