"""The runtime's tempo calls: each thread's own bpm, the piece's tempo map, and time shifts.

Time is kept in the file's beats, whose tempo map follows the top level (and `use_piece_bpm`,
and a performer's knob). A thread that never set a tempo of its own follows that map: `sleep(1)`
is one file beat. A thread with its own bpm (`use_bpm` inside it, as in Sonic Pi) converts: one
of its beats lasts 60/bpm seconds, which is `piece tempo / own bpm` file beats at the tempo where
its sleep starts. `--bpm` pins every absolute tempo (use_bpm, with_bpm, use_piece_bpm) to its own.
"""

from __future__ import annotations

import bisect
import heapq
from fractions import Fraction

from composer.beats import to_beats, to_bpm
from composer.runtime.events import Tempo, TimeSignature
from composer.runtime.threads import RunningLoop


class TempoMap:
    """The piece's tempo from each beat on; changes may arrive out of order (threads run ahead)."""

    __slots__ = ("beats", "bpms")

    def __init__(self, bpm: Fraction):
        self.beats: list[Fraction] = [Fraction(0)]
        self.bpms: list[Fraction] = [bpm]

    def copy(self) -> TempoMap:
        copied = TempoMap(self.bpms[0])
        copied.beats, copied.bpms = list(self.beats), list(self.bpms)
        return copied

    def at(self, beat: Fraction) -> Fraction:
        if len(self.beats) == 1:
            return self.bpms[0]
        return self.bpms[bisect.bisect_right(self.beats, beat) - 1]

    def change(self, beat: Fraction, bpm: Fraction) -> bool:
        """Set the tempo from `beat` on; False when it is already `bpm` there (no event needed)."""
        index = bisect.bisect_right(self.beats, beat)
        if self.bpms[index - 1] == bpm:
            return False
        if self.beats[index - 1] == beat:
            self.bpms[index - 1] = bpm
        else:
            self.beats.insert(index, beat)
            self.bpms.insert(index, bpm)
        return True

    def seconds(self, beat: Fraction) -> Fraction:
        """Seconds from beat 0 to `beat`."""
        total, index = Fraction(0), 0
        while index + 1 < len(self.beats) and self.beats[index + 1] < beat:
            total += (self.beats[index + 1] - self.beats[index]) * 60 / self.bpms[index]
            index += 1
        return total + (beat - self.beats[index]) * 60 / self.bpms[index]

    def beat_at(self, seconds: Fraction) -> Fraction:
        """The beat `seconds` after beat 0 (the inverse of `seconds`)."""
        index = 0
        while index + 1 < len(self.beats):
            span = (self.beats[index + 1] - self.beats[index]) * 60 / self.bpms[index]
            if seconds <= span:
                break
            seconds -= span
            index += 1
        return self.beats[index] + seconds * self.bpms[index] / 60

    def advance(self, beat: Fraction, seconds: Fraction) -> Fraction:
        """The beat `seconds` after `beat`, through every tempo change on the way."""
        if len(self.beats) == 1:
            return beat + seconds * self.bpms[0] / 60
        return self.beat_at(self.seconds(beat) + seconds)


class TempoCalls:
    """Mixed into the Runtime: what `use_bpm`, `with_bpm`, `time_warp` and friends call."""

    def file_beats(self, loop: RunningLoop, beats) -> Fraction:
        """A thread's beats (a length, a delay) as the file's, at its time: they differ when it
        has a tempo of its own."""
        beats = to_beats(beats)
        if loop.bpm is None:
            return beats
        time = loop.state.time
        return self.tempo.advance(time, beats * 60 / loop.bpm) - time

    def shift(self, beats) -> None:
        """Move the thread's time by `beats` either way (time_warp); never before its iteration began."""
        loop = self.current_loop("time_warp")
        beats = to_beats(beats)
        state = loop.state
        if loop.bpm is not None:
            loop.beat += beats
        state.time = max(state.time + self.file_beats(loop, beats), loop.iteration_start)

    def thread_bpm(self) -> Fraction:
        """The running thread's tempo: its own, else the piece's at its time."""
        loop = self.current_loop("current_bpm")
        return loop.bpm if loop.bpm is not None else self.tempo.at(loop.state.time)

    def set_thread_bpm(self, bpm, relative: bool = False, block: bool = False) -> None:
        """The running thread's tempo (None: follow the piece's). At the top level it is the
        piece's, except inside a block (`block`: with_bpm, with_bpm_mul), which is the top level's
        own. `relative` marks a tempo derived from the thread's own (bpm_mul, a restore,
        sync_bpm), which `--bpm` leaves to threads; the piece's tempo stays `--bpm`'s."""
        loop = self.current_loop("use_bpm")
        if bpm is not None and not relative:
            bpm = to_bpm(bpm)
            if self.bpm_override is not None:
                return
        if loop is self._top and not block and bpm is not None:
            if self.bpm_override is None:
                self._top_level_tempo(bpm)
            return
        loop.set_bpm(bpm)

    def _top_level_tempo(self, bpm: Fraction) -> None:
        """use_bpm at the top level: the piece's (and file's) tempo from here on. As in Sonic Pi,
        threads it started before keep the tempo they started with."""
        time = self._top.state.time
        old = self.tempo.at(time)
        for thread in [entry[3] for entry in self._queue] + self._parked:
            if thread.bpm is None and old != bpm:
                thread.set_bpm(old)
        if time == 0:
            self.piece.bpm = bpm
        self._top.bpm = None
        self._set_piece_tempo(time, bpm)

    def set_piece_bpm(self, bpm) -> None:
        """use_piece_bpm: the whole piece's tempo from this thread's time on (an accelerando);
        every thread that follows the piece's tempo follows, and so does this one."""
        loop = self.current_loop("use_piece_bpm")
        bpm = to_bpm(bpm)
        loop.bpm = None
        if self.bpm_override is None:
            self._set_piece_tempo(loop.state.time, bpm)
            self._tempo_loop = loop.name  # a reload that removes the loop reverts its tempo

    def change_tempo(self, bpm, at) -> None:
        """A tempo change from outside the piece (a knob) at beat `at`, which must not be earlier
        than what has been computed (a live caller passes the scheduler's horizon)."""
        bpm = to_bpm(bpm)
        self.bpm = bpm
        self._set_piece_tempo(to_beats(at), bpm)

    def _set_piece_tempo(self, beat: Fraction, bpm: Fraction) -> None:
        before = self.tempo.copy()
        if not self.tempo.change(beat, bpm):
            return
        self._keep_seconds(before, beat)
        if beat == 0 and not self._streaming:
            self.bpm = bpm  # the initial tempo: written when the stream begins
        else:
            self._emit(Tempo(beat, bpm))

    def _keep_seconds(self, before: TempoMap, beat: Fraction) -> None:
        """A tempo change at `beat` moves the file's beats after it; threads with a tempo of
        their own live in seconds, so their cursors (and what they have computed past `beat`)
        move to the beats that keep their seconds. Threads that follow the piece stay put, and
        a note already given out keeps its length in beats."""
        own = [entry[3] for entry in self._queue if entry[3].bpm is not None and entry[1] > beat]
        own += [loop for loop in self._parked if loop.bpm is not None and loop.state.time > beat]
        if not own:
            return
        moved = before.seconds

        def retimed(time: Fraction) -> Fraction:
            return time if time <= beat else self.tempo.beat_at(moved(time))

        for loop in own:
            loop.state.time = retimed(loop.state.time)
        self._queue[:] = [(float(e[3].state.time), e[3].state.time, e[2], e[3]) if e[3] in own else e
                          for e in self._queue]  # in place: `events()` holds this very list
        heapq.heapify(self._queue)
        tracks = {loop.track for loop in own}
        pending = []
        for key, at, sequence, event in self._pending:
            duration = getattr(event, "duration", 0)
            if at + duration > beat and getattr(event, "track", None) in tracks:
                start = retimed(at)
                if duration:
                    event = event._replace(beat=start, duration=retimed(at + duration) - start)
                else:
                    event = event._replace(beat=start)
                key, at = float(start), start
            pending.append((key, at, sequence, event))
        self._pending[:] = pending  # in place: `events()` holds this very list
        heapq.heapify(self._pending)

    def seconds(self, beat: Fraction) -> Fraction:
        """Seconds from the start to `beat` through the piece's tempo map."""
        return self.tempo.seconds(beat)

    def set_time_signature(self, numerator: int, denominator: int) -> None:
        time = self.current_loop("use_time_signature").state.time
        if time == 0 and not self._streaming:
            self.piece.time_signature = self.time_signature = (numerator, denominator)
            return
        self.time_signature = (numerator, denominator)
        self._emit(TimeSignature(time, numerator, denominator))

