"""What the fuzzer feeds: a target is a reader (or a CLI command), the good seed files it
starts from, the operators that damage them, and the check that classifies one run.

Seeds are in fuzz_seeds.py, operators in fuzz_mutations.py, checks in fuzz_checks.py.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import fuzz_mutations as fm
from fuzz_checks import SUCCESS, check_cli, check_import, check_reader, clear_message
from fuzz_seeds import (csv_cells, geojson_seeds, gpkg_seeds, kml_seeds, kmz_seeds,
                        reports_seeds, shapefile_seeds, zip_hostile)
from fuzz_tables import TABLE_OPERATORS, mutate_database


@dataclass(frozen=True)
class Target:
    name: str
    suffix: str
    seeds: Callable[[Path], list[Path]]       # builds the good files in a folder
    operators: tuple[str, ...]
    check: Callable[[Path, Path], tuple[str, str]]   # (input, work folder) -> outcome

    def seed_files(self, folder: Path) -> list[Path]:
        done = folder / f"{self.name}.seeds"
        if not done.exists():
            folder.mkdir(parents=True, exist_ok=True)
            files = self.seeds(folder)
            done.write_text("\n".join(str(p) for p in files))
        return [Path(p) for p in done.read_text().splitlines()]

    def make_case(self, operator: str, rng: random.Random, seeds: Path, case: Path) -> Path:
        """The damaged input for one case, written into the empty folder ``case``."""
        seed = rng.choice(self.seed_files(seeds))
        if self.suffix == ".shp":                       # damage one file of the set
            for part in seed.parent.glob(seed.stem + ".*"):
                shutil.copyfile(part, case / ("input" + part.suffix))
            path = case / "input.shp"
            parts = sorted(case.iterdir())
            victim = path if operator in fm.PAGE_OPERATORS else rng.choice(parts)
            if operator == "drop_sidecar":
                (rng.choice([p for p in parts if p != path] or [path])).unlink()
                return path
            _mutate_file(victim, operator, rng)
            return path
        path = case / ("input" + self.suffix)
        shutil.copyfile(seed, path)
        if operator in CUSTOM:
            CUSTOM[operator](path, rng)
        else:
            _mutate_file(path, operator, rng)
        return path


def _mutate_file(path: Path, operator: str, rng: random.Random) -> None:
    if operator in TABLE_OPERATORS:
        mutate_database(str(path), operator, rng)
        return
    ops = {**fm.BYTE_OPERATORS, **fm.PAGE_OPERATORS, "json_tree": fm.json_tree,
           "xml_tree": fm.xml_tree}
    data = path.read_bytes()
    path.write_bytes(ops[operator](data, rng) if data else rng.randbytes(8))



def _touch(path: Path) -> Path:
    path.write_text("0")
    return path


def misbehave(path: Path, rng: random.Random) -> None:
    path.write_text(str(rng.selftest_seed))     # see fuzz_harness.case_rng


CUSTOM = {"zip_hostile": zip_hostile, "csv_cells": csv_cells, "misbehave": misbehave}


# -- the targets -------------------------------------------------------------------------
def _read_situation(path: str):
    from viewer.io.situation_file import read_situation
    return read_situation(path)


def _read_lazily(path: str):
    from fuzz_lazy import read_lazily
    return read_lazily(path)


def _read_features(path: str):
    from viewer.io.foreign.dispatch import read_features
    return read_features(path)


def _read_reports(path: str):
    from viewer.io.foreign.reports_table import read_reports_table
    return read_reports_table(path)


def _selftest(path: Path, _work: Path) -> tuple[str, str]:
    """Misbehaves on purpose, by seed: proves the harness catches each kind of failure."""
    import ctypes
    import signal
    import time
    from viewer.io.errors import SituationError
    seed = int(path.read_text())
    if seed == 0:
        return SUCCESS, ""
    if seed == 1:
        return clear_message(str(SituationError(path, "refused")), path)
    if seed == 2:
        return {}["no such key"]
    if seed == 3:
        return clear_message(f"{path}: one\ntwo", path)
    if seed == 4:
        while True:                           # a Python loop: SIGALRM stops it
            time.sleep(0.01)
    if seed == 5:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(3600)                      # deaf to SIGALRM: the parent must kill it
    if seed == 6:
        ctypes.string_at(0)                   # a segfault
    if seed == 7:
        return SUCCESS, str(len(bytearray(2 ** 40)))   # beyond RLIMIT_AS: MemoryError
    return SUCCESS, ""


BYTES = tuple(fm.BYTE_OPERATORS)
SQLITE = BYTES + tuple(fm.PAGE_OPERATORS) + tuple(TABLE_OPERATORS)
TARGETS = {t.name: t for t in (
    Target("gpkg", ".gpkg", gpkg_seeds, SQLITE, check_reader(_read_situation)),
    Target("gpkg_lazy", ".gpkg", gpkg_seeds, SQLITE, check_reader(_read_lazily)),
    Target("gpkg_features", ".gpkg", gpkg_seeds, SQLITE, check_reader(_read_features)),
    Target("cli_info", ".gpkg", gpkg_seeds, SQLITE, check_cli("info")),
    Target("cli_render", ".gpkg", gpkg_seeds, SQLITE, check_cli("render")),
    Target("geojson", ".geojson", geojson_seeds, BYTES + ("json_tree",),
           check_reader(_read_features)),
    Target("kml", ".kml", kml_seeds, BYTES + ("xml_tree",), check_reader(_read_features)),
    Target("kmz", ".kmz", kmz_seeds, BYTES + ("zip_hostile",), check_reader(_read_features)),
    Target("shapefile", ".shp", shapefile_seeds, BYTES + ("drop_sidecar",),
           check_reader(_read_features)),
    Target("reports_csv", ".csv", lambda d: reports_seeds(d)[:1], BYTES + ("csv_cells",),
           check_reader(_read_reports)),
    Target("reports_json", ".json", lambda d: reports_seeds(d)[1:], BYTES + ("json_tree",),
           check_reader(_read_reports)),
    Target("cli_import_geojson", ".geojson", geojson_seeds, BYTES + ("json_tree",),
           check_import()),
    Target("cli_import_kml", ".kml", kml_seeds, BYTES + ("xml_tree",), check_import()),
    Target("cli_import_shapefile", ".shp", shapefile_seeds, BYTES + ("drop_sidecar",),
           check_import("--time-field", "DAY")),
    Target("cli_import_reports", ".csv", lambda d: reports_seeds(d)[:1], BYTES + ("csv_cells",),
           check_import(reports=True)),
    Target("selftest", ".txt", lambda d: [_touch(d / "selftest.txt")], ("misbehave",),
           _selftest),
)}
