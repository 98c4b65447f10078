"""Constructors: patterns from values and from other patterns, side by side or one after another.

`stack` plays patterns together, `slowcat`/`cat` one per cycle, `fastcat`/`sequence`/`seq`
one after another within a cycle, `timecat`/`stepcat` with weights, `polymeter` step by step;
`run`, `binary` and `binary_n` make patterns of numbers. A list stands for a one-cycle
sequence and a string for mini-notation, wherever a pattern is expected.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Sequence

from composer.pattern.core import Pattern, patterned, reify, set_sequence, silence
from composer.pattern.span import Hap, TimeSpan, sam, to_time

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
        return [shift_hap(hap, offset) for hap in pattern.query(TimeSpan(span.begin - offset, span.end - offset))]

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


seq = sequence
set_sequence(sequence)  # `pat.fast(1, 2)` is `pat.fast(sequence(1, 2))`, as in Strudel
polyrhythm = pr = stack
stepcat = timecat


def slowcat_prime(*pats: Any) -> Pattern:
    """One pattern per cycle, in turn, each playing its own cycle of that number."""
    return _slowcat_prime([_as_pattern(p) for p in pats])


def run(count: Any) -> Pattern:
    """0, 1, ... count-1, one step each, in a cycle (Strudel's `run`)."""
    return patterned(lambda n: fastcat(*range(int(n))) if int(n) > 0 else silence, count)


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
