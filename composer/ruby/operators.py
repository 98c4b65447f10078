"""Ruby's binary operators over Python values, and `===` for case/when."""

from __future__ import annotations

import operator

from composer.ruby.values import RubyRange, divide, modulo, power


def _shift_left(left, right):
    """`array << item` appends (and returns the array); on integers it shifts."""
    if isinstance(left, list):
        left.append(right)
        return left
    if isinstance(left, str):
        return left + str(right)
    return left << right


def _compare(left, right):
    """`<=>`: -1, 0 or 1, nil when the values do not compare."""
    try:
        return (left > right) - (left < right)
    except TypeError:
        return None


def _equal(left, right) -> bool:
    if left is None or right is None or isinstance(left, bool) or isinstance(right, bool):
        return left is right
    return left == right


def _match(left, right):
    raise TypeError("regular expressions (=~) are not supported in Sonic Pi buffers")


BINARY = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": divide, "%": modulo, "**": power,
    "==": _equal, "!=": lambda a, b: not _equal(a, b), "<": operator.lt, ">": operator.gt,
    "<=": operator.le, ">=": operator.ge, "<=>": _compare, "<<": _shift_left, ">>": operator.rshift,
    "&": operator.and_, "|": operator.or_, "^": operator.xor, "=~": _match,
    "===": lambda a, b: case_equal(a, b),
}


def case_equal(pattern, value) -> bool:
    """`pattern === value` as case/when uses it: ranges hold, classes contain, else ==."""
    if isinstance(pattern, RubyRange):
        try:
            return value in pattern
        except TypeError:
            return False
    if isinstance(pattern, type):
        return isinstance(value, pattern) and not (isinstance(value, bool) and pattern is int)
    return _equal(pattern, value)
