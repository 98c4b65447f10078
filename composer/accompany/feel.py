"""The band's feel, steered by knobs through params: density, swing and intensity.

Applied to a bar's notes as they are played (a render leaves them neutral, so it plays the
arrangement as written). Notes are weighed by where they fall, to the nearest sixteenth, so
a strum's rolled strings and the humanised timing count with the beat they belong to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from composer.runtime.events import Note

#: The params a chart's band reads, and their neutral values (what a render plays).
PARAMS = {"density": 1.0, "swing": 0.0, "intensity": 0.5}
SWING_DELAY = Fraction(1, 6)  # full swing moves the off-beat eighth from 1/2 to 2/3 of the beat
GRID = Fraction(1, 4)


@dataclass(frozen=True)
class Feel:
    """density: 1 plays every note, 2/3 drops the sixteenths, 1/3 keeps the beats, 0 only the
    downbeat; swing: 0 straight, 1 triplet eighths; intensity: 0.5 as written, 0 half as
    loud, 1 half as loud again."""

    density: float = 1.0
    swing: float = 0.0
    intensity: float = 0.5

    @property
    def neutral(self) -> bool:
        return self == Feel()


def read_feel(params: Mapping[str, float]) -> Feel:
    """The feel the params set, each clamped to 0..1 (a param that is not a number is neutral)."""
    values = []
    for name, default in PARAMS.items():
        value = params.get(name, default)
        values.append(min(1.0, max(0.0, float(value))) if isinstance(value, (int, float)) else default)
    return Feel(*values)


def weight(offset: Fraction) -> int:
    """3 on the bar's downbeat, 2 on a beat, 1 on an off-beat eighth, 0 on a sixteenth."""
    slot = round(offset / GRID) * GRID
    if slot == 0:
        return 3
    return 2 if slot.denominator == 1 else 1 if slot.denominator == 2 else 0


def apply_feel(notes: list[Note], feel: Feel, start: Fraction) -> list[Note]:
    """The bar's notes (beats from `start`) as the feel plays them."""
    if feel.neutral:
        return notes
    keep = round((1 - feel.density) * 3)
    scale = 0.5 + feel.intensity
    delay = SWING_DELAY * Fraction(feel.swing).limit_denominator(100)
    played = []
    for note in notes:
        offset = note.beat - start
        strength = weight(offset)
        if strength < keep:
            continue
        beat = note.beat + delay if strength == 1 else note.beat
        velocity = max(1, min(127, round(note.velocity * scale)))
        played.append(note._replace(beat=beat, velocity=velocity))
    return played
