"""Rate of advance: net km² per day over a sliding window (7 or 30 days).

The rate at a state time t is (A(t) − A(t − w)) / w, with A(t − w) the area of the state
in force at t − w (the last state at or before it); it is not known (NaN) where t − w
precedes the first state. It works on one series or on one column per region.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np

WINDOWS_DAYS = (7, 30)


def net_change(km2: np.ndarray) -> np.ndarray:
    """Each state's km² less the previous state's (NaN at the first)."""
    km2 = np.asarray(km2, float)
    out = np.full(km2.shape, np.nan)
    out[1:] = km2[1:] - km2[:-1]
    return out


def rate_per_day(times: list[datetime], km2: np.ndarray, days: float) -> np.ndarray:
    """Net km² per day over the ``days`` before each state (NaN where not known)."""
    km2 = np.asarray(km2, float)
    stamps = np.array([t.timestamp() for t in times], float)
    back = np.searchsorted(stamps, stamps - days * 86400.0, side="right") - 1
    out = np.full(km2.shape, np.nan)
    known = back >= 0
    out[known] = (km2[known] - km2[back[known]]) / days
    return out
