"""Synthetic inputs for the scale benchmarks, written as GeoJSON: many small timestamped
squares over a few dozen dates, and one polygon of millions of vertices in a few
snapshots. Deterministic (seeded) so runs compare."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np

WEST, SOUTH, EAST, NORTH = 30.0, 46.0, 38.0, 50.0       # lon/lat box in Ukraine


def dates(n: int) -> list[str]:
    first = date(2025, 1, 1)
    return [(first + timedelta(days=7 * k)).isoformat() for k in range(n)]


def write_squares(path: Path, count: int, n_dates: int = 28, seed: int = 1,
                  grid: bool = False) -> Path:
    """``count`` squares, each from a random date on (a third end at a later date).
    ``grid``: squares on a grid of cells, touching none; else random, overlapping."""
    rng = np.random.default_rng(seed)
    days = dates(n_dates)
    if grid:
        side = int(np.ceil(np.sqrt(count)))
        cell = min((EAST - WEST), (NORTH - SOUTH)) / side
        k = np.arange(count)
        x0 = WEST + (k % side) * cell
        y0 = SOUTH + (k // side) * cell
        size = np.full(count, cell * 0.8)
    else:
        size = rng.uniform(0.003, 0.02, count)
        x0 = rng.uniform(WEST, EAST - 0.02, count)
        y0 = rng.uniform(SOUTH, NORTH - 0.02, count)
    start = rng.integers(0, n_dates - 1, count)
    ends = rng.integers(0, n_dates, count)
    with open(path, "w") as f:
        f.write('{"type": "FeatureCollection", "features": [\n')
        for i in range(count):
            x, y, s = round(float(x0[i]), 6), round(float(y0[i]), 6), round(float(size[i]), 6)
            ring = [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]
            props = {"valid_from": days[start[i]]}
            if i % 3 == 0 and ends[i] > start[i]:
                props["valid_to"] = days[ends[i]]
            f.write(("," if i else "") + json.dumps(
                {"type": "Feature", "properties": props,
                 "geometry": {"type": "Polygon", "coordinates": [ring]}}) + "\n")
        f.write("]}\n")
    return path


def big_polygon(vertices: int, bump: float) -> list[list[float]]:
    """A wavy closed ring of ``vertices`` points around the box's centre; ``bump`` grows
    one sector outwards (so consecutive snapshots differ a little)."""
    a = np.linspace(0.0, 2 * np.pi, vertices, endpoint=False)
    r = 1.5 + 0.05 * np.sin(a * 997) + 0.02 * np.sin(a * 31)
    r = r + bump * np.exp(-((a - 1.0) / 0.2) ** 2)
    x = (WEST + EAST) / 2 + 1.4 * r * np.cos(a)
    y = (SOUTH + NORTH) / 2 + r * np.sin(a) * 0.9
    ring = np.round(np.column_stack([x, y]), 6)
    return np.vstack([ring, ring[:1]]).tolist()


def write_big_snapshots(folder: Path, vertices: int, count: int = 3) -> Path:
    """``count`` snapshot files of one ``vertices``-vertex polygon, a sector growing."""
    folder.mkdir(parents=True, exist_ok=True)
    for k, day in enumerate(dates(count)):
        doc = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"date": day},
             "geometry": {"type": "Polygon", "coordinates": [big_polygon(vertices, 0.1 * k)]}}]}
        (folder / f"big-{day}.geojson").write_text(json.dumps(doc))
    return folder


def write_snapshot_series(folder: Path, count: int, vertices: int = 400,
                          seed: int = 2) -> Path:
    """``count`` daily snapshot files (one area each, dated in the file name) of a
    ``vertices``-vertex front whose sectors advance and retreat a little every day, as
    a long daily series does; the shape is synthetic, not copied from any source."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    a = np.linspace(0.0, 2 * np.pi, vertices, endpoint=False)
    base = 1.2 + 0.05 * np.sin(a * 37)
    push = np.zeros(vertices)
    first = date(2000, 1, 1)
    for k in range(count):
        centre = rng.uniform(0, 2 * np.pi)          # one sector moves each day
        push += rng.normal(0, 0.01) * np.exp(-((np.angle(np.exp(1j * (a - centre)))) / 0.15)
                                              ** 2)
        np.clip(push, -0.5, 0.5, out=push)
        r = base + push
        ring = np.round(np.column_stack([(WEST + EAST) / 2 + 1.4 * r * np.cos(a),
                                         (SOUTH + NORTH) / 2 + 0.9 * r * np.sin(a)]), 6)
        doc = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {},
             "geometry": {"type": "Polygon",
                          "coordinates": [np.vstack([ring, ring[:1]]).tolist()]}}]}
        day = (first + timedelta(days=k)).isoformat()
        (folder / f"front-{day}.geojson").write_text(json.dumps(doc))
    return folder
