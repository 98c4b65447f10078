"""Time: patterns sped up, slowed, shifted, squeezed, zoomed, reversed and cut into chunks.

Each function takes the pattern first and is registered as a method (`pat.fast(2)`,
arguments may be patterns or mini-notation) and a plain `_` method (`pat._fast(2)`), as
Strudel's pattern.mjs registers them; Strudel's tests in tests/test_pattern_strudel.py.
Those Strudel registers with preserveSteps keep the pattern's steps per cycle here too.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable

from composer.pattern.constructors import fastcat, nothing, sequence, shift_hap, slowcat, stack
from composer.pattern.core import Pattern, pure, register, reify, silence
from composer.pattern.span import Hap, TimeSpan, cycle_pos, sam, to_time

_ONE = Fraction(1)


def _scale_hap(hap: Hap, factor: Fraction) -> Hap:
    whole, part = hap.whole, hap.part
    return Hap(
        None if whole is None else TimeSpan(whole.begin / factor, whole.end / factor),
        TimeSpan(part.begin / factor, part.end / factor),
        hap.value,
    )


@register("fast", "density", preserve_steps=True)
def fast(pat: Pattern, factor: Any) -> Pattern:
    """Play `factor` cycles in the time of one; zero or negative gives silence."""
    factor = to_time(factor)
    if factor <= 0:
        return silence
    if factor == 1:
        return pat
    query = pat.query

    def scaled(span: TimeSpan) -> list[Hap]:
        return [_scale_hap(hap, factor) for hap in query(TimeSpan(span.begin * factor, span.end * factor))]

    return Pattern(scaled, steps=pat._steps)


@register("slow", "sparsity")
def slow(pat: Pattern, factor: Any) -> Pattern:
    factor = to_time(factor)
    return silence if factor <= 0 else pat._fast(1 / factor)


@register("hurry")
def hurry(pat: Pattern, factor: Any) -> Pattern:
    """Faster, and (for sounds) higher: a `speed` control multiplied by the same factor."""
    from composer.pattern.values import merge_controls

    return pat._fast(factor).fmap(lambda value: merge_controls(value, {"speed": factor}, lambda a, b: a * b))


@register("early", preserve_steps=True)
def early(pat: Pattern, offset: Any) -> Pattern:
    """Shift earlier by `offset` cycles (Tidal's `<~`)."""
    offset = to_time(offset)
    if offset == 0:
        return pat
    query = pat.query

    def shifted(span: TimeSpan) -> list[Hap]:
        return [shift_hap(hap, -offset) for hap in query(TimeSpan(span.begin + offset, span.end + offset))]

    return Pattern(shifted, steps=pat._steps)


@register("late", preserve_steps=True)
def late(pat: Pattern, offset: Any) -> Pattern:
    """Shift later by `offset` cycles (Tidal's `~>`)."""
    return pat._early(-to_time(offset))


@register("rev", preserve_steps=True)
def rev(pat: Pattern) -> Pattern:
    """Each cycle played backwards."""
    query = pat.query

    def reversed_query(span: TimeSpan) -> list[Hap]:
        cycle = sam(span.begin)
        following = cycle + 1

        def reflect(s: TimeSpan) -> TimeSpan:
            return TimeSpan(cycle + following - s.end, cycle + following - s.begin)

        return [hap.with_span(reflect) for hap in query(reflect(span))]

    return Pattern(reversed_query).split_queries()


@register("fast_gap")
def fast_gap(pat: Pattern, factor: Any) -> Pattern:
    """Squash each cycle into its first 1/factor, leaving a gap after it."""
    factor = to_time(factor)
    if factor <= 0:
        return silence

    def query_span(span: TimeSpan) -> TimeSpan | None:
        cycle = sam(span.begin)
        begin_pos = min((span.begin - cycle) * factor, _ONE)
        end_pos = min((span.end - cycle) * factor, _ONE)
        if begin_pos >= 1:
            return None
        return TimeSpan(cycle + begin_pos, cycle + end_pos)

    def squash(hap: Hap) -> Hap:
        begin, end = hap.part
        cycle = sam(begin)
        part = TimeSpan(cycle + min((begin - cycle) / factor, _ONE), cycle + min((end - cycle) / factor, _ONE))
        whole = None
        if hap.whole is not None:
            whole = TimeSpan(part.begin - (begin - hap.whole.begin) / factor, part.end + (hap.whole.end - end) / factor)
        return Hap(whole, part, hap.value)

    return pat.with_query_span_maybe(query_span).with_hap(squash).split_queries()


@register("compress")
def compress(pat: Pattern, begin: Any, end: Any) -> Pattern:
    """Each cycle squeezed into [begin, end) of the cycle, silent elsewhere."""
    begin, end = to_time(begin), to_time(end)
    if begin > end or begin < 0 or end > 1 or begin == end:
        return silence
    return pat._fast_gap(1 / (end - begin))._late(begin)


@register("focus")
def focus(pat: Pattern, begin: Any, end: Any) -> Pattern:
    """Cycle `sam(begin)` of this pattern stretched over [begin, end), repeating around it."""
    begin, end = to_time(begin), to_time(end)
    if begin >= end:
        return silence
    return pat._early(sam(begin))._fast(1 / (end - begin))._late(begin)


@register("zoom")
def zoom(pat: Pattern, begin: Any, end: Any) -> Pattern:
    """Only [begin, end) of each cycle, stretched to fill the cycle (and its steps with it)."""
    begin, end = to_time(begin), to_time(end)
    if begin >= end:
        return nothing
    width = end - begin
    return (pat.with_query_span(lambda span: span.with_cycle(lambda t: t * width + begin))
            .with_hap_span(lambda span: span.with_cycle(lambda t: (t - begin) / width))
            .split_queries().with_steps(None if pat._steps is None else pat._steps * width))


@register("bite", patternify=False)
def bite(pat: Pattern, parts: Any, indices: Any) -> Pattern:
    """The cycle cut into `parts` parts, played in the order the pattern `indices` gives, each
    squeezed into its index's event (Strudel's bite)."""
    def part(index: Any) -> Callable[[Any], Pattern]:
        def zoomed(count: Any) -> Pattern:
            begin = to_time(index) / to_time(count) % 1
            return pat._zoom(begin, begin + 1 / to_time(count))

        return zoomed

    return reify(indices).fmap(part).app_left(reify(parts)).squeeze_join()


@register("linger", preserve_steps=True)
def linger(pat: Pattern, fraction: Any) -> Pattern:
    """Repeat the first `fraction` of each cycle to fill it (negative: the last part)."""
    fraction = to_time(fraction)
    if fraction == 0:
        return silence
    if fraction < 0:
        return pat._zoom(fraction + 1, 1)._slow(-fraction)
    return pat._zoom(0, fraction)._slow(fraction)


@register("inside")
def inside(pat: Pattern, factor: Any, func: Callable[[Pattern], Pattern]) -> Pattern:
    """Apply `func` as if the pattern were `factor` times slower."""
    return func(pat._slow(factor))._fast(factor)


@register("outside")
def outside(pat: Pattern, factor: Any, func: Callable[[Pattern], Pattern]) -> Pattern:
    return func(pat._fast(factor))._slow(factor)


@register("ply")
def ply(pat: Pattern, factor: Any) -> Pattern:
    """Repeat each event `factor` times within its own span (so `factor` times the steps)."""
    steps = None if pat._steps is None else to_time(factor) * pat._steps
    return pat.fmap(lambda value: pure(value)._fast(factor)).squeeze_join().with_steps(steps)


@register("chop")
def chop(pat: Pattern, count: Any) -> Pattern:
    """Each event cut into `count` parts in a row, each carrying its share of the event as
    `begin` and `end` controls (a share of the event's own begin..end when it has them), as
    Strudel's chop: on MIDI, a note struck `count` times."""
    count = int(count)
    shares = [(index / count, (index + 1) / count) for index in range(count)]

    def parts(value: Any) -> Pattern:
        value = value if isinstance(value, dict) else {"value": value}
        begin, end = value.get("begin"), value.get("end")
        if begin is not None and end is not None:
            width = end - begin
            return fastcat(*({**value, "begin": begin + b * width, "end": begin + e * width} for b, e in shares))
        return fastcat(*({**value, "begin": b, "end": e} for b, e in shares))

    if count <= 0:
        return silence
    return pat.squeeze_bind(parts).with_steps(None if pat._steps is None else count * pat._steps)


@register("striate")
def striate(pat: Pattern, count: Any) -> Pattern:
    """The pattern `count` times a cycle, the i-th time with the i-th share of each event as its
    `begin` and `end` controls, as Strudel's striate."""
    count = int(count)
    if count <= 0:
        return silence
    return (pat.set(slowcat(*({"begin": i / count, "end": (i + 1) / count} for i in range(count))))._fast(count)
            .with_steps(None if pat._steps is None else count * pat._steps))


@register("segment", "seg")
def segment(pat: Pattern, count: Any) -> Pattern:
    """Sample the pattern `count` times a cycle (turns signals into events): `count` steps."""
    return pat.struct(pure(True)._fast(count)).with_steps(count)


@register("swing_by")
def swing_by(pat: Pattern, amount: Any, steps: Any) -> Pattern:
    """Cut each cycle into `steps` slices and move what falls in the second half of each slice
    `amount / 2` of a slice later: a shuffle feel."""
    return pat.inside(steps, lambda inner: inner.late(sequence(0, to_time(amount) / 2)))


@register("swing")
def swing(pat: Pattern, steps: Any) -> Pattern:
    return pat.swing_by(Fraction(1, 3), steps)


@register("press_by")
def press_by(pat: Pattern, amount: Any) -> Pattern:
    """Each event moved `amount` of its length later, and shortened to fit."""
    return pat.fmap(lambda value: pure(value)._compress(amount, 1)).squeeze_join()


@register("press")
def press(pat: Pattern) -> Pattern:
    return pat._press_by(Fraction(1, 2))


@register("repeat_cycles", preserve_steps=True)
def repeat_cycles(pat: Pattern, count: Any) -> Pattern:
    """Play each cycle `count` times before moving to the next."""
    count = int(count)
    if count <= 0:
        return silence
    if count == 1:
        return pat
    query = pat.query

    def repeated(span: TimeSpan) -> list[Hap]:
        cycle = sam(span.begin)
        delta = cycle - sam(cycle / count)
        return [shift_hap(hap, delta) for hap in query(TimeSpan(span.begin - delta, span.end - delta))]

    return Pattern(repeated).split_queries()


def _iter(pat: Pattern, times: Any, back: bool) -> Pattern:
    times = int(times)
    if times <= 0:
        return silence
    steps = [Fraction(i, times) for i in range(times)]
    return slowcat(*(pat._late(step) if back else pat._early(step) for step in steps))


@register("iter", preserve_steps=True)
def iter_(pat: Pattern, times: Any) -> Pattern:
    """Each cycle starts one `times`-th later in the pattern than the last."""
    return _iter(pat, times, back=False)


@register("iter_back", preserve_steps=True)
def iter_back(pat: Pattern, times: Any) -> Pattern:
    return _iter(pat, times, back=True)


@register("palindrome", preserve_steps=True)
def palindrome(pat: Pattern) -> Pattern:
    """Forwards, then backwards, cycle by cycle."""
    return pat.last_of(2, lambda p: p.rev())


@register("brak")
def brak(pat: Pattern) -> Pattern:
    """Every other cycle squashed into its first half and pushed a quarter cycle later."""
    return pat.when(slowcat(False, True), lambda p: fastcat(p, silence)._late(Fraction(1, 4)))


def _chunk(pat: Pattern, count: Any, func: Callable, back: bool, fast_: bool) -> Pattern:
    count = int(count)
    if count <= 0:
        return pat
    flags = sequence(True, *([False] * (count - 1)))
    selector = _iter(flags, count, back=not back)
    if not fast_:
        pat = pat._repeat_cycles(count)
    return pat.when(selector, func)


@register("chunk", "slow_chunk", preserve_steps=True)
def chunk(pat: Pattern, count: Any, func: Callable) -> Pattern:
    """Apply `func` to one of `count` parts of the cycle, a different part each cycle."""
    return _chunk(pat, count, func, back=False, fast_=False)


@register("chunk_back", preserve_steps=True)
def chunk_back(pat: Pattern, count: Any, func: Callable) -> Pattern:
    return _chunk(pat, count, func, back=True, fast_=False)


@register("fast_chunk", preserve_steps=True)
def fast_chunk(pat: Pattern, count: Any, func: Callable) -> Pattern:
    return _chunk(pat, count, func, back=False, fast_=True)


@register("ribbon", "rib")
def ribbon(pat: Pattern, offset: Any, cycles: Any) -> Pattern:
    """Loop `cycles` cycles of the pattern starting `offset` cycles in."""
    return pat.early(offset).restart(pure(True)._slow(cycles))


@register("within")
def within(pat: Pattern, begin: Any, end: Any, func: Callable) -> Pattern:
    """Apply `func` to the events that start in [begin, end] of each cycle."""
    begin, end = to_time(begin), to_time(end)
    def keep(inside: bool) -> Callable[[list[Hap]], list[Hap]]:
        return lambda haps: [hap for hap in haps if hap.whole is not None
                             and (begin <= cycle_pos(hap.whole.begin) <= end) == inside]

    inside_span, outside_span = pat.with_haps(keep(True)), pat.with_haps(keep(False))
    return stack(func(inside_span), outside_span)
