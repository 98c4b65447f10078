"""Rational time: spans of cycles and the events ("haps") that occupy them.

Time is measured in cycles as exact `Fraction`s, so that thirds, fifths and sevenths
of a cycle add up without drift however long a piece runs.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Callable, NamedTuple

from composer.beats import to_beats
from composer.errors import ComposerError

#: How many cycles one query may cross at the bottom of a pattern (one event each, at least).
MAX_QUERY_CYCLES = 100_000


class PatternTooDense(ComposerError):
    """A pattern whose events in one cycle would not fit in memory."""


def to_time(value: Any) -> Fraction:
    """An exact Fraction of cycles, by composer's one rule for time (`composer.beats`)."""
    return to_beats(value, "cycles")


def lcm_steps(*steps: Fraction | None) -> Fraction | None:
    """The least common multiple of steps per cycle (rationals: lcm of the numerators over
    gcd of the denominators, as Fraction.js), leaving out None; None if all are."""
    known = [s for s in steps if s is not None]
    if not known:
        return None
    result = known[-1]
    for other in known[:-1]:
        a, b = abs(result.numerator), abs(other.numerator)
        if a == 0 and b == 0:
            result = Fraction(0)
        else:
            result = Fraction(a * b, math.gcd(a, b) * math.gcd(result.denominator, other.denominator))
    return result


def sam(t: Fraction) -> Fraction:
    """The start of the cycle containing `t` (its floor)."""
    return Fraction(t.numerator // t.denominator)


def next_sam(t: Fraction) -> Fraction:
    """The start of the cycle after the one containing `t`."""
    return Fraction(t.numerator // t.denominator + 1)


def cycle_pos(t: Fraction) -> Fraction:
    """How far `t` is into its cycle, in [0, 1)."""
    return t - sam(t)


def show_time(t: Fraction) -> str:
    """'0', '1/3', '2': a reduced fraction as musicians read it."""
    return str(t.numerator) if t.denominator == 1 else f"{t.numerator}/{t.denominator}"


class TimeSpan(NamedTuple):
    """A half-open stretch of time [begin, end) measured in cycles."""

    begin: Fraction
    end: Fraction

    @property
    def duration(self) -> Fraction:
        return self.end - self.begin

    @property
    def midpoint(self) -> Fraction:
        return (self.begin + self.end) / 2

    def span_cycles(self) -> list[TimeSpan]:
        """This span cut at every cycle boundary it crosses (a zero-width span stays whole).

        Every event a pattern makes comes through here, so this is where a pattern too dense
        to hold (`a*1e12`, `{a b}%1e9`) is stopped, before it takes the machine's memory."""
        begin, end = self.begin, self.end
        if begin == end:
            return [self]
        if begin > end:
            return []
        if end - begin > MAX_QUERY_CYCLES:
            raise PatternTooDense(
                f"a pattern asked for {float(end - begin):,.0f} cycles of events at once, beyond composer's "
                f"limit of {MAX_QUERY_CYCLES:,}: a factor such as *1e12 or %1e9 is too large"
            )
        spans = []
        end_sam = sam(end)
        while end > begin:
            if sam(begin) == end_sam:
                spans.append(TimeSpan(begin, end))
                break
            following = next_sam(begin)
            spans.append(TimeSpan(begin, following))
            begin = following
        return spans

    def with_time(self, func: Callable[[Fraction], Fraction]) -> TimeSpan:
        """Both ends mapped through `func`."""
        return TimeSpan(func(self.begin), func(self.end))

    def with_end(self, func: Callable[[Fraction], Fraction]) -> TimeSpan:
        return TimeSpan(self.begin, func(self.end))

    def with_cycle(self, func: Callable[[Fraction], Fraction]) -> TimeSpan:
        """Both ends mapped through `func` relative to the cycle the span begins in."""
        cycle = sam(self.begin)
        return TimeSpan(cycle + func(self.begin - cycle), cycle + func(self.end - cycle))

    def cycle_arc(self) -> TimeSpan:
        """The same span shifted so that it begins inside cycle 0."""
        cycle = sam(self.begin)
        return TimeSpan(self.begin - cycle, self.end - cycle)

    def intersection(self, other: TimeSpan) -> TimeSpan | None:
        """The overlap of two spans, or None.

        A zero-width overlap counts only when it is not the (exclusive) end of a
        non-empty span, so [0, 1) and [1, 2) do not meet, but [1, 1) and [1, 2) do.
        """
        begin = self.begin if self.begin > other.begin else other.begin
        end = self.end if self.end < other.end else other.end
        if begin > end:
            return None
        if begin == end:
            if begin == self.end and self.begin < self.end:
                return None
            if begin == other.end and other.begin < other.end:
                return None
        return TimeSpan(begin, end)

    def intersection_e(self, other: TimeSpan) -> TimeSpan:
        """As `intersection`, but the spans must meet."""
        result = self.intersection(other)
        if result is None:
            raise ValueError(f"spans {self} and {other} do not intersect")
        return result

    def contains(self, other: TimeSpan) -> bool:
        return self.begin <= other.begin and other.end <= self.end

    def show(self) -> str:
        return f"{show_time(self.begin)} → {show_time(self.end)}"


class Hap:
    """One event: a value, the `whole` span it belongs to, and the `part` of it in view.

    A query over part of an event returns a fragment whose `part` is the visible
    piece; `whole` stays the complete event, so the fragment that contains the
    start (the onset) is the one to play. Continuous values (signals) have no whole.
    """

    __slots__ = ("whole", "part", "value")

    def __init__(self, whole: TimeSpan | None, part: TimeSpan, value: Any):
        self.whole = whole
        self.part = part
        self.value = value

    def has_onset(self) -> bool:
        """True when this fragment includes the start of its event."""
        return self.whole is not None and self.whole.begin == self.part.begin

    def whole_or_part(self) -> TimeSpan:
        return self.whole if self.whole is not None else self.part

    def with_span(self, func: Callable[[TimeSpan], TimeSpan]) -> Hap:
        whole = None if self.whole is None else func(self.whole)
        return Hap(whole, func(self.part), self.value)

    def with_value(self, func: Callable[[Any], Any]) -> Hap:
        return Hap(self.whole, self.part, func(self.value))

    def span_equals(self, other: Hap) -> bool:
        return self.whole == other.whole

    @property
    def begin(self) -> Fraction:
        """Where the event starts (its whole's begin, or its part's for signals)."""
        return self.whole_or_part().begin

    @property
    def end(self) -> Fraction:
        return self.whole_or_part().end

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hap):
            return NotImplemented
        return self.whole == other.whole and self.part == other.part and self.value == other.value

    def __hash__(self) -> int:
        return hash((self.whole, self.part, _hashable(self.value)))

    def __repr__(self) -> str:
        whole = "~" if self.whole is None else self.whole.show()
        if self.whole is not None and self.whole != self.part:
            return f"Hap({whole} [{self.part.show()}] {self.value!r})"
        return f"Hap({whole} {self.value!r})"


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value
