"""Fingerpicking: the thumb (p) on the bass strings, fingers i, m, a on the top three.

A pattern is a step length and one cell per step; a cell names the strings struck together:
`p` the shape's bass string, `t` the thumb's other bass string, `i m a` the three highest
strings. Patterns restart at each beat group, so in 7/4 (4+3) the thumb keeps the groups. A
style may name one of PATTERNS or write its own cells (with `step`, in beats).
Notes ring until their chord ends (a string struck again stops its previous note).
"""

from __future__ import annotations

from fractions import Fraction

from composer.accompany.guitar import lead_shapes
from composer.accompany.parts import Hit, clamp_velocity, final_strum, led_through, playing, style_pattern

EIGHTH, SIXTEENTH = Fraction(1, 2), Fraction(1, 4)
FINAL_SPREAD = Fraction(1, 12)  # the last chord is rolled slowly

PATTERNS = {
    "travis": (EIGHTH, ("p a", "m", "t", "i", "p", "m", "t a", "i")),  # alternating thumb
    "pima": (EIGHTH, ("p", "i", "m", "a")),
    "pimami": (EIGHTH, ("p", "i", "m", "a", "m", "i")),  # the rolling minor arpeggio
    "arpeggio": (SIXTEENTH, ("p", "i", "m", "a", "m", "i", "t", "i")),
    "pinch": (EIGHTH, ("p a", "i", "t m", "i")),
}


def play(plans, options, context) -> list[Hit]:
    shapes = led_through(plans, options, lambda chords: lead_shapes(chords, context.tuning, context.capo))
    hits = []
    for plan, settings in playing(plans, options):
        step, cells = style_pattern(settings, "fingerpicking pattern", PATTERNS, "travis",
                                    written=lambda cells: _written(cells, settings.get("step", 0.5)),
                                    or_else=" or a list of cells of the fingers p t i m a, such as ['p a', 'i', 't', 'm']")
        velocity = settings.get("velocity", 72)
        if plan.final:
            shape = shapes.get(id(plan.slots[0]))
            hits += final_strum(plan, shape.notes, velocity + 8, FINAL_SPREAD) if shape else []
            continue
        for group_start, length in zip(plan.group_starts(), plan.groups):
            offset = Fraction(0)
            while offset < length:
                at = group_start + offset
                slot = plan.chord_at(at)
                shape = shapes.get(id(slot))
                if shape is not None:
                    strings = _strings(shape.notes)
                    accent = 12 if offset == 0 else 0
                    cell = cells[int(offset / step) % len(cells)]
                    for finger in cell.split():
                        note = strings[finger]
                        loud = velocity + accent + (6 if finger in "pt" else -4)
                        end = slot.start + slot.length
                        hits.append(Hit(plan.start + at, end - (plan.start + at), note, clamp_velocity(loud)))
                offset += step
    return hits


def _written(cells, step) -> tuple[Fraction, tuple[str, ...]] | None:
    """Cells written out in a style (["p a", "i", "t", "m"], with `step`), or None if they are not."""
    fingers = set("ptima")
    if (isinstance(cells, list) and cells and all(isinstance(c, str) and c.split() and set(c.split()) <= fingers
                                                  for c in cells)):
        return Fraction(step).limit_denominator(64), tuple(cells)
    return None


def _strings(notes) -> dict[str, int]:
    """Which sounding note each finger plays in a shape (low string first); in a shape of two
    or three strings the fingers share the top ones."""
    alternate = notes[min(1, len(notes) - 1)] if len(notes) <= 4 else notes[2]
    top = notes[-3:] if len(notes) > 3 else notes[1:] or notes
    return {"p": notes[0], "t": alternate, "i": top[0], "m": top[len(top) // 2], "a": top[-1]}
