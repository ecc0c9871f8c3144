"""Situation Viewer: an offline viewer for timestamped territorial situations."""

__version__ = "0.1.0"
