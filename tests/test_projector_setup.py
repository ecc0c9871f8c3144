"""A Projector of an auto CRS (viewer.analysis.projection.auto_crs) is set up from its
PROJ pipeline, whether given the CRS's string or that CRS's ``srs`` (pyproj adds
" +type=crs": the string the window hands its workers), and projects as PROJ's own
search for the operation (Transformer.from_crs) does, bit for bit."""

from __future__ import annotations

import numpy as np
from pyproj import CRS, Transformer

from viewer.analysis import projection
from viewer.analysis.projection import Projector, auto_crs


def test_the_srs_of_an_auto_crs_takes_the_pipeline_and_projects_the_same():
    crs = auto_crs((22.1, 44.3, 40.2, 52.4))
    srs = CRS.from_user_input(crs).srs
    assert srs != crs and srs.startswith(crs)
    made = projection._auto_pipeline(crs)
    assert made is not None
    assert projection._auto_pipeline(srs) == projection._auto_pipeline(CRS(crs)) == made
    rng = np.random.default_rng(4)
    lon, lat = rng.uniform(22, 41, 1000), rng.uniform(44, 53, 1000)
    searched = Transformer.from_crs("EPSG:4326", CRS.from_user_input(crs), always_xy=True)
    want = searched.transform(lon, lat)
    for given in (crs, srs, CRS(crs)):
        x, y = Projector(given).forward(lon, lat)
        assert np.array_equal(x, want[0]) and np.array_equal(y, want[1])


def test_another_crs_is_searched_for_as_before():
    assert projection._auto_pipeline("EPSG:3035") is None
    assert projection._auto_pipeline(auto_crs((30, 45, 31, 46)) + " +over") is None
