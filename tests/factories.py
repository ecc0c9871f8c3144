"""Small hand-made situations with known geometry, shared by tests."""

from __future__ import annotations

from shapely.geometry import box

from viewer.model import (History, Layer, Link, Place, Region, Reliability, Report, Situation,
                          SituationMeta, Style, parse_time)

D = {d: parse_time(f"2025-06-{d:02d}") for d in range(1, 31)}


def two_region_situation() -> Situation:
    """Regions West (30-31°E) and East (31-32°E) at 48-49°N; layer "adv" grows from West into
    East; layer "claim" appears once; reports link to both with every role."""
    west = Region("UA-W", {"en": "West", "uk": "Захід"}, box(30, 48, 31, 49))
    east = Region("UA-E", {"en": "East", "uk": "Схід"}, box(31, 48, 32, 49))
    ctx = Region("XX", {"en": "Elsewhere"}, box(32, 48, 33, 49), admin_level=0, role="context")
    adv = Layer("adv", "Advance", "assessed-advance", History.from_states("adv", [
        (D[1], box(30.2, 48.2, 30.4, 48.4)),
        (D[5], box(30.2, 48.2, 31.2, 48.4)),     # gains 30.4-31.2: in West and East
        (D[9], box(30.2, 48.2, 31.2, 48.4)),     # unchanged: a state but no change
        (D[20], box(30.2, 48.2, 30.8, 48.4)),    # loses 30.8-31.2
    ]))
    claim = Layer("claim", "Claimed", "claimed", History.from_states("claim", [
        (D[1], box(0, 0, 0, 0)), (D[10], box(31.5, 48.5, 31.9, 48.9))]))
    reports = [
        Report("r1", parse_time("2025-06-05T09:00Z"), "Agency A", "Troops advance east",
               "https://example.org/a", "Agency A says troops moved east.", "en",
               Reliability("B", 2)),
        Report("r2", parse_time("2025-06-06T12:00Z"), "Ministry M", "We took the east",
               "", "Ministry M claims a wider area.", "en", Reliability("D", 4)),
        Report("r3", D[11], "Analyst Z", "Claims overstated", "", "Z disputes M.", "en",
               Reliability("C", 3)),
    ]
    links = [Link("adv@2025-06-05T00:00:00Z", "r1", "reports"),
             Link("adv@2025-06-05T00:00:00Z", "r3", "confirms"),
             Link("claim@2025-06-10T00:00:00Z", "r2", "claims"),
             Link("claim@2025-06-10T00:00:00Z", "r3", "disputes")]
    meta = SituationMeta(title="Two regions", description="hand-made", attributions=["tests"],
                         default_bbox=(29.5, 47.5, 33.0, 49.5), default_time=D[10])
    places = [Place("p1", {"en": "Westville", "uk": "Західне"}, 30.5, 48.5, 100000)]
    return Situation(meta, [west, east, ctx], places, [adv, claim], reports, links)


GROWING_DATES = tuple(parse_time(f"2025-06-{d:02d}") for d in (1, 3, 5, 10))
GROWING_AREAS = (box(30.2, 48.2, 31.0, 49.8).segmentize(0.05),     # 1 June
                 box(30.2, 48.2, 31.6, 49.8).segmentize(0.05),     # 5 June: grows east
                 box(30.2, 48.6, 31.9, 49.8).segmentize(0.05))     # 10 June: east again,
#                                                                    loses a southern strip


def growing_situation(states=None) -> Situation:
    """Regions Alpha (30-31.5°E) and Beta (31.5-33°E), 48-50°N; one layer "ctl" (red,
    0.45) at GROWING_AREAS on 1, 5 and 10 June 2025; no highlight window."""
    d1, _, d5, d10 = GROWING_DATES
    if states is None:
        states = list(zip((d1, d5, d10), GROWING_AREAS))
    own = Region("A", {"en": "Alpha"}, box(30, 48, 31.5, 50))
    own2 = Region("B", {"en": "Beta"}, box(31.5, 48, 33, 50))
    ctl = Layer("ctl", "Control", "assessed-control",
                History.from_states("ctl", list(states)), style=Style("#c0392b", 0.45))
    meta = SituationMeta(title="Test map", attributions=["tests"], highlight_days=0.0,
                         default_bbox=(29.5, 47.5, 33.5, 50.5))
    return Situation(meta, [own, own2], [], [ctl])


def said(result) -> list[str]:
    """A reader's or an import's warnings in English (each a core Message, or text)."""
    return [str(w) for w in result.warnings]
