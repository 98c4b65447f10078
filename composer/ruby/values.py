"""Ruby's values where Python's differ: ranges, truth, arithmetic, to_s.

Ruby integers, floats, strings, arrays (lists) and hashes (dicts) are Python's own, and
symbols and `inspect` are the piece API's (composer/values.py), so values pass between a buffer
and the piece API unchanged; only what Ruby means differently lives here.
"""

from __future__ import annotations

import math
from fractions import Fraction

from composer.values import Symbol, inspect

__all__ = ["RubyRange", "Symbol", "divide", "inspect", "modulo", "power", "to_s", "truthy"]


class RubyRange:
    """`(1..4)` and `(0...8)`: Ruby's inclusive and exclusive ranges, numeric."""

    __slots__ = ("first", "last", "exclusive")

    def __init__(self, first, last, exclusive: bool):
        self.first, self.last, self.exclusive = first, last, exclusive

    def step(self, by=1) -> list:
        if by == 0:
            raise ValueError("step can't be 0")
        values, value = [], self.first
        while value < self.last or (not self.exclusive and value == self.last):
            values.append(value)
            value = value + by
        return values

    def __iter__(self):
        if isinstance(self.first, int) and isinstance(self.last, int):
            return iter(range(self.first, self.last if self.exclusive else self.last + 1))
        return iter(self.step(1))

    def __len__(self) -> int:
        return len(list(iter(self)))

    def __contains__(self, value) -> bool:
        return self.first <= value and (value < self.last if self.exclusive else value <= self.last)

    def __eq__(self, other) -> bool:
        return isinstance(other, RubyRange) and (self.first, self.last, self.exclusive) == (
            other.first, other.last, other.exclusive)

    def __hash__(self) -> int:
        return hash((self.first, self.last, self.exclusive))

    def __repr__(self) -> str:
        return f"{inspect(self.first)}{'...' if self.exclusive else '..'}{inspect(self.last)}"


def truthy(value) -> bool:
    """Ruby's truth: only nil and false are false (0 and "" are true)."""
    return value is not None and value is not False


def divide(left, right):
    """Ruby's `/`: whole numbers divide to a whole number (rounding down), floats to a float."""
    if isinstance(left, int) and isinstance(right, int) and not isinstance(left, bool):
        return left // right  # ZeroDivisionError as in Ruby
    if right == 0 and isinstance(right, float) or (right == 0 and isinstance(left, float)):
        if left == 0 or left != left:
            return math.nan
        return math.copysign(math.inf, left) * math.copysign(1.0, right)
    return left / right


def modulo(left, right):
    """Ruby's `%` takes the divisor's sign, as Python's does; strings format as in Ruby."""
    if isinstance(left, str):
        return left % (tuple(right) if isinstance(right, list) else right)
    return left % right


def power(left, right):
    if isinstance(left, int) and isinstance(right, int) and right < 0:
        return Fraction(left) ** right  # Ruby gives a Rational
    return left ** right


def to_s(value) -> str:
    """What `#{value}` and `puts`-style string conversion (`to_s`) give in Ruby."""
    if isinstance(value, str):
        return str.__str__(value)
    if value is None:
        return ""
    return inspect(value)
