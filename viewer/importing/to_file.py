"""``import_to_file``: the one import entry point. Foreign files become layers of a
situation (new, or appended to an existing file), which is measured for the summary and
written atomically. The CLI, the window and the benchmarks all call it."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from viewer.analysis.areas import Areas
from viewer.analysis.region_attribution import RegionAttribution
from viewer.importing.pipeline import ImportOptions, ImportResult, run_import
from viewer.importing.summary import (english, english_number, import_facts, summary_text,
                                      took_line)
from viewer.io.situation_file import read_situation, write_situation
from viewer.model import Situation
from viewer.model.collector_pause import Pause


@dataclass(frozen=True)
class ImportReport:
    result: ImportResult
    facts: dict                     # import_facts(): the summary as plain data
    output: str
    seconds: dict[str, float]       # by step, and "total"

    def text(self, translate=english, number=english_number, lang: str = "en") -> str:
        """The one-screen summary the CLI prints, with the time each step took, in the
        language of ``translate`` with ``number``'s numbers (English by default), the
        regions named in ``lang``."""
        return (summary_text(self.facts, self.output, translate, number, lang)
                + took_line(self.seconds, translate, number))


def import_to_file(options: ImportOptions, output: str, *, regions_spec: str | None = None,
                   region_name_field: str | None = None, append: bool = False,
                   write: bool = True, places_spec: str = "none",
                   drop_foreign: bool = False, context: list | None = None,
                   context_credit: str | None = None) -> ImportReport:
    """Import ``options.sources`` into the situation file ``output``.

    ``regions_spec`` is a regions file or ``builtin:…`` set, loaded here (it overrides
    ``options.regions``); with ``append`` the layers are added to the situation already in
    ``output`` (and with ``options.into`` the snapshots are added to that layer of it,
    viewer.importing.daily). ``places_spec`` (a points file, ``builtin:ukraine-settlements``
    or ``none``) adds the places within the situation's extent. ``write=False`` stops
    before writing (the window adopts the situation unsaved). Appending keeps what the file
    holds that is not ours (QGIS styles, other layers, extra columns) unless
    ``drop_foreign``. ``context`` (viewer.importing.context.ContextSpec) adds rivers,
    roads...; ``context_credit`` is their credit line. Bad input raises SituationError; nothing is written then."""
    # The cyclic collector is held meanwhile (viewer.model.collector_pause): one full
    # collection walked the import's objects for 100-440 ms with the GIL held, and the
    # 200,000 squares imported in 13.2 s with it, 10.1 s without (the same 552 MB peak).
    pause = Pause()
    try:
        return _import(options, output, regions_spec=regions_spec,
                       region_name_field=region_name_field, append=append, write=write,
                       places_spec=places_spec, drop_foreign=drop_foreign,
                       context=context, context_credit=context_credit)
    finally:
        pause.end()


def _import(options: ImportOptions, output: str, *, regions_spec, region_name_field, append,
            write, places_spec, drop_foreign, context, context_credit) -> ImportReport:
    clock = time.perf_counter()
    if regions_spec:
        from viewer.importing.regions import load_regions
        regions, credits = load_regions(regions_spec, region_name_field)
        options = replace(options, regions=regions, region_credits=credits)
    options = replace(options, target=output)
    adding = append or options.into is not None
    existing = read_situation(output) if adding else None
    result = run_import(options, existing)
    seconds = dict(result.seconds)
    start = time.perf_counter()
    add_places(result.situation, places_spec)
    seconds["places"] = time.perf_counter() - start
    if context:
        from viewer.importing.context import add_context
        start = time.perf_counter()
        result.warnings.extend(add_context(result.situation, context, context_credit)[1])
        seconds["context"] = time.perf_counter() - start
    start = time.perf_counter()
    options.progress("measuring", 0, 1)
    areas = Areas(result.situation)
    areas.measure_all()         # once, before RegionAttribution copies the pieces' areas
    facts = import_facts(result, areas, RegionAttribution(result.situation))
    seconds["analysis"] = time.perf_counter() - start
    if write:
        options.progress("writing", 0, 1)
        start = time.perf_counter()
        keep_from = output if adding and not drop_foreign else None
        write_situation(result.situation, output, keep_from=keep_from)
        seconds["write"] = time.perf_counter() - start
    seconds["total"] = time.perf_counter() - clock
    return ImportReport(result, facts, output, seconds)


def add_places(situation: Situation, spec: str) -> int:
    """Add the places of ``spec`` within the situation's extent that it does not hold
    yet (by id), with their credit line; returns how many were added."""
    from viewer.importing.places import load_places, within_extent
    places, credits = load_places(spec)
    held = {p.id for p in situation.places}
    new = [p for p in within_extent(places, situation) if p.id not in held]
    if new:
        situation.places.extend(new)
        for credit in credits:
            if credit not in situation.meta.attributions:
                situation.meta.attributions.append(credit)
    return len(new)
