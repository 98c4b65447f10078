"""Rings, ramps and their builders as Sonic Pi's, ported from its test/test_ring.rb,
test/test_vector.rb and test/lang/core/test_quantise.rb."""

import pytest

from composer import context
from composer.errors import ComposerError
from composer.numeric import dec, factor_q, inc, quantise
from composer.ring import Ramp, Ring, ramp, ring
from composer.sequences import bools, doubles, halves, knit, line, sonic_range, spread, stretch
from composer.theory import chord
from composer.values import Symbol


@pytest.fixture(autouse=True)
def fresh_thread():
    saved = context.current
    context.current = context.LoopState("test")
    yield
    context.current = saved


def S(name):
    return Symbol(name)


def test_stretch():
    assert stretch([S("e1"), S("e2")], 3) == ring("e1", "e1", "e1", "e2", "e2", "e2")
    assert stretch(["a2", "a3"], 2, ["a1", "a4"], 3) == ring("a2", "a2", "a3", "a3", "a1", "a1", "a1", "a4", "a4", "a4")
    assert isinstance(stretch(["e1"], 3), Ring)
    assert stretch("a2", 2) == ring("a2", "a2")
    assert stretch(["e2"], 0) == ring()


def test_knit():
    assert knit("e1", 3) == ring("e1", "e1", "e1")
    assert knit("e1", 3, "c1", 2) == ring("e1", "e1", "e1", "c1", "c1")
    assert knit("e2", -1, "c1", 3) == ring("c1", "c1", "c1")
    assert knit(["e2"], 0) == ring() and knit("e2", -1) == ring()
    with pytest.raises(ComposerError, match="pairs"):
        knit("e2", 1, "c3")


def test_range():
    assert sonic_range(1, 5) == ring(1.0, 2.0, 3.0, 4.0)
    assert sonic_range(1, 5, inclusive=True) == ring(1.0, 2.0, 3.0, 4.0, 5.0)
    assert sonic_range(1, 5, 1) == ring(1.0, 2.0, 3.0, 4.0)
    assert sonic_range(1, 5, step=2) == ring(1.0, 3.0)
    assert sonic_range(1, -5, step=-2) == ring(1.0, -1.0, -3.0)
    assert sonic_range(10, 50, step=10) == ring(10.0, 20.0, 30.0, 40.0)
    assert sonic_range(1, 5, step=-1) == ring(1.0, 2.0, 3.0, 4.0)
    assert sonic_range(10, 10, step=-1) == ring()
    assert repr(sonic_range(1, 3)) == "(ring 1.0, 2.0)"
    with pytest.raises(ComposerError, match="step"):
        sonic_range(1, 5, step=0)


def test_range_with_one_argument_counts_like_pythons():
    assert repr(sonic_range(4)) == "(ring 0, 1, 2, 3)"


def test_line():
    assert line(0, 4, steps=4) == ring(0.0, 1.0, 2.0, 3.0)
    assert line(0, 4, steps=5, inclusive=True) == ring(0.0, 1.0, 2.0, 3.0, 4.0)
    assert line(0, 4, steps=8) == ring(0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5)
    assert line(5, 0, steps=5) == ring(5.0, 4.0, 3.0, 2.0, 1.0)
    assert line(0, 1, steps=2) == ring(0.0, 0.5)
    midi_clocks_half = [0.0, 0.020833333333333332, 0.041666666666666664, 0.0625, 0.08333333333333333,
                        0.10416666666666666, 0.12499999999999999, 0.14583333333333331, 0.16666666666666666,
                        0.1875, 0.20833333333333334, 0.22916666666666669, 0.25, 0.2708333333333333,
                        0.29166666666666663, 0.31249999999999994, 0.33333333333333326, 0.3541666666666666,
                        0.3749999999999999, 0.3958333333333332, 0.4166666666666665, 0.43749999999999983,
                        0.45833333333333315, 0.47916666666666646]
    assert [round(x, 14) for x in line(0, 0.5, steps=24)] == [round(x, 14) for x in midi_clocks_half]


def test_ring():
    assert ring(1, 2, 3) == ring([1, 2, 3]).ring().ring()
    assert ring()[0] is None


def test_bools():
    assert bools(1, 0, 1) == ring(True, False, True)
    assert bools(True, None, True) == ring(True, False, True)
    assert bools(S("a"), 1, None, True, 0) == ring(True, True, False, True, False)
    assert bools() == ring()


@pytest.mark.parametrize("hits, steps, text", [
    (1, 2, "x."), (1, 3, "x.."), (1, 4, "x..."), (4, 12, "x..x..x..x.."), (2, 3, "x.x"),
    (2, 5, "x.x.."), (3, 4, "x.xx"), (3, 5, "x.x.x"), (3, 7, "x.x.x.."), (3, 8, "x..x..x."),
    (4, 7, "x.x.x.x"), (4, 9, "x.x.x.x.."), (4, 11, "x..x..x..x."), (5, 6, "x.xxxx"),
    (5, 7, "x.xx.xx"), (5, 8, "x.xx.xx."), (5, 9, "x.x.x.x.x"), (5, 11, "x.x.x.x.x.."),
    (5, 12, "x..x.x..x.x."), (5, 16, "x..x..x..x..x..."), (7, 8, "x.xxxxxx"),
    (7, 12, "x.xx.x.xx.x."), (7, 16, "x..x.x.x..x.x.x."), (9, 16, "x.xx.x.x.xx.x.x."),
    (11, 24, "x..x.x.x.x.x..x.x.x.x.x."), (13, 24, "x.xx.x.x.x.x.xx.x.x.x.x."),
])
def test_spread(hits, steps, text):
    assert spread(hits, steps) == ring(*(c == "x" for c in text))


def test_arithmetic():
    assert ring(1, 2, 3) + 10 == ring(11.0, 12.0, 13.0)
    assert repr(ring(1, 2, 3) + 10) == "(ring 11.0, 12.0, 13.0)"
    assert ring(1, 2, 3) + ring(4) == ring(1, 2, 3, 4)
    assert ring(1, 2, 3) + [1] == ring(1, 2, 3, 1)
    assert ring(10, 20, 30) - 5 == ring(5.0, 15.0, 25.0)
    assert ring(1, 2, 3) - ring(1) == ring(2, 3)
    assert ring(1, 2, 3) - ring(10) == ring(1, 2, 3)
    assert ring(1, 2, 3) - [4, 5, 1, 2] == ring(3)
    assert ring("a", "b", "c") * 2 == ring("a", "b", "c", "a", "b", "c")
    assert ring(1, 1, 3, 5) & ring(3, 2, 1) == ring(1, 3)


def test_chord_plus_12_transposes_every_note():
    up = chord("e3", "minor") + 12
    assert isinstance(up, Ring) and up == ring(64.0, 67.0, 71.0)


def test_take():
    assert ring(1, 2, 3).take(1) == ring(1)
    assert ring(1, 2, 3).take(2) == ring(1, 2)
    assert ring(1, 2, 3).take(4) == ring(1, 2, 3, 1)
    assert ring(1, 2, 3).take(-1) == ring(3)
    assert ring(1, 2, 3).take(-2) == ring(3, 2)
    assert ring(1, 2, 3).take(-5) == ring(3, 2, 1, 3, 2)
    assert ring(1, 2, 3).take(0) == ring()
    assert ring().take(1) == ring()
    assert ring(1, 2, 3, 4, 5, 0).take(-3) == ring(0, 5, 4)


def test_drop_and_friends():
    a = ring(1, 2, 3, 4, 5, 0)
    assert a.drop(3) == ring(4, 5, 0) and a.drop(30) == ring()
    assert a.drop_last() == ring(1, 2, 3, 4, 5) and a.drop_last(3) == ring(1, 2, 3)
    assert a.butlast() == ring(1, 2, 3, 4, 5)
    assert a.take_last(2) == ring(5, 0)
    with pytest.raises(ComposerError, match="drop needs a count"):
        a.drop(-1)


def test_first_last_min_max():
    assert ring(1, 2, 3).first() == 1
    assert ring(1, 2, 3).first(2) == ring(1, 2)
    assert ring(1, 2, 3).first(20) == ring(1, 2, 3)
    words = ring("w", "x", "y", "z")
    assert words.last() == "z" and words.last(2) == ring("y", "z")
    animals = ring("albatross", "dog", "horse")
    assert animals.max() == "horse" and animals.min() == "albatross"
    assert animals.max(2) == ring("horse", "dog")
    assert animals.min(2) == ring("albatross", "dog")


def test_shape():
    assert ring(3, 2, 1).reverse() == ring(1, 2, 3)
    a = ring("a", "b", "c", "d")
    assert a.rotate() == ring("b", "c", "d", "a")
    assert a.rotate(2) == ring("c", "d", "a", "b")
    assert a.rotate(-3) == ring("b", "c", "d", "a")
    assert ring(1, 2, 3).mirror() == ring(1, 2, 3, 3, 2, 1)
    assert ring(1, 2, 3).mirror(2) == ring(1, 2, 3, 3, 2, 1) * 2
    assert ring(1, 2, 3).reflect() == ring(1, 2, 3, 2, 1)
    assert ring(1, 2, 3).reflect(2) == ring(1, 2, 3, 2, 1, 2, 3, 2, 1)
    assert ring(1, 2).repeat(3) == ring(1, 2, 1, 2, 1, 2)
    assert ring(1, 2).stretch(2) == ring(1, 1, 2, 2)
    assert ring("d", "a", "e", "c", "b").sort() == ring("a", "b", "c", "d", "e")
    assert ring("a", None, "b", None).compact() == ring("a", "b")
    assert ring("a", "a", "b", "b", "c").uniq() == ring("a", "b", "c")
    assert ring(1, 2, 3, 4, 5).filter(lambda n: n % 2 == 0) == ring(2, 4)
    assert ring(ring(1, 2, 3), ring(4, 5, 6, [7, 8]), 9, 10).flatten() == ring(*range(1, 11))
    assert ring(1, 2, [3, [4, 5]]).flatten(1) == ring(1, 2, 3, [4, 5])
    assert ring("a", "b", "c", "d", "e", "f").values_at(1, 3, 5, 7) == ring("b", "d", "f", None)
    assert ring("a", "b", "c").join("-") == "a-b-c"
    assert ring(1, 2, 3).map(lambda n: n * 2) == [2, 4, 6]
    assert ring(1, 2, 3).size() == 3 and ring(1, 2, 3).length() == 3


def test_scale():
    assert ring(1, 2, 3).scale(2) == ring(2.0, 4.0, 6.0)
    assert ring(1, 2, 3).scale(-2) == ring(-2.0, -4.0, -6.0)
    assert ring(1, 2, 3).scale(0) == ring(0.0, 0.0, 0.0)


def test_ramp():
    assert ramp(1, 2, 3)[100] == 3 and ramp(1, 2, 3)[-5] == 1
    assert isinstance(ring(1, 2, 3).ramp(), Ramp)
    assert isinstance(ring(1, 2, 3).ramp().ring(), Ramp)
    assert repr(ramp(1, 2)) == "(ramp 1, 2)"
    assert isinstance(ramp(1, 2) + [3], Ramp)


def test_index_wraps_and_floats_truncate():
    assert ring(1, 2, 3)[-1] == 3 and ring(1, 2, 3)[4] == 2 and ring(1, 2, 3)[1.5] == 2


def test_shuffle_keeps_the_kind():
    a = ring(*"abcdefghi") * 20
    assert a.shuffle() != a and isinstance(a.shuffle(), Ring) and sorted(a.shuffle()) == sorted(a)


def test_halves_and_doubles():
    assert halves(60, 3) == ring(60.0, 30.0, 15.0)
    assert doubles(60, 3) == ring(60.0, 120.0, 240.0)
    assert halves(60, -2) == ring(60.0, 120.0)
    assert doubles(60, -2) == ring(60.0, 30.0)
    with pytest.raises(ComposerError, match="halves needs a number"):
        halves("x")


def test_quantise():
    assert quantise(10, 1) == 10.0
    assert quantise(10, 1.1) == 9.9
    assert quantise(13.3212, 0.1) == 13.3
    assert quantise(13.3212, 0.2) == 13.4
    assert quantise(13.3212, 0.3) == 13.2
    assert quantise(13.3212, 0.5) == 13.5
    assert quantise(2.5, 1) == 3 and quantise(-2.5, 1) == -3  # halves away from zero, as Ruby
    with pytest.raises(ComposerError, match="positive step"):
        quantise(1, 0)


def test_factor_inc_dec():
    assert factor_q(10, 2) is True and factor_q(11, 2) is False and factor_q(2, 0) is False
    assert factor_q(2, 0.5) is True
    assert inc(1) == 2 and dec(1) == 0
