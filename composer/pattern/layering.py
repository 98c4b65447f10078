"""Layering: a pattern with copies of itself (shifted, transformed, echoed), Euclidean rhythms,
and patterns chosen from others by a pattern of indices or names.

Strudel's pattern.mjs, euclid.mjs and pick.mjs are the reference.
"""

from __future__ import annotations

import inspect
import math
from typing import Any, Callable

from composer.pattern.constructors import stack, timecat
from composer.pattern.core import Pattern, register, reify, silence
from composer.pattern.euclid import euclid_rhythm


@register("off")
def off(pat: Pattern, offset: Any, func: Callable[[Pattern], Pattern]) -> Pattern:
    """The pattern, and `func` of it shifted `offset` cycles later, together."""
    return stack(pat, func(pat.late(offset)))


def superimpose(pat: Pattern, *funcs: Callable[[Pattern], Pattern]) -> Pattern:
    """The pattern with each of `funcs` applied to it on top."""
    return stack(pat, *(func(pat) for func in funcs))


def layer(pat: Pattern, *funcs: Callable[[Pattern], Pattern]) -> Pattern:
    """Each of `funcs` applied to the pattern, together (the pattern itself only if a func keeps it)."""
    return stack(*(func(pat) for func in funcs))


Pattern.superimpose = superimpose
Pattern.layer = layer


@register("jux_by", "juxby")
def jux_by(pat: Pattern, by: Any, func: Callable[[Pattern], Pattern]) -> Pattern:
    """The pattern panned `by / 2` to the left, and `func` of it as far to the right (a `pan`
    control around the event's own pan, 0.5 if it has none), together."""
    by = by / 2

    def panned(sign: int) -> Pattern:
        def move(value: Any) -> dict:
            value = value if isinstance(value, dict) else {"value": value}
            return {**value, "pan": value.get("pan", 0.5) + sign * by}

        return pat.fmap(move)

    return stack(panned(-1), func(panned(1)))


@register("jux")
def jux(pat: Pattern, func: Callable[[Pattern], Pattern]) -> Pattern:
    """`func` of the pattern in the right channel, the pattern itself in the left."""
    return pat._jux_by(1, func)


@register("echo_with", "stut_with")
def echo_with(pat: Pattern, times: Any, time: Any, func: Callable) -> Pattern:
    """`times` copies `time` cycles apart, the i-th (from 0) given to `func(copy, i)` (or
    `func(copy)`), as Strudel's echoWith."""
    takes_index = _arity(func) >= 2
    return stack(*(func(pat.late(time * index), index) if takes_index else func(pat.late(time * index))
                   for index in range(int(times))))


def _arity(func: Callable) -> int:
    try:
        return len([p for p in inspect.signature(func).parameters.values()
                    if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)])
    except (TypeError, ValueError):
        return 1


@register("echo")
def echo(pat: Pattern, times: Any, time: Any, feedback: Any) -> Pattern:
    """`times` copies `time` cycles apart, each quieter by `feedback` (a `gain` control)."""
    from composer.pattern.controls import with_control

    return stack(*(with_control(pat.late(time * index), "gain", feedback ** index) for index in range(int(times))))


@register("stut")
def stut(pat: Pattern, times: Any, feedback: Any, time: Any) -> Pattern:
    """Tidal's argument order for `echo`."""
    return pat._echo(times, time, feedback)


@register("euclid")
def euclid(pat: Pattern, pulses: Any, steps: Any, rotation: Any = 0) -> Pattern:
    """The Bjorklund rhythm of `pulses` onsets in `steps` (mini-notation's `bd(3,8)`), rotated
    `rotation` steps as `euclid_rot` does."""
    return pat._euclid_rot(pulses, steps, rotation)


@register("euclid_rot", "euclidrot")
def euclid_rot(pat: Pattern, pulses: Any, steps: Any, rotation: Any) -> Pattern:
    rhythm = euclid_rhythm(int(pulses), int(steps), int(rotation))
    return pat.struct(rhythm) if rhythm else silence


def _euclid_legato(pat: Pattern, pulses: Any, steps: Any, rotation: Any) -> Pattern:
    """Each onset held until the next: weights of the gaps between onsets."""
    rhythm = euclid_rhythm(int(pulses), int(steps), int(rotation))
    if int(pulses) < 1 or not rhythm:
        return silence
    text = "".join("1" if hit else "0" for hit in rhythm)
    gaps = [(len(run) + 1, True) for run in text.split("1")[1:]]
    return pat.struct(timecat(*gaps))


@register("euclid_legato")
def euclid_legato(pat: Pattern, pulses: Any, steps: Any) -> Pattern:
    return _euclid_legato(pat, pulses, steps, 0)


@register("euclid_legato_rot")
def euclid_legato_rot(pat: Pattern, pulses: Any, steps: Any, rotation: Any) -> Pattern:
    return _euclid_legato(pat, pulses, steps, rotation)


def _pick(lookup: Any, pat: Pattern, modulo: bool) -> Pattern:
    """Each value of `pat` replaced by the pattern it names in `lookup` (a list or a dict)."""
    if isinstance(lookup, dict):
        table = {key: reify(value) for key, value in lookup.items()}
        if not table:
            return silence
        return pat.fmap(lambda key: table.get(key, silence))
    options = [reify(value) for value in lookup]
    if not options:
        return silence
    last = len(options) - 1

    def choose(index):
        index = math.floor(index + 0.5)  # JavaScript's Math.round
        return options[index % len(options) if modulo else min(max(index, 0), last)]

    return pat.fmap(choose)


def pick(pat: Pattern, lookup: Any) -> Pattern:
    """Patterns chosen by index or name, each keeping its own rhythm (inner join)."""
    return _pick(lookup, pat, modulo=False).inner_join()


def pickmod(pat: Pattern, lookup: Any) -> Pattern:
    """As `pick`, wrapping indices past the end around."""
    return _pick(lookup, pat, modulo=True).inner_join()


def inhabit(pat: Pattern, lookup: Any) -> Pattern:
    """As `pick`, squeezing a whole cycle of the chosen pattern into each event."""
    return _pick(lookup, pat, modulo=False).squeeze_join()


def squeeze(pat: Any, options: list) -> Pattern:
    """Strudel's `squeeze(pat, xs)`: a cycle of the option each index names, fitted into its event."""
    return _pick(options, reify(pat), modulo=True).squeeze_join()


Pattern.pick = pick
Pattern.pickmod = pickmod
Pattern.inhabit = inhabit
Pattern.pick_squeeze = inhabit
