"""The look-ahead scheduler on a fake clock: same messages as a render, exact deadlines, and
hot reload at the runtime level (swap a body, add, remove, a broken edit)."""

from __future__ import annotations

import random
from fractions import Fraction

import mido
import pytest

from composer.live.scheduler import Scheduler
from composer.render import render_file
from composer.runtime import loading
from composer.runtime.piece import PieceError
from pieces import rendered_messages


class FakeClock:
    """time.monotonic and time.sleep in one; `oversleep` makes every sleep wake late."""

    def __init__(self, start: float = 1000.0, oversleep: float = 0.0, seed: int = 1):
        self.now = start
        self.oversleep = oversleep
        self.rng = random.Random(seed)

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0) + (self.rng.uniform(0, self.oversleep) if self.oversleep else 0.0)


def write(tmp_path, text: str, name: str = "piece.py"):
    path = tmp_path / name
    path.write_text(text)
    return path


def scheduled(runtime, clock: FakeClock, seconds: float | None = None, actions=(), bars=None):
    """Run a scheduler on the fake clock; returns (scheduler, [(send time, data)])."""
    sent = []
    scheduler = Scheduler(runtime, lambda data: sent.append((clock.now, data)), clock=clock.clock, sleep=clock.sleep,
                          bars=bars)
    pending = sorted(actions, key=lambda a: a[0])

    def act():
        while pending and clock.now >= scheduler.tempo_map.origin + pending[0][0]:
            pending.pop(0)[1](scheduler)
        if seconds is not None and clock.now >= scheduler.tempo_map.origin + seconds:
            scheduler.stop()

    scheduler.every(0.01, act)
    scheduler.start()
    scheduler.run()
    return scheduler, sent


PIECE = """
use_bpm(240)

@live_loop
def drums():
    sample("bd" if tick() % 2 == 0 else "sn")
    sleep(0.5)

@live_loop
def chords():
    play([60, 64, 67], duration=1.5, velocity=rrand_i(60, 100))
    sleep(1)
    if beat() >= 6:
        use_bpm(180)

@live_loop
def lead():
    play(choose([72, 74, 76]), duration=0.25, channel=3)
    sleep(choose([0.25, 0.75, Fraction(1, 3)]))
"""


def test_play_sends_exactly_what_render_writes(tmp_path):
    path = write(tmp_path, PIECE.replace("Fraction(1, 3)", "0.5"))
    runtime = loading.load(path, seed=7)
    runtime.until = 4 * runtime.bar_beats()
    scheduler, sent = scheduled(runtime, FakeClock())
    assert scheduler.finished
    assert [data for _, data in sent] == rendered_messages(path, 4, seed=7)


METER_CHANGES = """
use_bpm(600)
use_time_signature({first}, 4)

@live_loop
def conductor():
    sleep({first})
    use_time_signature({then}, 4)
    stop()

@live_loop
def a():
    play(60 + tick() % 12, duration=0.75)
    sleep(0.5)
"""


@pytest.mark.parametrize("first, then, bars, beats", [(2, 3, 4, 2 + 3 * 3), (4, 2, 3, 4 + 2 * 2)])
def test_bars_end_after_real_bars_when_the_meter_changes(tmp_path, first, then, bars, beats):
    path = write(tmp_path, METER_CHANGES.format(first=first, then=then))
    out = tmp_path / "x.mid"
    render_file(path, out, bars=bars)
    rendered = [tuple(m.bytes()) for m in mido.merge_tracks(mido.MidiFile(out).tracks) if m.type in ("note_on", "note_off")]
    scheduler, sent = scheduled(loading.load(path), FakeClock(), bars=bars)
    assert scheduler.finished
    heard = onsets(sent, scheduler.tempo_map.origin, bpm=600)
    assert [beat for beat, _ in heard] == [k / 2 for k in range(2 * beats)]
    assert [data for _, data in sent] == rendered  # the same notes as `composer render --bars`


def test_bars_let_an_iteration_sleep_past_the_end_as_a_render_does(tmp_path):
    path = write(tmp_path, "use_bpm(600)\n\n@live_loop\ndef a():\n    play(60)\n    sleep(5000)\n\n"
                           "@live_loop\ndef b():\n    play(72)\n    sleep(1)\n")
    scheduler, sent = scheduled(loading.load(path), FakeClock(), bars=1)
    assert scheduler.finished
    assert [data for _, data in sent] == rendered_messages(path, 1)
    assert sum(1 for _, data in sent if data[0] == 0x90) == 1 + 4


def test_deadlines_are_absolute_and_follow_tempo_changes(tmp_path):
    path = write(tmp_path, """
use_bpm(120)

@live_loop
def pulse():
    play(60, duration=0.25)
    sleep(0.5)
    if beat() == 4:
        use_piece_bpm(60)
""")
    runtime = loading.load(path)
    runtime.until = Fraction(8)
    clock = FakeClock()
    scheduler, sent = scheduled(runtime, clock)
    origin = scheduler.tempo_map.origin
    onsets = [t - origin for t, data in sent if data[0] == 0x90]
    expected = [k * 0.25 for k in range(8)] + [2.0 + k * 0.5 for k in range(8)]
    assert onsets == pytest.approx(expected, abs=1e-9)


def test_late_wakeups_never_accumulate(tmp_path):
    path = write(tmp_path, "@live_loop\ndef p():\n    play(60, duration=0.125)\n    sleep(0.25)\n")
    runtime = loading.load(path, bpm=480)
    runtime.until = Fraction(400)
    clock = FakeClock(oversleep=0.003)
    scheduler, sent = scheduled(runtime, clock)
    origin = scheduler.tempo_map.origin
    errors = [t - origin - k * 0.25 * 60 / 480 for k, (t, data) in enumerate(s for s in sent if s[1][0] == 0x90)]
    assert len(errors) == 1600
    assert max(errors) <= 0.003 + 1e-9 and min(errors) >= -1e-9
    assert abs(sum(errors[-100:]) / 100 - sum(errors[:100]) / 100) < 0.001  # no drift


def test_events_are_computed_only_a_lookahead_ahead(tmp_path):
    path = write(tmp_path, "@live_loop\ndef p():\n    play(60)\n    sleep(0.25)\n")
    runtime = loading.load(path, bpm=60)
    clock = FakeClock()
    scheduler = Scheduler(runtime, lambda data: None, clock=clock.clock, sleep=clock.sleep, lookahead=0.1)
    ahead = []
    scheduler.every(0.001, lambda: ahead.append(scheduler.deadline(scheduler.computed_until) - clock.now))
    scheduler.every(0.01, lambda: clock.now > scheduler.tempo_map.origin + 5 and scheduler.stop())
    scheduler.start()
    scheduler.run()
    assert 0.05 < max(ahead) <= 0.1 + 1e-9


# ----- hot reload at the runtime level -------------------------------------------------------

LOOP_A = """
@live_loop
def a():
    play({note}, duration=0.5)
    sleep(1)
"""
LOOP_B = """
@live_loop
def b():
    play(50, duration=0.5, channel=2)
    sleep(0.5)
"""


def onsets(sent, origin, bpm=60):
    return [(round((t - origin) * bpm / 60, 6), data) for t, data in sent if data[0] & 0xF0 == 0x90]


def reload_at(path, text):
    def action(scheduler):
        path.write_text(text)
        loading.reload(scheduler.runtime, path, now=scheduler.computed_until)

    return action


def test_swapped_body_keeps_the_loop_phase(tmp_path):
    path = write(tmp_path, LOOP_A.format(note=60))
    runtime = loading.load(path, bpm=60)
    scheduler, sent = scheduled(runtime, FakeClock(), seconds=6.5,
                                actions=[(2.5, reload_at(path, LOOP_A.format(note=72)))])
    heard = onsets(sent, scheduler.tempo_map.origin)
    assert [beat for beat, _ in heard] == [0, 1, 2, 3, 4, 5, 6]  # still on the beat
    notes = [data[1] for _, data in heard]
    assert notes[:3] == [60, 60, 60] and notes[-3:] == [72, 72, 72]
    assert notes == sorted(notes)  # once swapped, never back


def test_new_loop_starts_on_the_next_beat(tmp_path):
    path = write(tmp_path, LOOP_A.format(note=60))
    runtime = loading.load(path, bpm=60)
    scheduler, sent = scheduled(runtime, FakeClock(), seconds=5.9,
                                actions=[(2.3, reload_at(path, LOOP_A.format(note=60) + LOOP_B))])
    b_beats = [beat for beat, data in onsets(sent, scheduler.tempo_map.origin) if data[0] == 0x91]
    assert b_beats[0] == 3  # the first whole beat after the look-ahead horizon
    assert b_beats == [3 + k / 2 for k in range(len(b_beats))]


def test_removed_loop_finishes_its_iteration_and_releases_its_notes(tmp_path):
    long_loop = "@live_loop\ndef a():\n    for n in (60, 62, 64, 65):\n        play(n, duration=0.9)\n        sleep(1)\n"
    path = write(tmp_path, long_loop + LOOP_B)
    runtime = loading.load(path, bpm=60)
    scheduler, sent = scheduled(runtime, FakeClock(), seconds=7,
                                actions=[(1.5, reload_at(path, LOOP_B))])
    a_notes = [(beat, data[1]) for beat, data in onsets(sent, scheduler.tempo_map.origin) if data[0] == 0x90]
    assert a_notes == [(0, 60), (1, 62), (2, 64), (3, 65)]  # the iteration it was in, then nothing
    ons = sum(1 for _, d in sent if d[0] == 0x90)
    offs = sum(1 for _, d in sent if d[0] == 0x80)
    assert ons == offs == 4
    assert "a" not in runtime.loops


def test_broken_edit_changes_nothing(tmp_path):
    path = write(tmp_path, LOOP_A.format(note=60) + LOOP_B)
    errors = []

    def broken(scheduler):
        path.write_text(LOOP_A.format(note=72) + "\nthis is not python\n")
        try:
            loading.reload(scheduler.runtime, path, now=scheduler.computed_until)
        except PieceError as error:
            errors.append(str(error))

    reference = scheduled(loading.load(path, bpm=60), FakeClock(), seconds=4)[1]
    path.write_text(LOOP_A.format(note=60) + LOOP_B)
    edited = scheduled(loading.load(path, bpm=60), FakeClock(), seconds=4, actions=[(1.5, broken)])[1]
    assert [d for _, d in edited] == [d for _, d in reference]
    assert len(errors) == 1 and f"{path}:" in errors[0] and ":7" in errors[0]


def test_a_failing_loop_can_be_dropped_while_others_play(tmp_path):
    path = write(tmp_path, "@live_loop\ndef bad():\n    play(60)\n    sleep(1)\n    1 / 0\n" + LOOP_B)
    runtime = loading.load(path, bpm=60)
    failures = []
    clock = FakeClock()
    sent = []
    scheduler = Scheduler(runtime, lambda d: sent.append(d), clock=clock.clock, sleep=clock.sleep,
                          on_error=lambda error: failures.append(str(error)) or True)
    scheduler.every(0.01, lambda: clock.now > scheduler.tempo_map.origin + 3 and scheduler.stop())
    scheduler.start()
    scheduler.run()
    assert len(failures) == 1 and "ZeroDivisionError" in failures[0]
    assert sum(1 for d in sent if d[0] == 0x91) >= 5  # loop b played on


def test_after_a_stall_late_notes_are_skipped_not_burst_and_nothing_hangs(tmp_path):
    path = write(tmp_path, "@live_loop\ndef p():\n    play(60, duration=0.25)\n    sleep(0.5)\n")
    runtime = loading.load(path, bpm=120)  # a note every 0.25 s
    runtime.until = Fraction(16)
    clock = FakeClock()

    def stall(scheduler):
        clock.now += 2.0  # the machine froze for two seconds

    scheduler, sent = scheduled(runtime, clock, actions=[(1.0, stall)])
    ons = [t for t, data in sent if data[0] == 0x90]
    assert scheduler.dropped >= 6  # the notes due during the freeze, minus the last STALE seconds
    assert len(ons) + scheduler.dropped == 32
    burst = [t for t in ons if abs(t - ons[0] - 3.0) < 0.01]
    assert len(burst) <= 2  # not a pile of stale notes at the moment it wakes
    sounding = set()
    for _, data in sent:
        if data[0] == 0x90:
            sounding.add(data[1])
        elif data[0] == 0x80:
            sounding.discard(data[1])
    assert sounding == set()


def test_skipped_notes_send_no_note_offs(tmp_path):
    """A piece asking for more notes than the port takes (use_bpm(1e6) did, before tempos were
    bounded): those skipped as too late get no note-off either (about 110,000 of them flooded
    the port), and nothing is left sounding."""
    path = write(tmp_path, "use_bpm(6000)\n\n@live_loop\ndef p():\n    play(60, duration=0.005)\n    sleep(0.01)\n")
    runtime = loading.load(path)
    clock = FakeClock()
    sends = 0

    def slow_port(data):  # every message costs 100 µs: the port is the bottleneck
        nonlocal sends
        sends += 1
        clock.now += 0.0001
        sent.append((clock.now, data))

    sent = []
    scheduler = Scheduler(runtime, slow_port, clock=clock.clock, sleep=clock.sleep)
    scheduler.every(0.01, lambda: clock.now >= scheduler.tempo_map.origin + 2 and scheduler.stop())
    scheduler.start()
    scheduler.run()
    ons = sum(1 for _, d in sent if d[0] == 0x90)
    offs = sum(1 for _, d in sent if d[0] == 0x80)
    assert scheduler.dropped > 1000  # the clock fell behind: most notes were skipped
    assert offs <= ons + 1  # one note-off for each note played (the last may still sound)
    sounding = set()
    for _, data in sent:
        if data[0] == 0x90:
            sounding.add(data[1])
        elif data[0] == 0x80:
            sounding.discard(data[1])
    assert len(sounding) <= 1
