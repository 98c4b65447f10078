"""Keys: a pad holding each chord, or a comp of short chords off the beat; voice-led.

The voicings come from `voicing.lead`, so the upper voices move as little as they can.
"""

from __future__ import annotations

from fractions import Fraction

from composer.accompany.parts import Hit, clamp_velocity, led_through, playing, style_pattern
from composer.accompany.voicing import lead

PATTERNS = ("pad", "comp")


def play(plans, options, context) -> list[Hit]:
    spread = any(settings.get("spread", False) for _, settings in playing(plans, options))
    voicings = led_through(plans, options, lambda chords: lead(chords, spread=spread))
    hits = []
    for plan, settings in playing(plans, options):
        name = style_pattern(settings, "keys pattern", PATTERNS, "pad")
        velocity = settings.get("velocity", 58)
        for slot in plan.slots:
            voicing = voicings[id(slot)]
            if voicing is None:
                continue
            if name == "pad" or plan.final:
                hits += [Hit(slot.start, slot.length, n, clamp_velocity(velocity)) for n in voicing]
                continue
            offset = Fraction(1, 2)  # the "and" of each beat
            while offset < slot.length:
                hits += [Hit(slot.start + offset, Fraction(1, 3), n, clamp_velocity(velocity + 10)) for n in voicing]
                offset += 1
    return hits
