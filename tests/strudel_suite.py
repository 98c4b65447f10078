"""Helpers for the port of Strudel's own core tests (tests/test_strudel_suite*.py), named after
the ones Strudel's packages/core/test/pattern.test.mjs defines, so a port reads like its original."""

from __future__ import annotations

from fractions import Fraction

from composer.pattern import Hap, Pattern, TimeSpan


def ts(begin, end) -> TimeSpan:
    """Strudel's `ts(begin, end)`: a span of exact fractions (floats such as 0.25 are exact)."""
    return TimeSpan(Fraction(begin), Fraction(end))


def hap(whole: TimeSpan | None, part: TimeSpan, value) -> Hap:
    return Hap(whole, part, value)


def sort_haps_by_part(haps: list[Hap]) -> list[Hap]:
    """Strudel's sortHapsByPart: by part begin, part end, then whole begin and end (stable)."""
    return sorted(haps, key=lambda h: (h.part.begin, h.part.end, h.whole_or_part().begin, h.whole_or_part().end))


def first_cycle(pat: Pattern) -> list[Hap]:
    """Strudel's `firstCycle()`: the fragments in [0, 1), in the pattern's own query order."""
    return pat.query_arc(0, 1)


def first_cycle_values(pat: Pattern) -> list:
    return [h.value for h in first_cycle(pat)]


def same_first(a: Pattern, b: Pattern) -> None:
    """Strudel's `sameFirst`: both first cycles, sorted by part, strictly equal."""
    assert sort_haps_by_part(first_cycle(a)) == sort_haps_by_part(first_cycle(b))


third = Fraction(1, 3)
twothirds = Fraction(2, 3)
