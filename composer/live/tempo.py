"""A tempo map: beats <-> seconds, built from Tempo events as they stream in.

Each segment anchors one beat to one time with a tempo, and every position is computed from
its segment's anchor, never by adding intervals, so rounding error never accumulates.
An external clock (MIDI clock in, Link) re-anchors the map as it drifts: `anchor` starts a
new segment at a beat with a measured time and tempo.
"""

from __future__ import annotations

import bisect
import threading
from fractions import Fraction


class TempoMap:
    """Piecewise-constant tempo from beat 0 (at `origin` seconds) onward; thread-safe."""

    def __init__(self, bpm, origin: float = 0.0):
        if bpm <= 0:
            raise ValueError(f"bpm must be positive, got {bpm}")
        self._beats: list[Fraction] = [Fraction(0)]
        self._seconds: list[float] = [float(origin)]
        self._bpms: list[float] = [float(bpm)]
        self._lock = threading.Lock()

    @property
    def origin(self) -> float:
        return self._seconds[0]

    def shift(self, seconds: float) -> None:
        """Move the whole map later (or earlier) in time: a start that waited for a clock."""
        with self._lock:
            self._seconds = [s + seconds for s in self._seconds]

    def set_tempo(self, beat, bpm) -> None:
        """A tempo change at `beat`, from the piece's stream; time is continuous across it."""
        beat = Fraction(beat)
        with self._lock:
            seconds = self._seconds_at(beat)
            self._insert(beat, seconds, float(bpm))

    def anchor(self, beat, seconds: float, bpm) -> None:
        """From `beat` on, `beat` falls at `seconds` and the tempo is `bpm` (external sync)."""
        with self._lock:
            self._insert(Fraction(beat), float(seconds), float(bpm))

    def _insert(self, beat: Fraction, seconds: float, bpm: float) -> None:
        if bpm <= 0:
            raise ValueError(f"bpm must be positive, got {bpm}")
        index = bisect.bisect_left(self._beats, beat)
        # A segment at or after `beat` is replaced: the new anchor rules from there on.
        del self._beats[index:], self._seconds[index:], self._bpms[index:]
        self._beats.append(beat)
        self._seconds.append(seconds)
        self._bpms.append(bpm)
        if len(self._beats) > 64:  # old segments are never asked about again; keep a few
            del self._beats[1:33], self._seconds[1:33], self._bpms[1:33]

    def seconds(self, beat) -> float:
        """The time of `beat`."""
        with self._lock:
            return self._seconds_at(beat)

    def _seconds_at(self, beat) -> float:
        index = max(bisect.bisect_right(self._beats, beat) - 1, 0)
        return self._seconds[index] + float(beat - self._beats[index]) * 60.0 / self._bpms[index]

    def beat(self, seconds: float) -> float:
        """The (fractional) beat at time `seconds`; before the origin, a negative beat."""
        with self._lock:
            index = max(bisect.bisect_right(self._seconds, seconds) - 1, 0)
            return float(self._beats[index]) + (seconds - self._seconds[index]) * self._bpms[index] / 60.0

    def bpm(self, beat=None) -> float:
        """The tempo at `beat` (default: the latest segment's)."""
        with self._lock:
            if beat is None:
                return self._bpms[-1]
            return self._bpms[max(bisect.bisect_right(self._beats, beat) - 1, 0)]
