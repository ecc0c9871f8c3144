"""Animations (GIF, APNG, WebP, MP4) and comparisons of two dates, on a hand-made
situation with known geometry; expectations from Pillow, pyproj and shapely directly."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
import shapely
from PIL import Image
from pyproj import Geod
from shapely.geometry import box

from factories import GROWING_AREAS, GROWING_DATES, growing_situation
from fuzz_checks import run_cli
from viewer.io.situation_file import write_situation
from viewer.model import Situation, parse_time
from viewer.render import MapScene, RenderSettings, Viewport, styles
from viewer.render.animation import (Animation, Cancelled, parse_every, step_times,
                                     write_animation)

D1, D3, D5, D10 = GROWING_DATES
A1, A5, A10 = GROWING_AREAS
RED = "#c0392b"
pytestmark = pytest.mark.usefixtures("qapp")


def _situation(states=None) -> Situation:
    return growing_situation(states)


def _rgb(hex_color: str) -> np.ndarray:
    h = hex_color.lstrip("#")
    return np.array([int(h[i:i + 2], 16) for i in (0, 2, 4)], float)


LAND = _rgb(styles.REGION_FILL)
LAYER = _rgb(RED) * 0.45 + LAND * 0.55


def _xy(scene: MapScene, settings: RenderSettings, lon: float, lat: float):
    x, y = scene.projector.forward(lon, lat)
    px, py = Viewport.for_settings(scene, settings).to_pixels(float(x), float(y))
    return int(px), int(py)


def _is(colour, expected) -> bool:
    """``colour`` is nearer to ``expected`` than to the land or the layer, within 12."""
    colour = np.asarray(colour[:3], float)
    return float(np.abs(colour - expected).max()) <= 12


def _frames(path) -> list[tuple[Image.Image, int]]:
    out = []
    with Image.open(path) as im:
        for i in range(im.n_frames):
            im.seek(i)
            out.append((im.convert("RGB"), im.info.get("duration")))
    return out


def _base(**kw) -> RenderSettings:
    kw.setdefault("hidden", frozenset({"labels"}))
    kw.setdefault("decorations", False)
    kw.setdefault("size", (320, 200))
    return RenderSettings(at=D1, highlight_days=0.0, **kw)


def test_steps_every_change_or_cadence():
    situation = _situation()
    assert step_times(situation, D1, parse_time("2025-06-12"), None) == [D1, D5, D10]
    assert step_times(situation, D3, D10, None) == [D3, D5, D10]
    daily = step_times(situation, D1, D10, parse_every("1d"))
    assert len(daily) == 10 and daily[0] == D1 and daily[-1] == D10
    weekly = step_times(situation, D1, D10, parse_every("7d"))     # 1, 8 June, then B
    assert weekly == [D1, D1 + timedelta(days=7), D10]
    assert step_times(situation, D1, D10, parse_every("9d")) == [D1, D10]    # lands on B
    with pytest.raises(ValueError):
        parse_every("0d")
    with pytest.raises(ValueError):
        parse_every("weekly")


def test_gif_has_one_frame_per_step_with_the_durations_and_shows_a_change_from_its_frame_on(
        tmp_path):
    situation = _situation()
    scene, base = MapScene(situation), _base()
    times = step_times(situation, D1, D10, parse_every("1d"))
    write_animation(scene, base, Animation(times, fps=3.0), tmp_path / "a.gif")
    frames = _frames(tmp_path / "a.gif")
    assert len(frames) == len(times) == 10
    assert all(d == round(1000 / 3 / 10) * 10 for _, d in frames)     # GIF: hundredths
    gained_5 = _xy(scene, base, 31.3, 49.5)          # inside what 5 June gained
    lost_10 = _xy(scene, base, 30.6, 48.4)           # in the strip lost on 10 June
    for i, (frame, _) in enumerate(frames):
        assert _is(frame.getpixel(gained_5), LAYER if times[i] >= D5 else LAND), i
        assert _is(frame.getpixel(lost_10), LAND if times[i] >= D10 else LAYER), i
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gif"]     # no temp left


def test_gif_memory_holds_no_frames(tmp_path):
    """The writer streams: a 55-frame GIF's numpy and Python memory stays that of a few
    frames' arrays (holding the frames, even as palette indices, would take 55 x w x h)."""
    import tracemalloc

    from viewer.render.palette import Quantizer, palette_colours
    situation = _situation()
    Quantizer(palette_colours(situation))        # the lookup table, built once and kept
    times = step_times(situation, D1, D10, parse_every("4h"))
    tracemalloc.start()
    write_animation(MapScene(situation), _base(size=(640, 400)), Animation(times, fps=20),
                    tmp_path / "a.gif")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(times) > 50
    assert peak < 25 * 640 * 400, f"peak {peak / 1e6:.1f} MB for {len(times)} frames"


def test_trail_draws_the_ground_gained_since_the_first_frame(tmp_path):
    situation = _situation()
    scene, base = MapScene(situation), _base()
    write_animation(scene, base, Animation([D1, D5, D10], fps=2, trail=True), tmp_path / "t.gif")
    frames = _frames(tmp_path / "t.gif")
    trail = _rgb(styles.GAIN) * styles.DIFFERENCE_OPACITY + LAYER * (1 - styles.DIFFERENCE_OPACITY)
    inside = _xy(scene, base, 31.3, 49.5)
    assert _is(frames[0][0].getpixel(inside), LAND)
    assert _is(frames[1][0].getpixel(inside), trail)
    assert _is(frames[2][0].getpixel(_xy(scene, base, 30.6, 49.5)), LAYER)   # held since A


def test_cancel_leaves_no_file(tmp_path):
    situation = _situation()
    target = tmp_path / "a.gif"
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 2
    with pytest.raises(Cancelled):
        write_animation(MapScene(situation), _base(), Animation([D1, D3, D5, D10]), target,
                        progress)
    assert seen == [(1, 4), (2, 4)]
    assert list(tmp_path.iterdir()) == []


def test_cancel_keeps_an_existing_file(tmp_path):
    target = tmp_path / "a.gif"
    target.write_bytes(b"old")
    with pytest.raises(Cancelled):
        write_animation(MapScene(_situation()), _base(), Animation([D1, D5]), target,
                        lambda done, total: False)
    assert target.read_bytes() == b"old" and list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("suffix", [".png", ".webp"])
def test_apng_and_webp_have_every_frame(tmp_path, suffix):
    situation = _situation()
    scene, base = MapScene(situation), _base()
    write_animation(scene, base, Animation([D1, D5, D10], fps=4), tmp_path / f"a{suffix}")
    frames = _frames(tmp_path / f"a{suffix}")
    assert len(frames) == 3 and all(d == 250 for _, d in frames)
    gained_5 = _xy(scene, base, 31.3, 49.5)
    assert [_is(f.getpixel(gained_5), LAYER) for f, _ in frames] == [False, True, True]


def test_mp4_when_the_video_extra_is_installed(tmp_path):
    from viewer.render.video import video_available
    if not video_available():
        pytest.skip("PyAV (the video extra: pip install 'situation-viewer[video]') is not "
                    "installed, so MP4 export is not tested")
    import av
    situation = _situation()
    write_animation(MapScene(situation), _base(), Animation([D1, D3, D5, D10], fps=5),
                    tmp_path / "a.mp4")
    with av.open(str(tmp_path / "a.mp4")) as container:
        stream = container.streams.video[0]
        decoded = [f.to_ndarray(format="rgb24") for f in container.decode(stream)]
        assert (stream.width, stream.height) == (320, 200)
        assert float(stream.average_rate) == 5.0
    assert len(decoded) == 4


def test_mp4_without_the_extra_says_how_to_get_it(tmp_path, monkeypatch):
    import builtins
    real = builtins.__import__

    def no_av(name, *args, **kwargs):
        if name == "av":
            raise ImportError("no av")
        return real(name, *args, **kwargs)
    monkeypatch.setattr(builtins, "__import__", no_av)
    path = tmp_path / "s.gpkg"
    write_situation(_situation(), path)
    status, _, err = run_cli(["render", str(path), "--from", "2025-06-01", "--to",
                              "2025-06-10", "-o", str(tmp_path / "a.mp4")])
    assert status == 2 and "pip install 'situation-viewer[video]'" in err
    assert err.count("\n") == 1 and not (tmp_path / "a.mp4").exists()


# -- comparing two dates -----------------------------------------------------------------
def _geodesic_km2(geom) -> float:
    area, _ = Geod(ellps="WGS84").geometry_area_perimeter(shapely.orient_polygons(geom))
    return area / 1e6


def test_difference_areas_against_pyproj():
    from viewer.analysis.difference import compare
    (diff,) = compare(_situation(), D1, D10)
    gained, lost = A10.difference(A1), A1.difference(A10)
    assert lost.area > 0 and gained.area > 0
    assert diff.figures.gained_km2 == pytest.approx(_geodesic_km2(gained), rel=1e-3)
    assert diff.figures.lost_km2 == pytest.approx(_geodesic_km2(lost), rel=1e-3)
    assert diff.net_km2 == pytest.approx(_geodesic_km2(A10) - _geodesic_km2(A1), rel=1e-3)
    by_region = diff.figures.by_region
    beta = A10.difference(A1).intersection(box(31.5, 48, 33, 50))
    assert by_region["B"][0] == pytest.approx(_geodesic_km2(beta), rel=1e-3)
    assert sum(g for g, _ in by_region.values()) == pytest.approx(diff.figures.gained_km2,
                                                                  rel=1e-6)


def _compare_image(mode, split=0.5):
    from viewer.render.compare import compare_settings, render_compare
    scene = MapScene(_situation())
    base = _base(decorations=False)
    base = RenderSettings(at=D10, size=base.size, hidden=base.hidden, decorations=False)
    a, b = compare_settings(base, D1, mode)
    return scene, b, render_compare(scene, a, b, mode, split)


def _pixel(image, xy):
    c = image.pixelColor(*xy)
    return (c.red(), c.green(), c.blue())


def test_swipe_shows_a_left_of_the_divider_and_b_right_of_it():
    from viewer.render.compare import compare_settings, render_compare
    scene = MapScene(_situation())
    b = RenderSettings(at=D10, size=(320, 200), hidden=frozenset({"labels"}), decorations=False)
    divider = _xy(scene, b, 31.45, 49.0)[0]
    a, b = compare_settings(b, D1, "swipe")
    image = render_compare(scene, a, b, "swipe", divider / 320)
    assert _is(_pixel(image, _xy(scene, b, 31.2, 49.5)), LAND)        # A: not yet held
    assert _is(_pixel(image, _xy(scene, b, 30.6, 49.5)), LAYER)       # A: held
    assert _is(_pixel(image, _xy(scene, b, 31.7, 49.5)), LAYER)       # B: held
    assert _is(_pixel(image, _xy(scene, b, 31.7, 48.4)), LAND)        # B: not held


def test_difference_view_draws_the_gain_and_the_loss():
    scene, b, image = _compare_image("diff")
    gain = _rgb(styles.GAIN) * styles.DIFFERENCE_OPACITY + LAYER * (1 - styles.DIFFERENCE_OPACITY)
    loss = _rgb(styles.LOSS) * styles.DIFFERENCE_OPACITY + LAND * (1 - styles.DIFFERENCE_OPACITY)
    assert _is(_pixel(image, _xy(scene, b, 31.3, 49.5)), gain)
    assert _is(_pixel(image, _xy(scene, b, 30.6, 48.4)), loss)
    assert _is(_pixel(image, _xy(scene, b, 30.6, 49.5)), LAYER)


def test_side_by_side_shows_the_same_view_twice():
    scene, b, image = _compare_image("side")
    half = RenderSettings(at=D10, size=(160, 200))
    x, y = _xy(scene, half, 31.3, 49.5)
    assert _is(_pixel(image, (x, y)), LAND) and _is(_pixel(image, (x + 160, y)), LAYER)


def test_highlight_window_is_one_merged_area_without_inner_outlines():
    """Two days' gains sharing an edge: no outline is drawn along that edge."""
    from viewer.render import render_image
    a3 = box(30.2, 48.2, 31.3, 49.8).segmentize(0.05)
    situation = _situation([(D1, A1), (D3, a3), (D5, A5)])
    scene = MapScene(situation)
    settings = RenderSettings(at=D5, size=(320, 200), highlight_days=7.0, decorations=False,
                              hidden=frozenset({"labels", "regions"}))
    image = render_image(scene, settings)
    seam, inside = _xy(scene, settings, 31.3, 49.0), _xy(scene, settings, 31.15, 49.0)
    assert np.abs(np.subtract(_pixel(image, seam), _pixel(image, inside))).max() <= 6


# -- the command line ------------------------------------------------------------------
@pytest.fixture
def situation_file(tmp_path):
    path = tmp_path / "s.gpkg"
    write_situation(_situation(), path)
    return str(path)


def test_cli_gif(tmp_path, situation_file):
    out = tmp_path / "a.gif"
    status, stdout, err = run_cli(["render", situation_file, "--from", "2025-06-01", "--to",
                                   "2025-06-10", "--every", "1d", "--fps", "4", "--size",
                                   "320x200", "-o", str(out)])
    assert (status, err) == (0, "") and "10 frames" in stdout
    frames = _frames(out)
    assert len(frames) == 10 and {d for _, d in frames} == {250}


def test_cli_compare_prints_the_km2(tmp_path, situation_file):
    status, stdout, err = run_cli(["render", situation_file, "--compare", "2025-06-01",
                                   "2025-06-10", "--mode", "diff", "--size", "320x200",
                                   "-o", str(tmp_path / "d.png")])
    assert (status, err) == (0, "")
    gained = _geodesic_km2(A10.difference(A1))
    assert f"gained {gained:,.1f} km²" in stdout and "Beta: +" in stdout
    with Image.open(tmp_path / "d.png") as im:
        assert im.size == (320, 200)


def test_dates_outside_the_data_say_so(tmp_path, situation_file):
    from viewer.model.in_data import in_data
    shown = in_data(_situation(), parse_time("1990-01-01"))
    assert (shown.at, str(shown.note)) == (D1, "before the first state, 1 Jun 2025")
    assert str(in_data(_situation(), parse_time("9999-12-31")).note) == \
        "after the last state, 10 Jun 2025"
    status, _, err = run_cli(["render", situation_file, "--compare", "1990-01-01",
                              "2025-06-10", "-o", str(tmp_path / "c.png"), "--size", "320x200"])
    assert status == 0
    assert err == ("situation-viewer: warning: --compare A 1 Jan 1990 is before the first "
                   "state (1 Jun 2025): showing that state\n")
    status, _, err = run_cli(["render", situation_file, "--from", "1990-01-01", "--to",
                              "1991-01-01", "-o", str(tmp_path / "a.gif")])
    assert status == 2 and "before the first state, 1 Jun 2025" in err
    assert not (tmp_path / "a.gif").exists()


def test_caption_of_a_date_outside_the_data():
    from viewer.render.map_texts import date_text
    from viewer.model.in_data import in_data
    shown = in_data(_situation(), parse_time("1990-01-01"))
    assert date_text(RenderSettings(at=shown.at, date_note=shown.note)) == \
        "before the first state, 1 Jun 2025"


@pytest.mark.parametrize("argv, message", [
    (["--at", "2025-06-01", "--compare", "2025-06-01", "2025-06-05"], "give one of"),
    (["--from", "2025-06-01"], "needs both"),
    (["--from", "2025-06-05", "--to", "2025-06-01"], "--to is before --from"),
    (["--from", "2025-06-01", "--to", "2025-06-05", "--every", "weekly"], "--every"),
    (["--from", "2025-06-01", "--to", "2025-06-05", "--fps", "100"], "--fps"),
])
def test_cli_refuses_bad_animation_arguments(tmp_path, situation_file, argv, message):
    out = tmp_path / ("a.gif" if "--from" in argv else "a.png")
    status, _, err = run_cli(["render", situation_file, *argv, "-o", str(out)])
    assert status == 2 and message in err and err.count("\n") == 1
