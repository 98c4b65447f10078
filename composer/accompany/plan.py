"""What the band needs to know about each bar: where it starts, its meter and grouping,
the chords it holds (with absolute beats), the style of each part, and where sections end.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from composer.harmony.chart import Bar
from composer.harmony.chord import Chord


@dataclass(frozen=True)
class Slot:
    chord: Chord
    start: Fraction  # beats (quarter notes) from the top of the song
    length: Fraction


@dataclass(frozen=True)
class BarPlan:
    index: int
    start: Fraction
    bar: Bar
    slots: tuple[Slot, ...]
    groups: tuple[Fraction, ...]  # lengths of the beat groups, in quarter-note beats
    style: str
    section_end: bool
    next_chord: Chord | None  # the first chord of the next bar (for approach notes)
    final: bool = False  # the song's last bar: the band ends on its downbeat

    @property
    def beats(self) -> Fraction:
        return self.bar.beats

    @property
    def unit(self) -> Fraction:
        """One beat of the meter in quarter notes: 1 in x/4, 1/2 in x/8."""
        return Fraction(4, self.bar.denominator)

    def group_starts(self) -> list[Fraction]:
        """Beats (from the bar's start) where each group begins."""
        starts, position = [], Fraction(0)
        for length in self.groups:
            starts.append(position)
            position += length
        return starts

    def chord_at(self, offset: Fraction) -> Slot:
        """The slot sounding `offset` beats into the bar."""
        for slot in reversed(self.slots):
            if slot.start - self.start <= offset:
                return slot
        return self.slots[0]


def default_groups(numerator: int, denominator: int) -> tuple[int, ...]:
    """How a meter's beats group when the chart does not say: 7/8 is 2+2+3, 7/4 is 4+3."""
    if denominator >= 8:
        if numerator % 3 == 0:
            return (3,) * (numerator // 3)
        if numerator % 2 == 0:
            return (2,) * (numerator // 2)
        return (2,) * ((numerator - 3) // 2) + (3,) if numerator > 3 else (numerator,)
    if numerator <= 4:
        return (numerator,)
    if numerator % 3 == 0:
        return (3,) * (numerator // 3)
    if (numerator - 3) % 4 == 0:
        return (4,) * ((numerator - 3) // 4) + (3,)
    if numerator % 2:
        return (3,) + (2,) * ((numerator - 3) // 2)
    return (2,) * (numerator // 2)


def plan_bars(bars: list[Bar], style: str) -> list[BarPlan]:
    """Every bar laid out in beats; a bar's own {x_style} wins over `style`."""
    plans = []
    start = Fraction(0)
    for index, bar in enumerate(bars):
        unit = Fraction(4, bar.denominator)
        grouping = bar.groups or default_groups(bar.numerator, bar.denominator)
        slots, position = [], start
        for chord, length in bar.chords:
            slots.append(Slot(chord, position, length))
            position += length
        following = bars[index + 1] if index + 1 < len(bars) else None
        plans.append(BarPlan(
            index=index,
            start=start,
            bar=bar,
            slots=tuple(slots),
            groups=tuple(unit * g for g in grouping),
            style=bar.style or style,
            section_end=following is None or following.section_index != bar.section_index,
            next_chord=following.chords[0][0] if following else None,
            final=following is None,
        ))
        start += bar.beats
    return plans
