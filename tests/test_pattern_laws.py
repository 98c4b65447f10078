"""Algebraic laws every pattern should obey, checked on generated patterns."""

from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from composer.pattern import Pattern, mini, sequence, stack

FAST = settings(max_examples=40, deadline=None)

words = st.sampled_from(["a", "b", "c", "~", "1", "2"])


@st.composite
def notations(draw, depth=2):
    """Small mini-notation strings mixing the main operators."""
    count = draw(st.integers(1, 4))
    steps = []
    for _ in range(count):
        if depth > 0 and draw(st.booleans()):
            inner = draw(notations(depth=depth - 1))
            step = draw(st.sampled_from(["[{}]", "<{}>", "{{{}}}"])).format(inner)
        else:
            step = draw(words)
        step += draw(st.sampled_from(["", "", "*2", "/2", "@2", "!2", "?", "(3,8)", "*<2 3>"]))
        steps.append(step)
    return " ".join(steps)


patterns = notations().map(mini)
times = st.fractions(min_value=-4, max_value=8, max_denominator=12)
factors = st.fractions(min_value=F(1, 4), max_value=4, max_denominator=6).filter(lambda f: f > 0)


@st.composite
def spans(draw):
    begin = draw(times)
    length = draw(st.fractions(min_value=0, max_value=3, max_denominator=12))
    return begin, begin + length


def onsets(pattern: Pattern, begin, end):
    return sorted(((h.whole.begin, h.whole.end, repr(h.value)) for h in pattern.onsets_in(begin, end)))


@FAST
@given(patterns, spans())
def test_parts_lie_inside_the_query(pattern, span):
    begin, end = span
    for hap in pattern.query_arc(begin, end):
        assert begin <= hap.part.begin <= hap.part.end <= end
        if hap.whole is not None:
            assert hap.whole.begin <= hap.part.begin and hap.part.end <= hap.whole.end


@FAST
@given(patterns, factors)
def test_fast_then_slow_is_identity(pattern, factor):
    assert onsets(pattern.fast(factor).slow(factor), 0, 3) == onsets(pattern, 0, 3)


@FAST
@given(patterns)
def test_rev_rev_is_identity(pattern):
    assert onsets(pattern.rev().rev(), 0, 3) == onsets(pattern, 0, 3)


@FAST
@given(patterns, spans(), st.fractions(min_value=0, max_value=1))
def test_queries_split_anywhere_concatenate(pattern, span, where):
    begin, end = span
    middle = begin + (end - begin) * where
    whole = onsets(pattern, begin, end)
    assert whole == sorted(onsets(pattern, begin, middle) + onsets(pattern, middle, end))


@FAST
@given(patterns, patterns, spans())
def test_stack_is_union(first, second, span):
    begin, end = span
    assert onsets(stack(first, second), begin, end) == sorted(onsets(first, begin, end) + onsets(second, begin, end))


@FAST
@given(patterns, spans())
def test_sequence_of_one_is_identity(pattern, span):
    assert onsets(sequence(pattern), *span) == onsets(pattern, *span)


@FAST
@given(patterns, st.integers(0, 20))
def test_queries_are_pure(pattern, seed):
    assert onsets(pattern, 0, 2) == onsets(pattern, 0, 2)


@FAST
@given(notations(), st.integers(0, 5))
def test_same_text_and_seed_give_same_events(text, seed):
    assert onsets(mini(text, seed), 0, 2) == onsets(mini(text, seed), 0, 2)


@FAST
@given(patterns, times)
def test_early_then_late_is_identity(pattern, offset):
    assert onsets(pattern.early(offset).late(offset), 0, 2) == onsets(pattern, 0, 2)
