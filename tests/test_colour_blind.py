"""View ▸ Colours ▸ Colour-blind safe: on a render, simulated for deuteranopia and
protanopia (Machado, Oliveira & Fernandes 2009, severity 1), the layers, the gains and
the losses stay apart: a colour difference (CIE76 ΔE*ab) of at least MIN_DELTA_E
between every two of them, and against the land."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from shapely.geometry import box

from viewer.model import History, Layer, Region, Situation, SituationMeta, parse_time
from viewer.model.style import Style
from viewer.render import RenderSettings, render_image
from viewer.render.scene import MapScene
from viewer.render.viewport import Viewport

D1, D5 = parse_time("2025-06-01"), parse_time("2025-06-05")
MIN_DELTA_E = 12.0           # clearly apart side by side (2.3 is a just noticeable difference)

# Machado et al. 2009, Table 1, severity 1.0, on linear RGB.
PROTANOPIA = np.array([[0.152286, 1.052583, -0.204868],
                       [0.114503, 0.786281, 0.099216],
                       [-0.003882, -0.048116, 1.051998]])
DEUTERANOPIA = np.array([[0.367322, 0.860646, -0.227968],
                         [0.280085, 0.672501, 0.047413],
                         [-0.011820, 0.042940, 0.968881]])


def linear(srgb: np.ndarray) -> np.ndarray:
    c = srgb / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def srgb(lin: np.ndarray) -> np.ndarray:
    return 255 * np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * np.power(lin, 1 / 2.4) - 0.055)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    """CIE L*a*b* (D65) of linear sRGB."""
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                  [0.0193, 0.1192, 0.9505]])
    xyz = np.clip(rgb_linear, 0, 1) @ m.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]),
                     200 * (f[..., 1] - f[..., 2])], axis=-1)


def situation() -> Situation:
    """Three plain layers side by side; on 5 June the first grows east (a gain) and the
    third shrinks from the east (a loss)."""
    region = Region("R", {"en": "Region"}, box(29, 47, 37, 51))
    def layer(i, states):
        return Layer(f"l{i}", f"Layer {i}", "assessed-control",
                     History.from_states(f"l{i}", states), style=Style("#c0392b", 0.5))
    layers = [layer(0, [(D1, box(30, 48, 31, 50)), (D5, box(30, 48, 31.6, 50))]),
              layer(1, [(D1, box(32, 48, 33, 50))]),
              layer(2, [(D1, box(34, 48, 36, 50)), (D5, box(34, 48, 35, 50))])]
    layers[1] = Layer("l1", "Layer 1", "claimed", layers[1].history, style=Style("#8e44ad", 0.5))
    meta = SituationMeta(title="Colours", highlight_days=7.0, default_bbox=(29.5, 47.5, 36.5, 50.5))
    return Situation(meta, [region], [], layers)


def sampled(palette: str) -> dict[str, np.ndarray]:
    scene = MapScene(situation())
    settings = RenderSettings(at=D5, size=(700, 400), decorations=False, palette=palette,
                              hidden=frozenset({"labels", "places"}))
    image = render_image(scene, settings)
    viewport = Viewport.for_settings(scene, settings)
    points = {"layer 0": (30.5, 49), "layer 1": (32.5, 49), "layer 2": (34.5, 49),
              "gain": (31.3, 49), "loss": (35.5, 49), "land": (33.5, 49)}
    out = {}
    for name, (lon, lat) in points.items():
        x, y = viewport.to_pixels(*map(float, scene.projector.forward(lon, lat)))
        c = image.pixelColor(int(x), int(y))
        out[name] = np.array([c.red(), c.green(), c.blue()], float)
    return out


def smallest_difference(colours: dict[str, np.ndarray], matrix: np.ndarray):
    seen = {name: lab(linear(rgb) @ matrix.T) for name, rgb in colours.items()}
    return min((float(np.linalg.norm(seen[a] - seen[b])), a, b)
               for a, b in itertools.combinations(seen, 2))


@pytest.mark.parametrize("matrix", [DEUTERANOPIA, PROTANOPIA], ids=["deuteranopia", "protanopia"])
def test_the_colour_blind_set_keeps_layers_gains_and_losses_apart(qapp, matrix):
    colours = sampled("colour-blind")
    delta, a, b = smallest_difference(colours, matrix)
    assert delta >= MIN_DELTA_E, (a, b, delta)


@pytest.mark.parametrize("matrix", [DEUTERANOPIA, PROTANOPIA], ids=["deuteranopia", "protanopia"])
def test_the_check_can_fail(qapp, matrix):
    """Two colours on one confusion line (they differ only along the direction the
    simulation maps to nothing) are far apart for normal vision and one for a dichromat."""
    null = np.linalg.svd(matrix)[2][-1]             # matrix @ null ~ 0
    base = linear(np.array([150.0, 150, 150]))
    other = base + 0.25 * null / np.abs(null).max()
    assert other.min() > 0 and other.max() < 1                 # a colour a screen shows
    pair = {"a": srgb(base), "b": srgb(other)}
    assert smallest_difference(pair, np.eye(3))[0] > 2 * MIN_DELTA_E
    assert smallest_difference(pair, matrix)[0] < 1.0


def test_the_standard_colours_of_a_red_layer_and_its_gains_are_confused(qapp):
    """Why the set exists: the standard set's red layer and the gains' crimson tint over
    it come closer than MIN_DELTA_E for a protanope."""
    colours = sampled("standard")
    pair = {k: colours[k] for k in ("layer 0", "gain")}
    assert smallest_difference(pair, PROTANOPIA)[0] < MIN_DELTA_E


def test_view_colours_switches_the_map_and_is_remembered(window, qtbot):
    from ui_helpers import open_window
    menu = next(a.menu() for a in window.window_actions.view_menu.actions()
                if a.menu() is not None and a.menu().objectName() == "colour_menu")
    standard, safe = menu.actions()
    assert standard.isChecked() and window.canvas.render_settings().palette == "standard"
    safe.trigger()
    assert window.canvas.render_settings().palette == "colour-blind" and safe.isChecked()
    window.close()
    again = open_window(qtbot)
    assert again.canvas.render_settings().palette == "colour-blind"
    again.close()
