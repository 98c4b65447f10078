"""Following a Link session's timeline, without the network: a fake Link object."""

import pytest

from composer.live.link import LinkFollower, bars_jumped
from composer.live.tempo import TempoMap


def test_bars_jumped_keeps_the_difference_within_half_a_bar():
    assert bars_jumped(10.2, 10.0) == 0
    assert bars_jumped(30.1, 10.0) == 20  # the session's count jumped five bars ahead
    assert bars_jumped(-5.9, 10.0) == -16
    for link_beat in [x / 10 for x in range(-200, 200, 7)]:
        assert abs(link_beat - bars_jumped(link_beat, 3.3) - 3.3) <= 2


class FakeLink:
    def __init__(self, beat, tempo=100.0):
        self.beat, self.tempo, self.num_peers = beat, tempo, 1


def follower(link, now, tempo_map, offset):
    follower = LinkFollower.__new__(LinkFollower)  # no aalink: the mapping alone
    follower.link, follower.tempo_map, follower.clock, follower.offset = link, tempo_map, lambda: now[0], offset
    follower.playing = False
    return follower


def test_a_jump_of_links_beat_count_moves_the_piece_by_phase_only():
    now = [10.0]
    tempo_map = TempoMap(100, origin=4.0)  # beat 0 at 4 s, 0.6 s a beat: at 10 s, beat 10
    link = FakeLink(beat=18.0)  # offset 8: Link's beat 18 is our beat 10
    follow = follower(link, now, tempo_map, offset=8.0)
    follow.update()
    assert tempo_map.beat(10.0) == pytest.approx(10.0)
    link.beat = 53.5  # the session merged with another: the count jumped, the phase moved by half a beat
    follow.update()
    assert follow.offset == 44.0  # nine bars
    assert tempo_map.beat(10.0) == pytest.approx(9.5)  # half a beat of phase, not 35 beats


def test_before_the_first_beat_the_piece_waits_for_links_bar():
    now = [10.0]
    tempo_map = TempoMap(100)  # not placed yet: at 10 s it says beat 16.7, which means nothing
    link = FakeLink(beat=6.5)  # our beat 0 is Link's beat 8: 1.5 beats (0.9 s) from now
    follow = follower(link, now, tempo_map, offset=8.0)
    follow.update()
    assert tempo_map.beat(10.9) == pytest.approx(0.0) and not follow.playing
    now[0], link.beat = 11.2, 10.0
    follow.update()
    assert follow.playing and follow.offset == 8.0 and tempo_map.beat(11.2) == pytest.approx(2.0)
