"""A state's piece indices, kept for the last few states asked (History.piece_indices),
are the pieces valid at that state however the states are asked, and can't be changed
by whoever asked."""

import numpy as np
import pytest

from factories import two_region_situation


def test_kept_indices_are_the_pieces_valid_at_each_state():
    history = two_region_situation().layer("adv").history
    times = history.times
    expected = [sorted(i for i, p in enumerate(history.pieces)
                       if p.valid_from <= t and (p.valid_to is None or t < p.valid_to))
                for t in times]
    order = [0, 1, 0, 2, 3, 1, 3, 2, 0, 3, 3, 1] * 2         # hits, and misses past the kept
    for k in order:
        assert history.piece_indices(k).tolist() == expected[k], k
    assert history.piece_indices(-1).tolist() == []


def test_kept_indices_are_read_only():
    history = two_region_situation().layer("adv").history
    indices = history.piece_indices(1)
    with pytest.raises(ValueError):
        indices[0] = 99
    assert np.array_equal(history.piece_indices(1), indices)
