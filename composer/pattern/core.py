"""Patterns as pure functions of time, after Tidal and Strudel.

A `Pattern` is nothing but a query: give it a span of cycles and it returns the
events (`Hap`s) active in that span. Every combinator builds a new query from old
ones, so nothing is scheduled, stored or mutated; asking the same question twice
gives the same answer, which is what makes patterns safe to combine, test and
play live.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Sequence

from composer.pattern.euclid import euclid_rhythm
from composer.pattern.span import Hap, TimeSpan, next_sam, sam, to_time

Query = Callable[[TimeSpan], list[Hap]]

_NOT_CONSTANT = object()
_ONE = Fraction(1)
_ZERO = Fraction(0)


class Pattern:
    """A query from a span of cycles to the events sounding in it.

    `query(span)` returns `Hap`s whose `part` lies inside `span`. Methods whose
    names begin with `_` take plain values; their public twins also accept
    patterns of values, applied cycle by cycle (Strudel's "patternified" args).
    """

    __slots__ = ("query", "_constant")

    def __init__(self, query: Query, constant: Any = _NOT_CONSTANT):
        self.query = query
        # The value of a `pure` pattern, so patterned arguments like `fast(2)` can skip the join.
        self._constant = constant

    # ------------------------------------------------------------------ querying

    def query_arc(self, begin: Any, end: Any) -> list[Hap]:
        """All event fragments in [begin, end)."""
        return self.query(TimeSpan(to_time(begin), to_time(end)))

    def first_cycle(self) -> list[Hap]:
        return self.query_arc(0, 1)

    def onsets_in(self, begin: Any, end: Any) -> list[Hap]:
        """The events that start in [begin, end), each once, in time order.

        These are what a player triggers: fragments without their onset, and
        continuous values, are left out. Events starting together keep query order.
        """
        begin, end = to_time(begin), to_time(end)
        haps = [
            hap
            for hap in self.query(TimeSpan(begin, end))
            if hap.whole is not None and hap.whole.begin == hap.part.begin and begin <= hap.whole.begin < end
        ]
        haps.sort(key=lambda hap: hap.whole.begin)
        return haps

    # ------------------------------------------------------- low-level plumbing

    def split_queries(self) -> Pattern:
        """The same pattern, queried one cycle at a time, so each query sees one cycle."""
        query = self.query

        def split(span: TimeSpan) -> list[Hap]:
            if span.begin > span.end:
                return []
            if span.end <= next_sam(span.begin):
                return query(span)
            return [hap for sub in span.span_cycles() for hap in query(sub)]

        return Pattern(split)

    def with_query_span(self, func: Callable[[TimeSpan], TimeSpan]) -> Pattern:
        query = self.query
        return Pattern(lambda span: query(func(span)))

    def with_query_span_maybe(self, func: Callable[[TimeSpan], TimeSpan | None]) -> Pattern:
        """As `with_query_span`, where `func` may return None for "nothing here"."""
        query = self.query

        def maybe(span: TimeSpan) -> list[Hap]:
            new_span = func(span)
            return [] if new_span is None else query(new_span)

        return Pattern(maybe)

    def with_query_time(self, func: Callable[[Fraction], Fraction]) -> Pattern:
        return self.with_query_span(lambda span: span.with_time(func))

    def with_hap_span(self, func: Callable[[TimeSpan], TimeSpan]) -> Pattern:
        query = self.query
        return Pattern(lambda span: [hap.with_span(func) for hap in query(span)])

    def with_hap_time(self, func: Callable[[Fraction], Fraction]) -> Pattern:
        return self.with_hap_span(lambda span: span.with_time(func))

    def with_haps(self, func: Callable[[list[Hap]], list[Hap]]) -> Pattern:
        query = self.query
        return Pattern(lambda span: func(query(span)))

    def with_hap(self, func: Callable[[Hap], Hap]) -> Pattern:
        query = self.query
        return Pattern(lambda span: [func(hap) for hap in query(span)])

    def filter_haps(self, test: Callable[[Hap], bool]) -> Pattern:
        query = self.query
        return Pattern(lambda span: [hap for hap in query(span) if test(hap)])

    def filter_values(self, test: Callable[[Any], bool]) -> Pattern:
        query = self.query
        return Pattern(lambda span: [hap for hap in query(span) if test(hap.value)])

    def onsets_only(self) -> Pattern:
        return self.filter_haps(Hap.has_onset)

    def discrete_only(self) -> Pattern:
        return self.filter_haps(lambda hap: hap.whole is not None)

    # ------------------------------------------------ functor and applicative

    def fmap(self, func: Callable[[Any], Any]) -> Pattern:
        """The same events with `func` applied to each value."""
        query = self.query
        constant = _NOT_CONSTANT if self._constant is _NOT_CONSTANT else func(self._constant)
        return Pattern(lambda span: [Hap(hap.whole, hap.part, func(hap.value)) for hap in query(span)], constant)

    with_value = fmap

    def app_both(self, other: Pattern) -> Pattern:
        """Apply a pattern of functions to a pattern of values; structure from both."""

        def query(span: TimeSpan) -> list[Hap]:
            out = []
            values = other.query(span)
            for hap_func in self.query(span):
                for hap_val in values:
                    part = hap_func.part.intersection(hap_val.part)
                    if part is None:
                        continue
                    if hap_func.whole is None or hap_val.whole is None:
                        whole = None
                    else:
                        whole = hap_func.whole.intersection_e(hap_val.whole)
                    out.append(Hap(whole, part, hap_func.value(hap_val.value)))
            return out

        return Pattern(query)

    def app_left(self, other: Pattern) -> Pattern:
        """Apply a pattern of functions to a pattern of values; structure from the functions."""

        def query(span: TimeSpan) -> list[Hap]:
            out = []
            for hap_func in self.query(span):
                for hap_val in other.query(hap_func.whole_or_part()):
                    part = hap_func.part.intersection(hap_val.part)
                    if part is not None:
                        out.append(Hap(hap_func.whole, part, hap_func.value(hap_val.value)))
            return out

        return Pattern(query)

    def app_right(self, other: Pattern) -> Pattern:
        """Apply a pattern of functions to a pattern of values; structure from the values."""

        def query(span: TimeSpan) -> list[Hap]:
            out = []
            for hap_val in other.query(span):
                for hap_func in self.query(hap_val.whole_or_part()):
                    part = hap_func.part.intersection(hap_val.part)
                    if part is not None:
                        out.append(Hap(hap_val.whole, part, hap_func.value(hap_val.value)))
            return out

        return Pattern(query)

    # ------------------------------------------------------------------- monad

    def bind_whole(self, choose_whole: Callable, func: Callable[[Any], Pattern]) -> Pattern:
        """Flatten `func(value)` for each event, querying it over that event's part."""

        def query(span: TimeSpan) -> list[Hap]:
            out = []
            for outer in self.query(span):
                for inner in reify(func(outer.value)).query(outer.part):
                    out.append(Hap(choose_whole(outer.whole, inner.whole), inner.part, inner.value))
            return out

        return Pattern(query)

    def bind(self, func: Callable[[Any], Pattern]) -> Pattern:
        """Flatten with wholes where outer and inner events meet."""

        def whole(a: TimeSpan | None, b: TimeSpan | None) -> TimeSpan | None:
            return None if a is None or b is None else a.intersection_e(b)

        return self.bind_whole(whole, func)

    def join(self) -> Pattern:
        return self.bind(_identity)

    def outer_bind(self, func: Callable[[Any], Pattern]) -> Pattern:
        """Flatten keeping the outer pattern's rhythm (wholes)."""
        return self.bind_whole(lambda a, b: a, func)

    def outer_join(self) -> Pattern:
        return self.outer_bind(_identity)

    def inner_bind(self, func: Callable[[Any], Pattern]) -> Pattern:
        """Flatten keeping the inner patterns' rhythm, cut to each outer event."""
        return self.bind_whole(lambda a, b: b, func)

    def inner_join(self) -> Pattern:
        return self.inner_bind(_identity)

    def squeeze_join(self) -> Pattern:
        """Flatten by fitting one whole cycle of each inner pattern into its outer event."""

        def query(span: TimeSpan) -> list[Hap]:
            out = []
            for outer in self.query(span):
                if outer.whole is None:
                    continue
                inner_pattern = reify(outer.value)._focus(outer.whole.begin, outer.whole.end)
                for inner in inner_pattern.query(outer.part):
                    whole = None
                    if inner.whole is not None:
                        whole = inner.whole.intersection(outer.whole)
                        if whole is None:
                            continue
                    part = inner.part.intersection(outer.part)
                    if part is not None:
                        out.append(Hap(whole, part, inner.value))
            return out

        return Pattern(query)

    def squeeze_bind(self, func: Callable[[Any], Pattern]) -> Pattern:
        return self.fmap(func).squeeze_join()

    # --------------------------------------------------------- time transforms

    def _fast(self, factor: Any) -> Pattern:
        """Play `factor` cycles in the time of one; zero or negative gives silence."""
        factor = to_time(factor)
        if factor <= 0:
            return silence
        if factor == 1:
            return self
        query = self.query

        def scaled(span: TimeSpan) -> list[Hap]:
            return [_scale_hap(hap, factor) for hap in query(TimeSpan(span.begin * factor, span.end * factor))]

        return Pattern(scaled)

    def fast(self, factor: Any) -> Pattern:
        """Speed up by `factor`, which may be a pattern (e.g. `"<2 3>"` alternates)."""
        return patterned(self._fast, factor)

    def _slow(self, factor: Any) -> Pattern:
        factor = to_time(factor)
        if factor <= 0:
            return silence
        return self._fast(1 / factor)

    def slow(self, factor: Any) -> Pattern:
        """Slow down by `factor`, which may be a pattern."""
        return patterned(self._slow, factor)

    def _early(self, offset: Any) -> Pattern:
        offset = to_time(offset)
        if offset == 0:
            return self
        query = self.query

        def shifted(span: TimeSpan) -> list[Hap]:
            return [_shift_hap(hap, -offset) for hap in query(TimeSpan(span.begin + offset, span.end + offset))]

        return Pattern(shifted)

    def early(self, offset: Any) -> Pattern:
        """Shift earlier by `offset` cycles (Tidal's `<~`)."""
        return patterned(self._early, offset)

    def _late(self, offset: Any) -> Pattern:
        return self._early(-to_time(offset))

    def late(self, offset: Any) -> Pattern:
        """Shift later by `offset` cycles (Tidal's `~>`)."""
        return patterned(self._late, offset)

    def rev(self) -> Pattern:
        """Each cycle played backwards."""
        query = self.query

        def reversed_query(span: TimeSpan) -> list[Hap]:
            cycle = sam(span.begin)
            following = cycle + 1

            def reflect(s: TimeSpan) -> TimeSpan:
                return TimeSpan(cycle + following - s.end, cycle + following - s.begin)

            return [hap.with_span(reflect) for hap in query(reflect(span))]

        return Pattern(reversed_query).split_queries()

    def _fast_gap(self, factor: Any) -> Pattern:
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
                whole = TimeSpan(
                    part.begin - (begin - hap.whole.begin) / factor,
                    part.end + (hap.whole.end - end) / factor,
                )
            return Hap(whole, part, hap.value)

        return self.with_query_span_maybe(query_span).with_hap(squash).split_queries()

    def _compress(self, begin: Any, end: Any) -> Pattern:
        """Each cycle squeezed into [begin, end) of the cycle, silent elsewhere."""
        begin, end = to_time(begin), to_time(end)
        if begin >= end or begin < 0 or end > 1:
            return silence
        return self._fast_gap(1 / (end - begin))._late(begin)

    def _focus(self, begin: Any, end: Any) -> Pattern:
        """Cycle `sam(begin)` of this pattern stretched over [begin, end), repeating around it."""
        begin, end = to_time(begin), to_time(end)
        if begin >= end:
            return silence
        return self._early(sam(begin))._fast(1 / (end - begin))._late(begin)

    def _repeat_cycles(self, count: int) -> Pattern:
        """Play each cycle `count` times before moving to the next."""
        count = int(count)
        if count <= 0:
            return silence
        if count == 1:
            return self
        query = self.query

        def repeated(span: TimeSpan) -> list[Hap]:
            cycle = sam(span.begin)
            delta = cycle - sam(cycle / count)
            return [_shift_hap(hap, delta) for hap in query(TimeSpan(span.begin - delta, span.end - delta))]

        return Pattern(repeated).split_queries()

    def repeat_cycles(self, count: Any) -> Pattern:
        return patterned(self._repeat_cycles, count)

    # --------------------------------------------------------- structure

    def struct(self, mask: Any) -> Pattern:
        """This pattern's values in the rhythm of `mask`'s true events.

        `mask` is a pattern of booleans or a list of them (one step each).
        """
        mask = _as_pattern(mask)
        query = self.query

        def structured(span: TimeSpan) -> list[Hap]:
            out = []
            for step in mask.query(span):
                if not step.value:
                    continue
                for hap in query(step.whole_or_part()):
                    part = hap.part.intersection(step.part)
                    if part is not None:
                        out.append(Hap(step.whole, part, hap.value))
            return out

        return Pattern(structured)

    def _euclid(self, pulses: Any, steps: Any, rotation: Any = 0) -> Pattern:
        rhythm = euclid_rhythm(int(pulses), int(steps), int(rotation))
        if not rhythm:
            return silence
        return self.struct(rhythm)

    def euclid(self, pulses: Any, steps: Any, rotation: Any = 0) -> Pattern:
        """The Bjorklund rhythm of `pulses` onsets in `steps`, rotated `rotation` steps later.

        Any argument may be a pattern, as in mini-notation's `bd(<3 5>,8)`.
        """
        return patterned(self._euclid, pulses, steps, rotation)

    def _segment(self, count: Any) -> Pattern:
        return self.struct(pure(True)._fast(count))

    def segment(self, count: Any) -> Pattern:
        """Sample the pattern `count` times a cycle (turns signals into events)."""
        return patterned(self._segment, count)

    def _ply(self, factor: Any) -> Pattern:
        return self.fmap(lambda value: pure(value)._fast(factor)).squeeze_join()

    def ply(self, factor: Any) -> Pattern:
        """Repeat each event `factor` times within its own span."""
        return patterned(self._ply, factor)

    def _every(self, n: Any, func: Callable[[Pattern], Pattern]) -> Pattern:
        n = int(n)
        if n <= 0:
            return self
        return _slowcat_prime([func(self)] + [self] * (n - 1))

    def every(self, n: Any, func: Callable[[Pattern], Pattern]) -> Pattern:
        """Apply `func` on cycles 0, n, 2n... (Strudel's `firstOf`)."""
        return patterned(lambda count: self._every(count, func), n)

    def _range(self, low: Any, high: Any) -> Pattern:
        return self.fmap(lambda value: value * (high - low) + low)

    def range(self, low: Any, high: Any) -> Pattern:
        """Scale values from 0..1 to low..high."""
        return patterned(self._range, low, high)

    # ---------------------------------------------------------- randomness

    def degrade_by_with(self, randoms: Pattern, amount: float) -> Pattern:
        """Keep the events where `randoms` (sampled at each event) is above `amount`."""
        kept = randoms.filter_values(lambda r: r > amount)
        return self.fmap(lambda value: lambda _: value).app_left(kept)

    def degrade_by(self, amount: Any, seed: int = 0) -> Pattern:
        """Drop each event with probability `amount`, deterministically for a given `seed`."""
        from composer.pattern.rand import rand

        return patterned(lambda a: self.degrade_by_with(rand(seed), float(a)), amount)

    def degrade(self, seed: int = 0) -> Pattern:
        return self.degrade_by(0.5, seed)

    # ---------------------------------------------------------- combining

    def stack(self, *others: Any) -> Pattern:
        return stack(self, *others)

    def __repr__(self) -> str:
        if self._constant is not _NOT_CONSTANT:
            return f"pure({self._constant!r})"
        return f"Pattern({self.first_cycle()!r})"


# ------------------------------------------------------------------ helpers


def _identity(value: Any) -> Any:
    return value


def _scale_hap(hap: Hap, factor: Fraction) -> Hap:
    whole = hap.whole
    part = hap.part
    return Hap(
        None if whole is None else TimeSpan(whole.begin / factor, whole.end / factor),
        TimeSpan(part.begin / factor, part.end / factor),
        hap.value,
    )


def _shift_hap(hap: Hap, delta: Fraction) -> Hap:
    whole = hap.whole
    part = hap.part
    return Hap(
        None if whole is None else TimeSpan(whole.begin + delta, whole.end + delta),
        TimeSpan(part.begin + delta, part.end + delta),
        hap.value,
    )


def _as_pattern(thing: Any) -> Pattern:
    """A pattern from a pattern, a list (a one-cycle sequence) or a plain value."""
    if isinstance(thing, Pattern):
        return thing
    if isinstance(thing, (list, tuple)):
        return fastcat(*thing)
    return pure(thing)


def reify(thing: Any) -> Pattern:
    """`thing` if it is already a pattern, else a pattern of that one value each cycle."""
    return thing if isinstance(thing, Pattern) else pure(thing)


def patterned(func: Callable[..., Pattern], *args: Any) -> Pattern:
    """Call `func(*plain_args)` where any argument may be a pattern.

    As Strudel's `register`: the arguments' patterns are combined with the first
    argument's structure on the left, and each resulting pattern is inner-joined,
    so it plays for exactly the span its argument values hold. Constant arguments
    skip the join.
    """
    if all(not isinstance(a, Pattern) or a._constant is not _NOT_CONSTANT for a in args):
        return func(*(a._constant if isinstance(a, Pattern) else a for a in args))
    pats = [reify(a) for a in args]
    combined = pats[0].fmap(lambda value: (value,))
    for pat in pats[1:]:
        combined = combined.fmap(lambda values: lambda value: values + (value,)).app_left(pat)
    return combined.fmap(lambda values: func(*values)).inner_join()


# ------------------------------------------------------------- constructors


def _silence_query(span: TimeSpan) -> list[Hap]:
    return []


#: The pattern with no events.
silence = Pattern(_silence_query)


def pure(value: Any) -> Pattern:
    """`value` once per cycle, each event filling its cycle."""

    def query(span: TimeSpan) -> list[Hap]:
        return [Hap(TimeSpan(sam(sub.begin), next_sam(sub.begin)), sub, value) for sub in span.span_cycles()]

    return Pattern(query, value)


def stack(*pats: Any) -> Pattern:
    """All the patterns at once (lists become sequences)."""
    patterns = [_as_pattern(p) for p in pats]
    if not patterns:
        return silence
    if len(patterns) == 1:
        return patterns[0]
    queries = [p.query for p in patterns]
    return Pattern(lambda span: [hap for query in queries for hap in query(span)])


def slowcat(*pats: Any) -> Pattern:
    """One pattern per cycle, in turn; each resumes where it left off.

    With three patterns, cycle 3 plays the first pattern's cycle 1 (not its cycle 3),
    so no pattern's cycles are skipped.
    """
    patterns = [_as_pattern(p) for p in pats]
    if not patterns:
        return silence
    if len(patterns) == 1:
        return patterns[0]
    count = len(patterns)

    def query(span: TimeSpan) -> list[Hap]:
        cycle = sam(span.begin)
        pattern = patterns[int(cycle) % count]
        offset = cycle - sam(span.begin / count)
        if offset == 0:
            return pattern.query(span)
        return [_shift_hap(hap, offset) for hap in pattern.query(TimeSpan(span.begin - offset, span.end - offset))]

    return Pattern(query).split_queries()


cat = slowcat


def _slowcat_prime(patterns: list[Pattern]) -> Pattern:
    """One pattern per cycle, in turn, each playing its own cycle of that number."""
    count = len(patterns)

    def query(span: TimeSpan) -> list[Hap]:
        return patterns[int(sam(span.begin)) % count].query(span)

    return Pattern(query).split_queries()


def fastcat(*pats: Any) -> Pattern:
    """The patterns one after another, squeezed into a single cycle."""
    if not pats:
        return silence
    if len(pats) == 1:
        return _as_pattern(pats[0])
    return slowcat(*pats)._fast(len(pats))


sequence = fastcat


def timecat(*pairs: tuple[Any, Any]) -> Pattern:
    """Like `fastcat`, but each (weight, pattern) pair gets weight/total of the cycle."""
    weighted = [(to_time(weight), _as_pattern(pat)) for weight, pat in pairs]
    total = sum((weight for weight, _ in weighted), _ZERO)
    if total <= 0:
        return silence
    parts = []
    begin = _ZERO
    for weight, pat in weighted:
        if weight <= 0:
            continue
        end = begin + weight
        parts.append(pat._compress(begin / total, end / total))
        begin = end
    return stack(*parts)


def polymeter(*sequences: Sequence[Any], steps: Any = None) -> Pattern:
    """Sequences aligned step by step, `steps` steps per cycle (default: the first's length).

    `polymeter(["a", "b", "c"], ["d", "e"])` is mini-notation's `{a b c, d e}`.
    """
    seqs = [list(s) for s in sequences if len(s) > 0]
    if not seqs:
        return silence
    per_cycle = len(seqs[0]) if steps is None else steps
    layers = []
    for seq in seqs:
        count = len(seq)
        layer = fastcat(*seq)
        if isinstance(per_cycle, Pattern):
            layers.append(layer.fast(per_cycle.fmap(lambda s, count=count: to_time(s) / count)))
        else:
            layers.append(layer._fast(to_time(per_cycle) / count))
    return stack(*layers)


def signal(func: Callable[[Fraction], Any]) -> Pattern:
    """A continuous pattern: `func` of the midpoint of whatever span is queried."""
    return Pattern(lambda span: [Hap(None, span, func(span.midpoint))])

