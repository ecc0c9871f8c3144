"""``info --watch PLACE [--at DATE]``: how far a place is from each layer at a date (0 and
the date since when, when it lies inside) and how that changed over the file's highlight
window (viewer.analysis.front_distance)."""

from __future__ import annotations

from viewer.cli.args import ArgumentError
from viewer.cli.render_cmd import _time, one_place
from viewer.model.times import iso_z
from viewer.cli.language import number, translate
from viewer.model.messages import fill
from viewer.model.text import safe_line


def watch_info(situation, name: str, at_text: str | None) -> dict:
    """The ``watch`` object of ``info --json``."""
    from viewer.analysis.front_distance import front_distances
    found = one_place(situation, name, "--watch")
    if not found.place_id:
        raise ArgumentError(fill(translate("Cli", "--watch: %1 is a region; name a place (a "
                                           "town or village) of the file"),
                                 repr(safe_line(name, 80))))
    at = _time(at_text, "--at") if at_text is not None else (
        situation.meta.default_time or situation.end)
    days = situation.meta.highlight_days
    layers = []
    if at is not None:
        for d in front_distances(situation, found.lon, found.lat, at, days):
            layers.append({"layer_id": d.layer_id, "layer": d.layer_name,
                           "km": _km(d.km), "inside": d.inside,
                           "inside_since": iso_z(d.inside_since) if d.inside_since else None,
                           "km_before": _km(d.km_before), "change_km": _km(d.change_km)})
    return {"place": found.label, "place_id": found.place_id, "lon": found.lon,
            "lat": found.lat, "at": iso_z(at) if at is not None else None,
            "highlight_days": days, "layers": layers}


def _km(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def watch_lines(watch: dict) -> list[str]:
    """The same in words, for ``info`` without ``--json``, in the command line's language."""
    lines = [fill(translate("Cli", "distance from %1 at %2 (change over %3 days):"),
                  safe_line(watch["place"], 120), watch["at"], f"{watch['highlight_days']:g}")]
    for layer in watch["layers"]:
        name = safe_line(layer["layer"], 80)
        if layer["km"] is None:
            what = translate("Cli", "no area at this date")
        elif layer["inside"]:
            what = fill(translate("Cli", "0 km, inside since %1"), layer["inside_since"])
        else:
            what = fill(translate("Cli", "%1 km"), number(layer["km"]))
        if layer["change_km"] is not None:
            sign = "+" if layer["change_km"] >= 0 else "-"
            what += " (" + fill(translate("Cli", "%1 km"),
                                sign + number(abs(layer["change_km"]))) + ")"
        lines.append(f"  {name}: {what}")
    return lines
