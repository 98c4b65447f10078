"""Ticks as Sonic Pi counts them, ported from its test/lang/core/test_tick.rb."""

import pytest

from composer import context
from composer.context import look, tick, tick_reset, tick_reset_all, tick_set
from composer.errors import ComposerError
from composer.ring import ramp, ring
from composer.values import Symbol


@pytest.fixture(autouse=True)
def fresh_thread():
    saved = context.current
    context.current = context.LoopState("test")
    yield
    context.current = saved


def test_tick_basic_reset():
    tick_reset()
    assert look() == 0


def test_tick_set_and_return_values():
    tick_set(40)
    assert look() == 40
    assert tick_set(40) == 40
    assert tick_reset() is None
    assert tick_reset_all() is None


def test_tick_reset_all():
    assert [look(), look("foo"), look("bar")] == [0, 0, 0]
    assert [tick(), tick("foo"), tick("bar")] == [0, 0, 0]
    assert [tick(), tick("foo"), tick("bar")] == [1, 1, 1]
    tick_reset_all()
    assert [look(), look("foo"), look("bar")] == [0, 0, 0]


def test_basic_tick_and_look():
    assert [tick(), look(), tick(), look(), tick(), look()] == [0, 0, 1, 1, 2, 2]
    tick_reset()
    assert [look(), tick(), look()] == [0, 0, 0]


def test_keyed_ticks():
    assert [tick("foo"), tick("foo"), tick("foo"), tick("bar"), tick("baz")] == [0, 1, 2, 0, 0]
    assert [tick("foo"), tick("bar"), tick("baz")] == [3, 1, 1]
    tick_reset()  # does not affect keyed ticks
    assert [tick("foo"), tick("bar"), tick("baz")] == [4, 2, 2]
    tick_reset_all()
    assert [tick("foo"), tick("bar"), tick("baz")] == [0, 0, 0]


def test_string_and_symbol_keys_are_one_counter():
    assert tick("foo") == 0
    assert tick(Symbol("foo")) == 1
    assert tick(":foo") == 2
    assert look("foo") == 2


def test_incremented_ticks():
    tick("foo", step=5)
    for _ in range(5):
        tick()
    assert look("foo") == 4 and look() == 4
    assert tick("foo") == 5 and look("foo") == 5
    assert tick() == 5 and look() == 5
    tick("foo", step=5)
    for _ in range(5):
        tick()
    assert look("foo") == 10 and look() == 10


def test_decremented_ticks():
    for _ in range(5):
        tick()
    assert look() == 4
    tick(step=-1)
    assert look() == 3
    assert tick() == 4
    tick(step=-10)
    assert look() == -6


def test_step_and_offset_as_sonic_pis_docs():
    assert [tick(), tick(), tick()] == [0, 1, 2]
    assert [tick(step=2), tick(step=2), tick(step=10), tick()] == [4, 6, 16, 17]
    assert tick(offset=3) == 21 and look() == 18 and look(offset=1) == 19


def test_tick_set_named_then_tick_returns_it_again():
    tick_set("foo", 40)
    assert look("foo") == 40 and look() == 0
    assert tick("foo") == 40 and tick("foo") == 41


def test_ring_tick_and_look_with_offset():
    notes = ring(60, 62, 64)
    assert [notes.tick(), notes.tick(), notes.look(), notes.look(offset=1)] == [60, 62, 62, 64]
    assert notes.tick("other", step=2) == 62


def test_ramp_tick_stays_on_the_last_element():
    r = ramp(1, 2, 3)
    assert [r.tick(), r.tick(), r.tick(), r.tick()] == [1, 2, 3, 3]


def test_bad_tick_arguments_are_one_line_errors():
    with pytest.raises(ComposerError, match="name must be a string"):
        tick(3.5)
    with pytest.raises(ComposerError, match="step must be a number"):
        tick(step="2")
    with pytest.raises(ComposerError, match="value must be a number"):
        tick_set("foo", "x")


def test_a_child_thread_starts_without_counters_and_inherits_settings():
    parent = context.current
    tick()
    tick()
    parent.settings["transpose"] = 12
    child = parent.child("in_thread")
    assert child.look() == 0 and child.tick() == 0
    assert child.settings == {"transpose": 12} and child.settings is not parent.settings
    assert parent.look() == 1
