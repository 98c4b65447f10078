"""Stepwise functions: patterns lined up by their steps per cycle, after Strudel's.

A pattern made from mini-notation or a sequence knows how many steps a cycle of it holds
(`mini("a b c")._steps` is 3, "a b@3" is 4; see composer.pattern.core). These functions use
that count: `take(2)` keeps the first two steps (stretched to fill the cycle), `drop(1)`
the rest, `stepcat` plays patterns one after another at one speed of step, `stack_left`
pads shorter patterns with rests at their end, `pace(4)` plays four steps a cycle,
`polymeter` aligns patterns step by step. Strudel's pattern.mjs (its "Stepwise functions",
commit 447afbfa) is the reference; the `s_*` names are its older aliases.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable

from composer.errors import ComposerError
from composer.pattern.constructors import fastcat, gap, nothing, slowcat, stack, stepcat
from composer.pattern.core import Pattern, register, reify, silence
from composer.pattern.span import Hap, TimeSpan, lcm_steps, sam, to_time

_ZERO = Fraction(0)
_ONE = Fraction(1)
#: How many parts `shrink`, `grow` and `stepalt` may lay side by side in one cycle.
MAX_PARTS = 10_000


# ------------------------------------------------------------ joining by steps


def step_join(pat: Pattern) -> Pattern:
    """Flatten a pattern of patterns stepwise: each cycle, the inner patterns its events hold
    are concatenated by their own steps (`stepcat`), each slice of the cycle in turn.

    Its steps are those of its first cycle, as Strudel's stepJoin.
    """

    def cycle_pattern(cycle: Fraction) -> Pattern:
        haps = pat._early(cycle).query(TimeSpan(_ZERO, _ONE))
        return stepcat(*_slices(haps))

    def query(span: TimeSpan) -> list[Hap]:
        return cycle_pattern(sam(span.begin)).query(span)

    return Pattern(query).split_queries().with_steps(cycle_pattern(_ZERO)._steps)


def _slices(haps: list[Hap]) -> list[tuple[Fraction | None, Pattern]]:
    """The cycle cut at every event's edge; each slice the stack of the patterns sounding in it,
    with its steps (Strudel's _slices and _retime, which give a slice only its patterns' steps)."""
    edges = sorted({_ZERO, _ONE, *(t for hap in haps for t in (hap.part.begin, hap.part.end))})
    slices = []
    for begin, end in zip(edges, edges[1:]):
        span = TimeSpan(begin, end)
        sounding = stack(*(hap.value for hap in haps if span.intersection(hap.part) is not None))
        slices.append((sounding._steps, sounding))
    return slices


def step_bind(pat: Pattern, func: Callable[[Any], Pattern]) -> Pattern:
    """`func` of each value, joined stepwise."""
    return step_join(pat.fmap(func))


Pattern.step_join = step_join
Pattern.step_bind = step_bind


def _step_register(*names: str):
    """`register` with the stepwise join for patterned arguments (Strudel's stepRegister)."""
    return register(*names, join=step_join)


# ----------------------------------------------------------------- pace and polymeter


@register("pace")
def pace(pat: Pattern, steps: Any) -> Pattern:
    """Faster or slower, so that `steps` of its steps fill a cycle ("a b c".pace(4) is
    "{a b c}%4"); a pattern without steps is left as it is."""
    if not pat.has_steps:
        return pat
    if pat._steps == 0:
        return nothing
    steps = to_time(steps)
    return pat._fast(steps / pat._steps).with_steps(steps)


def polymeter(*patterns: Any, steps: Any = None) -> Pattern:
    """Patterns aligned step by step, repeating until they fit the lcm of their steps
    (`polymeter("a b c", "d e")` is mini-notation's "{a b c, d e}%6"), `steps` steps a cycle
    if given. Lists are sequences, aligned to the first's length (Strudel's older form)."""
    if patterns and isinstance(patterns[0], (list, tuple)):
        return _polymeter_lists(patterns, steps)
    pats = [p for p in (reify(p) for p in patterns) if p.has_steps]
    if not pats:
        return silence
    common = lcm_steps(*(p._steps for p in pats))
    if common == 0:
        return nothing
    result = stack(*(p._pace(common) for p in pats)).with_steps(common)
    return result if steps is None else result.pace(steps)


def _polymeter_lists(sequences: tuple, steps: Any) -> Pattern:
    seqs = [list(s) for s in sequences if len(s) > 0]
    if not seqs:
        return silence
    per_cycle = len(seqs[0]) if steps is None else steps
    layers = []
    for seq in seqs:
        layer = fastcat(*seq)
        if isinstance(per_cycle, (Pattern, str)):
            layers.append(layer.fast(reify(per_cycle).fmap(lambda s, count=len(seq): to_time(s) / count)))
        else:
            layers.append(layer._fast(to_time(per_cycle) / len(seq)))
    return stack(*layers)


# ------------------------------------------------------------------ stacking by steps


def _stack_with(pad: Callable[[Pattern, Fraction], Pattern], pats: tuple) -> Pattern:
    patterns = [fastcat(*p) if isinstance(p, (list, tuple)) else reify(p) for p in pats]
    if not patterns:
        return silence
    if len(patterns) == 1:
        return patterns[0]
    if not all(p.has_steps for p in patterns):
        raise ComposerError("stack_left/right/centre need patterns that know their steps (sequences, mini-notation)")
    most = max(p._steps for p in patterns)
    return stack(*(p if p._steps == most else pad(p, most - p._steps) for p in patterns))


def stack_left(*pats: Any) -> Pattern:
    """The patterns together at one speed of step, the shorter ones followed by rests."""
    return _stack_with(lambda p, rest: stepcat(p, gap(rest)), pats)


def stack_right(*pats: Any) -> Pattern:
    """The patterns together at one speed of step, the shorter ones after rests."""
    return _stack_with(lambda p, rest: stepcat(gap(rest), p), pats)


def stack_centre(*pats: Any) -> Pattern:
    """The patterns together at one speed of step, the shorter ones between equal rests."""
    return _stack_with(lambda p, rest: stepcat(gap(rest / 2), p, gap(rest / 2)), pats)


def stack_by(by: Any, *pats: Any) -> Pattern:
    """The patterns stacked as the pattern `by` names, cycle by cycle: "left", "right",
    "centre", "expand" (a plain stack) or "repeat" (a polymeter at the longest's steps)."""
    patterns = [reify(p) for p in pats]
    if not patterns:
        return silence
    if not all(p.has_steps for p in patterns):
        raise ComposerError("stack_by needs patterns that know their steps (sequences, mini-notation)")
    most = max(p._steps for p in patterns)
    ways = {"centre": stack_centre, "left": stack_left, "right": stack_right, "expand": stack,
            "repeat": lambda *ps: polymeter(*ps).pace(most)}
    return reify(by).inhabit(ways).fmap(lambda way: way(*patterns)).inner_join().with_steps(most)


# --------------------------------------------------------------- taking and dropping


@_step_register("take")
def take(pat: Pattern, count: Any) -> Pattern:
    """The first `count` steps (the last ones if negative), stretched over the cycle."""
    if pat._steps is None or pat._steps <= 0:
        return nothing
    count = to_time(count)
    if count == 0:
        return nothing
    part = abs(count) / pat._steps
    if part >= 1:
        return pat
    return pat._zoom(1 - part, 1) if count < 0 else pat._zoom(0, part)


@_step_register("drop")
def drop(pat: Pattern, count: Any) -> Pattern:
    """All but the first `count` steps (the last ones if negative)."""
    if not pat.has_steps:
        return nothing
    count = to_time(count)
    return pat._take(pat._steps + count) if count < 0 else pat._take(count - pat._steps)


@_step_register("expand")
def expand(pat: Pattern, factor: Any) -> Pattern:
    """The same events counting `factor` times the steps (each step `factor` times longer
    when concatenated stepwise)."""
    return pat if pat._steps is None else pat.with_steps(pat._steps * to_time(factor))


@_step_register("contract")
def contract(pat: Pattern, factor: Any) -> Pattern:
    """The same events counting 1/`factor` of the steps."""
    factor = to_time(factor)
    if factor == 0:
        raise ComposerError("contract: the factor must not be 0")
    return pat if pat._steps is None else pat.with_steps(pat._steps / factor)


@_step_register("extend")
def extend(pat: Pattern, factor: Any) -> Pattern:
    """`factor` times as fast with `factor` times the steps: "a b".extend(2) stepcat with
    "c d" is "a b a b c d"."""
    return pat.fast(factor).expand(factor)


def shrinklist(pat: Pattern, amount: Any) -> list[Pattern]:
    """The pattern with `amount` more steps dropped each time (from the end if negative), as
    often as it has steps or `times` given as `amount = [amount, times]` ("1:3")."""
    pat = reify(pat)
    if not pat.has_steps:
        return [pat]
    amount, times = amount if isinstance(amount, (list, tuple)) else (amount, pat._steps)
    amount = to_time(amount)
    if times == 0:
        return [pat]
    if times > MAX_PARTS:
        raise ComposerError(f"shrink/grow: {times} times is more than {MAX_PARTS:,}")
    segment = abs(amount) / pat._steps
    spans = []
    index = 0
    while index < times:
        if amount > 0:
            if segment * index > 1:
                break
            spans.append((segment * index, _ONE))
        else:
            if 1 - segment * index < 0:
                break
            spans.append((_ZERO, 1 - segment * index))
        index += 1
    return [pat._zoom(begin, end) for begin, end in spans]


Pattern.shrinklist = shrinklist


def _stepcat_list(pats: list[Pattern]) -> Pattern:
    return stepcat(*pats).with_steps(sum((p._steps for p in pats), _ZERO))


@_step_register("shrink")
def shrink(pat: Pattern, amount: Any) -> Pattern:
    """The pattern, then with one step fewer, and so on, all in one cycle: "a b c".shrink(1) is
    "a b c b c c" (from the end if negative; "1:2" for only two of them)."""
    if not pat.has_steps:
        return nothing
    return _stepcat_list(shrinklist(pat, amount))


@_step_register("grow")
def grow(pat: Pattern, amount: Any) -> Pattern:
    """The first step, then two, and so on up to the whole pattern, in one cycle: "a b c".grow(1)
    is "a a b a b c" (from the end if negative; "1:2" for only its last two stages)."""
    if not pat.has_steps:
        return nothing
    amount = [-to_time(amount[0]), amount[1]] if isinstance(amount, (list, tuple)) else -to_time(amount)
    return _stepcat_list(shrinklist(pat, amount)[::-1])


# ------------------------------------------------------------------ sequences of patterns


def tour(pat: Any, *many: Any) -> Pattern:
    """`pat` inserted into the list `many` at the end, then one place earlier each time, all
    concatenated stepwise in one cycle."""
    pat = reify(pat)
    rounds = [item for i in range(len(many))
              for item in (*many[:len(many) - i], pat, *many[len(many) - i:])]
    return stepcat(*rounds, pat, *many)


Pattern.tour = tour


def zip_(*pats: Any) -> Pattern:
    """The patterns' steps interleaved, one step of each in turn, over the lcm of their steps,
    in one cycle."""
    patterns = [p for p in (reify(p) for p in pats) if p.has_steps]
    if not patterns:
        return nothing
    steps = lcm_steps(*(p._steps for p in patterns))
    return slowcat(*(p._slow(p._steps) for p in patterns))._fast(steps).with_steps(steps)


def stepalt(*groups: Any) -> Pattern:
    """As `stepcat`, where a list alternates its patterns, one per repetition of the whole:
    `stepalt(["bd cp", "mt"], "bd")` is "bd cp bd mt bd"."""
    lists = [[reify(p) for p in group] if isinstance(group, (list, tuple)) else [reify(group)] for group in groups]
    cycles = lcm_steps(*(Fraction(len(group)) for group in lists)) or _ZERO
    if cycles * len(lists) > MAX_PARTS:
        raise ComposerError(f"stepalt: {cycles * len(lists)} parts is more than {MAX_PARTS:,}")
    chosen = [group[cycle % len(group)] if group else silence
              for cycle in range(int(cycles)) for group in lists]
    chosen = [p for p in chosen if p.has_steps and p._steps > 0]
    return _stepcat_list(chosen)


# Strudel's older names for the same functions (and `steps` for `pace`), as methods.
METHOD_ALIASES = {"s_taper": "shrink", "s_taperlist": "shrinklist", "s_add": "take", "s_sub": "drop",
                  "s_expand": "expand", "s_extend": "extend", "s_contract": "contract", "s_tour": "tour",
                  "steps": "pace"}
for _old, _new in METHOD_ALIASES.items():
    setattr(Pattern, _old, getattr(Pattern, _new))

#: The free functions, for composer.pattern.strudel (the registered ones are there already).
FUNCTIONS = {
    "stepcat": stepcat, "s_cat": stepcat, "stepalt": stepalt, "s_alt": stepalt, "polymeter": polymeter,
    "s_polymeter": polymeter, "pm": polymeter, "stack_left": stack_left, "stack_right": stack_right,
    "stack_centre": stack_centre, "stack_by": stack_by, "gap": gap, "nothing": nothing, "tour": tour, "s_tour": tour,
    "zip": zip_, "s_zip": zip_, "shrinklist": lambda amount, pat: shrinklist(reify(pat), amount),
    "s_taperlist": lambda amount, pat: shrinklist(reify(pat), amount),
}
