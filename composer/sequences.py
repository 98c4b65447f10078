"""Sonic Pi's ring builders (lang/core.rb): knit, stretch, bools, halves, doubles, range, line,
spread. Each returns a ring; numbers come out as Sonic Pi makes them (range and line give
floats), except that `range(n)` with one argument counts 0..n-1 in ints, as Python's does.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable

from composer.errors import ComposerError
from composer.ring import Ring


def knit(*pairs) -> Ring:
    """`knit("e3", 3, "c3", 1)` == (ring "e3", "e3", "e3", "c3"); counts below 1 drop the value."""
    if len(pairs) % 2:
        raise ComposerError(f"knit takes value, count pairs: got {len(pairs)} arguments")
    return Ring(value for value, count in zip(pairs[::2], pairs[1::2]) for _ in range(int(count)))


def stretch(*pairs) -> Ring:
    """`stretch([1, 2], 2, 3, 1)` == (ring 1, 1, 2, 2, 3): each value of each list, count times."""
    if len(pairs) % 2:
        raise ComposerError(f"stretch takes list, count pairs: got {len(pairs)} arguments")
    out = []
    for values, count in zip(pairs[::2], pairs[1::2]):
        if isinstance(values, str) or not isinstance(values, Iterable):
            values = [values]
        out.extend(value for value in values for _ in range(int(count)))
    return Ring(out)


def bools(*values) -> Ring:
    """`bools(1, 0, 1)` == (ring True, False, True): 0, None and False are False."""
    return Ring(not (value is None or value is False or (isinstance(value, numbers.Number) and value == 0))
                for value in values)


def halves(start, count: int = 1) -> Ring:
    """`halves(60, 3)` == (ring 60.0, 30.0, 15.0); a negative count doubles."""
    value = float(_number(start, "halves"))
    if count < 0:
        return doubles(start, -count)
    out = []
    for _ in range(int(count)):
        out.append(value)
        value /= 2.0
    return Ring(out)


def doubles(start, count: int = 1) -> Ring:
    """`doubles(60, 3)` == (ring 60.0, 120.0, 240.0); a negative count halves."""
    value = float(_number(start, "doubles"))
    if count < 0:
        return halves(start, -count)
    out = []
    for _ in range(int(count)):
        out.append(value)
        value *= 2.0
    return Ring(out)


def sonic_range(start, finish=None, step=1, inclusive: bool = False) -> Ring:
    """Sonic Pi's `range`: floats from start towards finish (exclusive unless inclusive) in
    steps of |step|, each rounded to 14 decimals. `range(n)` alone counts 0..n-1 as Python's."""
    if finish is None:
        return Ring(range(int(start)))
    start, finish = float(start), float(finish)
    if start == finish:
        return Ring()
    if step == 0:
        raise ComposerError("range's step must not be 0")
    step = abs(float(step))
    out = []
    value = start
    if start < finish:
        while (round(value, 14) <= finish) if inclusive else (round(value, 14) < finish):
            out.append(round(value, 14))
            value += step
    else:
        while (round(value, 14) >= finish) if inclusive else (round(value, 14) > finish):
            out.append(round(value, 14))
            value -= step
    return Ring(out)


def line(start, finish, steps: int = 4, inclusive: bool = False) -> Ring:
    """Sonic Pi's `line`: `steps` evenly spaced floats from start towards finish."""
    start, finish = float(start), float(finish)
    if start == finish:
        return Ring()
    if steps <= 0:
        raise ComposerError(f"line needs a positive number of steps, got {steps!r}")
    if inclusive and steps == 1:
        return Ring([start])
    width = (finish - start) / (steps - 1 if inclusive else steps)
    return sonic_range(0, steps).scale(width) + start


def spread(hits: int, steps: int, rotate: int = 0) -> Ring:
    """Sonic Pi's spread: a ring of booleans, `hits` spread over `steps` as evenly as possible.

    Sonic Pi's own grouping (its `redistribute`), which differs from Tidal's Bjorklund for some
    counts: spread(3, 4) is (ring true, false, true, true). `rotate=n` moves the start to the
    n-th following hit, so the rhythm keeps beginning on a hit.
    """
    hits, steps = int(hits), int(steps)
    if hits < 0 or steps < 0:
        raise ComposerError(f"spread needs counts of 0 or more, got spread({hits}, {steps})")
    if hits >= steps:
        return Ring([True] * steps)
    if hits == 0:
        return Ring([False] * steps)
    groups, rest = _redistribute([[True]] * hits, [[False]] * (steps - hits))
    while len(rest) > 1:
        groups, rest = _redistribute(groups, rest)
    pattern = [step for group in groups + rest for step in group]
    for _ in range(abs(int(rotate))):
        pattern = pattern[1:] + pattern[:1]
        while not pattern[0]:
            pattern = pattern[1:] + pattern[:1]
    return Ring(pattern)


def _redistribute(groups: list, rest: list) -> tuple[list, list]:
    """Pair the groups with the rest, one each, newest pair first; what is left over is the rest."""
    paired = [a + b for a, b in zip(groups, rest)]
    paired.reverse()
    count = len(paired)
    return paired, (groups[count:] if len(groups) > count else rest[count:])


def _number(value, function: str):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ComposerError(f"{function} needs a number to start from, got {value!r}")
    return value
