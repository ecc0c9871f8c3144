"""Shapefile reading with pyshp: holes, .prj reprojection, .cpg encodings, sidecars."""

from __future__ import annotations

import datetime as dt
import os

import numpy as np
import pytest
import shapefile
import shapely
from pyproj import CRS, Transformer
from pyproj.enums import WktVersion

from factories import said
from viewer.io.errors import SituationError
from viewer.io.foreign.dispatch import read_features
from viewer.io.foreign.shp import read_shapefile

OUTER = [(30, 48), (30, 49), (31, 49), (31, 48), (30, 48)]           # clockwise
HOLE = [(30.2, 48.2), (30.4, 48.2), (30.4, 48.4), (30.2, 48.4), (30.2, 48.2)]  # counter-
TO_3857 = Transformer.from_crs("OGC:CRS84", 3857, always_xy=True)


def mercator(ring):
    x, y = TO_3857.transform(*np.array(ring).T)
    return list(zip(x, y))


def write_polygons(base, rings_list, records, *, encoding="utf-8", prj=None, cpg=None):
    with shapefile.Writer(str(base), shapeType=shapefile.POLYGON, encoding=encoding) as w:
        w.field("name", "C", 40)
        w.field("pop", "N", 10, 0)
        w.field("day", "D")
        w.field("share", "F", 12, 4)
        for rings, rec in zip(rings_list, records):
            if rings is None:
                w.null()
            else:
                w.poly(rings)
            w.record(*rec)
    if prj is not None:
        base.with_suffix(".prj").write_text(prj, encoding="ascii")
    if cpg is not None:
        base.with_suffix(".cpg").write_text(cpg, encoding="ascii")
    return base.with_suffix(".shp")


def test_polygon_with_hole_in_epsg3857_with_prj_and_cpg(tmp_path):
    prj = CRS(3857).to_wkt(WktVersion.WKT1_ESRI)
    path = write_polygons(tmp_path / "areas", [[mercator(OUTER), mercator(HOLE)], None],
                          [("Київ", 5, dt.date(2025, 6, 13), 0.25),
                           ("Ніщо", 0, None, None)],
                          encoding="cp1251", prj=prj, cpg="1251")
    result = read_shapefile(path)
    assert len(result.features) == 1
    feature = result.features[0]
    assert feature.properties == {"name": "Київ", "pop": 5, "day": "2025-06-13", "share": 0.25}
    assert feature.name == "Київ" and feature.layer == ""
    geom = feature.geometry
    assert geom.geom_type == "Polygon" and len(geom.interiors) == 1
    back = Transformer.from_crs(3857, "OGC:CRS84", always_xy=True)
    expected = np.column_stack(back.transform(*np.array(mercator(OUTER)).T))
    np.testing.assert_allclose(shapely.get_coordinates(geom.exterior), expected, atol=1e-9)
    np.testing.assert_allclose(shapely.get_coordinates(geom.exterior), OUTER, atol=1e-9)
    np.testing.assert_allclose(shapely.get_coordinates(geom.interiors[0]), HOLE, atol=1e-9)
    assert geom.area == pytest.approx(1 - 0.04)
    assert said(result) == [
        "converted coordinates from EPSG:3857 (WGS 84 / Pseudo-Mercator) to longitude/latitude",
        "skipped 1 feature with no geometry: shape 2"]


def test_wgs84_prj_means_no_conversion(tmp_path):
    prj = CRS(4326).to_wkt(WktVersion.WKT1_ESRI)
    path = write_polygons(tmp_path / "a", [[OUTER]], [("a", 1, None, 1.0)], prj=prj)
    result = read_shapefile(path)
    assert said(result) == []
    np.testing.assert_allclose(shapely.get_coordinates(result.features[0].geometry), OUTER)


def test_no_prj_lon_lat_assumed_with_a_warning(tmp_path):
    path = write_polygons(tmp_path / "a", [[OUTER, HOLE]], [("a", 1, None, 1.0)])
    result = read_features(path)
    assert said(result) == ["no .prj file: coordinates taken as longitude/latitude (WGS 84)"]
    assert len(result.features[0].geometry.interiors) == 1


def test_no_prj_and_projected_coordinates_are_refused(tmp_path):
    path = write_polygons(tmp_path / "a", [[mercator(OUTER)]], [("a", 1, None, 1.0)])
    with pytest.raises(SituationError, match="has no .prj file and its coordinates are not "
                                             "longitude/latitude"):
        read_shapefile(path)


def test_attributes_not_utf8_fall_back_to_latin1(tmp_path):
    path = write_polygons(tmp_path / "a", [[OUTER]], [("Café", 1, None, 1.0)],
                          encoding="latin-1", prj=CRS(4326).to_wkt())
    result = read_shapefile(path)
    assert result.features[0].properties["name"] == "Café"
    assert said(result) == ["attributes are not valid utf-8; read as Latin-1"]


def test_upper_case_sidecars_and_missing_dbf(tmp_path):
    path = write_polygons(tmp_path / "b", [[OUTER]], [("x", 1, None, 1.0)],
                          prj=CRS(4326).to_wkt())
    for ext in (".shp", ".shx", ".dbf", ".prj"):
        os.rename(path.with_suffix(ext), tmp_path / ("B" + ext.upper()))
    result = read_shapefile(tmp_path / "B.SHP")
    assert result.features[0].properties["name"] == "x" and said(result) == []
    os.remove(tmp_path / "B.DBF")
    result = read_shapefile(tmp_path / "B.SHP")
    assert result.features[0].properties == {}
    assert said(result) == ["no .dbf file beside it: features have no attributes"]


def test_points_are_read(tmp_path):
    with shapefile.Writer(str(tmp_path / "p"), shapeType=shapefile.POINT) as w:
        w.field("name", "C", 20)
        w.point(30.5, 48.5)
        w.record("Westville")
    result = read_shapefile(tmp_path / "p.shp")
    assert result.features[0].geometry.coords[0] == (30.5, 48.5)
    assert result.features[0].name == "Westville"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_broken_shp_is_refused(tmp_path, damage):
    path = write_polygons(tmp_path / "a", [[OUTER]] * 3, [("a", 1, None, 1.0)] * 3,
                          prj=CRS(4326).to_wkt())
    data = path.read_bytes()
    path.write_bytes({"garbage": b"\x00" * 50 + b"nonsense" * 20,
                      "truncated": data[:120], "empty": b""}[damage])
    with pytest.raises(SituationError) as err:
        read_shapefile(path)
    assert str(err.value).startswith(f"{path}: ")


def test_unknown_prj_is_refused(tmp_path):
    path = write_polygons(tmp_path / "a", [[OUTER]], [("a", 1, None, 1.0)], prj="PROJCS[nonsense")
    with pytest.raises(SituationError, match="unknown coordinate reference system"):
        read_shapefile(path)


def test_ring_orientation_problems_become_warnings_not_log_output(tmp_path, caplog):
    counter_clockwise = OUTER[::-1]
    path = write_polygons(tmp_path / "a", [[counter_clockwise]], [("a", 1, None, 1.0)],
                          prj=CRS(4326).to_wkt())
    result = read_shapefile(path)
    assert result.features[0].geometry.area == pytest.approx(1.0)
    assert said(result) == ["polygon rings of shape 1 are all holes or holes outside any "
                               "outer ring (by their orientation); read as outer rings"]
    assert caplog.records == []
    assert not shapefile.logger.filters                 # our filter is gone again
