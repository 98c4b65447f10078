"""Patterns as pure functions of time, after Tidal and Strudel.

A `Pattern` is nothing but a query: give it a span of cycles and it returns the
events (`Hap`s) active in that span. Every combinator builds a new query from old
ones, so nothing is scheduled, stored or mutated; asking the same question twice
gives the same answer, which is what makes patterns safe to combine, test and
play live.

This module holds the class and its plumbing (querying, functor, applicative and
monadic joins) and `register`, through which the modules beside it (constructors,
timing, layering, chance, signals, values, controls, stepwise) add their functions as
methods, as Strudel's `register` does.

Each pattern also knows, where it can, its `_steps`: how many steps a cycle holds ("a b c"
has 3, "a b@3" 4), fixed when the pattern is built and never looked at by a query. The
stepwise functions (composer.pattern.stepwise) line patterns up by it.
"""

from __future__ import annotations

import inspect
from fractions import Fraction
from typing import Any, Callable

from composer.pattern.span import Hap, TimeSpan, lcm_steps, next_sam, sam, to_time

Query = Callable[[TimeSpan], list[Hap]]
Steps = Any  # a Fraction (or int) of steps per cycle, or None where a pattern has none

_NOT_CONSTANT = object()


class Pattern:
    """A query from a span of cycles to the events sounding in it.

    `query(span)` returns `Hap`s whose `part` lies inside `span`. Methods whose
    names begin with `_` take plain values; their public twins also accept
    patterns of values (and mini-notation strings), applied cycle by cycle
    (Strudel's "patternified" args). `_steps` is the steps per cycle (a Fraction) or None.
    """

    __slots__ = ("query", "_constant", "_steps")

    def __init__(self, query: Query, constant: Any = _NOT_CONSTANT, steps: Steps = None):
        self.query = query
        # The value of a `pure` pattern, so patterned arguments like `fast(2)` can skip the join.
        self._constant = constant
        self._steps = steps if steps is None or type(steps) is Fraction else Fraction(steps)

    def with_steps(self, steps: Steps) -> Pattern:
        """The same pattern (the same query) counting `steps` steps per cycle."""
        return Pattern(self.query, self._constant, steps)

    @property
    def has_steps(self) -> bool:
        return self._steps is not None

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
        return Pattern(lambda span: func(query(span)), steps=self._steps)

    def with_hap(self, func: Callable[[Hap], Hap]) -> Pattern:
        query = self.query
        return Pattern(lambda span: [func(hap) for hap in query(span)], steps=self._steps)

    def filter_haps(self, test: Callable[[Hap], bool]) -> Pattern:
        query = self.query
        return Pattern(lambda span: [hap for hap in query(span) if test(hap)])

    def filter_values(self, test: Callable[[Any], bool]) -> Pattern:
        query = self.query
        return Pattern(lambda span: [hap for hap in query(span) if test(hap.value)], steps=self._steps)

    def onsets_only(self) -> Pattern:
        return self.filter_haps(Hap.has_onset)

    def discrete_only(self) -> Pattern:
        return self.filter_haps(lambda hap: hap.whole is not None)

    # ------------------------------------------------ functor and applicative

    def fmap(self, func: Callable[[Any], Any]) -> Pattern:
        """The same events with `func` applied to each value."""
        query = self.query
        constant = _NOT_CONSTANT if self._constant is _NOT_CONSTANT else func(self._constant)
        return Pattern(lambda span: [Hap(hap.whole, hap.part, func(hap.value)) for hap in query(span)], constant,
                       self._steps)

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

        return Pattern(query, steps=lcm_steps(self._steps, other._steps))

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

        return Pattern(query, steps=self._steps)

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

        return Pattern(query, steps=other._steps)

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
        """Flatten keeping the outer pattern's rhythm (wholes) and steps."""
        return self.bind_whole(lambda a, b: a, func).with_steps(self._steps)

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

    def reset_join(self, restart: bool = False) -> Pattern:
        """Flatten by starting each inner pattern's cycle (with `restart`: its cycle zero) at
        the start of the outer event that holds it."""

        def query(span: TimeSpan) -> list[Hap]:
            out = []
            for outer in self.query(span):
                if outer.whole is None:
                    continue
                shift = outer.whole.begin if restart else outer.whole.begin - sam(outer.whole.begin)
                for inner in reify(outer.value)._late(shift).query(span):
                    part = inner.part.intersection(outer.part)
                    if part is None:
                        continue
                    whole = None if inner.whole is None else inner.whole.intersection(outer.whole)
                    out.append(Hap(whole, part, inner.value))
            return out

        return Pattern(query)

    def restart_join(self) -> Pattern:
        return self.reset_join(restart=True)

    def __repr__(self) -> str:
        if self._constant is not _NOT_CONSTANT:
            return f"pure({self._constant!r})"
        return f"Pattern({self.first_cycle()!r})"


# ------------------------------------------------------------------ helpers


def _identity(value: Any) -> Any:
    return value


_string_parser: Callable[[str], Pattern] | None = None


def set_string_parser(parser: Callable[[str], Pattern]) -> None:
    """Let strings stand for patterns (mini-notation sets itself here, as in Strudel, so that
    this module need not import the parser that imports it)."""
    global _string_parser
    _string_parser = parser


def reify(thing: Any) -> Pattern:
    """A pattern for `thing`: itself, a string's mini-notation, or its one value each cycle."""
    if isinstance(thing, Pattern):
        return thing
    if isinstance(thing, str) and _string_parser is not None:
        return _string_parser(thing)
    return pure(thing)


def patterned(func: Callable[..., Pattern], *args: Any, join: Callable[[Pattern], Pattern] | None = None) -> Pattern:
    """Call `func(*plain_args)` where any argument may be a pattern.

    As Strudel's `register`: the arguments' patterns are combined with the first
    argument's structure on the left, and each resulting pattern is inner-joined (or
    flattened by `join`), so it plays for exactly the span its argument values hold.
    Constant arguments skip the join.
    """
    args = tuple(reify(a) if isinstance(a, str) else a for a in args)
    if all(not isinstance(a, Pattern) or a._constant is not _NOT_CONSTANT for a in args):
        return func(*(a._constant if isinstance(a, Pattern) else a for a in args))
    pats = [reify(a) for a in args]
    combined = pats[0].fmap(lambda value: (value,))
    for pat in pats[1:]:
        combined = combined.fmap(lambda values: lambda value: values + (value,)).app_left(pat)
    nested = combined.fmap(lambda values: func(*values))
    return nested.inner_join() if join is None else join(nested)


#: The method names `register` has added, for the free functions of composer.pattern.strudel.
REGISTERED: list[str] = []


_sequence: Callable[..., Pattern] | None = None


def set_sequence(func: Callable[..., Pattern]) -> None:
    """Let `register` sequence several arguments of a one-argument function (constructors sets
    `sequence` here, so that this module need not import the module that imports it)."""
    global _sequence
    _sequence = func


def register(*names: str, patternify: bool = True, preserve_steps: bool = False,
             join: Callable[[Pattern], Pattern] | None = None):
    """Decorator: `func(pat, *args)` becomes the methods `pat.NAME(*args)`, whose arguments
    may be patterns or mini-notation (joined on the first argument's structure, as Strudel's
    `register`, or by `join`), and `pat._NAME(*args)` for plain values; keyword options pass
    through as they are. A function of one argument given several plays them in sequence, as
    Strudel's (`pat.fast(1, 2)` is `pat.fast(sequence(1, 2))`). With `preserve_steps` the
    result keeps the pattern's steps per cycle, as Strudel's preserveSteps. `func` itself is
    returned."""

    def attach(func: Callable[..., Pattern]) -> Callable[..., Pattern]:
        one_argument = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                           for p in inspect.signature(func).parameters.values()) == 2

        def plain(self: Pattern, *args: Any, **options: Any) -> Pattern:
            result = func(self, *args, **options)
            if preserve_steps and result._steps != self._steps:
                return result.with_steps(self._steps)
            return result

        def method(self: Pattern, *args: Any, **options: Any) -> Pattern:
            if one_argument and len(args) > 1 and _sequence is not None:
                args = (_sequence(*args),)
            if not patternify or not args:
                return plain(self, *args, **options)
            result = patterned(lambda *values: func(self, *values, **options), *args, join=join)
            if preserve_steps and result._steps != self._steps:
                return result.with_steps(self._steps)
            return result

        method.__wrapped__ = func  # its signature, for Strudel's curried free functions
        for name in names:
            method.__name__, method.__doc__ = name, func.__doc__
            setattr(Pattern, name, method)
            setattr(Pattern, "_" + name, plain)
            REGISTERED.append(name)
        return func

    return attach


# ------------------------------------------------------------- the simplest patterns


def _silence_query(span: TimeSpan) -> list[Hap]:
    return []


#: The pattern with no events: one step of rest.
silence = Pattern(_silence_query, steps=1)


def pure(value: Any) -> Pattern:
    """`value` once per cycle, each event filling its cycle."""

    def query(span: TimeSpan) -> list[Hap]:
        return [Hap(TimeSpan(sam(sub.begin), next_sam(sub.begin)), sub, value) for sub in span.span_cycles()]

    return Pattern(query, value, 1)


def signal(func: Callable[[Fraction], Any]) -> Pattern:
    """A continuous pattern: `func` of the start of whatever span is queried (as Strudel's)."""
    return Pattern(lambda span: [Hap(None, span, func(span.begin))])
