"""Piece areas are measured once, stored in the file, and not trusted blindly on reading."""

import sqlite3

import numpy as np
import pytest

from factories import D, two_region_situation
from viewer.analysis.areas import Areas, geodesic_area_km2
from viewer.io.situation_file import read_situation, write_situation


def _written(tmp_path):
    situation = two_region_situation()
    Areas(situation).measure_all()
    path = tmp_path / "s.gpkg"
    write_situation(situation, path)
    return situation, path


def _tamper(path, sql: str) -> None:
    con = sqlite3.connect(path)
    con.execute(sql)
    con.commit()
    con.close()


def test_areas_are_stored_and_read_back(tmp_path):
    situation, path = _written(tmp_path)
    again = read_situation(path)
    for layer in situation.layers:
        stored = again.layer(layer.id).history.piece_km2
        assert not np.isnan(stored).any()
        assert stored == pytest.approx(layer.history.piece_km2)
        expected = [geodesic_area_km2(p.geometry) for p in layer.history.pieces]
        assert stored == pytest.approx(expected, rel=1e-12)


def test_a_file_that_lies_about_an_area_is_measured_anew(tmp_path):
    situation, path = _written(tmp_path)
    _tamper(path, "UPDATE layer_pieces SET area_km2 = area_km2 * 10")
    lied = read_situation(path)
    areas = Areas(lied)
    truth = Areas(situation).state_km2("adv", D[12])
    assert areas.state_km2("adv", D[12]) == pytest.approx(truth)


def test_a_file_without_areas_is_measured_when_needed(tmp_path):
    situation, path = _written(tmp_path)
    _tamper(path, "UPDATE layer_pieces SET area_km2 = NULL")
    bare = read_situation(path)
    assert np.isnan(bare.layer("adv").history.piece_km2).all()
    assert Areas(bare).state_km2("adv", D[12]) == pytest.approx(
        Areas(situation).state_km2("adv", D[12]))
