"""What Strudel's recorded cases cannot show: composer's own shuffle, the limits on patterns
too dense to hold, the free-function forms and the --expr command."""

import json
import subprocess
import sys

import pytest

from composer.errors import ComposerError
from composer.pattern import mini
from composer.pattern.strudel import NAMES, evaluate


def values(pattern, begin=0, end=1):
    return [h.value for h in pattern.onsets_in(begin, end)]


def test_shuffle_plays_every_slice_once_a_cycle_in_an_order_that_changes():
    pattern = mini("0 1 2 3 4 5 6 7").shuffle(8)
    orders = [values(pattern, cycle, cycle + 1) for cycle in range(6)]
    assert all(sorted(order) == list(range(8)) for order in orders)
    assert len({tuple(order) for order in orders}) > 1
    assert orders == [values(pattern, cycle, cycle + 1) for cycle in range(6)]  # the same every time


def test_scramble_picks_slices_with_repeats():
    chosen = [v for cycle in range(8) for v in values(mini("0 1 2 3").scramble(4), cycle, cycle + 1)]
    assert set(chosen) <= {0, 1, 2, 3} and len(chosen) == 32 and len(set(chosen)) > 1


@pytest.mark.parametrize("text, limit", [
    ("a*1e12", "100,000"), ("{a b}%1e9", "100,000"), ("0 .. 1e9", "10,000"), ("a(3,1000000000)", "10,000"),
    ("[" * 100 + "a" + "]" * 100, "64 deep"),
])
def test_patterns_too_dense_to_hold_are_one_line_errors(text, limit):
    with pytest.raises(ComposerError, match=limit):
        mini(text).onsets_in(0, 1)


def test_free_functions_take_the_pattern_last_as_strudel():
    assert values(NAMES["fast"](2, "a b")) == ["a", "b", "a", "b"]
    assert values(NAMES["add"](10, "0 1")) == [10, 11]
    assert values(NAMES["every"](2, NAMES["rev"], "a b"), 0, 2) == ["b", "a", "a", "b"]


def test_a_python_number_or_string_result_is_a_pattern():
    assert values(evaluate('"a b"')) == ["a", "b"]
    assert values(evaluate("3")) == [3]


@pytest.mark.parametrize("expression, message", [
    ("note(", "syntax error at column 5"),
    ("nope(1)", "NameError: name 'nope' is not defined"),
    ('mini("a*1e12")', "beyond composer's limit"),
    ("fast(2)", "the expression is a function, not a pattern"),
])
def test_expr_errors_are_one_line(expression, message):
    result = subprocess.run([sys.executable, "-m", "composer", "pattern", "--expr", expression],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_expr_json_of_a_control_pattern():
    result = subprocess.run([sys.executable, "-m", "composer", "pattern", "--json", "--expr",
                             'note("c3 e3").velocity(0.8)'], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"begin": "0", "end": "1/2", "value": {"note": "c3", "velocity": 0.8}},
        {"begin": "1/2", "end": "1", "value": {"note": "e3", "velocity": 0.8}},
    ]


def test_a_long_json_listing_streams():
    result = subprocess.run([sys.executable, "-m", "composer", "pattern", "bd", "--cycles", "20000", "--json"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) == 20000


def test_mini_and_expr_are_one_or_the_other():
    result = subprocess.run([sys.executable, "-m", "composer", "pattern", "a", "--expr", "pure(1)"],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "one of them" in result.stderr
