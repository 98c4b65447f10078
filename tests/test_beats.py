"""One rule for time: floats become the nearest fraction with a denominator up to 10^9, and
nan, infinities, huge and vanishing values are one-line errors, in pattern, runtime and perform."""

from fractions import Fraction as F

import pytest

from composer.beats import MAX_BPM, MIN_BPM, TimeValueError, _convert, to_beats, to_bpm
from composer.pattern import to_time
from composer.runtime import engine
from pieces import notes, run_piece


@pytest.mark.parametrize("value, expected", [
    (1 / 3, F(1, 3)), (0.1, F(1, 10)), (0.123456789, F(123456789, 10**9)), (2 / 7, F(2, 7)),
    (0.25, F(1, 4)), (60 / 7, F(60, 7)), (3, F(3)), (True, F(1)), ("3/4", F(3, 4)), (" 0.5 ", F(1, 2)),
    (F(5, 3), F(5, 3)), (1e-9, F(1, 10**9)), (-0.5, F(-1, 2)),
])
def test_the_rule(value, expected):
    assert to_beats(value) == expected
    assert to_time(value) == expected


@pytest.mark.parametrize("value, message", [
    (float("nan"), "nan is not a number of beats"),
    (float("inf"), "inf beats: time must be finite"),
    (10**400, "beyond composer's limit"),
    (F(10**30, 7), "beyond composer's limit"),
    (1e300, "beyond composer's limit"),
    (1e-12, "too small to tell from 0"),
    ("many", "not a number of beats: 'many'"),
    ([1], "not a number of beats"),
    (None, "not a number of beats"),
])
def test_what_is_not_time_is_one_line(value, message):
    with pytest.raises(TimeValueError, match=message) as error:
        to_beats(value)
    assert "\n" not in str(error.value)


def test_every_layer_uses_the_one_rule():
    from composer.perform import arpeggiator

    assert engine.to_beats is to_beats and arpeggiator.to_beats is to_beats
    with pytest.raises(TimeValueError, match="cycles"):
        to_time(float("nan"))


def test_the_cache_is_bounded():
    for index in range(10_000):
        to_beats(index * 0.001 + 0.0001)
    assert _convert.cache_info().currsize <= 4096


def test_bpm_range_is_midis():
    assert float(MIN_BPM) == pytest.approx(3.576, abs=0.001)
    assert to_bpm(120) == 120
    for bad in (1, 3, 0, -5, float("inf"), 1e9, 1e-9):
        with pytest.raises(TimeValueError) as error:
            to_bpm(bad)
    assert "got 1e-09" in str(error.value)
    with pytest.raises(TimeValueError, match="3.58"):
        to_bpm(1)
    assert to_bpm(MAX_BPM) == MAX_BPM


@pytest.mark.parametrize("source, message", [
    ("use_bpm(1)", "MIDI's slowest tempo"),
    ("use_bpm(1e9)", "bpm must be between"),
    ("use_bpm(1e-9)", "got 1e-09"),
    ("sleep(10**400)", "beyond composer's limit"),
    ("sleep(1e-12)", "too small to tell from 0"),
    ("use_time_signature(300, 4)", "not a time signature: 300/4"),
])
def test_pieces_get_one_line_errors_with_the_line(tmp_path, source, message):
    from composer.runtime.piece import PieceError

    body = f"@live_loop\ndef a():\n    play(60)\n    {source}\n    sleep(1)\n"
    with pytest.raises(PieceError, match=message) as error:
        run_piece(tmp_path, body)
    assert "piece.py:4" in str(error.value)


def test_a_third_of_a_beat_stays_a_third(tmp_path):
    played = notes(run_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(1/3)\n", beats=1))
    assert [n[0] for n in played] == [F(0), F(1, 3), F(2, 3)]


def test_add_is_the_exact_sum():
    """beats.add, the hot path's sum (each sleep, each note's end), is Fraction's own `+`."""
    from composer.beats import add

    values = [F(0), F(1, 4), F(-3, 8), F(1, 3), F(2, 3), F(5, 6), F(7), F(-7), F(10**12 + 1, 10**9), F(1, 2**40)]
    for one in values:
        for other in values:
            total = add(one, other)
            assert total == one + other and type(total) is F
            assert (total.numerator, total.denominator) == ((one + other).numerator, (one + other).denominator)
