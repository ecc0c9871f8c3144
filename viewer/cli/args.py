"""Parsing and checking command-line values; each problem is one line naming the argument."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime

from viewer.cli.language import label, reason, translate, try_help
from viewer.model import parse_time
from viewer.model.messages import fill

MAX_SIDE = 16384


class ArgumentError(Exception):
    """A bad command-line value; ``str()`` names the argument and the problem."""


# values that start with "-" but are numbers (e.g. ``--bbox -10,40,30,50``), not options
_NEGATIVE_VALUE = re.compile(r"^-\.?\d[\d.,eE+\-]*$")


class _SaidPlaceholders:
    """A help formatter whose placeholder for an option without a metavar of its own
    (``--time-field TIME_FIELD``) is in the command line's language
    (viewer/cli/argparse_words.py DEFAULT_METAVARS)."""

    def _get_default_metavar_for_optional(self, action):
        return translate("CliHelp", super()._get_default_metavar_for_optional(action))


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2, and a value
    like ``-10,40,30,50`` after an option is taken as its value, not as an option; help
    in the command line's language."""

    def __init__(self, *args, formatter_class=argparse.HelpFormatter, **kwargs):
        said = type(f"Said{formatter_class.__name__}", (_SaidPlaceholders, formatter_class),
                    {})
        super().__init__(*args, formatter_class=said, **kwargs)
        self._negative_number_matcher = _NEGATIVE_VALUE     # argparse's own hook

    def error(self, message: str):  # noqa: D401 - argparse API
        message = " ".join(message.split())     # an argument may hold line breaks
        if len(message) > 300:
            message = message[:300] + "…"
        sys.stderr.write(f"{self.prog}: {label('error')} {message} "
                         f"{try_help()}\n")
        raise SystemExit(2)


def _shown(text) -> str:
    """``repr(text)``, cut short: a message never repeats a huge argument."""
    shown = repr(text[:81] if isinstance(text, str) else text)
    return shown if len(shown) <= 80 else shown[:80] + "…"


def parse_at(text: str) -> datetime:
    try:
        return parse_time(text)
    except ValueError as exc:
        raise ArgumentError(f"--at: {reason(exc)}") from None


def parse_size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{1,6})\s*[xX×]\s*(\d{1,6})\s*", text or "")
    if not m:
        raise ArgumentError(fill(translate("Cli", "--size: expected WIDTHxHEIGHT in pixels "
                                           "(e.g. 1600x1000), got %1"), _shown(text)))
    w, h = int(m.group(1)), int(m.group(2))
    if not (16 <= w <= MAX_SIDE and 16 <= h <= MAX_SIDE):
        raise ArgumentError(fill(translate("Cli", "--size: each side must be between 16 and "
                                           "%1 pixels, got %2"), MAX_SIDE, _shown(text)))
    return w, h


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    parts = (text or "").split(",")
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        values = ()
    if len(values) != 4 or not all(v == v and abs(v) != float("inf") for v in values):
        raise ArgumentError(fill(translate("Cli", "--bbox: expected minlon,minlat,maxlon,"
                                           "maxlat in degrees, got %1"), _shown(text)))
    minx, miny, maxx, maxy = values
    if not (-180 <= minx < maxx <= 180 and -90 <= miny < maxy <= 90):
        raise ArgumentError(fill(translate("Cli", "--bbox: need -180 <= minlon < maxlon <= "
                                           "180 and -90 <= minlat < maxlat <= 90, got %1"),
                                 _shown(text)))
    return values


def add_file_argument(parser) -> None:
    """The situation file every command but ``import`` reads: ``FILE``."""
    parser.add_argument("file", metavar=translate("CliHelp", "FILE"),
                        help=translate("CliHelp", "situation file (.gpkg)"))


def add_layer_option(parser) -> None:
    """``--layer ID``: one layer of the file (the analytics commands)."""
    parser.add_argument("--layer", metavar=translate("CliHelp", "ID"),
                        help=translate("CliHelp", "one layer (default: every layer)"))
