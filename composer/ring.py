"""Rings: immutable sequences whose indices wrap around, as in Sonic Pi.

`ring(52, 55, 57)[3] == 52`. `.tick()` steps through a ring with the running loop's counter,
so `notes.tick()` in a live_loop plays the next note each iteration.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from composer import context


class Ring(tuple):
    """A tuple indexed modulo its length. Slices and arithmetic return rings."""

    __slots__ = ()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Ring(tuple.__getitem__(self, index))
        if not self:
            return None
        return tuple.__getitem__(self, index % len(self))

    def __repr__(self) -> str:
        return "(ring " + ", ".join(repr(v) for v in self) + ")"

    def __add__(self, other):
        return Ring(tuple(self) + tuple(other))

    def tick(self, counter: str = "tick"):
        """Advance the running loop's counter and return the element it now points at."""
        return self[context.current.tick(counter)]

    def look(self, counter: str = "tick"):
        """The element at the running loop's counter, without advancing it."""
        return self[context.current.look(counter)]

    def choose(self):
        """A random element, from the running loop's seeded stream."""
        return self[context.current.rng.randrange(len(self))] if self else None

    def shuffle(self) -> Ring:
        items = list(self)
        context.current.rng.shuffle(items)
        return Ring(items)

    def reverse(self) -> Ring:
        return Ring(reversed(self))

    def rotate(self, n: int = 1) -> Ring:
        if not self:
            return self
        n %= len(self)
        return Ring(tuple(self)[n:] + tuple(self)[:n])

    def mirror(self) -> Ring:
        """(ring 1, 2, 3).mirror == (ring 1, 2, 3, 3, 2, 1)"""
        return Ring(tuple(self) + tuple(reversed(self)))

    def reflect(self) -> Ring:
        """(ring 1, 2, 3).reflect == (ring 1, 2, 3, 2, 1)"""
        return Ring(tuple(self) + tuple(reversed(self))[1:])

    def repeat(self, n: int = 2) -> Ring:
        return Ring(tuple(self) * n)

    def take(self, n: int) -> Ring:
        return Ring(self[i] for i in range(n)) if self else self

    def drop(self, n: int) -> Ring:
        return Ring(tuple(self)[n:])

    def stretch(self, n: int) -> Ring:
        """Each element n times: (ring 1, 2).stretch(2) == (ring 1, 1, 2, 2)"""
        return Ring(v for v in self for _ in range(n))

    def sort(self) -> Ring:
        return Ring(sorted(self))

    def to_list(self) -> list:
        return list(self)


def ring(*values) -> Ring:
    """`ring(1, 2, 3)`; a single iterable argument is spread: `ring([1, 2, 3])`."""
    if len(values) == 1 and isinstance(values[0], Iterable) and not isinstance(values[0], str):
        return Ring(values[0])
    return Ring(values)


def knit(*pairs) -> Ring:
    """`knit("e3", 3, "c3", 1)` == (ring "e3", "e3", "e3", "c3")."""
    if len(pairs) % 2:
        raise ValueError("knit takes value, count pairs")
    return Ring(v for v, n in zip(pairs[::2], pairs[1::2]) for _ in range(int(n)))


def ring_range(start, finish, step=1, inclusive: bool = False) -> Ring:
    """Sonic Pi's `range`: from start towards finish (exclusive unless inclusive) by step."""
    if step == 0:
        raise ValueError("range step must not be 0")
    step = abs(step) if finish >= start else -abs(step)
    out = []
    value = start
    while (value < finish if step > 0 else value > finish) or (inclusive and value == finish):
        out.append(value)
        value += step
    return Ring(out)


def line(start, finish, steps: int = 4, inclusive: bool = False) -> Ring:
    """Sonic Pi's `line`: `steps` evenly spaced values from start towards finish."""
    if steps < 1:
        raise ValueError("line needs at least one step")
    if inclusive:
        if steps == 1:
            return Ring([start])
        delta = Fraction(finish - start) / (steps - 1)
    else:
        delta = Fraction(finish - start) / steps
    values = [start + delta * i for i in range(steps)]
    return Ring(_plain(v) for v in values)


def _plain(value):
    """Fractions that are whole numbers become ints, others floats, for friendly printing."""
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    return value
