"""Strudel's own core tests, ported: packages/core/test/pattern.test.mjs at commit 447afbfa,
describe groups TimeSpan, Hap and Pattern's pure() .. stack() (the operators and their
structure variants). The rest of Pattern is in tests/test_strudel_suite_functions.py, the
controls (and value.test.mjs, util.test.mjs) in tests/test_strudel_suite_controls.py.

Each test is one of Strudel's `it`s: its docstring is Strudel's "describe › it" path, its
expected values are Strudel's. Internal APIs port to composer's own (TimeSpan, Hap,
app_left, squeeze_join, ...), Strudel's free functions come from composer.pattern.strudel
(curried as Strudel's: `fast(2)` is a function of a pattern).

Not ported here (every other `it` of these groups is):

| Strudel's `it`                                   | why                                                  |
|--------------------------------------------------|------------------------------------------------------|
| Hap › resolveState() › Can increment some state  | composer's events carry no state-resolving values    |
"""

from fractions import Fraction as F

from composer.pattern import Hap, pure, sequence, silence, slowcat, stack
from composer.pattern.strudel import namespace as strudel
from strudel_suite import first_cycle, hap, same_first, third, ts

# ------------------------------------------------------------------------------ TimeSpan


def test_timespan_equals_should_be_equal_to_the_same_value():
    """TimeSpan › equals() › Should be equal to the same value"""
    assert ts(0, 4) == ts(0, 4)


def test_timespan_split_cycles_should_split_two_cycles_into_two():
    """TimeSpan › splitCycles › Should split two cycles into two"""
    assert len(ts(0, 2).span_cycles()) == 2


def test_timespan_intersection_e_should_create_an_intersection():
    """TimeSpan › intersection_e › Should create an intersection"""
    assert ts(0, 2).intersection_e(ts(1, 3)) == ts(1, 2)


# ----------------------------------------------------------------------------------- Hap

_A = Hap(ts(0, 0.5), ts(0, 0.5), "a")
_B = Hap(ts(0, 0.5), ts(0, 0.5), "b")
_C = Hap(ts(0, 0.25), ts(0, 0.5), "c")
_D = Hap(None, ts(0, 0.5), "d")
_E = Hap(None, ts(0, 0.5), "e")


def test_hap_has_onset_true_if_part_includes_onset_from_whole():
    """Hap › hasOnset() › True if part includes onset from whole"""
    assert Hap(ts(0, 1), ts(0, 1), "thing").has_onset() is True


def test_hap_span_equals_true_if_two_haps_have_the_same_whole_and_part():
    """Hap › spanEquals › True if two haps have the same whole and part"""
    assert _A.span_equals(_B) is True


def test_hap_span_equals_false_if_two_haps_dont_the_same_whole_and_part():
    """Hap › spanEquals › False if two haps don't the same whole and part"""
    assert _A.span_equals(_C) is False


def test_hap_span_equals_true_if_two_haps_have_the_same_part_and_undefined_wholes():
    """Hap › spanEquals › True if two haps have the same part and undefined wholes"""
    assert _D.span_equals(_E) is True


def test_hap_whole_or_part_can_pick_a_whole():
    """Hap › wholeOrPart() › Can pick a whole"""
    assert Hap(ts(0, 1), ts(0, 0.5), "hello").whole_or_part() == ts(0, 1)


def test_hap_whole_or_part_can_pick_a_part():
    """Hap › wholeOrPart() › Can pick a part"""
    assert Hap(None, ts(0, 1), "hello").whole_or_part() == ts(0, 1)


# ------------------------------------------------------------------- Pattern: pure, fmap, out


def test_pure_can_make_a_pattern():
    """Pattern › pure › Can make a pattern"""
    assert len(pure("hello").query(ts(0.5, 2.5))) == 3


def test_pure_supports_zero_width_queries():
    """Pattern › pure › Supports zero-width queries"""
    assert len(pure("hello").query_arc(0, 0)) == 1


def test_fmap_can_add_things():
    """Pattern › fmap() › Can add things"""
    assert first_cycle(pure(3).fmap(lambda x: x + 4))[0].value == 7


def test_out_is_an_alias_for_set_out():
    """Pattern › out() › is an alias for set.out()"""
    same_first(sequence(1, 2).out(5, 6, 7, 8), sequence(1, 2).set.out(5, 6, 7, 8))


# ------------------------------------------------------------------------------- add()


def test_add_works_as_toplevel_function():
    """Pattern › add() › works as toplevel function"""
    assert strudel.add(pure(4), pure(5)).query(ts(0, 1))[0].value == 9


def test_add_works_as_toplevel_function_with_bare_values_for_arguments():
    """Pattern › add() › works as toplevel function, with bare values for arguments"""
    assert strudel.add(4, 5).query(ts(0, 1))[0].value == 9


def test_add_can_structure_in():
    """Pattern › add() › can structure In()"""
    assert pure(3).add(pure(4)).query(ts(0, 1))[0].value == 7
    assert pure(3).add.in_(pure(4)).query(ts(0, 1))[0].value == 7


def test_add_can_structure_out():
    """Pattern › add() › can structure Out()"""
    same_first(sequence(1, 2).add.out(4), sequence(5, 6).struct(True))


def test_add_can_mix_structure():
    """Pattern › add() › can Mix() structure"""
    assert first_cycle(sequence(1, 2).add.mix(silence, 5, silence)) == [
        hap(ts(third, F(1, 2)), ts(third, F(1, 2)), 6),
        hap(ts(F(1, 2), F(2, 3)), ts(F(1, 2), F(2, 3)), 7),
    ]


def _four_cycles():
    return slowcat(sequence(1, 2, 3, 4), 5, sequence(6, 7, 8, 9), 10)


def test_add_can_reset_structure():
    """Pattern › add() › can Reset() structure"""
    same_first(_four_cycles().add.reset(20, 30).early(2), sequence(26, 27, 36, 37))


def test_add_can_restart_structure():
    """Pattern › add() › can Restart() structure"""
    same_first(_four_cycles().add.restart(20, 30).early(2), sequence(21, 22, 31, 32))


def test_add_can_squeeze_structure():
    """Pattern › add() › can Squeeze() structure"""
    same_first(sequence(1, [2, 3]).add.squeeze(sequence(10, 20, 30)),
               sequence([11, 21, 31], [[12, 22, 32], [13, 23, 33]]))


def test_add_can_squeezeout_structure():
    """Pattern › add() › can SqueezeOut() structure"""
    same_first(sequence(1, [2, 3]).add.squeezeout(10, 20, 30),
               sequence([11, [12, 13]], [21, [22, 23]], [31, [32, 33]]))


def test_add_can_add_object_patterns():
    """Pattern › add() › can add object patterns"""
    same_first(strudel.n(sequence(1, [2, 3])).add(strudel.n(10)), strudel.n(sequence(11, [12, 13])))


# ------------------------------------------------------------------------------ keep()


def test_keep_can_structure_in():
    """Pattern › keep() › can structure In()"""
    assert pure(3).keep(pure(4)).query(ts(0, 1))[0].value == 3
    assert pure(3).keep.in_(pure(4)).query(ts(0, 1))[0].value == 3


def test_keep_can_structure_out():
    """Pattern › keep() › can structure Out()"""
    same_first(sequence(1, 2).keep.out(4), sequence(1, 2).struct(True))


def test_keep_can_mix_structure():
    """Pattern › keep() › can Mix() structure"""
    assert first_cycle(sequence(1, 2).keep.mix(silence, 5, silence)) == [
        hap(ts(third, F(1, 2)), ts(third, F(1, 2)), 1),
        hap(ts(F(1, 2), F(2, 3)), ts(F(1, 2), F(2, 3)), 2),
    ]


def test_keep_can_reset_structure():
    """Pattern › keep() › can Reset() structure"""
    same_first(_four_cycles().keep.reset(20, 30).early(2), sequence(6, 7, 6, 7))


def test_keep_can_restart_structure():
    """Pattern › keep() › can Restart() structure"""
    same_first(_four_cycles().keep.restart(20, 30).early(2), sequence(1, 2, 1, 2))


def test_keep_can_squeeze_structure():
    """Pattern › keep() › can Squeeze() structure"""
    same_first(sequence(1, [2, 3]).keep.squeeze(sequence(10, 20, 30)),
               sequence([1, 1, 1], [[2, 2, 2], [3, 3, 3]]))


def test_keep_can_squeezeout_structure():
    """Pattern › keep() › can SqueezeOut() structure"""
    same_first(sequence(1, [2, 3]).keep.squeezeout(10, 20, 30), sequence([1, [2, 3]], [1, [2, 3]], [1, [2, 3]]))


# ---------------------------------------------------------------------------- keepif()


def test_keepif_can_structure_in():
    """Pattern › keepif() › can structure In()"""
    same_first(sequence(3, 4).keepif(True, False), sequence(3, silence))
    same_first(sequence(3, 4).keepif.in_(True, False), sequence(3, silence))


def test_keepif_can_structure_out():
    """Pattern › keepif() › can structure Out()"""
    same_first(pure(1).keepif.out(True, False), sequence(1, silence))


def test_keepif_can_mix_structure():
    """Pattern › keepif() › can Mix() structure"""
    assert first_cycle(sequence(1, 2).keepif.mix(False, True, False)) == [
        hap(ts(third, F(1, 2)), ts(third, F(1, 2)), 1),
        hap(ts(F(1, 2), F(2, 3)), ts(F(1, 2), F(2, 3)), 2),
    ]


def test_keepif_can_reset_structure():
    """Pattern › keepif() › can Reset() structure"""
    same_first(_four_cycles().keepif.reset(False, True).early(2), sequence(silence, silence, 6, 7))


def test_keepif_can_restart_structure():
    """Pattern › keepif() › can Restart() structure"""
    same_first(_four_cycles().keepif.restart(False, True).early(2), sequence(silence, silence, 1, 2))


def test_keepif_can_squeeze_structure():
    """Pattern › keepif() › can Squeeze() structure"""
    same_first(sequence(1, [2, 3]).keepif.squeeze(sequence(True, True, False)),
               sequence([1, 1, silence], [[2, 2, silence], [3, 3, silence]]))


def test_keepif_can_squeezeout_structure():
    """Pattern › keepif() › can SqueezeOut() structure"""
    same_first(sequence(1, [2, 3]).keepif.squeezeout(True, True, False), sequence([1, [2, 3]], [1, [2, 3]], silence))


# ------------------------------------------------------------------ sub() mul() div() set()


def test_sub_can_subtract_things():
    """Pattern › sub() › Can subtract things"""
    assert pure(3).sub(pure(4)).query(ts(0, 1))[0].value == -1


def test_mul_can_multiply_things():
    """Pattern › mul() › Can multiply things"""
    assert first_cycle(pure(3).mul(pure(2)))[0].value == 6


def test_div_can_divide_things():
    """Pattern › div() › Can divide things"""
    assert first_cycle(pure(3).div(pure(2)))[0].value == 1.5


def test_set_can_set_things_in_objects():
    """Pattern › set() › Can set things in objects"""
    assert first_cycle(pure({"a": 4, "b": 6}).set(pure({"c": 7})))[0].value == {"a": 4, "b": 6, "c": 7}
    same_first(sequence({"a": 1, "b": 2}, {"a": 2, "b": 2}, {"a": 3, "b": 2}).set({"a": 4, "c": 5}),
               sequence({"a": 4, "b": 2, "c": 5}).fast(3))


def test_set_can_set_things_with_plain_values():
    """Pattern › set() › Can set things with plain values"""
    same_first(sequence(1, 2, 3).set(4), sequence(4).fast(3))


def test_set_set_out_can_set_things_with_structure_from_second_pattern():
    """Pattern › set() › setOut() › Can set things with structure from second pattern"""
    same_first(sequence(1, 2).set.out(4), pure(4).mask(True, True))


def test_set_set_squeeze_can_squeeze_one_pattern_inside_the_haps_of_another():
    """Pattern › set() › setSqueeze() › Can squeeze one pattern inside the haps of another"""
    expected = sequence(["a", "b", "c"], [["a", "b", "c"], ["a", "b", "c"]])
    same_first(sequence(1, [2, 3]).set.squeeze(sequence("a", "b", "c")), expected)
    same_first(sequence(1, [2, 3]).set.squeeze("a", "b", "c"), expected)


# ------------------------------------------------------------------------------ stack()


def test_stack_can_stack_things():
    """Pattern › stack() › Can stack things"""
    assert [h.value for h in first_cycle(stack(pure("a"), pure("b"), pure("c")))] == ["a", "b", "c"]


def test_stack_can_stack_subpatterns():
    """Pattern › stack() › Can stack subpatterns"""
    same_first(stack("a", ["b", "c"]), stack("a", sequence("b", "c")))
