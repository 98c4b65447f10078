"""Values spelt as Sonic Pi's log spells them (Ruby's inspect)."""

from fractions import Fraction

import pytest

from composer.ring import ramp, ring
from composer.theory import note_info
from composer.values import Symbol, inspect


@pytest.mark.parametrize("value, text", [
    (0.75006103515625, "0.75006103515625"),
    (3, "3"),
    (-2, "-2"),
    (60.0, "60.0"),
    (1e16, "1.0e+16"),
    (1e15, "1000000000000000.0"),
    (0.0001, "0.0001"),
    (1.5e-07, "1.5e-07"),
    (float("inf"), "Infinity"),
    (float("-inf"), "-Infinity"),
    (float("nan"), "NaN"),
    (Fraction(1, 2), "0.5"),
    (Symbol("foo"), ":foo"),
    (Symbol("foo?"), ":foo?"),
    (Symbol("foo bar"), ':"foo bar"'),
    ("text", '"text"'),
    ('say "hi"\n', '"say \\"hi\\"\\n"'),
    ("#{x}", '"\\#{x}"'),
    ("\x01", '"\\u0001"'),
    ([1, 2], "[1, 2]"),
    ([], "[]"),
    (ring(1, 2, 3), "(ring 1, 2, 3)"),
    (ring(), "(ring)"),
    (ramp(Symbol("a"), "b"), '(ramp :a, "b")'),
    ([ring(1), None], "[(ring 1), nil]"),
    (None, "nil"),
    (True, "true"),
    (False, "false"),
    ({Symbol("a"): 1, "b": [2]}, '{:a=>1, "b"=>[2]}'),
    (note_info("C4"), "#<SonicPi::Note :C4>"),
])
def test_inspect(value, text):
    assert inspect(value) == text


def test_a_symbol_is_its_name_for_every_function_that_takes_a_name():
    assert Symbol("minor") == "minor" and {Symbol("a"): 1}["a"] == 1
    assert repr(Symbol("minor")) == ":minor" and str(Symbol("minor")) == "minor"
