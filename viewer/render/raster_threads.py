"""Whether Qt's raster engine hands large fills to its thread pool.

Qt splits a fill or blend taller than about 96 rows into bands for its GUI thread pool and
waits for them. On a machine with two cores that hand-off costs more than it saves: measured
here (2 cores, idle), one antialiased fill of a country-sized path into a 1600x1000 image
takes 6.3-6.9 ms with the pool and 1.9-2.6 ms without it, the time step's floor 7.0 -> 3.0 ms,
a random time step of the whole window 14.4 -> 10.6 ms and at 2x pixel ratio 26.6 -> 20.3 ms.
Pixels are the same either way (the bands are cut on whole rows). On more cores the pool may
pay for itself, and nothing here was measured there, so Qt's default is kept.

Qt reads ``QT_NO_GUI_THREADPOOL`` (set to anything) when it first paints, so this runs on
import of :mod:`viewer.render`, before any Qt application exists; a value the user set is
left as it is.
"""

from __future__ import annotations

import os

VARIABLE = "QT_NO_GUI_THREADPOOL"
MOST_CORES_WITHOUT_POOL = 2


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system has one)."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return len(affinity(0))
    return os.cpu_count() or 1


def choose_raster_threads(environ=os.environ, cores: int | None = None) -> bool:
    """Turn the pool off in ``environ`` on a machine of at most two cores, unless the
    variable is already set; whether the pool is off afterwards."""
    if VARIABLE not in environ:
        if (usable_cores() if cores is None else cores) <= MOST_CORES_WITHOUT_POOL:
            environ[VARIABLE] = "1"
    return VARIABLE in environ
