"""Deterministic randomness as a function of time, as in Strudel.

Random values are not drawn from a generator but computed from the cycle position
(an xorshift of the time), so a pattern asked about the same moment always gives
the same answer and `?` or `|` sound the same on every run. The `seed` picks a
different, equally repeatable, stream; seed 0 matches Strudel's own numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Sequence

from composer.pattern.core import Pattern, reify, signal, silence

_SEED_RANGE = 536870912  # 2**29: 300 cycles are spread over this many integer seeds


def _int32(x: int) -> int:
    """`x` wrapped to a signed 32-bit integer, as JavaScript's bit operators do."""
    x &= 0xFFFFFFFF
    return x - 0x100000000 if x & 0x80000000 else x


def xorwise(x: int) -> int:
    """One step of the 13/17/5 xorshift, with 32-bit signed wrap-around."""
    a = _int32(_int32(x << 13) ^ x)
    b = _int32((a >> 17) ^ a)
    return _int32(_int32(b << 5) ^ b)


def _avalanche(x: int) -> int:
    """MurmurHash3's 32-bit finaliser: every input bit flips about half the output bits."""
    x &= 0xFFFFFFFF
    x ^= x >> 16
    x = (x * 0x85EBCA6B) & 0xFFFFFFFF
    x ^= x >> 13
    x = (x * 0xC2B2AE35) & 0xFFFFFFFF
    x ^= x >> 16
    return _int32(x)


def time_to_int_seed(t: float, seed: int = 0) -> int:
    """The integer seed for time `t` (cycles): its position within a 300-cycle period."""
    scaled = t / 300
    fraction = scaled - math.trunc(scaled)
    value = xorwise(math.trunc(fraction * _SEED_RANGE))
    if seed:
        # A user seed re-hashes Strudel's value, so seed 0 stays identical to Strudel.
        value = _avalanche(value ^ _avalanche(int(seed) * 0x9E3779B1))
    return value


def int_seed_to_rand(x: int) -> float:
    """An integer seed as a number in (-1, 1), with JavaScript's signed remainder."""
    return math.fmod(x, _SEED_RANGE) / _SEED_RANGE


def time_to_rand(t: float | Fraction, seed: int = 0) -> float:
    """The random number in [0, 1) for time `t`: always the same for the same t and seed."""
    return abs(int_seed_to_rand(time_to_int_seed(float(t), seed)))


def rand(seed: int = 0) -> Pattern:
    """A continuous pattern of random numbers in [0, 1), sampled at each query's midpoint."""
    return signal(lambda t: time_to_rand(t, seed))


def irand(count: int, seed: int = 0) -> Pattern:
    """A continuous pattern of random integers in 0..count-1."""
    return rand(seed).fmap(lambda r: math.trunc(r * count))


def choose_with(chooser: Pattern, choices: Sequence[Any]) -> Pattern:
    """Pick from `choices` by a 0..1 pattern; the chooser's rhythm wins (outer join)."""
    return _choose(chooser, choices).outer_join()


def choose_in_with(chooser: Pattern, choices: Sequence[Any]) -> Pattern:
    """Pick from `choices` by a 0..1 pattern; the chosen pattern's rhythm wins (inner join)."""
    return _choose(chooser, choices).inner_join()


def _choose(chooser: Pattern, choices: Sequence[Any]) -> Pattern:
    options = [reify(c) for c in choices]
    if not options:
        return silence
    last = len(options) - 1

    def pick(r: float) -> Pattern:
        return options[min(max(math.floor(r * len(options)), 0), last)]

    return chooser.fmap(pick)


def choose_cycles(*choices: Any, seed: int = 0) -> Pattern:
    """A random one of `choices` each cycle (Strudel's `randcat`)."""
    return choose_in_with(rand(seed)._segment(1), choices)
