"""What mini-notation's operators and groups make of the patterns they apply to, as Strudel's
mini.mjs does: `a*2`, `a!3`, `a?`, `a(3,8)`, `a:3`, `0 .. 3`, the layers of `{...}`, and the
steps per cycle of a stack that holds steps sources (`^`). composer.pattern.mini parses.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Callable

from composer.errors import ComposerError
from composer.pattern.constructors import fastcat
from composer.pattern.core import Pattern, pure, silence
from composer.pattern.signals import degrade_by_with
from composer.pattern.span import lcm_steps, to_time

#: Strudel nudges each `?` and `|` this many cycles further along the random stream.
RAND_OFFSET = Fraction(3, 10000)
#: A range `a .. b` may count this many steps.
MAX_RANGE = 10_000


def apply_op(pattern: Pattern, kind: str, argument: Any, random_stream: Callable[[], Pattern]) -> Pattern:
    """The step `pattern` with the operator `kind` applied (`random_stream` for `?`)."""
    if kind == "fast":
        return pattern.fast(argument)
    if kind == "slow":
        return pattern.slow(argument)
    if kind == "replicate":
        return pattern._repeat_cycles(argument)._fast(argument)
    if kind == "degrade":
        amount, seed = argument
        return degrade_by_with(pattern, random_stream()._early(RAND_OFFSET * seed), amount)
    if kind == "euclid":
        pulses, steps, rotation = argument
        return pattern.euclid(pulses, steps, 0 if rotation is None else rotation)
    if kind == "tail":
        return pattern.fmap(_append_to).app_left(argument)
    if kind == "range":
        return pattern.squeeze_bind(lambda a: argument.bind(lambda b: range_steps(a, b)))
    raise AssertionError(kind)


def sequence_steps(pattern: Pattern, weights: Fraction, sources: list[Pattern]) -> Pattern:
    """A sequence's steps: the sum of its weights, times the lcm of its steps sources' steps."""
    steps = lcm_steps(*(source._steps for source in sources))
    steps = weights if steps is None else weights * steps
    return pattern if pattern._steps == steps else pattern.with_steps(steps)


def steps_from(pattern: Pattern, sources: list[Pattern]) -> Pattern:
    """A stack's (or choice's) steps: the lcm of its steps sources' where it has any."""
    return pattern.with_steps(lcm_steps(*(source._steps for source in sources))) if sources else pattern


def align(layer: Pattern, weight: Fraction, steps: Pattern) -> Pattern:
    """A polymeter layer sped up so `steps` of its steps fill a cycle."""
    return layer.fast(steps.fmap(lambda count: to_time(count) / weight))


def _append_to(head: Any) -> Callable[[Any], list]:
    """`bd:3` → ["bd", 3]; `bd:3:1` → ["bd", 3, 1]."""
    if isinstance(head, list):
        return lambda tail: head + [tail]
    return lambda tail: [head, tail]


def range_steps(low: Any, high: Any) -> Pattern:
    """`low .. high` as a one-cycle sequence, counting up or down in ones."""
    if not isinstance(low, (int, float)) or not isinstance(high, (int, float)):
        return silence
    if not abs(high - low) < MAX_RANGE:
        raise ComposerError(f"mini-notation: the range {low}..{high} has more than {MAX_RANGE:,} steps")
    count = math.floor(abs(high - low)) + 1
    step = 1 if low <= high else -1
    return fastcat(*(pure(low + step * i) for i in range(count)))
