"""Bars and beats through a piece's time signatures: 8 bars of 7/4 then 4 of 4/4 are 72 beats.

A time signature holds from its beat until the next one; a change that falls inside a bar
starts a new bar there. The bar it cut short counts as the fraction of a bar it lasted when
bars measure a length (`render --bars`), and as a bar of its own when a player counts bars
(live's status line) or waits for the next bar line (perform's pads): `MeterMap.bar`.
"""

from __future__ import annotations

import bisect
import math
from fractions import Fraction


def bar_beats(numerator: int, denominator: int) -> Fraction:
    """Quarter-note beats in one bar: 7/4 is 7, 6/8 is 3."""
    return Fraction(numerator * 4, denominator)


#: The longest bar a MIDI time signature can say (255/1): N bars of any meters last no longer
#: than N of these.
LONGEST_BAR = bar_beats(255, 1)

TOLERANCE = 1e-9  # beats: a clock's float this close to a bar line is on it


class MeterMap:
    """The time signatures met so far, as (beat, beats per bar), ordered by beat."""

    def __init__(self, numerator: int = 4, denominator: int = 4):
        self.starts: list[Fraction] = [Fraction(0)]
        self.signatures: list[tuple[int, int]] = [(numerator, denominator)]

    def add(self, beat: Fraction, numerator: int, denominator: int) -> bool:
        """Record a time signature from `beat` on; True if it changes the map."""
        index = bisect.bisect_right(self.starts, beat)
        if self.signatures[index - 1] == (numerator, denominator):
            return False
        if self.starts[index - 1] == beat:
            self.signatures[index - 1] = (numerator, denominator)
        else:
            self.starts.insert(index, beat)
            self.signatures.insert(index, (numerator, denominator))
        return True

    def beats(self, bars) -> Fraction:
        """How many beats the first `bars` bars last."""
        bars = Fraction(bars)
        for index, start in enumerate(self.starts):
            per_bar = bar_beats(*self.signatures[index])
            if index + 1 < len(self.starts):
                span = self.starts[index + 1] - start
                if bars * per_bar > span:
                    bars -= span / per_bar
                    continue
            return start + bars * per_bar
        raise AssertionError("unreachable: the last signature holds for ever")

    def bars(self, beats) -> Fraction:
        """How many bars the first `beats` beats make."""
        beats = Fraction(beats)
        total = Fraction(0)
        for index, start in enumerate(self.starts):
            if beats <= start:
                break
            end = self.starts[index + 1] if index + 1 < len(self.starts) else beats
            total += (min(end, beats) - start) / bar_beats(*self.signatures[index])
        return total

    def bar_at(self, beat) -> Fraction:
        """The bar (counted from 1) that `beat` falls in, as a fraction for a beat inside it."""
        return self.bars(beat) + 1

    def bar(self, beat) -> tuple[int, Fraction, Fraction]:
        """The bar `beat` falls in, as a player counts: its number (from 1), the bar line it
        starts on and the next one. Bar lines fall every bar of a meter from where it began; a
        change of meter is a bar line, and the bar it cut short counts as a bar of its own. A
        beat within a hair of a bar line (a float clock's) is on it."""
        beat = max(beat, 0)
        index = bisect.bisect_right(self.starts, beat + TOLERANCE) - 1
        number = 1
        for start, end, signature in zip(self.starts, self.starts[1:index + 1], self.signatures):
            number += -((start - end) // bar_beats(*signature))  # ceiling: a cut bar is a bar
        start, length = self.starts[index], bar_beats(*self.signatures[index])
        whole = max(0, math.floor((beat - start) / length + TOLERANCE))
        line = start + whole * length
        following = line + length
        if index + 1 < len(self.starts):
            following = min(following, self.starts[index + 1])
        return number + whole, line, following

    def next_bar_line(self, beat) -> Fraction:
        """The first bar line after `beat` (a beat on a bar line waits for the next)."""
        return self.bar(beat)[2]

    def bar_and_beat(self, beat: float) -> tuple[int, float]:
        """Bar and beat in it (both from 1) of `beat`, for a status line."""
        number, line, _ = self.bar(beat)
        return number, float(max(beat - line, 0)) + 1
