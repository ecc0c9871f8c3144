"""What the analytics commands (``settlements``, ``stats``) share: choosing layers and a
region by what the user typed, safe JSON out."""

from __future__ import annotations

import json
import sys

from viewer.cli.args import ArgumentError
from viewer.cli.language import translate
from viewer.model.messages import fill
from viewer.model import Region, Situation


def layer_ids(situation: Situation, wanted: str | None) -> list[str]:
    ids = [layer.id for layer in situation.layers]
    if wanted is None:
        return ids
    if wanted not in ids:
        raise ArgumentError(fill(translate("Cli", "--layer: no layer %1 (layers: %2)"),
                                 repr(wanted)[:200], ", ".join(ids)[:200]
                                 or translate("Cli", "none")))
    return [wanted]


def region_named(situation: Situation, wanted: str) -> Region:
    """The situation's own region with that name (either language) or id, any case."""
    key = wanted.strip().casefold()
    for region in situation.own_regions:
        if key in {region.id.casefold(), *(n.casefold() for n in region.names.values())}:
            return region
    names = ", ".join(r.name for r in situation.own_regions)
    raise ArgumentError(fill(translate("Cli", "--region: no region %1 (regions: %2)"),
                             repr(wanted)[:200], names[:300] or translate("Cli", "none")))


def write_json(doc: dict) -> None:
    """One JSON object on stdout, escaped as ``info --json`` escapes it."""
    from viewer.cli.main import _JSON_UNSAFE, _json_escape
    text = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)
    sys.stdout.write(_JSON_UNSAFE.sub(_json_escape, text) + "\n")
