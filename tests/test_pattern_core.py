"""The pattern core: spans, haps and combinators, with Strudel's semantics."""

from fractions import Fraction as F

import pytest

from composer.pattern import (
    Hap,
    Pattern,
    TimeSpan,
    cat,
    fastcat,
    polymeter,
    pure,
    rand,
    sequence,
    silence,
    slowcat,
    stack,
    timecat,
)


def events(pattern: Pattern, begin=0, end=1):
    """(begin, end, value) of each onset, as strings like '1/4' for readability."""
    return [(str(h.whole.begin), str(h.whole.end), h.value) for h in pattern.onsets_in(begin, end)]


# ------------------------------------------------------------------ TimeSpan


def test_span_cycles_split_at_boundaries():
    assert TimeSpan(F(1, 2), F(5, 2)).span_cycles() == [
        TimeSpan(F(1, 2), F(1)),
        TimeSpan(F(1), F(2)),
        TimeSpan(F(2), F(5, 2)),
    ]
    assert TimeSpan(F(0), F(1)).span_cycles() == [TimeSpan(F(0), F(1))]
    assert TimeSpan(F(3, 2), F(3, 2)).span_cycles() == [TimeSpan(F(3, 2), F(3, 2))]


def test_intersection():
    a = TimeSpan(F(0), F(1))
    assert a.intersection(TimeSpan(F(1, 2), F(2))) == TimeSpan(F(1, 2), F(1))
    assert a.intersection(TimeSpan(F(1), F(2))) is None  # touching ends do not meet
    assert a.intersection(TimeSpan(F(1, 2), F(1, 2))) == TimeSpan(F(1, 2), F(1, 2))
    with pytest.raises(ValueError):
        a.intersection_e(TimeSpan(F(2), F(3)))


def test_span_helpers():
    span = TimeSpan(F(5, 4), F(7, 4))
    assert span.with_time(lambda t: t * 2) == TimeSpan(F(5, 2), F(7, 2))
    assert span.cycle_arc() == TimeSpan(F(1, 4), F(3, 4))
    assert span.midpoint == F(3, 2)
    assert span.duration == F(1, 2)


def test_hap_onset():
    whole = TimeSpan(F(0), F(1))
    assert Hap(whole, whole, "a").has_onset()
    assert not Hap(whole, TimeSpan(F(1, 2), F(1)), "a").has_onset()
    assert not Hap(None, whole, 0.5).has_onset()


# ------------------------------------------------------------- constructors


def test_pure_fills_each_cycle_and_splits_queries():
    haps = pure("a").query_arc(F(1, 2), F(3, 2))
    assert [(h.whole, h.part) for h in haps] == [
        (TimeSpan(F(0), F(1)), TimeSpan(F(1, 2), F(1))),
        (TimeSpan(F(1), F(2)), TimeSpan(F(1), F(3, 2))),
    ]
    assert events(pure("a"), 0, 3) == [("0", "1", "a"), ("1", "2", "a"), ("2", "3", "a")]


def test_silence():
    assert silence.query_arc(0, 10) == []


def test_sequence():
    assert events(sequence("a", "b", "c")) == [("0", "1/3", "a"), ("1/3", "2/3", "b"), ("2/3", "1", "c")]
    assert events(fastcat("a", ["b", "c"])) == [("0", "1/2", "a"), ("1/2", "3/4", "b"), ("3/4", "1", "c")]


def test_slowcat_alternates_without_skipping_cycles():
    assert events(cat("a", "b", "c"), 0, 4) == [("0", "1", "a"), ("1", "2", "b"), ("2", "3", "c"), ("3", "4", "a")]
    # The inner <b c> advances only when it is played: a b a c.
    nested = slowcat("a", slowcat("b", "c"))
    assert [v for _, _, v in events(nested, 0, 4)] == ["a", "b", "a", "c"]


def test_timecat_weights():
    assert events(timecat((3, "a"), (1, "b"))) == [("0", "3/4", "a"), ("3/4", "1", "b")]


def test_stack_and_polymeter():
    assert events(stack("a", sequence("b", "c"))) == [("0", "1", "a"), ("0", "1/2", "b"), ("1/2", "1", "c")]
    pm = polymeter(["a", "b", "c"], ["d", "e"])
    assert [v for _, _, v in events(pm, 0, 2)] == ["a", "d", "b", "e", "c", "d", "a", "e", "b", "d", "c", "e"]
    assert [v for _, _, v in events(polymeter(["a", "b", "c"], steps=4))] == ["a", "b", "c", "a"]


# ---------------------------------------------------------------- transforms


def test_fast_and_slow():
    ab = sequence("a", "b")
    assert events(ab.fast(2)) == [("0", "1/4", "a"), ("1/4", "1/2", "b"), ("1/2", "3/4", "a"), ("3/4", "1", "b")]
    assert events(ab.slow(2), 0, 2) == [("0", "1", "a"), ("1", "2", "b")]
    assert events(ab.fast(0)) == []


def test_patterned_fast_uses_inner_join():
    # fast "<1 2>": cycle 0 plain, cycle 1 doubled.
    pat = sequence("a", "b").fast(slowcat(1, 2))
    assert [v for _, _, v in events(pat, 0, 2)] == ["a", "b", "a", "b", "a", "b"]
    # fast "1 2": the second half of the cycle plays at double speed, cut to that half.
    half = sequence("a", "b").fast(sequence(1, 2))
    assert events(half) == [("0", "1/2", "a"), ("1/2", "3/4", "a"), ("3/4", "1", "b")]


def test_early_and_late():
    ab = sequence("a", "b")
    assert events(ab.early(F(1, 4))) == [("1/4", "3/4", "b"), ("3/4", "5/4", "a")]
    assert events(ab.late(F(1, 4))) == [("1/4", "3/4", "a"), ("3/4", "5/4", "b")]
    assert events(ab.late(slowcat(0, F(1, 2))), 1, 2) == [("1", "3/2", "b"), ("3/2", "2", "a")]


def test_rev():
    assert [v for _, _, v in events(sequence("a", "b", "c").rev())] == ["c", "b", "a"]
    assert events(timecat((3, "a"), (1, "b")).rev()) == [("0", "1/4", "b"), ("1/4", "1", "a")]


def test_euclid_and_patterned_euclid():
    assert [b for b, _, _ in events(pure("x").euclid(3, 8))] == ["0", "3/8", "3/4"]
    assert [b for b, _, _ in events(pure("x").euclid(3, 8, 2))] == ["0", "1/4", "5/8"]
    pat = pure("x").euclid(slowcat(3, 5), 8)
    assert [b for b, _, _ in events(pat, 1, 2)] == ["1", "5/4", "11/8", "13/8", "7/4"]


def test_struct_keeps_values_in_mask_rhythm():
    pat = sequence("a", "b").struct([True, False, True, True])
    assert events(pat) == [("0", "1/4", "a"), ("1/2", "3/4", "b"), ("3/4", "1", "b")]


def test_every_applies_on_cycle_zero_and_every_nth():
    pat = sequence("a", "b").every(3, lambda p: p.fast(2))
    counts = [len(pat.onsets_in(c, c + 1)) for c in range(6)]
    assert counts == [4, 2, 2, 4, 2, 2]


def test_ply_and_segment():
    assert [v for _, _, v in events(sequence("a", "b").ply(2))] == ["a", "a", "b", "b"]
    assert events(sequence("a", "b").ply(3))[:2] == [("0", "1/6", "a"), ("1/6", "1/3", "a")]
    assert len(rand.segment(4).onsets_in(0, 1)) == 4


def test_range_and_fmap():
    assert [v for _, _, v in events(sequence(0, 0.5, 1).range(10, 20))] == [10, 15.0, 20]
    assert [v for _, _, v in events(sequence(1, 2).fmap(lambda x: x * 10))] == [10, 20]
    assert sequence(1, 2).with_value(str).first_cycle()[0].value == "1"


def test_degrade_by_is_deterministic_and_seeded():
    pat = pure("x").fast(64)
    kept = [h.whole.begin for h in pat.degrade_by(0.5).onsets_in(0, 1)]
    assert kept == [h.whole.begin for h in pat.degrade_by(0.5).onsets_in(0, 1)]
    assert 16 < len(kept) < 48
    other = [h.whole.begin for h in pat.degrade_by(0.5, seed=1).onsets_in(0, 1)]
    assert other != kept
    assert pat.degrade_by(0).onsets_in(0, 1) == pat.onsets_in(0, 1)[1:]  # rand is 0 at time 0, as in Strudel
    assert pat.degrade_by(1).onsets_in(0, 1) == []


def test_joins():
    outer = sequence(pure("a"), sequence("b", "c"))
    nested = sequence("x", "y").fmap(lambda v: sequence(v + "1", v + "2", v + "3"))
    # Inner join: the inner rhythm, cut to each outer event (y2 starts before y's half).
    assert [v for _, _, v in events(nested.inner_join())] == ["x1", "x2", "y3"]
    assert [v for _, _, v in events(nested.squeeze_join())] == ["x1", "x2", "x3", "y1", "y2", "y3"]
    assert [(b, e, v) for b, e, v in events(nested.outer_join())] == [("0", "1/2", "x1"), ("1/2", "1", "y2")]
    assert events(outer) == [("0", "1/2", "a"), ("1/2", "3/4", "b"), ("3/4", "1", "c")]


def test_app_left_and_right_take_structure_from_one_side():
    funcs = sequence(1, 2).fmap(lambda a: lambda b: a + b)
    values = sequence(10, 20, 30)
    left = [(str(h.whole.begin), str(h.part.begin), h.value) for h in funcs.app_left(values).first_cycle()]
    assert left == [("0", "0", 11), ("0", "1/3", 21), ("1/2", "1/2", 22), ("1/2", "2/3", 32)]
    right = funcs.app_right(values)
    assert [(b, e, v) for b, e, v in events(right)] == [("0", "1/3", 11), ("1/3", "2/3", 21), ("2/3", "1", 32)]


def test_onsets_in_sorts_and_drops_fragments():
    pat = stack(sequence("b", "c"), pure("a"))
    assert [v for _, _, v in events(pat)] == ["b", "a", "c"]
    assert pure("a").slow(2).onsets_in(1, 2) == []
    assert [h.value for h in rand.query_arc(0, 1)] and rand.onsets_in(0, 1) == []


def test_first_cycle_and_query_arc_accept_numbers():
    assert len(sequence("a", "b").first_cycle()) == 2
    assert len(sequence("a", "b").query_arc(0.5, 1.5)) == 2
