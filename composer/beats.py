"""The one rule for turning a number into exact time (beats, cycles, tempos): an exact Fraction.

A float stands for the fraction nearest to it whose denominator is at most 10^9: 1/3 is 1/3,
0.1 is 1/10, 0.123456789 is 123456789/10^9, and any other float is off by less than 10^-18 of a
beat per unit of value. Ints, Fractions and numeric strings ("3/4", "0.25") are taken exactly.
Time must be finite, within `LIMIT` beats of zero, and a nonzero float must not round to 0.
Pattern, runtime and perform all go through `to_beats`, so the same number is the same time
everywhere. Conversions are cached (bounded): the hot path is a dictionary look-up.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

from composer.errors import ComposerError

MAX_DENOMINATOR = 10**9
#: Larger than any piece needs (34,000 years at 60 bpm), small enough for floats to order exactly.
LIMIT = 2**40


class TimeValueError(ComposerError, ValueError):
    """A number that cannot be time: not a number, nan, infinite, too large, or too small to tell from 0."""


def to_beats(value, what: str = "beats") -> Fraction:
    """`value` as an exact Fraction by the rule above; a one-line TimeValueError naming `what` if not."""
    if type(value) is Fraction:
        numerator, denominator = value.numerator, value.denominator
        if -LIMIT * denominator <= numerator <= LIMIT * denominator:
            return value
        raise TimeValueError(f"{_shown(value)} {what} is beyond composer's limit of {LIMIT:,}")
    try:
        return _convert(value)
    except _Bad as bad:
        raise TimeValueError(bad.args[0].format(value=_shown(value), what=what)) from None
    except TypeError:  # unhashable
        raise TimeValueError(f"not a number of {what}: {_shown(value)}") from None



def add(one: Fraction, other: Fraction) -> Fraction:
    """one + other, exactly, in about half the time of `one + other`: Fraction's operator goes
    through its generic number protocol first. For the runtime's hot path (each sleep, each note's end)."""
    numerator, denominator = one.numerator, one.denominator
    other_numerator, other_denominator = other.numerator, other.denominator
    if denominator == other_denominator:
        return Fraction(numerator + other_numerator, denominator)
    return Fraction(numerator * other_denominator + other_numerator * denominator, denominator * other_denominator)


class _Bad(Exception):
    """Why a value is not time; the message has {value} and {what} placeholders."""


@lru_cache(maxsize=4096)
def _convert(value) -> Fraction:
    if isinstance(value, str):
        try:
            result = Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            raise _Bad("not a number of {what}: {value}") from None
    elif isinstance(value, int):  # bool included: True is 1
        result = Fraction(int(value))
    else:
        try:
            number = float(value)
        except (TypeError, ValueError, OverflowError):
            raise _Bad("not a number of {what}: {value}") from None
        if number != number:
            raise _Bad("nan is not a number of {what}")
        if number in (float("inf"), float("-inf")):
            raise _Bad("{value} {what}: time must be finite")
        if isinstance(value, float):
            result = Fraction(value).limit_denominator(MAX_DENOMINATOR)
        else:  # an exact type of its own (Decimal, numpy): exact where it can be
            result = Fraction(value) if hasattr(value, "as_integer_ratio") else Fraction(number)
            result = result.limit_denominator(MAX_DENOMINATOR)
        if result == 0 and number != 0:
            raise _Bad(f"{{value}} {{what}} is too small to tell from 0 (composer's finest time is 1/{MAX_DENOMINATOR:,})")
    if not -LIMIT <= result <= LIMIT:
        raise _Bad(f"{{value}} {{what}} is beyond composer's limit of {LIMIT:,}")
    return result


def _shown(value) -> str:
    try:
        text = repr(value) if isinstance(value, str) else str(value)
    except ValueError:  # an int too long to print
        return f"a {value.bit_length()}-bit number"
    return text if len(text) <= 40 else text[:20] + "…" + text[-10:]


#: MIDI stores a tempo as microseconds per beat in three bytes: 16,777,215 µs, about 3.58 bpm, is
#: the slowest. The fastest is a bound of sense (ten milliseconds a beat), not of the format.
MIN_BPM = Fraction(60_000_000, 0xFFFFFF)
MAX_BPM = Fraction(6000)


def to_bpm(value) -> Fraction:
    """A tempo as an exact Fraction within what a MIDI file and a synth can follow."""
    bpm = to_beats(value, "bpm")
    if not MIN_BPM <= bpm <= MAX_BPM:
        raise TimeValueError(f"bpm must be between {float(MIN_BPM):.2f} (MIDI's slowest tempo) and "
                             f"{float(MAX_BPM):g}, got {_shown(value)}")
    return bpm
