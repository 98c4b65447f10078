"""Pads and controller actions land on the piece's real bar lines when its meter changes: the
launcher driven as `composer perform` drives it (a live scheduler, on a simulated clock), the
notes it plays checked at their beats."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from composer.controller.simulator import V49Simulator
from composer.live.scheduler import Scheduler
from composer.patch import load_patch
from composer.perform.loops import LoopLauncher
from composer.perform.record import RecordingExpander
from composer.perform.router import LoopAction, Router
from composer.perform.session import ACTION_SECONDS
from composer.runtime import loading
from pieces import write_piece

ROOT = Path(__file__).resolve().parents[1]

FOUR_THEN_SEVEN = """
@live_loop
def conductor():
    sleep(16)                 # four bars of 4/4, then bars of 7/4: bar lines 16, 23, 30, 37
    use_time_signature(7, 4)
    stop()

@live_loop
def pulse():
    play(36)
    sleep(1)

@live_loop(paused=True)
def lead():
    play(72, channel=1)
    sleep(1)

@live_loop(paused=True)
def perc():
    play(80, channel=2)
    sleep(0.5)
"""


class SimulatedClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)


def perform_offline(runtime, hits, bars):
    """Play `runtime` for `bars` bars through a live scheduler on a simulated clock, acting on
    each pad hit (beat, kind, loop) as the performance does (read a few ms after it arrives);
    returns the messages played and where each action landed."""
    clock = SimulatedClock()
    scheduler = Scheduler(runtime, lambda data: None, clock=clock, sleep=clock.sleep, bars=Fraction(bars))
    messages = []
    scheduler.expander = RecordingExpander(scheduler.expander, messages.append)
    launcher = LoopLauncher.on(scheduler)  # as the performance has it
    waiting, landed = sorted(hits), []

    def pads():
        while waiting and waiting[0][0] <= scheduler.beat_now():
            beat, kind, name = waiting.pop(0)
            landed.append(launcher.act(kind, name, beat))

    scheduler.every(ACTION_SECONDS, pads)
    scheduler.start(at=0.0)
    scheduler.run()
    assert not waiting
    return messages, landed


def onsets(messages, track):
    return [m.beat for m in messages if m.track == track and m.data[0] & 0xF0 == 0x90]


def test_launch_and_stop_land_on_the_bar_lines_of_the_new_meter(tmp_path):
    runtime = loading.load(write_piece(tmp_path, FOUR_THEN_SEVEN))
    messages, landed = perform_offline(runtime, [(17.5, "launch", "lead"), (24.2, "stop", "lead")], bars=8)
    assert landed == [23, 30]  # multiples of a 7-beat bar from beat 0 would say 21 and 28
    assert onsets(messages, "lead") == list(range(23, 30))
    assert max(m.beat for m in messages) == 16 + 4 * 7  # eight bars: four of 4/4, four of 7/4


def test_a_fill_on_the_first_bar_of_the_new_meter_lasts_that_bar(tmp_path):
    """Hit in the last 4/4 bar, the fill lands on the first 7/4 bar, whose meter is not yet
    known when the pad is read: it plays all seven beats of it, and no more."""
    runtime = loading.load(write_piece(tmp_path, FOUR_THEN_SEVEN))
    messages, landed = perform_offline(runtime, [(13.2, "fill", "perc"), (24.0, "fill", "perc")], bars=8)
    assert landed == [16, 30]
    half_beats = [Fraction(k, 2) for k in range(14)]
    assert onsets(messages, "perc") == [16 + b for b in half_beats] + [30 + b for b in half_beats]
    offs = [m.beat for m in messages if m.track == "perc" and m.data[0] & 0xF0 == 0x80]
    assert max(offs) <= 37 and "perc" not in runtime.loops


def test_a_fill_launched_as_a_loop_before_its_bar_ends_plays_on(tmp_path):
    runtime = loading.load(write_piece(tmp_path, FOUR_THEN_SEVEN))
    messages, landed = perform_offline(runtime, [(13.2, "fill", "perc"), (14.0, "launch", "perc")], bars=6)
    assert landed == [16, 16]
    assert onsets(messages, "perc")[-1] == 29.5


def bass_pad(patch):
    """The loop action the patch's pad 7 asks for (guitar-accompaniment: toggle the bass)."""
    pads = V49Simulator()
    pads.pad_down(7)
    [action] = [a for a in Router(patch).route(pads.sent[-1]) if isinstance(a, LoopAction)]
    return action.kind, action.loop


def between(beats, start, end):
    return [b for b in beats if start <= b < end]


def check_bass_drops_out(chart, hits, landed_on, bars):
    """The bass, toggled by pad 7 at `hits`, goes silent and comes back on the bar lines
    `landed_on`, playing as written otherwise."""
    patch = load_patch(str(ROOT / "patches" / "guitar-accompaniment.toml"))
    kind, loop = bass_pad(patch)
    runtime = loading.load(chart)
    messages, landed = perform_offline(runtime, [(beat, kind, loop) for beat in hits], bars=bars)
    assert landed == landed_on
    plain, _ = perform_offline(loading.load(chart), [], bars=bars)
    heard, written = onsets(messages, "bass"), onsets(plain, "bass")
    edges = [0, *landed, plain[-1].beat + 1]
    for index, (start, end) in enumerate(zip(edges, edges[1:])):
        assert between(heard, start, end) == (between(written, start, end) if index % 2 == 0 else [])
    assert len(between(written, landed[-1], edges[-1])) > 0


def test_a_loop_pad_on_a_chart_follows_its_bridge_in_seven_and_the_four_after():
    """The guitar-accompaniment patch's own chart: 96 beats of 4/4, a bridge of six 7/4 bars
    (bar lines 103, 110, ...), then 4/4 again from beat 138 (142, 146, ...)."""
    chart = ROOT / "samples" / "charts" / "night_drive.cho"
    check_bass_drops_out(chart, [100.0, 105.5, 139.0, 143.2], [103, 110, 142, 146], bars=36)  # not 98, 105, 140, 144


def test_a_loop_pad_on_a_chart_in_seven_eight_stops_on_its_bar_lines():
    """The verse is in 7/8 (bars of 3.5 beats) for eight bars, then the chorus in 7/4 from 28."""
    chart = ROOT / "samples" / "charts" / "seven_eight.cho"
    check_bass_drops_out(chart, [5.2, 8.0, 29.0, 36.0], [7, Fraction(21, 2), 35, 42], bars=12)
