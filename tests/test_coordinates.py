"""Degrees-minutes-seconds and MGRS grid references of a position. The MGRS expected here
is made independently: the UTM zone and coordinates from pyproj, then MGRS's letter rules
(latitude band, 100 km column and row letters of the AA scheme) written out below."""

from __future__ import annotations

import pytest
from pyproj import Transformer

from viewer.analysis.coordinates import dms, mgrs_reference
from viewer.ui.coordinate_menu import format_position

BANDS = "CDEFGHJKLMNPQRSTUVWX"              # 8° bands from 80°S, X is 12° (to 84°N)
COLUMNS = ("ABCDEFGH", "JKLMNPQR", "STUVWXYZ")   # zone 1, 2, 3 (mod 3)
ROWS = "ABCDEFGHJKLMNPQRSTUV"               # 20 rows of 100 km, even zones offset by 5


def mgrs_by_hand(lon: float, lat: float) -> str:
    zone = int((lon + 180) // 6) + 1
    south = lat < 0
    utm = Transformer.from_crs("EPSG:4326", f"+proj=utm +zone={zone} {'+south' if south else ''}"
                               " +datum=WGS84", always_xy=True)
    # MGRS truncates to the metre (pyproj's 499999.99999999 on a central meridian is 500000)
    e, n = (int(v + 1e-6) for v in utm.transform(lon, lat))
    band = BANDS[min(int((lat + 80) // 8), 19)]
    column = COLUMNS[(zone - 1) % 3][int(e // 100_000) - 1]
    row = ROWS[(int(n // 100_000) + (0 if zone % 2 else 5)) % 20]
    return f"{zone}{band} {column}{row} {int(e % 100_000):05d} {int(n % 100_000):05d}"


@pytest.mark.parametrize("lon, lat", [
    (37.17706, 48.28014),       # Pokrovsk
    (30.5234, 50.4501),         # Kyiv
    (35.0462, 48.4647),         # Dnipro
    (-93.0, 42.0),              # the mgrs package's documented example: 15TWG0000049776
    (151.2093, -33.8688),       # Sydney (southern hemisphere)
    (-58.3816, -34.6037),       # Buenos Aires
])
def test_mgrs_matches_utm_and_the_letter_rules(lon, lat):
    assert mgrs_reference(lon, lat) == mgrs_by_hand(lon, lat)


def test_the_documented_example_and_no_square_beyond_the_poles():
    assert mgrs_reference(-93.0, 42.0) == "15T WG 00000 49776"
    assert mgrs_reference(0.0, 95.0) is None


def test_dms_carries_rounded_seconds():
    assert dms(48.28) == (48, 16, 48.0)
    assert dms(-37.5) == (37, 30, 0.0)
    assert dms(10.0 - 1e-6) == (10, 0, 0.0)       # 9°59′59.9964″ rounds up to 10°
    d, m, s = dms(37.17706)
    assert d + m / 60 + s / 3600 == pytest.approx(37.17706, abs=0.05 / 3600)


def test_status_bar_formats(qapp):
    assert format_position(37.17706, 48.28014) == "48.2801°\u00a0N  37.1771°\u00a0E"
    assert format_position(-58.3816, -34.6037, "dms") == \
        "34°36′13.3″\u00a0S  58°22′53.8″\u00a0W"
    assert format_position(37.17706, 48.28014, "mgrs") == mgrs_by_hand(37.17706, 48.28014)
    assert format_position(0.0, 95.0, "mgrs") == "—"
