"""Steps per cycle and the stepwise functions, against Strudel.

The steps each pattern of tests/data/strudel_cases.py's STEPS counts, as Strudel 447afbfa
counted them (strudel_steps.json, made by tests/data/make_strudel_cases.py; their events are
checked in tests/test_strudel_cases.py), and Strudel's own tests of steps (the `_steps`,
stepcat, shrink, grow, take and drop, expand, stepJoin, bite and polymeter blocks of
packages/core/test/pattern.test.mjs, and the three of controls.test.mjs), ported. Not ported:
the `_steps` lines of slice and splice and the loopAt block (composer has no sample slicing).
"""

import json
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from composer.errors import ComposerError
from composer.pattern import (
    fastcat, gap, mini, nothing, polymeter, pure, sequence, silence, slowcat, stack, stack_centre, stack_left,
    stack_right, stepcat,
)
from composer.pattern.controls import CONTROL_FUNCTIONS
from composer.pattern.strudel import evaluate

DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(DATA))
from strudel_cases import STEPS  # noqa: E402

RECORDED = json.loads((DATA / "strudel_steps.json").read_text())


@pytest.mark.parametrize("name, python", [(n, py) for n, _, py in STEPS], ids=[s[0] for s in STEPS])
def test_steps_are_strudels(name, python):
    steps = evaluate(python)._steps
    assert (None if steps is None else str(steps)) == RECORDED[name]


def first_cycle(pat):
    """The first cycle's events, in Strudel's sortHapsByPart order."""
    return sorted(((h.whole.begin, h.whole.end, h.part.begin, h.part.end, h.value) for h in pat.first_cycle()),
                  key=lambda e: (e[2], e[3], e[0], e[1]))


def same_first(a, b):
    assert first_cycle(a) == first_cycle(b)


# ---------------------------------------------------------------- describe('_steps')


def test_steps_are_kept_or_computed_through_transformations():
    assert sequence(0, 1, 2, 3).linger(4)._steps == 4
    assert sequence(0, 1, 2, 3).iter(4)._steps == 4
    assert sequence(0, 1, 2, 3).fast(4)._steps == 4
    assert sequence(0, 1, 2, 3).hurry(4)._steps == 4
    assert sequence(0, 1, 2, 3).rev()._steps == 4
    assert sequence(1).segment(10)._steps == 10
    assert sequence(1, 0, 1).invert()._steps == 3
    assert sequence({"s": "bev"}, {"s": "amenbreak"}).chop(4)._steps == 8
    assert sequence({"s": "bev"}, {"s": "amenbreak"}).striate(4)._steps == 8
    assert sequence({"n": 0}, {"n": 1}, {"n": 2}).chop(4)._steps == 12
    add_one = pure(lambda x: x + 1)
    assert add_one.with_steps(3).app_both(pure(1).with_steps(2))._steps == 6
    assert add_one.with_steps(None).app_both(pure(1).with_steps(2))._steps == 2
    assert add_one.with_steps(3).app_both(pure(1).with_steps(None))._steps == 3
    assert stack(fastcat(0, 1, 2), fastcat(3, 4))._steps == 6
    assert stack(fastcat(0, 1, 2), fastcat(3, 4).with_steps(None))._steps == 3
    assert stack_left(fastcat(0, 1, 2, 3), fastcat(3, 4))._steps == 4
    assert stack_right(fastcat(0, 1, 2), fastcat(3, 4))._steps == 3
    assert stack_centre(fastcat(0, 1, 2), fastcat(3, 4))._steps == 3
    assert fastcat(0, 1).ply(3)._steps == 6
    assert fastcat(0, 1).with_steps(None).ply(3)._steps is None
    assert fastcat(0, 1).fast(3)._steps == 2
    assert fastcat(0, 1).with_steps(None).fast(3)._steps is None


def test_steps_are_exact_fractions():
    assert mini("a@1.5 b")._steps == Fraction(5, 2)
    assert type(mini("a b")._steps) is Fraction
    assert mini("a b c").zoom(0, Fraction(1, 3))._steps == 1


# ------------------------------------------------------------------- describe('stepcat')


def test_stepcat_can_cat():
    same_first(stepcat(fastcat(0, 1, 2, 3), fastcat(4, 5)), fastcat(0, 1, 2, 3, 4, 5))
    same_first(stepcat(pure(1), pure(2), pure(3)), fastcat(1, 2, 3))


def test_stepcat_gives_a_pattern_without_steps_the_average():
    same_first(stepcat(pure(1), pure(2), pure(3).with_steps(None)), fastcat(1, 2, 3))


# ---------------------------------------------------------------- describe('shrink'/'grow')


def test_shrink():
    same_first(sequence(0, 1, 2, 3, 4).shrink(1), sequence(0, 1, 2, 3, 4, 1, 2, 3, 4, 2, 3, 4, 3, 4, 4))


def test_shrink_backwards():
    same_first(sequence(0, 1, 2, 3, 4).shrink(-1), sequence(0, 1, 2, 3, 4, 0, 1, 2, 3, 0, 1, 2, 0, 1, 0))


def test_grow():
    same_first(sequence(0, 1, 2, 3, 4).grow(1), sequence(0, 0, 1, 0, 1, 2, 0, 1, 2, 3, 0, 1, 2, 3, 4))


def test_grow_backwards():
    same_first(sequence(0, 1, 2, 3, 4).grow(-1), sequence(4, 3, 4, 2, 3, 4, 1, 2, 3, 4, 0, 1, 2, 3, 4))


def test_grow_a_given_number_of_times():
    """"1:2" grows twice, as Strudel documents (447afbfa reads the list as the fraction 1/2)."""
    same_first(sequence(0, 1, 2, 3).grow([1, 2]), sequence(0, 1, 2, 0, 1, 2, 3))
    same_first(mini("0 1 2 3").grow("-1:2"), sequence(1, 2, 3, 0, 1, 2, 3))
    same_first(mini("0 1 2 3").shrink("1:2"), sequence(0, 1, 2, 3, 1, 2, 3))


# ------------------------------------------------------------ describe('take and drop')


def test_take_from_the_left():
    same_first(sequence(0, 1, 2, 3, 4).take(2), sequence(0, 1))


def test_drop_from_the_left():
    same_first(sequence(0, 1, 2, 3, 4).drop(2), sequence(2, 3, 4))


def test_take_from_the_right():
    same_first(sequence(0, 1, 2, 3, 4).take(-2), sequence(3, 4))


def test_drop_from_the_right():
    same_first(sequence(0, 1, 2, 3, 4).drop(-2), sequence(0, 1, 2))


def test_drop_nothing():
    same_first(pure("a").drop(0), pure("a"))


def test_drop_nothing_repeatedly():
    same_first(pure("a").drop(0, 0), fastcat("a", "a"))
    for count in range(2, 30):
        same_first(pure("a").drop(*[0] * count), fastcat(*["a"] * count))


# ----------------------------------------------------------------- describe('expand')


def test_expand_four_things_in_half():
    same_first(sequence(0, 1, 2, 3).expand(1, 0.5), stepcat(sequence(0, 1, 2, 3), sequence(0, 1, 2, 3).expand(0.5)))


def test_expand_five_things_in_half():
    same_first(sequence(0, 1, 2, 3, 4).expand(1, 0.5),
               stepcat(sequence(0, 1, 2, 3, 4), sequence(0, 1, 2, 3, 4).expand(0.5)))


# --------------------------------------------------------------- describe('stepJoin')


def test_step_join_with_steps_of_two():
    same_first(sequence(pure(pure("a")), pure(pure("b").with_steps(2))).step_join(),
               stepcat(pure("a"), pure("b").with_steps(2)))


def test_step_join_with_steps_of_a_half():
    same_first(sequence(pure(pure("a")), pure(pure("b").with_steps(0.5))).step_join(),
               stepcat(pure("a"), pure("b").with_steps(0.5)))


def test_step_join_answers_cycle_by_cycle():
    """A query across cycles gives each cycle its own structure (Strudel's uses the first's)."""
    pat = mini("a b c d").take("<1 3>")
    whole = [(h.whole.begin, h.value) for h in pat.onsets_in(0, 2)]
    by_cycle = [(h.whole.begin, h.value) for c in (0, 1) for h in pat.onsets_in(c, c + 1)]
    assert whole == by_cycle == [(0, "a"), (1, "a"), (Fraction(4, 3), "b"), (Fraction(5, 3), "c")]


# ------------------------------------------------------------------- describe('bite')


def test_bite_works_with_uneven_patterns():
    same_first(fastcat(slowcat("a", "b", "c", "d", "e"), slowcat(1, 2, 3, 4, 5))
               .bite(2, stepcat(pure(0), pure(1).expand(2)))._fast(5),
               stepcat(slowcat("a", "b", "c", "d", "e"), slowcat(1, 2, 3, 4, 5).expand(2))._fast(5))


# --------------------------------------------------------- controls.test.mjs: steps

s, pan = CONTROL_FUNCTIONS["s"], CONTROL_FUNCTIONS["pan"]


def test_controls_keep_the_steps_of_the_left_pattern():
    assert s(mini("bd cp mt").pan(mini("1 2 3 4")))._steps == 3


def test_controls_set_out_keeps_the_steps_of_the_right_pattern():
    assert s(mini("bd cp mt").set.out(pan(mini("1 2 3 4"))))._steps == 4


def test_controls_set_mix_combines_steps_as_their_lcm():
    assert s(mini("bd cp mt").set.mix(pan(mini("1 2 3 4"))))._steps == 12


# -------------------------------------------------------------- describe('polymeter()')


def test_polymeter_layers_cycles_stepwise_with_lists():
    same_first(polymeter(["a", "b", "c"], ["d", "e"]).fast(2),
               stack(sequence("a", "b", "c", "a", "b", "c"), sequence("d", "e", "d", "e", "d", "e")))


def test_polymeter_of_patterns_fits_the_lcm_of_their_steps():
    pat = polymeter("c eb g", "c2 g2")
    assert pat._steps == 6
    same_first(pat, mini("{c eb g, c2 g2}%6"))
    same_first(polymeter("a b c", "d e", steps=4), mini("{a b c, d e}%4"))


# ------------------------------------------------------------------ composer's own


def test_gap_nothing_and_silence():
    assert (gap(3)._steps, nothing._steps, silence._steps) == (3, 0, 1)
    assert gap(3).first_cycle() == nothing.first_cycle() == []


def test_stacking_by_steps_needs_steps():
    with pytest.raises(ComposerError, match="stack_left"):
        stack_left("a b", mini("a b").every(2, lambda p: p.rev()))


@pytest.mark.parametrize("expression, message", [
    ('mini("a b").contract(0)', "contract: the factor must not be 0"),
    ('mini("a b").shrink("0:100000000")', "shrink/grow: 100000000 times"),
    ('stepalt(["a"] * 101, ["b"] * 103)', "stepalt: 20806 parts"),
    ('stack_left("a b", sine)', "need patterns that know their steps"),
])
def test_bad_stepwise_input_is_a_one_line_error(expression, message):
    with pytest.raises(ComposerError, match=message):
        evaluate(expression)


def test_steps_cost_nothing_at_query_time():
    """The count is made with the pattern; querying never touches it."""
    pat = mini("a b c").fast(2)
    object.__setattr__(pat, "_steps", "not a number")
    assert [h.value for h in pat.first_cycle()] == ["a", "b", "c", "a", "b", "c"]
