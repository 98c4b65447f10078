"""The band's parts: each module turns bar plans into hits for one instrument.

A part's `play(plans, options, context)` returns `Hit`s: (beat, duration, note, velocity) in
exact beats from the top of the song. `options(plan)` gives the part's settings from the
bar's style (None: the part rests in that bar); `context` carries the song-wide things a part
may need (the guitar's tuning, the random stream, the key).
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from composer.errors import ComposerError


class Hit(NamedTuple):
    beat: Fraction
    duration: Fraction
    note: int
    velocity: int
    gesture: Fraction | None = None  # the beat of the stroke this note belongs to (a strum)


@dataclass
class PartContext:
    rng: random.Random
    tuning: str = "standard"
    capo: int = 0
    key: str | None = None


def stable_seed(*parts: object) -> int:
    """A 32-bit seed from the parts, the same in every process (hash() is salted)."""
    return zlib.crc32("\x1f".join(str(p) for p in parts).encode())


def playing(plans, options) -> Iterator[tuple]:
    """(plan, settings) of each bar the part plays: those its bar's style gives settings."""
    for plan in plans:
        settings = options(plan)
        if settings:
            yield plan, settings


def led_through(plans, options, lead: Callable[[list], list]) -> dict[int, object]:
    """What `lead` gives each chord the part plays (a shape, a voicing; None for N.C.), chosen
    over the whole song at once so that it moves least; keyed by the id() of the chord's slot."""
    slots = [slot for plan, _ in playing(plans, options) for slot in plan.slots]
    return dict(zip((id(slot) for slot in slots), lead([slot.chord for slot in slots])))


def style_pattern(settings: dict, what: str, names: Collection[str], default: str, *, key: str = "pattern",
                  written: Callable[[object], object] | None = None, or_else: str = ""):
    """The pattern a bar's style gives a part: `settings[key]` (else `default`) when it is one of
    `names` (the pattern itself when `names` maps names to patterns), else what `written` reads
    of a pattern written out in the style (None: it cannot); a one-line error listing the names,
    then `or_else`, when it is neither."""
    value = settings.get(key, default)
    if isinstance(value, str) and value in names:
        return names[value] if isinstance(names, Mapping) else value
    pattern = None if written is None else written(value)
    if pattern is None:
        raise ComposerError(f"unknown {what} {value!r}; use one of {', '.join(names)}{or_else}")
    return pattern


def clamp_velocity(value: float) -> int:
    return max(1, min(127, int(round(value))))


def final_strum(plan, notes, velocity: int, spread: Fraction) -> list[Hit]:
    """The song's last chord: one slow stroke across `notes`, held to the end of the bar."""
    start, end = plan.start, plan.start + plan.beats
    return [Hit(start + spread * order, end - start - spread * order, note, clamp_velocity(velocity - 3 * order), start)
            for order, note in enumerate(notes)]
