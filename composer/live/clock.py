"""MIDI clock: send it (24 ticks a beat, Start, Stop, Song Position) or follow it.

Out: the ticks are one more message stream merged into the scheduler, at beats k/24, so they
follow the same tempo map and deadlines as the notes. In: every tick anchors the tempo map
at a time fitted by least squares over the last ticks, which smooths the jitter of the
transport (JACK delivers in periods of a few ms) while following tempo changes within a beat
or two.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from fractions import Fraction

from composer.live.tempo import TempoMap
from composer.midi.bytes import CLOCK, CONTINUE, START, STOP, song_position

PPQ = 24
FIT_TICKS = 48  # two beats of ticks in the tempo fit


class ClockOut:
    """A scheduler source: Song Position and Start at the first beat, then a tick every 1/24."""

    def __init__(self):
        self.started = False

    def between(self, begin: Fraction, end: Fraction) -> list[tuple[Fraction, tuple]]:
        out = []
        if not self.started:
            sixteenths = int(begin * 4)
            out.append((begin, song_position(sixteenths)))
            out.append((begin, (START,)))
            self.started = True
        first = -((-begin.numerator * PPQ) // begin.denominator)  # ceil(begin * 24)
        last = -((-end.numerator * PPQ) // end.denominator)  # ticks before `end`
        out.extend((Fraction(k, PPQ), (CLOCK,)) for k in range(first, last))
        return out

    @staticmethod
    def stop_message() -> tuple:
        return (STOP,)


class ClockFollower:
    """Drives a tempo map from an incoming MIDI clock; feed it with `on_message` (any thread).

    The first tick after Start is beat 0. `started` and `stopped` are Events a session waits on.
    """

    def __init__(self, tempo_map: TempoMap, fit_ticks: int = FIT_TICKS):
        self.tempo_map = tempo_map
        self.started = threading.Event()
        self.stopped = threading.Event()
        self.bpm = tempo_map.bpm()
        self._ticks: deque[tuple[int, float]] = deque(maxlen=fit_ticks)
        self._running = False
        self._count = 0

    def on_message(self, data, at: float | None = None) -> None:
        at = time.monotonic() if at is None else at
        status = data[0]
        if status == START:
            self._ticks.clear()
            self._count = 0
            self._running = True
        elif status == CONTINUE:
            self._running = True
        elif status == STOP:
            self._running = False
            self.stopped.set()
        elif status == CLOCK and self._running:
            self._tick(at)

    def _tick(self, at: float) -> None:
        index = self._count
        self._count += 1
        self._ticks.append((index, at))
        seconds, per_tick = self._fit()
        if per_tick > 0:
            self.bpm = 60.0 / (PPQ * per_tick)
        self.tempo_map.anchor(Fraction(index, PPQ), seconds, self.bpm)
        self.started.set()

    def _fit(self) -> tuple[float, float]:
        """The fitted time of the latest tick and the seconds per tick (least squares)."""
        ticks = self._ticks
        last_index, last_time = ticks[-1]
        if len(ticks) < 3:
            return last_time, 60.0 / (PPQ * self.bpm)
        n = len(ticks)
        mean_i = sum(i for i, _ in ticks) / n
        mean_t = sum(t for _, t in ticks) / n
        spread = sum((i - mean_i) ** 2 for i, _ in ticks)
        slope = sum((i - mean_i) * (t - mean_t) for i, t in ticks) / spread
        return mean_t + slope * (last_index - mean_i), slope


def open_clock_in(port, api, follower: ClockFollower):
    """A listener on the input `port` that feeds `follower`, stamped on arrival; `.close()` ends it."""
    from composer.midi.listener import open_listener

    return open_listener(port, api, follower.on_message, name="composer-clock-in")
