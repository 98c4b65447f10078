"""Signals and chance: continuous patterns (waves, noise) and choices made by them.

Random values are not drawn from a generator but computed from the cycle position (an
xorshift of the time), so a pattern asked about the same moment always gives the same
answer; `seed` picks a different, equally repeatable stream, and seed 0 is Strudel's own.
Waves run from 0 to 1 (the `2` forms from -1 to 1); `rand`, `perlin` and the waves are
patterns, `irand(n)`, `choose(...)` and friends make them. Strudel's signal.mjs is the
reference (its `degradeBy` family lives here too, as `chance`).
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Sequence

from composer.pattern.constructors import fastcat, stack
from composer.pattern.core import Pattern, patterned, register, reify, signal, silence
from composer.pattern.span import cycle_pos, sam

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


def time_to_rands(t: float | Fraction, count: int, seed: int = 0) -> list[float]:
    """`count` successive random numbers for time `t` (Strudel's timeToRands)."""
    value = time_to_int_seed(float(t), seed)
    result = []
    for _ in range(count):
        result.append(int_seed_to_rand(value))
        value = xorwise(value)
    return result


def random_signal(seed: int = 0) -> Pattern:
    """A continuous pattern of random numbers in [0, 1), sampled at each query's midpoint."""
    return signal(lambda t: time_to_rand(t, seed))


# ----- waves ----------------------------------------------------------------------------------

saw = signal(lambda t: t % 1)
isaw = signal(lambda t: 1 - t % 1)
sine2 = signal(lambda t: math.sin(math.pi * 2 * t))
sine = sine2.fmap(lambda x: (x + 1) / 2)
cosine = sine._early(Fraction(1, 4))
cosine2 = sine2._early(Fraction(1, 4))
square = signal(lambda t: math.floor((t * 2) % 2))
saw2 = saw.fmap(lambda x: x * 2 - 1)
isaw2 = isaw.fmap(lambda x: x * 2 - 1)
square2 = square.fmap(lambda x: x * 2 - 1)
tri = fastcat(saw, isaw)
tri2 = fastcat(saw2, isaw2)
itri = fastcat(isaw, saw)
itri2 = fastcat(isaw2, saw2)
time = signal(lambda t: t)
rand = random_signal(0)
rand2 = rand.fmap(lambda x: x * 2 - 1)


def steady(value: Any) -> Pattern:
    """A continuous pattern that is always `value`."""
    return signal(lambda _: value)


def irand(count: Any, seed: int = 0) -> Pattern:
    """A continuous pattern of random integers in 0..count-1 (count may be a pattern)."""
    return patterned(lambda n: random_signal(seed).fmap(lambda r: math.trunc(r * n)), count)


def _perlin(t: float, seed: int) -> float:
    low = math.floor(t)
    x = t - low
    smoother = 6 * x ** 5 - 15 * x ** 4 + 10 * x ** 3
    a, b = time_to_rand(low, seed), time_to_rand(low + 1, seed)
    return a + smoother * (b - a)


def perlin_with(times: Pattern, seed: int = 0) -> Pattern:
    """Perlin noise over a pattern of times: smooth random values, one control point a cycle."""
    return times.fmap(lambda t: _perlin(float(t), seed))


perlin = perlin_with(time)


# ----- choices --------------------------------------------------------------------------------


def _choose(chooser: Pattern, choices: Sequence[Any]) -> Pattern:
    options = [reify(c) for c in choices]
    if not options:
        return silence
    last = len(options) - 1
    return chooser._range(0, len(options)).fmap(lambda r: options[min(max(math.floor(r), 0), last)])


def choose_with(chooser: Pattern, choices: Sequence[Any]) -> Pattern:
    """Pick from `choices` by a 0..1 pattern; the chooser's rhythm wins (outer join)."""
    return _choose(chooser, choices).outer_join()


def choose_in_with(chooser: Pattern, choices: Sequence[Any]) -> Pattern:
    """Pick from `choices` by a 0..1 pattern; the chosen pattern's rhythm wins (inner join)."""
    return _choose(chooser, choices).inner_join()


def choose(*choices: Any) -> Pattern:
    """A random one of `choices`, continuously (give it a rhythm: `choose(...).segment(4)`)."""
    return choose_with(rand, choices)


def choose_cycles(*choices: Any, seed: int = 0) -> Pattern:
    """A random one of `choices` each cycle (Strudel's `randcat`)."""
    return choose_in_with(random_signal(seed)._segment(1), choices)


randcat = choose_cycles


def _wchoose_with(chooser: Pattern, pairs: Sequence[tuple[Any, Any]]) -> Pattern:
    values = [reify(value) for value, _ in pairs]
    total = sum(float(weight) for _, weight in pairs)
    bounds = []
    running = 0.0
    for _, weight in pairs:
        running += float(weight)
        bounds.append(running)

    def match(r: float) -> Pattern:
        find = total * r
        return next((values[i] for i, bound in enumerate(bounds) if bound > find), values[-1])

    return chooser.fmap(match)


def wchoose(*pairs: tuple[Any, Any]) -> Pattern:
    """A random one of the values, each (value, weight) as likely as its weight says."""
    return _wchoose_with(rand, pairs).outer_join()


def wchoose_cycles(*pairs: tuple[Any, Any]) -> Pattern:
    """As `wchoose`, a choice each cycle (Strudel's `wrandcat`)."""
    return _wchoose_with(rand._segment(1), pairs).inner_join()


wrandcat = wchoose_cycles


def randrun(count: int, seed: int = 0) -> Pattern:
    """0..count-1 in a random order, a new order each cycle."""

    def order(t: Fraction) -> int:
        rands = time_to_rands(sam(t) + Fraction(1, 2), count, seed)
        ranked = [index for _, index in sorted((r, index) for index, r in enumerate(rands))]
        return ranked[math.floor(cycle_pos(t) * count) % count]

    return signal(order)._segment(count)


def _rearrange(pat: Pattern, indices: Pattern, count: int) -> Pattern:
    slices = [pat._zoom(Fraction(i, count), Fraction(i + 1, count)) for i in range(count)]
    return indices.fmap(lambda i: slices[int(i)]._repeat_cycles(count)._fast(count)).inner_join()


@register("shuffle")
def shuffle(pat: Pattern, count: Any) -> Pattern:
    """The cycle cut in `count` slices played in a random order, each slice once per cycle."""
    count = int(count)
    return _rearrange(pat, randrun(count), count) if count > 0 else silence


@register("scramble")
def scramble(pat: Pattern, count: Any) -> Pattern:
    """The cycle cut in `count` slices, `count` of them picked at random (repeats allowed)."""
    count = int(count)
    return _rearrange(pat, irand(count)._segment(count), count) if count > 0 else silence


# ----- chance: dropping and transforming events at random ---------------------------------------


def degrade_by_with(pat: Pattern, randoms: Pattern, amount: float) -> Pattern:
    """Keep the events where `randoms` (sampled at each event) is above `amount`."""
    kept = randoms.filter_values(lambda r: r > amount)
    return pat.fmap(lambda value: lambda _: value).app_left(kept)


Pattern.degrade_by_with = degrade_by_with


@register("degrade_by")
def degrade_by(pat: Pattern, amount: Any, *, seed: int = 0) -> Pattern:
    """Drop each event with probability `amount`, the same way each time for a given `seed`."""
    return degrade_by_with(pat, random_signal(seed), float(amount))


@register("undegrade_by")
def undegrade_by(pat: Pattern, amount: Any, *, seed: int = 0) -> Pattern:
    """Keep exactly the events `degrade_by(1 - amount)` drops."""
    return degrade_by_with(pat, random_signal(seed).fmap(lambda r: 1 - r), float(amount))


@register("degrade")
def degrade(pat: Pattern, *, seed: int = 0) -> Pattern:
    return pat._degrade_by(0.5, seed=seed)


@register("undegrade")
def undegrade(pat: Pattern, *, seed: int = 0) -> Pattern:
    return pat._undegrade_by(0.5, seed=seed)


@register("sometimes_by")
def sometimes_by(pat: Pattern, amount: Any, func) -> Pattern:
    """`func` applied to each event with probability `amount` (the others play as they are).
    No steps per cycle: Strudel's always joins its probability pattern."""
    amount = float(amount)
    return stack(pat._degrade_by(amount), func(pat._undegrade_by(1 - amount))).with_steps(None)


def _shorthand(name: str, amount: float):
    def method(pat: Pattern, func) -> Pattern:
        return pat._sometimes_by(amount, func)

    method.__doc__ = f"`sometimes_by({amount}, func)`."
    register(name)(method)
    return method


sometimes = _shorthand("sometimes", 0.5)
often = _shorthand("often", 0.75)
rarely = _shorthand("rarely", 0.25)
almost_never = _shorthand("almost_never", 0.1)
almost_always = _shorthand("almost_always", 0.9)


@register("always")
def always(pat: Pattern, func) -> Pattern:
    return func(pat)


@register("never")
def never(pat: Pattern, func) -> Pattern:
    return pat


@register("some_cycles_by")
def some_cycles_by(pat: Pattern, amount: Any, func) -> Pattern:
    """`func` applied to whole cycles, each with probability `amount` (no steps, as sometimes_by)."""
    amount = float(amount)
    return stack(degrade_by_with(pat, rand._segment(1), amount),
                 func(degrade_by_with(pat, rand.fmap(lambda r: 1 - r)._segment(1), 1 - amount))).with_steps(None)


@register("some_cycles")
def some_cycles(pat: Pattern, func) -> Pattern:
    return pat._some_cycles_by(0.5, func)
