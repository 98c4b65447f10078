"""Constructors: patterns from values and from other patterns, side by side or one after another.

`stack` plays patterns together, `slowcat`/`cat` one per cycle, `fastcat`/`sequence`/`seq`
one after another within a cycle, `stepcat`/`timecat` each for its steps (or weight);
`run`, `binary` and `binary_n` make patterns of numbers, `gap` and `nothing` rests of a
given number of steps. A list stands for a one-cycle sequence and a string for
mini-notation, wherever a pattern is expected. Each sets the steps per cycle of what it
makes as Strudel's do (a stack the lcm of its patterns', a sequence its length).
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from composer.pattern.core import Pattern, Steps, patterned, reify, set_sequence, silence
from composer.pattern.span import Hap, TimeSpan, lcm_steps, sam, to_time

_ZERO = Fraction(0)


def _as_pattern(thing: Any) -> Pattern:
    """A pattern from a pattern, a list (a one-cycle sequence), mini-notation or a plain value."""
    if isinstance(thing, (list, tuple)):
        return fastcat(*thing)
    return reify(thing)


def shift_hap(hap: Hap, delta: Fraction) -> Hap:
    """The event moved `delta` cycles later."""
    whole, part = hap.whole, hap.part
    return Hap(
        None if whole is None else TimeSpan(whole.begin + delta, whole.end + delta),
        TimeSpan(part.begin + delta, part.end + delta),
        hap.value,
    )


def gap(steps: Steps) -> Pattern:
    """No events, for `steps` steps (Strudel's `gap(3)` is "~@3")."""
    return silence.with_steps(steps)


#: No events and no steps: what a stepwise function leaves when it takes nothing.
nothing = gap(0)


def stack(*pats: Any) -> Pattern:
    """All the patterns at once (lists become sequences)."""
    patterns = [_as_pattern(p) for p in pats]
    if not patterns:
        return gap(None)
    if len(patterns) == 1:
        return patterns[0]
    queries = [p.query for p in patterns]
    return Pattern(lambda span: [hap for query in queries for hap in query(span)],
                   steps=lcm_steps(*(p._steps for p in patterns)))


def slowcat(*pats: Any) -> Pattern:
    """One pattern per cycle, in turn; each resumes where it left off.

    With three patterns, cycle 3 plays the first pattern's cycle 1 (not its cycle 3),
    so no pattern's cycles are skipped.
    """
    patterns = [_as_pattern(p) for p in pats]
    if not patterns:
        return gap(None)
    if len(patterns) == 1:
        return patterns[0]
    count = len(patterns)

    def query(span: TimeSpan) -> list[Hap]:
        cycle = sam(span.begin)
        pattern = patterns[int(cycle) % count]
        offset = cycle - sam(span.begin / count)
        if offset == 0:
            return pattern.query(span)
        return [shift_hap(hap, offset) for hap in pattern.query(TimeSpan(span.begin - offset, span.end - offset))]

    return Pattern(query).split_queries().with_steps(lcm_steps(*(p._steps for p in patterns)))


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
        return gap(None)
    if len(pats) == 1:
        return _as_pattern(pats[0])
    return slowcat(*pats)._fast(len(pats)).with_steps(len(pats))


sequence = fastcat


def stepcat(*items: Any) -> Pattern:
    """The patterns one after another in a cycle, each given as many steps as it has
    (`stepcat("a b c", "d e")` is "a b c d e"), or as a `(steps, pattern)` pair says
    (`stepcat((3, "a"), (1, "b"))` is "a@3 b"); as Strudel's stepcat/timecat.

    A pattern without steps gets the average of the others'; the result has their sum.
    """
    if not items:
        return nothing
    pairs = [_steps_and_pattern(item) for item in items]
    known = [steps for steps, _ in pairs if steps is not None]
    if len(known) < len(pairs):
        if not known:
            return fastcat(*(pat for _, pat in pairs))
        average = sum(known, _ZERO) / len(known)
        pairs = [(average if steps is None else steps, pat) for steps, pat in pairs]
    if len(pairs) == 1:
        steps, pat = pairs[0]
        return pat if pat._steps is None else pat.with_steps(steps)
    total = sum((steps for steps, _ in pairs), _ZERO)
    parts = []
    begin = _ZERO
    for steps, pat in pairs:
        if steps == 0:
            continue
        end = begin + steps
        parts.append(pat._compress(begin / total, end / total))
        begin = end
    return stack(*parts).with_steps(total)


def _steps_and_pattern(item: Any) -> tuple[Fraction | None, Pattern]:
    if isinstance(item, (tuple, list)):
        steps, pat = item
        return (None if steps is None else to_time(steps)), _as_pattern(pat)
    pat = _as_pattern(item)
    return pat._steps, pat


timecat = stepcat
seq = sequence
set_sequence(sequence)  # `pat.fast(1, 2)` is `pat.fast(sequence(1, 2))`, as in Strudel
polyrhythm = pr = stack


def slowcat_prime(*pats: Any) -> Pattern:
    """One pattern per cycle, in turn, each playing its own cycle of that number."""
    return _slowcat_prime([_as_pattern(p) for p in pats])


def run(count: Any) -> Pattern:
    """0, 1, ... count-1, one step each, in a cycle (Strudel's `run`)."""
    return patterned(lambda n: fastcat(*range(int(n))) if int(n) > 0 else nothing, count)


def binary_n(number: Any, bits: Any = 16) -> Pattern:
    """The bits of `number` as a sequence of 1 and 0, most significant first, `bits` long."""
    def digits(n, width):
        n, width = int(n), int(width)
        return fastcat(*((n >> (width - 1 - i)) & 1 for i in range(width))) if width > 0 else silence

    return patterned(digits, number, bits)


def binary(number: Any) -> Pattern:
    """The bits of `number`, as many as it needs (Strudel's `binary`)."""
    return patterned(lambda n: binary_n(n, max(int(n).bit_length(), 1)), number)


def _method(func):
    def method(self: Pattern, *others: Any) -> Pattern:
        return func(self, *others)

    method.__doc__ = func.__doc__
    return method


for _name, _func in (("stack", stack), ("seq", sequence), ("sequence", sequence), ("cat", slowcat),
                     ("slowcat", slowcat), ("fastcat", fastcat)):
    setattr(Pattern, _name, _method(_func))
