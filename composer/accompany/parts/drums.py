"""Drums: grooves from grooves.toml (or built from the meter's beat groups) and fills.

A fill replaces the end of the bar's last beat group: two beats at most in a bar the chart
marks `fill` and in the last bar of a section (the next bar then opens on a crash), one beat
in every `fill_every`-th bar of a section. The song's last bar is a crash and a kick on its
downbeat. Fills run down the toms, roll on the snare or mix both, in sixteenths (or
triplets in a shuffle), chosen by the seeded random stream.
"""

from __future__ import annotations

import functools
import tomllib
from fractions import Fraction
from pathlib import Path

from composer.accompany.parts import Hit, style_pattern
from composer.accompany.plan import default_groups
from composer.errors import ComposerError
from composer.runtime.kits import load_kit

GROOVES_FILE = Path(__file__).resolve().parents[1] / "grooves.toml"
STRENGTH = {"X": 112, "x": 92, "o": 52}
HIT = Fraction(1, 4)  # how long a drum note lasts
FILLS = {
    "toms": ("sn", "sn", "ht", "ht", "mt", "mt", "lt", "lt"),
    "snare": ("sn",),
    "mixed": ("sn", "ht", "sn", "mt", "sn", "lt", "bd", "lt"),
}


@functools.cache
def grooves() -> dict:
    with open(GROOVES_FILE, "rb") as handle:
        return tomllib.load(handle)


def play(plans, options, context) -> list[Hit]:
    kit = load_kit("gm")
    hits: list[Hit] = []
    crash_next = False
    section_bar = 0
    for plan in plans:
        settings = options(plan)
        if plan.index == 0 or plans[plan.index - 1].bar.section_index != plan.bar.section_index:
            section_bar = 0
        section_bar += 1
        if not settings:
            crash_next = False
            continue
        feel = style_pattern(settings, "groove", tuple(grooves()), "rock", key="groove",
                             written=lambda groove: groove if isinstance(groove, dict) else None,
                             or_else=", or write one: { bd = 'x...x...', sn = '..x...x.', hh = 'xxxxxxxx' }")
        if plan.final:  # the band ends together on the last bar's downbeat
            hits += [Hit(plan.start, Fraction(2), kit.note("cr"), 116), Hit(plan.start, HIT, kit.note("bd"), 110)]
            continue
        every = settings.get("fill_every", 0)
        big = plan.bar.fill or (plan.section_end and settings.get("section_fills", True))
        small = not big and every and section_bar % every == 0
        fill_start = plan.beats - min(plan.groups[-1], Fraction(2) if big else Fraction(1)) if big or small else plan.beats
        for offset, drum, velocity in _groove(plan, feel):
            if offset < fill_start and not (crash_next and offset == 0 and drum in ("hh", "rd")):
                hits.append(Hit(plan.start + offset, HIT, kit.note(drum), velocity))
        if crash_next:
            hits.append(Hit(plan.start, Fraction(1), kit.note("cr"), 110))
        if big or small:
            step = Fraction(1, 3) if feel == "shuffle" else Fraction(1, 4)
            hits += _fill(plan, fill_start, step, context.rng, kit)
        crash_next = bool(big)  # a new section (or a written fill) lands on a crash
    return hits


def _groove(plan, feel):
    """(offset, drum, velocity) of the bar's groove; a groove written in a style spans any bar."""
    meter = f"{plan.bar.numerator}/{plan.bar.denominator}"
    pattern = feel if isinstance(feel, dict) else grooves()[feel].get(meter)
    regrouped = plan.bar.groups is not None and plan.bar.groups != default_groups(plan.bar.numerator, plan.bar.denominator)
    if pattern is None or (regrouped and not isinstance(feel, dict)):  # grooves.toml follows usual groupings
        yield from _built(plan, feel)
        return
    for drum, line in pattern.items():
        cells = [c for c in str(line) if c not in " |"]
        if not cells or set(cells) - set(STRENGTH) - {"."}:
            raise ComposerError(f"groove line {drum} = {line!r}: use X x o and . (one a cell)")
        cell = plan.beats / len(cells)
        for index, mark in enumerate(cells):
            if mark != ".":
                yield index * cell, drum, STRENGTH[mark]


def _built(plan, feel: str):
    """A groove for any meter: kick on the first group, snare on the others, eighth hats."""
    cymbal = "rim" if feel == "ballad" else "hh"
    eighth = Fraction(1, 2)
    for index in range(int(plan.beats / eighth)):
        yield index * eighth, "hh", STRENGTH["x" if index % 2 == 0 else "o"]
    for number, start in enumerate(plan.group_starts()):
        if number == 0:
            yield start, "bd", STRENGTH["x"]
        else:
            yield start, "sn" if feel != "ballad" else cymbal, STRENGTH["X"]
            if feel == "halftime":
                break


def _fill(plan, fill_start: Fraction, step: Fraction, rng, kit) -> list[Hit]:
    name = rng.choice(sorted(FILLS))
    drums = FILLS[name]
    count = int((plan.beats - fill_start) / step)
    hits = []
    for index in range(count):
        drum = drums[index * len(drums) // count] if len(drums) > 1 else drums[0]
        velocity = 80 + (40 * index) // max(count - 1, 1)
        at = plan.start + fill_start + index * step
        hits.append(Hit(at, HIT, kit.note(drum), min(velocity, 124)))
        if index * step % 1 == 0:
            hits.append(Hit(at, HIT, kit.note("bd"), 90))
    return hits
