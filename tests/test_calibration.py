"""Calibration evens out the simulator's uneven pads: same force, (nearly) same velocity."""

import random
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.controller.calibration import fit_pad, fit_pads, mapped_spread
from composer.controller.curves import CurveError, apply, curve_table
from composer.controller.simulator import pad_velocity

SOFT, MEDIUM, FIRM = 0.25, 0.55, 0.85


def hits(pad, force, count, rng):
    return [pad_velocity(pad, force, rng.randint(-2, 2)) for _ in range(count)]


def test_pads_are_uneven_before_calibration():
    raw = {pad: [pad_velocity(pad, MEDIUM)] for pad in range(1, 9)}
    spread = max(v[0] for v in raw.values()) - min(v[0] for v in raw.values())
    assert spread > 15


@pytest.mark.parametrize("force", [SOFT, MEDIUM, FIRM])
def test_spread_after_calibration_is_at_most_5(force):
    rng = random.Random(7)
    recorded = {pad: (hits(pad, SOFT, 6, rng), hits(pad, FIRM, 6, rng)) for pad in range(1, 9)}
    curves = fit_pads(recorded)
    played = {pad: hits(pad, force, 9, rng) for pad in range(1, 9)}
    assert mapped_spread(curves, played) <= 5


def test_fitted_curve_hits_its_targets_and_keeps_invariants():
    curve = fit_pad([20, 22, 21, 90, 3], [100, 101, 99], soft_target=40, firm_target=110)
    assert apply(curve, 21) == 40 and apply(curve, 100) == 110 and apply(curve, 127) == 127
    table = curve_table(curve)
    assert table[0] == 0 and all(1 <= v <= 127 for v in table[1:])
    assert all(a <= b for a, b in zip(table, table[1:]))


def test_soft_must_be_softer_than_firm():
    with pytest.raises(CurveError, match="softer"):
        fit_pad([80, 80], [60, 61])
    with pytest.raises(CurveError, match="pad 2"):
        fit_pads({1: ([10], [100]), 2: ([50], [50])})


@given(st.lists(st.integers(1, 60), min_size=1, max_size=8), st.lists(st.integers(61, 127), min_size=1, max_size=8))
@settings(max_examples=100, deadline=None)
def test_any_fit_keeps_the_invariants(soft, firm):
    table = curve_table(fit_pad(soft, firm))
    assert table[0] == 0 and all(1 <= v <= 127 for v in table[1:])
    assert all(a <= b for a, b in zip(table, table[1:]))
    assert table[round(statistics.median(soft))] == 40
