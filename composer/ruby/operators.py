"""Ruby's binary operators over Python values, and `===` for case/when."""

from __future__ import annotations

import operator

from composer.ruby.values import RubyRange, Symbol, divide, modulo, power


def _note_arithmetic(combine):
    """Sonic Pi's `+` and `-` on symbols are note arithmetic (`:e1 + 4` is 32; a rest stays a
    rest), and on nil give nil; everything else is Python's own (numbers, strings, lists, rings)."""

    def apply(left, right):
        try:
            return combine(left, right)
        except TypeError:
            if left is None:
                return None
            if isinstance(left, Symbol):
                from composer.theory import note

                if str(left) in ("r", "rest"):
                    return left
                return combine(note(left), note(right) if isinstance(right, str) else right)
            raise

    return apply


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
    "+": _note_arithmetic(operator.add), "-": _note_arithmetic(operator.sub), "*": operator.mul, "/": divide,
    "%": modulo, "**": power,
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
