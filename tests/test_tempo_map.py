"""The tempo map: beats <-> seconds through tempo changes and external anchors."""

from __future__ import annotations

from fractions import Fraction

import pytest

from composer.live.clock import ClockFollower, ClockOut
from composer.live.tempo import TempoMap


def test_constant_tempo_both_ways():
    tempo = TempoMap(120, origin=10.0)
    assert tempo.seconds(0) == 10.0
    assert tempo.seconds(Fraction(3, 2)) == pytest.approx(10.75)
    assert tempo.beat(11.0) == pytest.approx(2.0)
    assert tempo.beat(9.5) == pytest.approx(-1.0)


def test_tempo_change_keeps_time_continuous():
    tempo = TempoMap(60)
    tempo.set_tempo(4, 120)
    assert tempo.seconds(4) == pytest.approx(4.0)
    assert tempo.seconds(6) == pytest.approx(5.0)
    assert tempo.beat(5.0) == pytest.approx(6.0)
    assert tempo.bpm(3) == 60 and tempo.bpm(4) == 120


def test_far_positions_do_not_accumulate_error():
    tempo = TempoMap(Fraction(140))
    assert tempo.seconds(Fraction(140 * 10)) == 600.0  # ten minutes of beats
    sixteenths = [tempo.seconds(Fraction(k, 4)) for k in range(0, 140 * 10 * 4 + 1, 997)]
    assert all(abs(s - k * 60 / (4 * 140)) < 1e-9 for s, k in zip(sixteenths, range(0, 10**6, 997)))


def test_shift_moves_the_whole_map():
    tempo = TempoMap(60)
    tempo.set_tempo(2, 120)
    tempo.shift(100.0)
    assert tempo.origin == 100.0
    assert tempo.seconds(3) == pytest.approx(102.5)


def test_anchor_replaces_later_segments():
    tempo = TempoMap(60)
    tempo.set_tempo(8, 30)
    tempo.anchor(4, 5.0, 120)  # an external clock says beat 4 fell at 5 s, now at 120 bpm
    assert tempo.seconds(4) == 5.0
    assert tempo.seconds(8) == pytest.approx(7.0)
    assert tempo.seconds(2) == pytest.approx(2.0)  # before the anchor, unchanged


def test_bad_tempo_is_refused():
    with pytest.raises(ValueError):
        TempoMap(0)


def test_clock_out_ticks_24_per_beat_and_starts_once():
    clock = ClockOut()
    first = clock.between(Fraction(0), Fraction(1, 2))
    assert first[0] == (0, (0xF2, 0, 0)) and first[1] == (0, (0xFA,))
    ticks = [beat for beat, data in first if data == (0xF8,)]
    ticks += [beat for beat, data in clock.between(Fraction(1, 2), Fraction(3)) if data == (0xF8,)]
    assert ticks == [Fraction(k, 24) for k in range(72)]


def test_clock_follower_fits_tempo_through_jitter():
    tempo = TempoMap(100)
    follower = ClockFollower(tempo)
    follower.on_message([0xFA], 0.0)
    per_tick = 60 / (150 * 24)
    jitter = [0.0, 0.004, -0.003, 0.002, 0.0, -0.004, 0.003]
    for k in range(96):
        follower.on_message([0xF8], 1.0 + k * per_tick + jitter[k % len(jitter)] * 0.5)
    assert follower.started.is_set()
    assert follower.bpm == pytest.approx(150, rel=0.01)
    assert tempo.seconds(Fraction(95, 24)) == pytest.approx(1.0 + 95 * per_tick, abs=0.002)
    follower.on_message([0xFC], 5.0)
    assert follower.stopped.is_set()
