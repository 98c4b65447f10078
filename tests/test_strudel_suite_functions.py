"""Strudel's own core tests, ported: packages/core/test/pattern.test.mjs at commit 447afbfa,
describe groups _fast() .. pickmod (Pattern's functions). See tests/test_strudel_suite.py for
how the port reads; each docstring is Strudel's "describe › it" path.

Not ported here (every other `it` of these groups is):

| Strudel's `it`                                        | why                                           |
|-------------------------------------------------------|-----------------------------------------------|
| _setContext() › Can set the hap context               | composer's events carry no context (Strudel's |
| _withContext() › Can update the hap context           | editor highlighting): no counterpart          |
| slice › Can slice a sample                            | a sample cut in slices played by index, and   |
| splice › Can splice a sample                          | its playback speed: no MIDI meaning (a `s` is |
| loopAt › maintains steps                              | a drum of a kit), and loopAt's test is steps  |
| _steps › Is correctly preserved/calculated ...        | steps: ported in tests/test_pattern_steps.py  |
| stepcat › can cat; calculates undefined steps ...     | steps: ported in tests/test_pattern_steps.py  |
| shrink (2), grow (2), take and drop (6), expand (2)   | steps: ported in tests/test_pattern_steps.py  |
| stepJoin (2), bite › works with uneven patterns       | steps: ported in tests/test_pattern_steps.py  |

The four `it`s of "composable functions" and "weave" are commented out in Strudel's own file.
"""

from fractions import Fraction as F

from composer.pattern import cat, fastcat, polymeter, polyrhythm, pure, run, sequence, silence, slowcat, stack, timecat
from composer.pattern.signals import isaw, isaw2, saw, saw2, steady, time
from composer.pattern.strudel import namespace as strudel
from strudel_suite import first_cycle, first_cycle_values, hap, same_first, sort_haps_by_part, third, ts, twothirds

fast, add, sub, rev = strudel.fast, strudel.add, strudel.sub, strudel.rev


def values(haps):
    return [h.value for h in haps]


# ------------------------------------------------------------------------ fast and friends


def test_fast_makes_things_faster():
    """Pattern › _fast() › Makes things faster"""
    assert len(first_cycle(pure("a")._fast(2))) == 2


def test_fast_gap_makes_things_faster_with_a_gap():
    """Pattern › _fastGap() › Makes things faster, with a gap"""
    assert first_cycle(sequence("a", "b", "c")._fast_gap(2)) == first_cycle(sequence(["a", "b", "c"], silence))
    assert first_cycle(sequence("a", "b", "c")._fast_gap(3)) == \
        first_cycle(sequence(["a", "b", "c"], silence, silence))


def test_fast_gap_makes_things_faster_with_a_gap_when_speeded_up_further():
    """Pattern › _fastGap() › Makes things faster, with a gap, when speeded up further"""
    assert first_cycle(sequence("a", "b", "c")._fast_gap(2).fast(2)) == \
        first_cycle(sequence(["a", "b", "c"], silence, ["a", "b", "c"], silence))


def test_fast_gap_copes_with_breaking_up_events_across_cycles():
    """Pattern › _fastGap() › copes with breaking up events across cycles"""
    assert pure("a").slow(2)._fast_gap(2).query(ts(0, 2)) == [
        hap(ts(0, 1), ts(0, 0.5), "a"),
        hap(ts(0.5, 1.5), ts(1, 1.5), "a"),
    ]


def test_compress_span_can_squash_cycles_of_a_pattern_into_a_given_timespan():
    """Pattern › _compressSpan() › Can squash cycles of a pattern into a given timespan"""
    span = ts(0.25, 0.5)
    assert first_cycle(pure("a")._compress(span.begin, span.end)) == \
        first_cycle(sequence(silence, "a", silence, silence))


def test_fast_makes_things_faster_patterned():
    """Pattern › fast() › Makes things faster"""
    assert len(first_cycle(pure("a").fast(2))) == 2


def test_fast_makes_things_faster_with_a_pattern_of_factors():
    """Pattern › fast() › Makes things faster, with a pattern of factors"""
    assert len(first_cycle(pure("a").fast(sequence(1, 4)))) == 3
    assert first_cycle(pure("a").fast(sequence(1, 4))) == \
        first_cycle(stack(pure("a").fast(sequence(1, silence)), sequence(silence, ["a", "a"])))


def test_fast_defaults_to_accepting_sequences():
    """Pattern › fast() › defaults to accepting sequences"""
    assert sort_haps_by_part(first_cycle(sequence("a", "b", "c").fast(sequence(1.5, 2)))) == \
        sort_haps_by_part(first_cycle(sequence("a", "b", "c").fast(1.5, 2)))


def test_fast_works_as_a_static_function():
    """Pattern › fast() › works as a static function"""
    assert first_cycle(sequence(1, 2, 3).fast(1, 2)) == first_cycle(fast(sequence(1, 2), sequence(1, 2, 3)))


def test_fast_works_as_a_curried_static_function():
    """Pattern › fast() › works as a curried static function"""
    assert first_cycle(sequence(1, 2, 3).fast(1, 2)) == first_cycle(fast(sequence(1, 2))(sequence(1, 2, 3)))


def test_slow_makes_things_slower():
    """Pattern › _slow() › Makes things slower"""
    assert first_cycle(pure("a")._slow(2))[0] == hap(ts(0, 2), ts(0, 1), "a")
    pat = sequence(pure("c3"), pure("eb3")._slow(2))
    assert pat.query(ts(0, 1))[1] == hap(ts(0.5, 1.5), ts(0.5, 1), "eb3")


def test_slow_supports_zero_length_queries():
    """Pattern › _slow() › Supports zero-length queries"""
    assert steady("a")._slow(1).query_arc(0, 0) == steady("a").query_arc(0, 0)


def test_slow_patterned_supports_zero_length_queries():
    """Pattern › slow() › Supports zero-length queries"""
    assert steady("a").slow(1).query_arc(0, 0) == steady("a").query_arc(0, 0)


def test_inside_can_rev_inside_a_cycle():
    """Pattern › inside › can rev inside a cycle"""
    same_first(sequence("a", "b", "c", "d").inside(2, rev), sequence("b", "a", "d", "c"))


def test_outside_can_rev_outside_a_cycle():
    """Pattern › outside › can rev outside a cycle"""
    same_first(sequence("a", "b", "c", "d")._slow(2).outside(2, rev), sequence("d", "c"))


def test_filter_values_filters_true():
    """Pattern › _filterValues() › Filters true"""
    assert len(first_cycle(pure(True).filter_values(lambda x: x))) == 1


# --------------------------------------------------------------------------- when, cats


def test_when_always_faster():
    """Pattern › when() › Always faster"""
    assert len(first_cycle(pure("a").when(pure(True), lambda x: x._fast(2)))) == 2


def test_when_never_faster():
    """Pattern › when() › Never faster"""
    assert len(first_cycle(pure("a").when(pure(False), lambda x: x._fast(2)))) == 1


def test_when_can_alternate():
    """Pattern › when() › Can alternate"""
    assert sort_haps_by_part(first_cycle(pure(10).when(slowcat(True, False), lambda x: x.add(3)).fast(4))) == \
        first_cycle(fastcat(13, 10, 13, 10))


def test_fastcat_can_concatenate_two_things():
    """Pattern › fastcat() › Can concatenate two things"""
    assert values(first_cycle(fastcat(pure("a"), pure("b")))) == ["a", "b"]


def test_fastcat_can_go_into_negative_time():
    """Pattern › fastcat() › Can go into negative time"""
    same_first(fastcat("a", "b", "c").late(1000000), fastcat("a", "b", "c"))


def test_slowcat_can_concatenate_things_slowly():
    """Pattern › slowcat() › Can concatenate things slowly"""
    assert values(first_cycle(slowcat("a", "b"))) == ["a"]
    assert values(first_cycle(slowcat("a", "b")._early(1))) == ["b"]
    assert values(first_cycle(slowcat("a", slowcat("b", "c"))._early(1))) == ["b"]
    assert values(first_cycle(slowcat("a", slowcat("b", "c"))._early(3))) == ["c"]


def test_slowcat_can_cat_subpatterns():
    """Pattern › slowcat() › Can cat subpatterns"""
    same_first(slowcat("a", ["b", "c"]).fast(4), sequence("a", ["b", "c"]).fast(2))


def test_rev_can_reverse_things():
    """Pattern › rev() › Can reverse things"""
    haps = sorted(first_cycle(fastcat("a", "b", "c").rev()), key=lambda h: h.part.begin)
    assert values(haps) == ["c", "b", "a"]


def test_sequence_can_work_like_fastcat():
    """Pattern › sequence() › Can work like fastcat"""
    assert first_cycle(sequence(1, 2, 3)) == first_cycle(fastcat(1, 2, 3))


def test_palindrome_can_create_palindrome():
    """Pattern › palindrome() › Can create palindrome"""
    haps = sorted(first_cycle(fastcat("a", "b", "c").palindrome().fast(2)), key=lambda h: h.part.begin)
    assert values(haps) == ["a", "b", "c", "c", "b", "a"]


def test_polyrhythm_can_layer_up_cycles():
    """Pattern › polyrhythm() › Can layer up cycles"""
    assert first_cycle(polyrhythm(["a", "b"], ["c"])) == first_cycle(stack(fastcat(pure("a"), pure("b")), pure("c")))


def test_polymeter_can_layer_up_cycles_stepwise_with_lists():
    """Pattern › polymeter() › Can layer up cycles, stepwise, with lists"""
    assert first_cycle(polymeter(["a", "b", "c"], ["d", "e"]).fast(2)) == \
        first_cycle(stack(sequence("a", "b", "c", "a", "b", "c"), sequence("d", "e", "d", "e", "d", "e")))


# -------------------------------------------------------------------------------- firstOf

_A_A_A = sequence(sequence("a", "a"), "a", "a")


def test_first_of_can_apply_a_function_every_3rd_time():
    """Pattern › firstOf() › Can apply a function every 3rd time"""
    assert first_cycle(pure("a").first_of(3, lambda x: x._fast(2))._fast(3)) == first_cycle(_A_A_A)


def test_first_of_works_as_a_toplevel_function():
    """Pattern › firstOf() › Works as a toplevel function"""
    assert first_cycle(strudel.first_of(3, fast(2), pure("a"))._fast(3)) == first_cycle(_A_A_A)


def test_first_of_works_as_a_toplevel_function_with_a_patterned_first_argument():
    """Pattern › firstOf() › Works as a toplevel function, with a patterned first argument"""
    assert first_cycle(strudel.first_of(pure(3), fast(2), pure("a"))._fast(3)) == first_cycle(_A_A_A)


def test_first_of_works_with_currying():
    """Pattern › firstOf() › works with currying"""
    assert first_cycle(pure("a").first_of(3, fast(2))._fast(3)) == first_cycle(_A_A_A)
    assert first_cycle(sequence(3, 4, 5).first_of(3, add(3)).fast(5)) == \
        first_cycle(sequence(6, 7, 8, 3, 4, 5, 3, 4, 5, 6, 7, 8, 3, 4, 5))
    assert first_cycle(sequence(3, 4, 5).first_of(2, sub(1)).fast(5)) == \
        first_cycle(sequence(2, 3, 4, 3, 4, 5, 2, 3, 4, 3, 4, 5, 2, 3, 4))
    assert first_cycle(sequence(3, 4, 5).first_of(3, add(3)).first_of(2, sub(1)).fast(2)) == \
        first_cycle(sequence(5, 6, 7, 3, 4, 5))


def test_brak_can_make_something_a_bit_breakbeaty():
    """Pattern › brak() › Can make something a bit breakbeaty"""
    same_first(sequence("a", "b").brak()._fast(2), sequence("a", "b", fastcat(silence, "a"), fastcat("b", silence)))


def test_timecat_can_concatenate_patterns_with_different_relative_durations():
    """Pattern › timeCat() › Can concatenate patterns with different relative durations"""
    assert first_cycle(sequence("a", ["a", "a"])) == first_cycle(timecat([1, "a"], [0.5, "a"], [0.5, "a"]))


# -------------------------------------------------------------------- struct, mask, invert


def test_struct_can_restructure_a_discrete_pattern():
    """Pattern › struct() › Can restructure a discrete pattern"""
    assert first_cycle(sequence("a", "b").struct(sequence(True, True, True))) == [
        hap(ts(0, third), ts(0, third), "a"),
        hap(ts(third, twothirds), ts(third, 0.5), "a"),
        hap(ts(third, twothirds), ts(0.5, twothirds), "b"),
        hap(ts(twothirds, 1), ts(twothirds, 1), "b"),
    ]
    assert first_cycle(pure("a").struct(sequence(True, [True, False], True))) == \
        first_cycle(sequence("a", ["a", silence], "a"))
    assert first_cycle(pure("a").struct(sequence(True, [True, False], True).invert())) == \
        first_cycle(sequence(silence, [silence, "a"], silence))
    assert first_cycle(pure("a").struct(sequence(True, [True, silence], True))) == \
        first_cycle(sequence("a", ["a", silence], "a"))


def test_struct_can_structure_a_continuous_pattern():
    """Pattern › struct() › Can structure a continuous pattern"""
    assert first_cycle(steady("a").struct(True, [True, True])) == first_cycle(sequence("a", ["a", "a"]))


def test_mask_can_fragment_a_pattern():
    """Pattern › mask() › Can fragment a pattern"""
    assert first_cycle(sequence("a", "b").mask(sequence(True, True, True))) == [
        hap(ts(0, 0.5), ts(0, third), "a"),
        hap(ts(0, 0.5), ts(third, 0.5), "a"),
        hap(ts(0.5, 1), ts(0.5, twothirds), "b"),
        hap(ts(0.5, 1), ts(twothirds, 1), "b"),
    ]


def test_mask_can_mask_off_parts_of_a_pattern():
    """Pattern › mask() › Can mask off parts of a pattern"""
    assert first_cycle(sequence(["a", "b"], "c").mask(sequence(True, False))) == \
        first_cycle(sequence(["a", "b"], silence))
    assert first_cycle(sequence("a").mask(sequence(True, False))) == [hap(ts(0, 1), ts(0, 0.5), "a")]


def test_invert_can_invert_a_binary_pattern():
    """Pattern › invert() › Can invert a binary pattern"""
    assert first_cycle(sequence(True, False, [True, False]).invert()) == \
        first_cycle(sequence(False, True, [False, True]))


def test_signal_can_make_saw_saw2():
    """Pattern › signal() › Can make saw/saw2"""
    assert first_cycle(saw.struct(True, True, True, True)) == first_cycle(sequence(0, 1 / 4, 1 / 2, 3 / 4))
    assert first_cycle(saw2.struct(True, True, True, True)) == first_cycle(sequence(-1, -0.5, 0, 0.5))


def test_signal_can_make_isaw_isaw2():
    """Pattern › signal() › Can make isaw/isaw2"""
    assert first_cycle(isaw.struct(True, True, True, True)) == first_cycle(sequence(1, 0.75, 0.5, 0.25))
    assert first_cycle(isaw2.struct(True, True, True, True)) == first_cycle(sequence(1, 0.5, 0, -0.5))


# --------------------------------------------------------------- apply, layer, early, off, jux


def test_apply_can_apply_a_function():
    """Pattern › apply › Can apply a function"""
    assert first_cycle(sequence("a", "b").apply(fast(2))) == first_cycle(sequence("a", "b").fast(2))


def test_apply_can_apply_a_pattern_of_functions():
    """Pattern › apply › Can apply a pattern of functions"""
    assert first_cycle(sequence("a", "b").apply(fast(2))) == first_cycle(sequence("a", "b").fast(2))
    assert first_cycle(sequence("a", "b").apply(fast(2), fast(3))) == first_cycle(sequence("a", "b").fast(2, 3))


def test_layer_can_layer_up_multiple_functions():
    """Pattern › layer › Can layer up multiple functions"""
    assert first_cycle(sequence(1, 2, 3).layer(fast(2), lambda pat: pat.add(3, 4))) == \
        first_cycle(stack(sequence(1, 2, 3).fast(2), sequence(1, 2, 3).add(3, 4)))


def test_early_can_shift_a_hap_earlier():
    """Pattern › early › Can shift a hap earlier"""
    assert pure(30)._late(0.25).query(ts(1, 2)) == [
        hap(ts(F(1, 4), F(5, 4)), ts(1, F(5, 4)), 30),
        hap(ts(F(5, 4), F(9, 4)), ts(F(5, 4), 2), 30),
    ]


def test_early_can_shift_a_hap_earlier_into_negative_time():
    """Pattern › early › Can shift a hap earlier, into negative time"""
    assert pure(30)._late(0.25).query(ts(0, 1)) == [
        hap(ts(F(-3, 4), F(1, 4)), ts(0, F(1, 4)), 30),
        hap(ts(F(1, 4), F(5, 4)), ts(F(1, 4), 1), 30),
    ]


def test_off_can_offset_a_transformed_pattern_from_the_original():
    """Pattern › off › Can offset a transformed pattern from the original"""
    assert first_cycle(pure(30).off(0.25, add(2))) == first_cycle(stack(pure(30), pure(30).late(0.25).add(2)))


def test_jux_can_juxtapose():
    """Pattern › jux › Can juxtapose"""
    assert sort_haps_by_part(first_cycle(pure({"a": 1}).jux(fast(2)))) == \
        sort_haps_by_part(first_cycle(stack(pure({"a": 1, "pan": 0}), pure({"a": 1, "pan": 1}).fast(2))))


def test_jux_by_can_juxtapose_by_half():
    """Pattern › juxBy › Can juxtapose by half"""
    assert sort_haps_by_part(first_cycle(pure({"a": 1}).jux_by(0.5, fast(2)))) == \
        sort_haps_by_part(first_cycle(stack(pure({"a": 1, "pan": 0.25}), pure({"a": 1, "pan": 0.75}).fast(2))))


# ------------------------------------------------------------------------- squeeze, ply


def test_squeeze_join_can_squeeze():
    """Pattern › _squeezeJoin › Can squeeze"""
    assert first_cycle(sequence("a", ["a", "a"]).fmap(lambda a: fastcat("b", "c")).squeeze_join()) == \
        first_cycle(sequence(["b", "c"], [["b", "c"], ["b", "c"]]))


def test_squeeze_join_squeezes_to_the_correct_cycle():
    """Pattern › _squeezeJoin › Squeezes to the correct cycle"""
    assert values(pure(time.struct(True)).squeeze_join().query_arc(3, 4)) == [F(3)]


def test_ply_can_ply_3():
    """Pattern › ply › Can ply(3)"""
    assert first_cycle(sequence("a", ["b", "c"]).ply(3)) == \
        first_cycle(sequence(pure("a").fast(3), [pure("b").fast(3), pure("c").fast(3)]))


def test_ply_doesnt_drop_haps_in_the_9th_cycle():
    """Pattern › ply › Doesnt drop haps in the 9th cycle"""
    assert len(first_cycle(sequence(1, 2, 3).ply(2).early(8))) == 6


# -------------------------------------------------------------------------- striate, chop


def test_striate_can_striate_2():
    """Pattern › striate › Can striate(2)"""
    same_first(sequence({"sound": "a"}).striate(2),
               sequence({"sound": "a", "begin": 0, "end": 0.5}, {"sound": "a", "begin": 0.5, "end": 1}))


def test_chop_can_chop_2():
    """Pattern › chop › Can _chop(2)"""
    assert first_cycle(sequence({"sound": "a"}, {"sound": "b"})._chop(2)) == first_cycle(sequence(
        {"sound": "a", "begin": 0, "end": 0.5}, {"sound": "a", "begin": 0.5, "end": 1},
        {"sound": "b", "begin": 0, "end": 0.5}, {"sound": "b", "begin": 0.5, "end": 1},
    ))


def test_chop_can_chop_2_3():
    """Pattern › chop › Can chop(2,3)"""
    assert sort_haps_by_part(first_cycle(pure({"sound": "a"}).fast(2).chop(2, 3))) == \
        sort_haps_by_part(first_cycle(sequence(
            [{"sound": "a", "begin": 0, "end": 0.5}, {"sound": "a", "begin": 0.5, "end": 1}],
            [{"sound": "a", "begin": 0, "end": 1 / 3}, {"sound": "a", "begin": 1 / 3, "end": 2 / 3},
             {"sound": "a", "begin": 2 / 3, "end": 1}],
        )))


def test_chop_can_chop_chops():
    """Pattern › chop › Can chop chops"""
    assert first_cycle(pure({"s": "bev"}).chop(2).chop(2)) == first_cycle(pure({"s": "bev"}).chop(4))


# ------------------------------------------------------------------------- values, numbers


def test_range_can_be_patterned():
    """Pattern › range › Can be patterned"""
    assert first_cycle(sequence(0, 0).range(sequence(0, 0.5), 1)) == first_cycle(sequence(0, 0.5))


def test_range2_can_change_the_range_of_a_bipolar_pattern():
    """Pattern › range2 › Can change the range of a bipolar pattern"""
    assert first_cycle(sequence(-1, -0.5, 0, 0.5).range2(1000, 1100)) == first_cycle(sequence(1000, 1025, 1050, 1075))


def test_run_can_run():
    """Pattern › run › Can run"""
    assert first_cycle(run(4)) == first_cycle(sequence(0, 1, 2, 3))


def test_binary_n_can_make_a_binary_pattern_from_a_decimal():
    """Pattern › binaryN › Can make a binary pattern from a decimal"""
    assert first_cycle(strudel.binary_n(55532)) == \
        first_cycle(sequence(1, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0))


def test_binary_n_can_make_a_binary_pattern_from_patterned_inputs():
    """Pattern › binaryN › Can make a binary pattern from patterned inputs"""
    assert first_cycle(strudel.binary_n(pure(0x1337), pure(14))) == \
        first_cycle(sequence(0, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1))


def test_ribbon_can_ribbon():
    """Pattern › ribbon › Can ribbon"""
    assert first_cycle(cat(0, 1, 2, 3, 4, 5, 6, 7).ribbon(2, 4).fast(4)) == first_cycle(sequence(2, 3, 4, 5))


def test_linger_can_linger_on_the_first_quarter_of_a_cycle():
    """Pattern › linger › Can linger on the first quarter of a cycle"""
    assert first_cycle(sequence(0, 1, 2, 3, 4, 5, 6, 7).linger(0.25)) == first_cycle(sequence(0, 1, 0, 1, 0, 1, 0, 1))


def test_alignments_can_squeeze_arguments():
    """Pattern › alignments › Can squeeze arguments"""
    assert first_cycle(sequence(1, 2).add.squeeze(4, 5)) == first_cycle(sequence(5, 6, 6, 7))


# -------------------------------------------------------------------------- defragmentHaps


def test_defragment_haps_can_merge_two_touching_haps_with_same_whole_and_value():
    """Pattern › defragmentHaps › Can merge two touching haps with same whole and value"""
    assert len(first_cycle(stack(pure("a").mask(1, 0), pure("a").mask(0, 1)).defragment_haps())) == 1


def test_defragment_haps_doesnt_merge_two_overlapping_haps():
    """Pattern › defragmentHaps › Doesnt merge two overlapping haps"""
    assert len(first_cycle(stack(pure("a").mask(1, 1, 0), pure("a").mask(0, 1)).defragment_haps())) == 2


def test_defragment_haps_doesnt_merge_two_touching_haps_with_different_values():
    """Pattern › defragmentHaps › Doesnt merge two touching haps with different values"""
    assert len(first_cycle(stack(pure("a").mask(1, 0), pure("b").mask(0, 1)).defragment_haps())) == 2


def test_defragment_haps_doesnt_merge_two_touching_haps_with_different_wholes():
    """Pattern › defragmentHaps › Doesnt merge two touching haps with different wholes"""
    assert len(first_cycle(stack(sequence("a", silence), pure("a").mask(0, 1)).defragment_haps())) == 2


# ------------------------------------------------------------------ press, hurry, chunks


def test_press_can_syncopate_events():
    """Pattern › press › Can syncopate events"""
    same_first(sequence("a", "b", "c", "d").press(),
               sequence(silence, "a", silence, "b", silence, "c", silence, "d"))


def test_hurry_can_speed_up_patterns_and_sounds():
    """Pattern › hurry › Can speed up patterns and sounds"""
    same_first(strudel.s("a", "b").hurry(2), strudel.s("a", "b").fast(2).speed(2))


def test_chunk_processes_each_cycle_of_the_source_pattern_multiple_times_once_for_each_chunk():
    """Pattern › chunk › Processes each cycle of the source pattern multiple times, once for each chunk"""
    assert first_cycle_values(sequence(0, 1, 2, 3).slow(2).chunk(2, add(10)).fast(4)) == [10, 1, 0, 11, 12, 3, 2, 13]


def test_fast_chunk_unlike_chunk_cycles_of_the_source_pattern_proceed_cycle_by_cycle():
    """Pattern › fastChunk › Unlike chunk, cycles of the source pattern proceed cycle-by-cycle"""
    assert first_cycle_values(sequence(0, 1, 2, 3).slow(2).fast_chunk(2, add(10)).fast(4)) == \
        [10, 1, 2, 13, 10, 1, 2, 13]


def test_repeat_cycles_repeats_each_cycle_of_the_source_pattern_the_given_number_of_times():
    """Pattern › repeatCycles › Repeats each cycle of the source pattern the given number of times"""
    assert first_cycle_values(slowcat(0, 1).repeat_cycles(2).fast(6)) == [0, 0, 1, 1, 0, 0]


# ------------------------------------------------------------------------ inhabit, pick


def test_inhabit_can_pattern_named_patterns():
    """Pattern › inhabit › Can pattern named patterns"""
    same_first(sequence("a", "b", stack("a", "b")).inhabit({"a": sequence(1, 2), "b": sequence(10, 20, 30)}),
               sequence([1, 2], [10, 20, 30], stack([1, 2], [10, 20, 30])))


def test_inhabit_can_pattern_indexed_patterns():
    """Pattern › inhabit › Can pattern indexed patterns"""
    same_first(sequence("0", "1", stack("0", "1")).inhabit([sequence(1, 2), sequence(10, 20, 30)]),
               sequence([1, 2], [10, 20, 30], stack([1, 2], [10, 20, 30])))


def test_pick_can_pattern_named_patterns():
    """Pattern › pick › Can pattern named patterns"""
    same_first(sequence("a", "b", "a", stack("a", "b")).pick({"a": sequence(1, 2, 3, 4), "b": sequence(10, 20, 30, 40)}),
               sequence(1, 20, 3, stack(4, 40)))


def test_pick_can_pattern_indexed_patterns():
    """Pattern › pick › Can pattern indexed patterns"""
    same_first(sequence(0, 1, 0, stack(0, 1)).pick([sequence(1, 2, 3, 4), sequence(10, 20, 30, 40)]),
               sequence(1, 20, 3, stack(4, 40)))


def test_pick_clamps_indexes():
    """Pattern › pick › Clamps indexes"""
    same_first(sequence(0, 1, 2, 3).pick([sequence(1, 2, 3, 4), sequence(10, 20, 30, 40)]), sequence(1, 20, 30, 40))


def test_pick_is_backwards_compatible():
    """Pattern › pick › Is backwards compatible"""
    same_first(strudel.pick([sequence("a", "b"), sequence("c", "d")], sequence(0, 1)),
               strudel.pick(sequence(0, 1), [sequence("a", "b"), sequence("c", "d")]))


def test_pickmod_wraps_indexes():
    """Pattern › pickmod › Wraps indexes"""
    same_first(sequence(0, 1, 2, 3).pickmod([sequence(1, 2, 3, 4), sequence(10, 20, 30, 40)]), sequence(1, 20, 3, 40))
