"""Strumming: down and up strokes across the shape's strings, each string a little later.

A pattern is one character per eighth of a beat group: `D`/`U` a down/up stroke, `d`/`u`
softer ones, `.` the hand passing without touching. A style may name one of PATTERNS or write
its own ("D.DU.UDU"), which starts again at each beat group. Down strokes go low to high over every
string, up strokes high to low over the top four; `strum_ms` apart per string. A stroke
rings until the next one.
"""

from __future__ import annotations

from fractions import Fraction

from composer.accompany.guitar import lead_shapes
from composer.accompany.parts import Hit, clamp_velocity, final_strum, led_through, playing, style_pattern

EIGHTH = Fraction(1, 2)
FINAL_SPREAD = Fraction(1, 24)  # the last chord: one slower stroke

#: pattern name -> group length in eighths -> strokes. Missing lengths are built from 2s and 3s.
PATTERNS = {
    "folk": {8: "D.DU.UDU", 6: "D.DU.U", 4: "D.DU", 3: "D.U", 2: "DU"},
    "rock": {8: "DuDuDuDu", 6: "DuDuDu", 4: "DuDu", 3: "Dud", 2: "Du"},
    "halftime": {8: "D...d.DU", 6: "D..UdU", 4: "D.dU", 3: "D.u", 2: "Du"},
    "odd": {8: "D.dUD.dU", 6: "D.dUdU", 4: "D.dU", 3: "DdU", 2: "Du"},
    "stabs": {8: "D...D...", 6: "D..D..", 4: "D.D.", 3: "D..", 2: "D."},
}
STRENGTH = {"D": 1.0, "U": 0.8, "d": 0.65, "u": 0.55}


def strokes(pattern: dict | str, cells: int) -> str:
    """The strokes for a group of `cells` eighths: the pattern's, or built of 8s, 3s and 2s;
    a written pattern is read from its start for each group."""
    if isinstance(pattern, str):
        return (pattern * (cells // len(pattern) + 1))[:cells]
    built = ""
    while cells > 0:
        if cells in pattern:
            return built + pattern[cells]
        take = 8 if cells > 8 else (3 if cells % 2 else 2)
        built += pattern.get(take) or "D" + "." * (take - 1)
        cells -= take
    return built


def _written(strokes) -> str | None:
    """Strokes written out in a style ("D.DU.UDU"; they restart at each group), or None if they are not."""
    written = "".join(c for c in strokes if c not in " |") if isinstance(strokes, str) else ""
    if not written or set(written) - set(STRENGTH) - {"."}:
        return None
    return written


def play(plans, options, context) -> list[Hit]:
    shapes = led_through(plans, options, lambda chords: lead_shapes(chords, context.tuning, context.capo))
    strokes_at: list[tuple[Fraction, str, object, int, Fraction]] = []  # beat, stroke, slot, velocity, spread
    final_bars = []
    for plan, settings in playing(plans, options):
        pattern = style_pattern(settings, "strumming pattern", PATTERNS, "folk", written=_written,
                                or_else=" or write strokes such as 'D.DU.UDU'")
        spread = Fraction(settings.get("strum_ms", 12)).limit_denominator(1000) / 1000 * plan.bar.bpm / 60
        velocity = settings.get("velocity", 84)
        if plan.final:
            final_bars.append((plan, velocity))
            continue
        for group_start, length in zip(plan.group_starts(), plan.groups):
            cells = int(length / EIGHTH)
            for index, stroke in enumerate(strokes(pattern, cells)):
                if stroke == ".":
                    continue
                at = group_start + index * EIGHTH
                slot = plan.chord_at(at)
                accent = 1.15 if index == 0 else 1.0
                loud = velocity * STRENGTH[stroke] * accent
                strokes_at.append((plan.start + at, stroke, slot, clamp_velocity(loud), spread))
    hits = []
    for plan, velocity in final_bars:
        shape = shapes.get(id(plan.slots[0]))
        hits += final_strum(plan, shape.notes, velocity, FINAL_SPREAD) if shape else []
    for number, (beat, stroke, slot, velocity, spread) in enumerate(strokes_at):
        shape = shapes.get(id(slot))
        if shape is None:
            continue
        end = slot.start + slot.length
        if number + 1 < len(strokes_at):
            end = min(end, strokes_at[number + 1][0])
        strings = shape.notes if stroke in "Dd" else tuple(reversed(shape.notes[-4:]))
        for order, note in enumerate(strings):
            delay = spread * order
            if delay < end - beat:
                hits.append(Hit(beat + delay, end - beat - delay, note, clamp_velocity(velocity - 2 * order), beat))
    return hits
