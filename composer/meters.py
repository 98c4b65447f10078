"""Bars and beats through a piece's time signatures: 8 bars of 7/4 then 4 of 4/4 are 72 beats.

A time signature holds from its beat until the next one; a change that falls inside a bar
starts a new bar there (the bar it cut short counts as the fraction of a bar it lasted).
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

    def bar_and_beat(self, beat: float) -> tuple[int, float]:
        """Bar and beat in it (both from 1) of `beat`, as a player counts them (a status line):
        a bar a change of meter cut short is a bar of its own."""
        beat = max(beat, 0.0)
        bar, start, length = 1, 0.0, 4.0
        for change_beat, (numerator, denominator) in zip(self.starts, self.signatures):
            change = float(change_beat)
            if change > beat:
                break
            bar += math.ceil((change - start) / length - 1e-9)  # the bars before, a cut one too
            start, length = change, numerator * 4 / denominator
        bars_in = int((beat - start) // length)
        return bar + bars_in, beat - start - bars_in * length + 1
