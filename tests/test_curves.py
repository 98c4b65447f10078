"""Velocity curves keep their promises for every input, every named curve and any amount."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.controller.curves import (
    CURVE_NAMES,
    CurveError,
    breakpoints,
    curve_table,
    parse_curve,
)
from composer.errors import UnknownNameError

NAMED = ["linear", "soft", "hard", "offset", "constant", "exp", "log", "exp:0.1", "exp:8", "log:0.5", "log:20"]


def check_invariants(table, top_is_127=True):
    assert len(table) == 128
    assert table[0] == 0
    assert all(1 <= v <= 127 for v in table[1:])
    assert all(a <= b for a, b in zip(table, table[1:]))
    if top_is_127:
        assert table[127] == 127


@pytest.mark.parametrize("spec", NAMED)
def test_every_named_curve_keeps_the_invariants(spec):
    check_invariants(curve_table(parse_curve(spec)))


def test_linear_is_identity():
    assert curve_table(parse_curve("linear")) == list(range(128))


def test_soft_is_above_and_hard_below_the_diagonal():
    soft, hard = curve_table(parse_curve("soft")), curve_table(parse_curve("hard"))
    assert all(soft[v] >= v for v in range(128)) and soft[64] > 64
    assert all(hard[v] <= max(v, 1) for v in range(128)) and hard[64] < 64


def test_exp_below_and_log_above_the_diagonal():
    exp, log = curve_table(parse_curve("exp:3")), curve_table(parse_curve("log:3"))
    assert all(exp[v] <= max(v, 1) for v in range(128))
    assert all(log[v] >= v for v in range(128))


def test_offset_is_alesis_offset_curve():
    table = curve_table(parse_curve("offset"))
    assert table[1] == 50 and table[78] == 127 and table[127] == 127
    assert set(table[1:]) == set(range(50, 128))


def test_constant_is_127_except_note_off():
    assert curve_table(parse_curve("constant")) == [0] + [127] * 127


@given(st.floats(min_value=0.001, max_value=20.0), st.sampled_from(["exp", "log"]))
@settings(max_examples=150, deadline=None)
def test_amount_curves_keep_invariants(amount, name):
    check_invariants(curve_table(parse_curve(f"{name}:{amount!r}")))


@st.composite
def point_lists(draw):
    xs = sorted(draw(st.sets(st.integers(1, 127), min_size=1, max_size=8)))
    ys = sorted(draw(st.lists(st.integers(1, 127), min_size=len(xs), max_size=len(xs))))
    return [[x, y] for x, y in zip(xs, ys)]


@given(point_lists())
@settings(max_examples=200, deadline=None)
def test_breakpoint_curves_keep_invariants(points):
    table = curve_table(breakpoints(points))
    check_invariants(table, top_is_127=False)
    assert table[127] == points[-1][1]  # past the last point the curve holds it
    for x, y in points:
        assert table[x] == y


def test_breakpoints_interpolate_linearly():
    table = curve_table(parse_curve([[0, 0], [64, 100], [127, 127]]))
    assert table[32] == 50 and table[64] == 100


@pytest.mark.parametrize("points, message", [
    ([[0, 5]], "input 0"),
    ([[10, 50], [20, 40]], "must not fall"),
    ([[10, 0]], "at least 1"),
    ([[200, 1]], "outside"),
    ([[10, 20], [10, 30]], "two points"),
    ([], "at least one"),
    ([["a", 1]], "pairs"),
])
def test_bad_breakpoints_are_refused(points, message):
    with pytest.raises(CurveError, match=message):
        breakpoints(points)


def test_specs_round_trip():
    for spec in ["soft", "exp:2.5", "log:3", "points:0/0,64/90,127/127"]:
        curve = parse_curve(spec)
        assert parse_curve(curve.spec) == curve
    assert parse_curve({"points": [[0, 0], [127, 127]]}) == parse_curve("points:127/127")
    assert parse_curve({"name": "exp", "amount": 2}) == parse_curve("exp:2")


def test_unknown_names_suggest():
    with pytest.raises(UnknownNameError, match="did you mean 'soft'"):
        parse_curve("sotf")
    with pytest.raises(CurveError):
        parse_curve("exp:0")
    with pytest.raises(CurveError):
        parse_curve("linear:3")
    assert set(CURVE_NAMES) >= {"linear", "soft", "hard", "offset", "constant", "exp", "log"}
