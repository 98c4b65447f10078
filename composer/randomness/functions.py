"""Sonic Pi's random functions (lang/core.rb), on the running thread's stream.

Each takes its numbers from `context.current.random`, with Sonic Pi's formulas: `rrand(a, b)`
is `a + rand(|b - a|)`, `rrand_i(a, b)` is `a + trunc(rand(|b - a| + 1))`, `dice(n)` is
`rrand_i(1, n)`, `one_in(n)` is `rrand_i(1, n) == 1`, and so on, so that the same seed makes
the same choices as in Sonic Pi.
"""

from __future__ import annotations

import numbers
from contextlib import contextmanager

from composer import context
from composer.errors import ComposerError
from composer.numeric import quantise
from composer.randomness.streams import SOURCES
from composer.ring import Ring
from composer.values import Symbol


def _stream():
    return context.current.random


def _note(value):
    """A note name or number as a number (rrand(:c3, :c4) works, as in Sonic Pi)."""
    if type(value) is int or type(value) is float:  # what theory.note gives back for them, at once
        return value
    from composer.theory import note

    number = note(value)
    if number is None:
        raise ComposerError(f"a random range needs numbers or notes, got {value!r}")
    return number


def _bounds(value: range) -> tuple:
    if not value:
        raise ComposerError(f"an empty range has no random numbers: {value!r}")
    return value[0], value[-1]


def rand(limit=1) -> float:
    """A float from 0 up to (not including) limit; a Python range picks between its ends."""
    if isinstance(limit, range):
        return rrand(*_bounds(limit))
    if limit == 0:
        return 0.0
    return _stream().rand(limit)


def rand_i(limit=2) -> int:
    """An integer from 0 up to (not including) limit; a Python range picks between its ends."""
    if isinstance(limit, range):
        return rrand_i(*_bounds(limit))
    if limit == 0:
        return 0
    return _stream().rand_i(_note(limit))


def rrand(low, high, step=None):
    """A float between low and high (notes allowed); `step=` quantises it."""
    low, high = _note(low), _note(high)
    if low == high:
        return low if step is None else quantise(low, step)
    value = _stream().rand(abs(low - high)) + min(low, high)
    return value if step is None else quantise(value, step)


def rrand_i(low, high):
    """An integer between low and high, both included (notes allowed)."""
    low, high = _note(low), _note(high)
    if low == high:
        return low
    return _stream().rand_i(int(abs(low - high)) + 1) + min(low, high)


def rdist(width, centre=0, step=None):
    """A number within `width` of `centre`."""
    return rrand(centre - width, centre + width, step)


def dice(sides=6):
    """A throw of a die: 1 to sides."""
    return rrand_i(1, sides)


def one_in(n) -> bool:
    """True with a chance of 1 in n (never when n < 1)."""
    n = int(n)
    return False if n < 1 else rrand_i(1, n) == 1


def choose(items=None):
    """A random element (None for an empty list); without items, a function that chooses."""
    if items is None:
        return choose
    items = tuple(items)
    index = _stream().rand_i(len(items))  # taken even for no items, as in Sonic Pi
    return items[index] if items else None


def pick(items=None, n=1, skip=0):
    """`n` random elements of items (repeats allowed) after throwing `skip` away; a list for a
    list, a ring for a ring. `pick(3)` (no items) is a function that picks 3."""
    if items is None or isinstance(items, numbers.Real):
        count = n if items is None else items
        return lambda collection: pick(collection, count, skip)
    picked = Ring(items).pick(n, skip)
    return picked if isinstance(items, Ring) else list(picked)


def shuffle(items):
    """The items in a random order, of the same kind: a ring, a list, or a string."""
    if isinstance(items, Ring):
        return items.shuffle()
    shuffled = _stream().shuffled(items)
    if isinstance(items, str):
        joined = "".join(shuffled)
        return Symbol(joined) if isinstance(items, Symbol) else joined
    return shuffled


# ----- the stream itself ----------------------------------------------------------------------


def rand_look(limit=1) -> float:
    """The number `rand(limit)` would give next, without taking it."""
    value = rand(limit)
    rand_back()
    return value


def rand_i_look(limit=2) -> int:
    value = rand_i(limit)
    rand_back()
    return value


def rand_back(amount=1) -> float:
    """Step the stream back `amount` numbers; returns the number `rand` gives next."""
    stream = _stream()
    stream.index -= int(amount)
    return stream.peek()


def rand_skip(amount=1) -> float:
    """Step the stream on `amount` numbers; returns the number `rand` gives next."""
    stream = _stream()
    stream.index += int(amount)
    return stream.peek()


def rand_reset() -> None:
    """Back to the start of the current seed's stream."""
    _stream().index = 0


def use_random_seed(seed) -> None:
    """From here on this thread's numbers (and the seeds of the threads it starts) follow `seed`."""
    _stream().use_seed(checked_seed(seed))


@contextmanager
def with_random_seed(seed):
    """`with with_random_seed(3): ...`: the block uses `seed`; afterwards the stream is back
    where it was."""
    stream = _stream()
    saved = stream.seed, stream.index, stream.spawned
    stream.use_seed(checked_seed(seed))
    try:
        yield
    finally:
        stream.seed, stream.index, stream.spawned = saved


def use_random_source(source) -> None:
    """Read from another of Sonic Pi's streams: white, pink, light_pink, dark_pink or perlin."""
    _stream().source = _source(source)


@contextmanager
def with_random_source(source):
    """`with with_random_source("pink"): ...`; the position in the stream carries on."""
    stream = _stream()
    saved = stream.source
    stream.source = _source(source)
    try:
        yield
    finally:
        stream.source = saved


def current_random_seed():
    """The seed plus how far this thread has read (what `use_random_seed` takes to come back)."""
    stream = _stream()
    return stream.index + stream.seed


def current_random_source() -> Symbol:
    return Symbol(_stream().source)


def checked_seed(seed):
    """The seed, if it is a number; else a one-line error."""
    if not isinstance(seed, numbers.Real) or isinstance(seed, bool):
        raise ComposerError(f"a random seed must be a number, got {seed!r}")
    return seed


def _source(source) -> str:
    name = str(source).lstrip(":")
    if name not in SOURCES:
        raise ComposerError(f"invalid noise type {name!r} - use one of :white, :pink, :light_pink, :dark_pink or :perlin")
    return name
