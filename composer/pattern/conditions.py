"""Conditions: a function applied on some cycles only, or where a boolean pattern is true."""

from __future__ import annotations

from typing import Any, Callable

from composer.pattern.constructors import slowcat_prime
from composer.pattern.core import Pattern, register


@register("first_of", "every")
def first_of(pat: Pattern, count: Any, func: Callable[[Pattern], Pattern]) -> Pattern:
    """`func` on cycles 0, n, 2n... (Strudel's `firstOf`, Tidal's `every`)."""
    count = int(count)
    if count <= 0:
        return pat
    return slowcat_prime(func(pat), *([pat] * (count - 1)))


@register("last_of")
def last_of(pat: Pattern, count: Any, func: Callable[[Pattern], Pattern]) -> Pattern:
    """`func` on the last cycle of every `count`."""
    count = int(count)
    if count <= 0:
        return pat
    return slowcat_prime(*([pat] * (count - 1)), func(pat))


@register("when")
def when(pat: Pattern, on: Any, func: Callable[[Pattern], Pattern]) -> Pattern:
    """`func` where the boolean pattern `on` is true (`on` gives the structure of the switch)."""
    return func(pat) if on else pat


@register("apply")
def apply(pat: Pattern, func: Callable[[Pattern], Pattern]) -> Pattern:
    return func(pat)
