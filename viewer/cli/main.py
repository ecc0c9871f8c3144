"""Headless commands: ``render``, ``info`` and ``import`` (in viewer/cli_import.py).
Never imports the widget layer.

Bad input ends with exit status 2 and one line on stderr naming the file or argument.
"""

from __future__ import annotations

import json
import re
import sys

from viewer.cli.args import ArgumentError, OneLineParser, add_file_argument
from viewer.cli.language import (add_lang_option, asked_language, current, label, number,
                                 say, speaking, translate)
from viewer.model.messages import QT_TRANSLATE_NOOP, fill
from viewer.io.errors import SituationError
from viewer.model.text import LINE_LIMIT, safe_line

COMMANDS = ("render", "info", "import", "settlements", "stats")
PROG = "situation-viewer"


HELP = {"info": QT_TRANSLATE_NOOP("CliHelp", "describe a situation file: layers, states, "
                                  "changes, reports (--json)"),
        "render": QT_TRANSLATE_NOOP("CliHelp", "draw the map at a date (PNG, SVG, PDF), two "
                                    "dates compared, or an animation (GIF, APNG, WebP, MP4), "
                                    "without a window"),
        "import": QT_TRANSLATE_NOOP("CliHelp", "turn GeoJSON/KML/KMZ/Shapefile/GeoPackage "
                                    "data into a situation file"),
        "settlements": QT_TRANSLATE_NOOP("CliHelp", "each place's status in each layer at a "
                                         "date (--csv, --json)"),
        "stats": QT_TRANSLATE_NOOP("CliHelp", "one row per state: km², net change, rates, "
                                   "front km (--csv, --json)")}


def help_of(command: str) -> str:
    """The one line saying what ``command`` does, in the command line's language."""
    return translate("CliHelp", HELP[command])


def command_lines() -> str:
    """One line per command, for ``situation-viewer --help``."""
    return "".join(f"  {name:<12}{help_of(name)}\n" for name in COMMANDS)


def build_parser() -> OneLineParser:
    from viewer.model.meta import SituationMeta
    parser = OneLineParser(prog=PROG,
                           description=translate("CliHelp", "Situation Viewer headless "
                                                            "commands."))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    render = sub.add_parser(
        "render", help=help_of("render"),
        description=translate("CliHelp", "Draw the map at a date (--at) to PNG, SVG or PDF; "
                                         "two dates compared (--compare A B) to PNG, SVG or "
                                         "PDF; or an animation from one date to another "
                                         "(--from A --to B) to GIF, APNG (.png), WebP or MP4 "
                                         "(MP4 needs the video extra)."))
    add_file_argument(render)
    render.add_argument("--at",
                        help=translate("CliHelp", "date or time shown, e.g. 2025-06-13"))
    render.add_argument("--compare", nargs=2, metavar=("A", "B"),
                        help=translate("CliHelp", "compare the dates A and B (B is the time "
                                                  "shown)"))
    render.add_argument("--mode", choices=("swipe", "side", "diff"), default="swipe",
                        help=translate("CliHelp", "with --compare: A left of a divider and B "
                                                  "right of it (swipe), A and B side by side "
                                                  "(side), or the ground gained and lost (diff)"))
    render.add_argument("--from", dest="start", metavar="A",
                        help=translate("CliHelp", "first date of an animation"))
    render.add_argument("--to", dest="end", metavar="B",
                        help=translate("CliHelp", "last date of an animation"))
    render.add_argument("--every", default="change",
                        help=translate("CliHelp", "animation steps: change (every change date, "
                                                  "the default), or a cadence such as 1d, 7d, "
                                                  "12h"))
    render.add_argument("--fps", type=float, default=2.0,
                        help=translate("CliHelp", "animation frames per second (default 2; "
                                                  "GIF: at most 50)"))
    render.add_argument("--trail", action="store_true",
                        help=translate("CliHelp", "animation: draw the ground gained since the "
                                                  "first frame"))
    render.add_argument("-o", "--output", required=True,
                        help=translate("CliHelp", "output .png, .svg or .pdf (an animation: "
                                                  ".gif, .png, .webp, .mp4); replaced "
                                                  "atomically when it exists"))
    render.add_argument("--size", default=None,
                        help=translate("CliHelp", "WIDTHxHEIGHT in pixels (default: "
                                                  "1600x1000); an animation's default is "
                                                  "1280x720"))
    render.add_argument("--bbox",
                        help=translate("CliHelp", "minlon,minlat,maxlon,maxlat (default: the "
                                                  "file's view)"))
    render.add_argument("--center",
                        metavar=translate("CliHelp", "PLACE"),
                        help=translate("CliHelp", "centre the map on a place or region of the "
                                                  "file, by name (English, Ukrainian or "
                                                  "another spelling; 'NAME, REGION' to tell "
                                                  "apart places of one name)"))
    render.add_argument("--radius", type=float, default=None,
                        metavar=translate("CliHelp", "KM"),
                        help=translate("CliHelp", "with --center: show this many km around it "
                                                  "(default 20)"))
    render.add_argument("--highlight-days", type=float, default=None,
                        help=fill(translate("CliHelp", "highlight changes of this many days "
                                            "before --at (default: the file's setting, %1 "
                                            "unless it says otherwise)"),
                                  f"{SituationMeta().highlight_days:g}"))
    render.add_argument("--title",
                        help=translate("CliHelp", "title drawn on the map (default: the file's "
                                                  "title)"))
    render.add_argument("--lang", choices=("en", "uk"), default=None,
                        help=translate("CliHelp", "language of the legend, date, scale bar, "
                                                  "names first and error messages (default: "
                                                  "the system's, from LANG)"))
    from viewer.cli.rules import entry_rule, front_rule, status_rule
    info = sub.add_parser("info", help=help_of("info"), description=" ".join((
        translate("CliHelp", "Describe a situation file: its layers, states, changes (km² "
                  "gained and lost, in each region), reports, and when each layer first "
                  "entered each region."), entry_rule(), status_rule(), front_rule())))
    add_file_argument(info)
    add_lang_option(info)
    info.add_argument("--json", action="store_true",
                      help=translate("CliHelp", "print one JSON object"))
    info.add_argument("--watch",
                      metavar=translate("CliHelp", "PLACE"),
                      help=translate("CliHelp", "also the distance from a place of the file "
                                                "(by name, as render --center) to each layer, "
                                                "and its change over the highlight window "
                                                "('watch' in the JSON)"))
    info.add_argument("--at",
                      metavar=translate("CliHelp", "DATE"),
                      help=translate("CliHelp", "with --watch: at this date (default: the "
                                                "file's default time, else its last state)"))
    from viewer.cli.import_cmd import add_parser as add_import_parser
    add_import_parser(sub, help_of("import"))
    from viewer.cli import settlements_cmd, stats_cmd
    settlements_cmd.add_parser(sub)
    stats_cmd.add_parser(sub)
    return parser


def _load(path: str):
    """The situation at ``path``; what the reader noticed goes to stderr, one line each."""
    from viewer.io.situation_file import read_situation
    notices: list[str] = []
    situation = read_situation(path, notices)
    for line in notices:
        sys.stderr.write(f"{PROG}: {label('note')} "
                         f"{safe_line(say(line), LINE_LIMIT)}\n")
    return situation


# Characters a terminal or a JSON consumer could act on, escaped as \\uXXXX in JSON
# strings (json escapes only C0): C1 controls (0x9b is CSI), bidi overrides, the line
# and paragraph separators, lone surrogates, non-characters.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                          "\ud800-\udfff\ufffe\uffff]")


def cmd_info(args) -> int:
    from viewer.analysis.summary import situation_info
    if args.at is not None and args.watch is None:
        raise ArgumentError(translate("Cli", "--at: needs --watch PLACE"))
    situation = _load(args.file)
    info = situation_info(situation)
    if args.watch is not None:
        from viewer.cli.watch_cmd import watch_info
        info["watch"] = watch_info(situation, args.watch, args.at)
    if args.json:
        text = json.dumps(info, ensure_ascii=False, indent=1)
        sys.stdout.write(_JSON_UNSAFE.sub(_json_escape, text) + "\n")
    else:
        sys.stdout.write(_info_text(info))
    return 0


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def _info_text(info: dict) -> str:
    """The summary for a person at a terminal, in the command line's language: every text
    from the file made one safe line (an escape sequence in a layer name must not reach
    the terminal)."""
    def s(text) -> str:
        return safe_line(text, LINE_LIMIT)
    local = {r["name"]: r["name_uk"] for r in info["regions"]
             if r.get("name_uk")} if current() == "uk" else {}
    lines = [fill(translate("Cli", "%1  (format %2)"), s(info["title"]),
                  s(info["format_version"])),
             fill(translate("Cli", "time span: %1 .. %2"), info["start"], info["end"]),
             fill(translate("Cli", "regions: %1, places: %2, reports: %3"),
                  sum(r["role"] == "region" for r in info["regions"]), len(info["places"]),
                  len(info["reports"]))]
    if "watch" in info:
        from viewer.cli.watch_cmd import watch_lines
        lines += watch_lines(info["watch"])
    for layer in info["layers"]:
        last = layer["states"][-1]["area_km2"] if layer["states"] else 0.0
        lines.append(fill(translate("Cli", "layer %1 (%2): %3 states, %4 changes, %5 km² at "
                                    "the end"), s(layer["id"]), s(layer["kind"]),
                          len(layer["states"]), len(layer["changes"]), number(last)))
        for c in layer["changes"]:
            src = s(", ".join(c["reports"])) or translate("Cli", "UNSOURCED")
            lines.append("  " + fill(translate("Cli", "%1  +%2 / -%3 km²  [%4]  reports: %5"),
                                     c["at"], number(c["gained_km2"]), number(c["lost_km2"]),
                                     s(", ".join(local.get(r, r) for r in c["regions"])),
                                     src))
    for ctx in info["context"]:
        styles = ", ".join(f"{n} {style}" for style, n in ctx["styles"].items())
        lines.append(fill(translate("Cli", "context %1: %2"), s(ctx["name"]), styles))
    if info["dangling_links"]:
        lines.append(fill(translate("Cli", "links to a change or report not in the file "
                                    "(ignored): %1"), len(info["dangling_links"])))
    return "\n".join(lines) + "\n"


def cmd_render(args) -> int:
    from viewer.cli.render_cmd import run_render
    return run_render(args, _load)


def error_line(exc: SituationError) -> str:
    """``error: <file>: <problem>`` in the command line's language: ``--lang``'s, else
    the one the system's locale asks for (LANG, LC_MESSAGES, LC_ALL), as the window's."""
    return f"{label('error')} {exc.text(translate)}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    with speaking(asked_language(argv)):
        return _main(argv)


def _main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "lang", "") is None:           # --lang: the system's language
        args.lang = current()
    from viewer.cli.import_cmd import cmd_import
    from viewer.cli.settlements_cmd import cmd_settlements
    from viewer.cli.stats_cmd import cmd_stats
    handler = {"render": cmd_render, "info": cmd_info, "import": cmd_import,
               "settlements": cmd_settlements, "stats": cmd_stats}[args.command]
    try:
        return handler(args)
    except SituationError as exc:
        sys.stderr.write(f"{PROG}: {error_line(exc)}\n")
        return 2
    except ArgumentError as exc:
        sys.stderr.write(f"{PROG}: {label('error')} {exc}\n")
        return 2
    except BrokenPipeError:
        return 0
