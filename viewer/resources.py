"""Where the bundled resources (sample situation, fonts) live."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SAMPLE = RESOURCES / "sample.gpkg"
FONTS = RESOURCES / "fonts"
