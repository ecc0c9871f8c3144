"""``render``: the map at a date (--at), two dates compared (--compare A B --mode), or an
animation (--from A --to B --every --fps --trail). A date outside the data shows the
first or last state, says so in the caption and warns on stderr."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from viewer.cli.args import ArgumentError, parse_bbox, parse_size
from viewer.cli.language import label, reason, say, translate
from viewer.model.messages import fill
from viewer.model import parse_time
from viewer.model.in_data import InData, in_data
from viewer.model.text import safe_line

STILL = (".png", ".svg", ".pdf")
ANIMATED = (".gif", ".png", ".webp", ".mp4")
MAX_FPS = 50.0          # GIF keeps hundredths of a second; browsers slow anything under 2


def _time(text: str, what: str):
    try:
        return parse_time(text)
    except ValueError as exc:
        raise ArgumentError(f"{what}: {reason(exc)}") from None


def _warn(shown: InData, what: str) -> None:
    warning = shown.warning(what)
    if warning:
        sys.stderr.write(f"situation-viewer: {label('warning')} {say(warning)}\n")


def run_render(args, load) -> int:
    kinds = [args.at is not None, args.compare is not None,
             args.start is not None or args.end is not None]
    if sum(kinds) != 1:
        raise ArgumentError(translate("Cli", "render: give one of --at DATE, --compare A B, "
                                      "or --from A --to B"))
    animated = kinds[2]
    if animated and (args.start is None or args.end is None):
        raise ArgumentError(translate("Cli", "--from and --to: an animation needs both"))
    size = parse_size(args.size or ("1280x720" if animated else "1600x1000"))
    bbox = parse_bbox(args.bbox) if args.bbox is not None else None
    if args.highlight_days is not None and not 0 <= args.highlight_days <= 36500:
        raise ArgumentError(translate("Cli", "--highlight-days: must be between 0 and 36500"))
    if args.radius is not None and args.center is None:
        raise ArgumentError(translate("Cli", "--radius: needs --center PLACE"))
    if args.center is not None and args.bbox is not None:
        raise ArgumentError(translate("Cli", "--center: give either --center or --bbox, not "
                                      "both"))
    radius = 20.0 if args.radius is None else args.radius
    if not 0.1 <= radius <= 5000:
        raise ArgumentError(fill(translate("Cli", "--radius: must be between 0.1 and 5000 km, "
                                           "got %1"), f"{radius:g}"))
    out = Path(args.output)
    suffix = out.suffix.lower()
    allowed = ANIMATED if animated else STILL
    if suffix not in allowed:
        raise ArgumentError(fill(translate("Cli", "-o: output must end in %1, got %2"),
                                 ", ".join(allowed), repr(args.output)))
    times = [] if animated else [_time(t, "--compare") for t in args.compare] if kinds[1] \
        else [_time(args.at, "--at")]
    situation = load(args.file)
    if args.center is not None:
        bbox = _centre_bbox(situation, args.center, radius)
    if animated:
        return _animate(args, situation, out, size, bbox)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # never needs a screen
    from viewer.render.headless import compare_headless, render_headless
    from viewer.render.language import system_language
    if kinds[0]:
        shown = in_data(situation, times[0])
        _warn(shown, "--at")
        render_headless(situation, out, at=shown.at, note=shown.note, size=size, bbox=bbox,
                        highlight_days=args.highlight_days, title=args.title,
                        lang=args.lang or system_language())
        return 0
    a, b = (in_data(situation, t) for t in times)
    _warn(a, "--compare A")
    _warn(b, "--compare B")
    lines = compare_headless(situation, out, a=a, b=b, mode=args.mode, size=size, bbox=bbox,
                             title=args.title, lang=args.lang)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _animate(args, situation, out: Path, size, bbox) -> int:
    from viewer.render.animation import parse_every
    start, end = _time(args.start, "--from"), _time(args.end, "--to")
    if end < start:
        raise ArgumentError(translate("Cli", "--from/--to: --to is before --from"))
    try:
        every = parse_every(args.every)
    except ValueError as exc:
        raise ArgumentError(f"--every: {reason(exc)}") from None
    if not 0.1 <= args.fps <= MAX_FPS:
        raise ArgumentError(fill(translate("Cli", "--fps: must be between 0.1 and %1"),
                                 f"{MAX_FPS:g}"))
    first, last = in_data(situation, start), in_data(situation, end)
    if first.at == last.at and (first.note or last.note):
        raise ArgumentError(fill(translate("Cli", "--from/--to: %1; the dates hold no change "
                                           "to animate"), say(first.note or last.note)))
    _warn(first, "--from")
    _warn(last, "--to")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from viewer.render.headless import animate_headless
    progress = _progress_line if sys.stderr.isatty() else None
    try:
        count = animate_headless(situation, out, start=first.at, end=last.at, every=every,
                                 fps=args.fps, trail=args.trail, size=size, bbox=bbox,
                                 highlight_days=args.highlight_days, title=args.title,
                                 progress=progress, lang=args.lang)
    except ValueError as exc:
        raise ArgumentError(f"--every: {exc}") from None
    finally:
        if progress is not None:
            sys.stderr.write("\n")
    sys.stdout.write(fill(translate("Cli", "%1 frames written to %2"), count, out) + "\n")
    return 0


def _progress_line(done: int, total: int) -> bool:
    sys.stderr.write(f"\rframe {done}/{total} ({100 * done // max(total, 1)}%)")
    sys.stderr.flush()
    return True


def _centre_bbox(situation, name: str, radius_km: float) -> tuple[float, float, float, float]:
    """The lon/lat box ``radius_km`` around the one place or region named ``name``."""
    from viewer.importing.place_search import box_around
    found = one_place(situation, name, "--center")
    return box_around(found.lon, found.lat, radius_km)


def one_place(situation, name: str, option: str):
    """The one place or region of ``situation`` named ``name`` (a Found); none or several
    is an ArgumentError for ``option`` listing them."""
    from viewer.importing.place_search import PlaceIndex
    hits = PlaceIndex(situation).find(name)
    shown = safe_line(name, 80)
    if not hits:
        raise ArgumentError(fill(translate("Cli", "%1: no place or region named %2 in the "
                                           "file"), option, repr(shown)))
    if len(hits) > 1:
        listed = "; ".join(h.label for h in hits[:8]) + (
            fill(translate("Cli", "; and %1 more"), len(hits) - 8) if len(hits) > 8 else "")
        raise ArgumentError(fill(translate("Cli", "%1: %2 places are named %3: %4 (name one "
                                           "as 'NAME, REGION')"), option, len(hits),
                                 repr(shown), listed))
    return hits[0]
