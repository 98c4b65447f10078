"""Rings and ramps: immutable sequences with Sonic Pi's indexing and methods.

`ring(52, 55, 57)[3] == 52` (indices wrap); `ramp(1, 2, 3)[100] == 3` (indices stop at the
ends). Methods follow Sonic Pi's RingVector (lib/sonicpi/core.rb): they return a new ring (or
ramp), arithmetic with a number acts on every element (`chord("e3", "minor") + 12` transposes,
giving floats as in Sonic Pi), `+`/`-` with a list concatenates/removes, `*` repeats.
`.tick()`, `.look()`, `.choose()`, `.shuffle()` and `.pick()` use the running thread's tick
counters and random stream.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable

from composer import context
from composer.errors import ComposerError
from composer.values import inspect


class Ring(tuple):
    """A tuple indexed modulo its length. Slices, methods and arithmetic return rings."""

    __slots__ = ()
    kind = "ring"

    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(tuple.__getitem__(self, index))
        if not self:
            return None
        return tuple.__getitem__(self, self._position(index))

    def _position(self, index) -> int:
        return int(index % len(self))

    def __repr__(self) -> str:
        return inspect(self)  # as Sonic Pi prints it: (ring 1, 2, 3)

    # ----- arithmetic, as Sonic Pi's SPVector -------------------------------------------------

    def __add__(self, other):
        if isinstance(other, (tuple, list)):
            return type(self)(tuple(self) + tuple(other))
        if isinstance(other, numbers.Real):
            offset = float(other)
            return type(self)(value + offset for value in self)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, (tuple, list)):
            return type(self)(tuple(other) + tuple(self))
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, (tuple, list)):
            return type(self)(value for value in self if value not in other)
        if isinstance(other, numbers.Real):
            offset = float(other)
            return type(self)(value - offset for value in self)
        return NotImplemented

    def __mul__(self, times):
        if isinstance(times, numbers.Integral):
            return type(self)(tuple(self) * int(times))
        return NotImplemented

    __rmul__ = __mul__

    def __and__(self, other):
        """The elements also in `other`, without repeats, in this ring's order."""
        return type(self)(dict.fromkeys(value for value in self if value in other))

    # ----- ticks and chance -------------------------------------------------------------------

    def tick(self, name: str = context.DEFAULT_TICK, step=1, offset=0):
        """Advance the running thread's counter and return the element it now points at."""
        index = context.this_thread.current.tick(name, step, offset)
        if type(index) is int and type(self) is Ring and self:  # self[index] without its checks: ticked per note
            return tuple.__getitem__(self, index % len(self))
        return self[index]

    def look(self, name: str = context.DEFAULT_TICK, offset=0):
        """The element at the running thread's counter, without advancing it."""
        return self[context.current.look(name, offset)]

    def choose(self):
        """A random element (None for an empty ring); takes one number from the stream."""
        return self[context.current.random.rand_i(len(self))]

    sample = choose

    def pick(self, n=1, skip=0) -> Ring:
        """`n` random elements (repeats allowed), after throwing `skip` choices away."""
        if not isinstance(n, numbers.Real) or not isinstance(skip, numbers.Real):
            raise ComposerError(f"pick needs numbers for n and skip, got {n!r} and {skip!r}")
        for _ in range(int(skip)):
            self.choose()
        return Ring(self.choose() for _ in range(int(n)))

    def shuffle(self) -> Ring:
        return type(self)(context.current.random.shuffled(self))

    # ----- shape ------------------------------------------------------------------------------

    def reverse(self) -> Ring:
        return type(self)(reversed(self))

    def rotate(self, n: int = 1) -> Ring:
        """(ring 1, 2, 3).rotate == (ring 2, 3, 1); negative n rotates the other way."""
        if not self:
            return self
        n = int(n) % len(self)
        return type(self)(tuple(self)[n:] + tuple(self)[:n])

    def mirror(self, n: int = 1) -> Ring:
        """(ring 1, 2, 3).mirror == (ring 1, 2, 3, 3, 2, 1), repeated n times."""
        return type(self)((tuple(self) + tuple(reversed(self))) * int(n))

    def reflect(self, n: int = 1) -> Ring:
        """(ring 1, 2, 3).reflect == (ring 1, 2, 3, 2, 1); each further repeat skips the first."""
        once = tuple(self) + tuple(reversed(self))[1:]
        return type(self)(once + once[1:] * (int(n) - 1) if n > 1 else once)

    def repeat(self, n: int = 2) -> Ring:
        return type(self)(tuple(self) * max(int(n), 1))

    def stretch(self, n: int) -> Ring:
        """Each element n times: (ring 1, 2).stretch(2) == (ring 1, 1, 2, 2)."""
        return type(self)(value for value in self for _ in range(int(n)))

    def take(self, n: int) -> Ring:
        """The first n elements, going round the ring as often as needed; negative n takes from
        the end backwards: (ring 1, 2, 3).take(-2) == (ring 3, 2)."""
        n = int(n)
        if n < 0:
            return self.reverse().take(-n)
        if not self:
            return self
        return type(self)(tuple.__getitem__(self, i % len(self)) for i in range(n))

    def drop(self, n: int) -> Ring:
        return type(self)(tuple(self)[_count(n, "drop"):])

    def take_last(self, n: int = 1) -> Ring:
        n = _count(n, "take_last")
        return type(self)(tuple(self)[len(self) - n:] if n < len(self) else self)

    def drop_last(self, n: int = 1) -> Ring:
        return type(self)(tuple(self)[:max(len(self) - _count(n, "drop_last"), 0)])

    def butlast(self) -> Ring:
        return self.drop_last(1)

    def first(self, n=None):
        """The first element, or a ring of the first n."""
        if n is None:
            return tuple.__getitem__(self, 0) if self else None
        return type(self)(tuple(self)[:_count(n, "first")])

    def last(self, n=None):
        """The last element, or a ring of the last n."""
        if n is None:
            return tuple.__getitem__(self, -1) if self else None
        n = _count(n, "last")
        return type(self)(tuple(self)[len(self) - n:] if n < len(self) else self)

    def sort(self, key=None) -> Ring:
        return type(self)(sorted(self, key=key))

    def uniq(self) -> Ring:
        return type(self)(dict.fromkeys(self))

    def compact(self) -> Ring:
        """Without its None elements."""
        return type(self)(value for value in self if value is not None)

    def flatten(self, depth=None) -> Ring:
        return type(self)(_flatten(self, depth))

    def filter(self, keep) -> Ring:
        return type(self)(value for value in self if keep(value))

    def map(self, function) -> list:
        """A list of function(element), as Sonic Pi's map returns an array."""
        return [function(value) for value in self]

    def values_at(self, *indices) -> Ring:
        """The elements at these indices (without wrapping; None past the end)."""
        size = len(self)
        return type(self)(tuple.__getitem__(self, i) if -size <= i < size else None for i in indices)

    def min(self, n=None):
        """The smallest element, or a ring of the n smallest (smallest first)."""
        if n is None:
            return min(self) if self else None
        return type(self)(sorted(self)[:_count(n, "min")])

    def max(self, n=None):
        """The largest element, or a ring of the n largest (largest first)."""
        if n is None:
            return max(self) if self else None
        return type(self)(sorted(self, reverse=True)[:_count(n, "max")])

    def scale(self, factor) -> Ring:
        """Every element times factor (as floats, as in Sonic Pi)."""
        factor = float(factor)
        return type(self)(value * factor for value in self)

    def size(self) -> int:
        return len(self)

    length = size

    def join(self, separator: str = "") -> str:
        return separator.join(str(value) for value in self)

    def ring(self) -> Ring:
        return self

    def ramp(self) -> Ramp:
        return self if isinstance(self, Ramp) else Ramp(self)

    def to_list(self) -> list:
        return list(self)

    to_a = to_list


class Ramp(Ring):
    """A ring whose indices stop at its ends instead of wrapping: ramp(1, 2, 3)[100] == 3."""

    __slots__ = ()
    kind = "ramp"

    def _position(self, index) -> int:
        return min(max(int(index), 0), len(self) - 1)

    def ring(self) -> Ring:
        return self  # as Sonic Pi: a ramp stays a ramp


def ring(*values) -> Ring:
    """`ring(1, 2, 3)`; a single iterable argument is spread: `ring([1, 2, 3])`."""
    if len(values) == 1 and isinstance(values[0], Iterable) and not isinstance(values[0], str):
        return Ring(values[0])
    return Ring(values)


def ramp(*values) -> Ramp:
    """`ramp(1, 2, 3)`: a ring that stays on its last element; a single iterable is spread."""
    if len(values) == 1 and isinstance(values[0], Iterable) and not isinstance(values[0], str):
        return Ramp(values[0])
    return Ramp(values)


def _count(n, method: str) -> int:
    if not isinstance(n, numbers.Real) or n < 0:
        raise ComposerError(f"{method} needs a count of 0 or more, got {n!r}")
    return int(n)


def _flatten(values, depth):
    for value in values:
        if isinstance(value, (list, tuple)) and (depth is None or depth > 0):
            yield from _flatten(value, None if depth is None else depth - 1)
        else:
            yield value
