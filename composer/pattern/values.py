"""Values: arithmetic and logic between patterns, with Strudel's choice of whose structure wins.

`a.add(b)` adds b's values to a's, keeping a's rhythm (Strudel's default "in"); the
structure variants choose otherwise: `a.add.out(b)` keeps b's, `.mix` both, `.squeeze` fits
a whole cycle of b into each event of a, `.squeezeout` the reverse, `.reset`/`.restart`
restart a's cycle at each event of b. The same goes for `sub mul div mod pow set keep keepif`
and the comparisons. Control values (dicts such as `{"note": 60}`) combine key by key;
number-like strings and note names count as numbers ("c4" is 60), as in Strudel.
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable

from composer.errors import ComposerError
from composer.pattern.constructors import sequence
from composer.pattern.core import Pattern, reify, register
from composer.pattern.span import Hap, TimeSpan

_NOTE = re.compile(r"([a-gA-G])([#bsf]*)([0-9]*)")
_CHROMAS = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}
_ACCIDENTALS = {"#": 1, "b": -1, "s": 1, "f": -1}


def note_to_midi(name: str, default_octave: int = 3) -> int:
    """A note name's MIDI number as Strudel reads it in patterns: any number of accidentals
    (`c##3`, `cbb3`), octave 3 when none is given ("c" is 48, where Sonic Pi's is 60)."""
    match = _NOTE.fullmatch(name) if isinstance(name, str) else None
    if match is None:
        raise ComposerError(f'not a note: "{name}"')
    letter, accidentals, octave = match.groups()
    octave_number = int(octave) if octave else default_octave
    return (octave_number + 1) * 12 + _CHROMAS[letter.lower()] + sum(_ACCIDENTALS[a] for a in accidentals)


def numeral(value: Any) -> Any:
    """A number from a number, a numeric string or a note name, as Strudel's parseNumeral
    ("20" is 20, "c4" is 60, "c" is 48); any other string is an error."""
    if isinstance(value, str):
        for parse in (int, float):
            try:
                return parse(value)
            except ValueError:
                pass
        if _NOTE.fullmatch(value):
            return note_to_midi(value)
        raise ComposerError(f'cannot parse as numeral: "{value}"')
    return value


def merge_controls(a: Any, b: Any, op: Callable[[Any, Any], Any]) -> Any:
    """`op(a, b)`, key by key when either is a control dict (a plain value counts as `value`).
    A plain value on the right of a control leaves the control as it is, as in Strudel, where
    `n("0 1").add(12)` is `n("0 1")` (its arithmetic is `n("0 1".add(12))` or `.add(n(12))`)."""
    if isinstance(a, dict) or isinstance(b, dict):
        a = a if isinstance(a, dict) else {"value": a}
        b = b if isinstance(b, dict) else {"value": b}
        if list(b) == ["value"]:
            return a
        merged = dict(a)
        for key, value in b.items():
            merged[key] = op(a[key], value) if key in a else value
        return merged
    return op(a, b)


def _numeric(op: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """`op` on numbers read from numerals and note names ("c4" + 12 is 72)."""
    return lambda a, b: op(numeral(a), numeral(b))


def _modulo(a, b):
    return ((a % b) + b) % b


_OPS: dict[str, Callable[[Any, Any], Any]] = {}
_OPS.update({
    "set": lambda a, b: b,
    "keep": lambda a, b: a,
    "keepif": lambda a, b: a if b else _DROP,
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
    "mod": _modulo,
    "pow": lambda a, b: a ** b,
    "band": lambda a, b: int(a) & int(b),
    "bor": lambda a, b: int(a) | int(b),
    "bxor": lambda a, b: int(a) ^ int(b),
    "blshift": lambda a, b: int(a) << int(b),
    "brshift": lambda a, b: int(a) >> int(b),
    "lt": lambda a, b: a < b,
    "gt": lambda a, b: a > b,
    "lte": lambda a, b: a <= b,
    "gte": lambda a, b: a >= b,
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "and_": lambda a, b: a and b,
    "or_": lambda a, b: a or b,
})
_NUMERIC = {"add", "sub", "mul", "div", "mod", "pow", "band", "bor", "bxor", "blshift", "brshift"}
_DROP = object()  # keepif's "no event here"


class _Bound:
    """`pat.add` (or any operator) bound to its pattern: callable, with the structure variants."""

    __slots__ = ("pat", "name")

    def __init__(self, pat: Pattern, name: str):
        self.pat, self.name = pat, name

    def __call__(self, *others: Any) -> Pattern:
        return self.in_(*others)

    def _combine(self, how: str, others: tuple) -> Pattern:
        other = sequence(*others)  # a list is a one-cycle sequence, as in Strudel
        op = _OPS[self.name]
        if self.name in _NUMERIC:
            op = _numeric(op)
        if self.name == "keepif":
            def combine(a, b):
                return op(a, b)
        else:
            def combine(a, b):
                return merge_controls(a, b, op)
        result = _JOINS[how](self.pat, other, combine)
        return result.filter_values(lambda value: value is not _DROP) if self.name == "keepif" else result

    def in_(self, *others: Any) -> Pattern:
        return self._combine("in_", others)

    def out(self, *others: Any) -> Pattern:
        return self._combine("out", others)

    def mix(self, *others: Any) -> Pattern:
        return self._combine("mix", others)

    def squeeze(self, *others: Any) -> Pattern:
        return self._combine("squeeze", others)

    def squeezeout(self, *others: Any) -> Pattern:
        return self._combine("squeezeout", others)

    def reset(self, *others: Any) -> Pattern:
        return self._combine("reset", others)

    def restart(self, *others: Any) -> Pattern:
        return self._combine("restart", others)


class _Operator:
    """A descriptor: `Pattern.add` gives `_Bound(pattern, "add")`."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, pat, owner=None):
        return self if pat is None else _Bound(pat, self.name)


def _curried(func):
    return lambda a: lambda b: func(a, b)


_JOINS: dict[str, Callable[[Pattern, Pattern, Callable], Pattern]] = {
    "in_": lambda pat, other, f: pat.fmap(_curried(f)).app_left(other),
    "out": lambda pat, other, f: pat.fmap(_curried(f)).app_right(other),
    "mix": lambda pat, other, f: pat.fmap(_curried(f)).app_both(other),
    "squeeze": lambda pat, other, f: pat.fmap(lambda a: other.fmap(lambda b: f(a, b))).squeeze_join(),
    "squeezeout": lambda pat, other, f: other.fmap(lambda b: pat.fmap(lambda a: f(a, b))).squeeze_join(),
    "reset": lambda pat, other, f: other.fmap(lambda b: pat.fmap(lambda a: f(a, b))).reset_join(),
    "restart": lambda pat, other, f: other.fmap(lambda b: pat.fmap(lambda a: f(a, b))).restart_join(),
}

for _name in _OPS:
    setattr(Pattern, _name, _Operator(_name))

# Python's operators on patterns: `pat + 12` is `pat.add(12)`, `12 + pat` is `pure(12).add(pat)`.
for _name, _operator in (("add", "add"), ("sub", "sub"), ("mul", "mul"), ("truediv", "div")):
    setattr(Pattern, f"__{_name}__", lambda self, other, op=_operator: getattr(self, op)(other))
    setattr(Pattern, f"__r{_name}__", lambda self, other, op=_operator: getattr(reify(other), op)(self))


def _structure(how: str, name: str = "set"):
    def method(self: Pattern, *others: Any) -> Pattern:
        return getattr(_Bound(self, name), how)(*others)

    return method


# pat.squeeze(x) is pat.set.squeeze(x); pat.reset(x) and pat.restart(x) are keepif's, as Strudel's
for _how in ("in_", "out", "mix", "squeeze", "squeezeout"):
    setattr(Pattern, _how, _structure(_how))
for _how in ("reset", "restart"):
    setattr(Pattern, _how, _structure(_how, "keepif"))
    setattr(Pattern, _how + "_all", _structure(_how, "keep"))
Pattern.struct = _structure("out", "keepif")
Pattern.struct.__doc__ = "This pattern's values in the rhythm of `mask`'s true events (keepif.out)."
Pattern.mask = _structure("in_", "keepif")
Pattern.mask.__doc__ = "This pattern's events where `mask` is true, keeping their own rhythm (keepif.in)."
Pattern.struct_all = _structure("out", "keep")
Pattern.mask_all = _structure("in_", "keep")


@register("range")
def range_(pat: Pattern, low: Any, high: Any) -> Pattern:
    """Values from 0..1 scaled to low..high."""
    return pat.fmap(lambda value: value * (high - low) + low)


@register("rangex")
def rangex(pat: Pattern, low: Any, high: Any) -> Pattern:
    """As `range`, exponentially (for frequencies)."""
    return pat._range(math.log(low), math.log(high)).fmap(math.exp)


@register("range2")
def range2(pat: Pattern, low: Any, high: Any) -> Pattern:
    """Values from -1..1 scaled to low..high."""
    return pat.from_bipolar()._range(low, high)


@register("to_bipolar")
def to_bipolar(pat: Pattern) -> Pattern:
    return pat.fmap(lambda x: x * 2 - 1)


@register("from_bipolar")
def from_bipolar(pat: Pattern) -> Pattern:
    return pat.fmap(lambda x: (x + 1) / 2)


@register("round")
def round_(pat: Pattern) -> Pattern:
    """Numbers rounded half up, as JavaScript's Math.round."""
    return pat.fmap(lambda x: math.floor(numeral(x) + 0.5))


@register("floor")
def floor(pat: Pattern) -> Pattern:
    return pat.fmap(lambda x: math.floor(numeral(x)))


@register("ceil")
def ceil(pat: Pattern) -> Pattern:
    return pat.fmap(lambda x: math.ceil(numeral(x)))


@register("inv", "invert")
def invert(pat: Pattern) -> Pattern:
    """True for false and false for true (a binary rhythm turned inside out)."""
    return pat.fmap(lambda x: not x)


def collect(pat: Pattern) -> Pattern:
    """Events with the same span gathered into one event holding the list of them (a chord)."""

    def gather(haps):
        groups: list[list] = []
        for hap in haps:
            for group in groups:
                if group[0].span_equals(hap):
                    group.append(hap)
                    break
            else:
                groups.append([hap])
        return [Hap(group[0].whole, group[0].part, group) for group in groups]

    return pat.with_haps(gather)


def defragment_haps(pat: Pattern) -> Pattern:
    """Fragments of one event (same whole, same value) that touch joined back into one, as
    Strudel's defragmentHaps; continuous values are left out."""

    def join(haps: list[Hap]) -> list[Hap]:
        rest, joined = list(haps), []
        while rest:
            first = rest.pop(0)
            merged = True
            while merged:
                merged = False
                for index, other in enumerate(rest):
                    if other.whole != first.whole or other.value != first.value:
                        continue
                    if first.part.begin == other.part.end:
                        first = Hap(first.whole, TimeSpan(other.part.begin, first.part.end), first.value)
                    elif other.part.begin == first.part.end:
                        first = Hap(first.whole, TimeSpan(first.part.begin, other.part.end), first.value)
                    else:
                        continue
                    del rest[index]
                    merged = True
                    break
            joined.append(first)
        return joined

    return pat.discrete_only().with_haps(join)


def arp_with(pat: Pattern, func: Callable[[list], Any]) -> Pattern:
    """Each chord (events struck together) replaced by `func(list of its events)`, a pattern
    of events, inner-joined, as Strudel's arpWith."""
    return (collect(pat).fmap(lambda haps: reify(func(haps))).inner_join()
            .with_hap(lambda hap: Hap(hap.whole, hap.part, hap.value.value)))


def arp(pat: Pattern, indices: Any) -> Pattern:
    """The notes of each chord in the order `indices` gives (mini-notation), as Strudel's arp."""
    return arp_with(pat, lambda haps: reify(indices).fmap(lambda i: haps[int(i) % len(haps)]))


Pattern.arp_with = arp_with
Pattern.arp = arp
Pattern.collect = collect
Pattern.defragment_haps = defragment_haps
