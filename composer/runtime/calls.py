"""What a piece's calls do to the thread running them: play a note, emit an event, sleep (and
wait for the stream in a fiber when a body runs on and on), use a kit. A mixin of the Runtime
(composer.runtime.engine), beside its tempo, cue and loop-control calls; `note`, `emit` and
`sleep` run once a note, so they stay lean."""

from __future__ import annotations

import heapq
from fractions import Fraction

from composer.beats import add, to_beats
from composer.runtime import fibers
from composer.runtime.events import Control, Event, Note
from composer.runtime.kits import Kit, load_kit
from composer.runtime.threads import PastHorizon, RunningLoop

#: How far the top level runs at load before it plays on beside the other threads: the loops
#: and settings it makes up to there are known at once (a reload reads less: runtime.loading).
TOP_LEVEL_BEATS = 4096
#: A body waits for the stream at every this many sleeps (or syncs) of one run: one that loops
#: for ever is computed a stretch at a time, lazily (composer.runtime.fibers).
SLEEPS_PER_RUN = 64
_new = tuple.__new__  # an event without NamedTuple's Python-level constructor: one is made per note


class PieceCalls:
    """play, emit, sleep and use_kit on the running thread (the Runtime's `_active[-1]`)."""

    def note(self, note: int, velocity: int, duration: Fraction, channel: int, offset=0) -> None:
        loop = self._active[-1]
        if loop.bpm is not None:  # its own tempo: its beats in the file's
            offset, duration = self.file_beats(loop, offset), self._length(loop, offset, duration)
        if offset or loop.warps or loop.rewound:  # past the end, or before the iteration (_rewind)
            beat = max(loop.state.time + offset, loop.iteration_start)
            if self.until is not None and beat >= self.until:
                return
            if loop.cut_at is not None and beat >= loop.cut_at:
                return
        else:
            beat = loop.state.time
        if loop.one_shot:
            self.track_order.append(loop.track)  # appends once
        self._emit(_new(Note, (beat, duration, note, velocity, channel, loop.track)))

    def _length(self, loop: RunningLoop, offset, duration) -> Fraction:
        """A note's length in the file's beats, for a thread with a tempo of its own."""
        start = loop.state.time + self.file_beats(loop, offset)
        return self.tempo.advance(start, to_beats(duration) * 60 / loop.bpm) - start

    def emit(self, event: Event) -> None:
        """Queue an event a piece's call made (composer.runtime.sound, midi_calls) at its beat."""
        loop = self._active[-1] if self._active else None
        if loop is not None:
            if loop.rewound and event.beat < loop.iteration_start:
                event = event._replace(beat=loop.iteration_start)  # see _rewind
            if loop.one_shot:  # the top level's track, or a thread's, is known once it plays
                self.track_order.append(loop.track)
        beat = event.beat  # _emit's, inline: this runs once a note
        heapq.heappush(self._pending, (beat.numerator / beat.denominator, beat, next(self._sequence), event))

    def _rewind(self, loop: RunningLoop, beats: Fraction) -> None:
        """A negative sleep, as Sonic Pi allows: the thread's time goes back, so its later sleeps
        land where Sonic Pi's do; what it plays before its iteration began is played at that
        beginning (already heard, it cannot be earlier; Sonic Pi plays it late too)."""
        loop.rewound = True
        loop.last_sync = None
        if loop.bpm is not None:
            loop.beat += beats
        loop.state.time += self.file_beats(loop, beats)

    def control(self, control: int, value: int, channel: int) -> None:
        loop = self.current_loop("cc")
        self._emit(Control(loop.state.time, control, value, channel, loop.track))

    def sleep(self, beats) -> None:
        loop = self._active[-1] if self._active else self.current_loop("sleep")
        beats = to_beats(beats)
        if beats.numerator < 0:  # a Fraction's `< 0` is far slower, and this runs per note
            self._rewind(loop, beats)
            return
        loop.last_sync = None
        state = loop.state
        if loop.bpm is None:
            time = state.time = add(state.time, beats)
        else:
            loop.beat += beats
            time = state.time = self.tempo.advance(state.time, beats * 60 / loop.bpm)
        # the float first: it is below the limit's float only when the time is below the limit
        if time.numerator / time.denominator >= loop.sleep_key and time >= loop.sleep_limit and not loop.warps:
            if self.until is not None and state.time >= self.until:
                raise PastHorizon
            if loop.cut_at is not None and state.time >= loop.cut_at:
                raise PastHorizon
        loop.sleeps += 1
        if loop.sleeps >= SLEEPS_PER_RUN and not loop.warps:
            self._long_run(loop)

    def waited_here(self, loop: RunningLoop) -> None:
        """A sync moved the thread on: it counts as a sleep (a body that loops for ever on
        syncs waits for the stream too)."""
        loop.sleeps += 1
        if loop.sleeps >= SLEEPS_PER_RUN:
            self._long_run(loop)

    def _long_run(self, loop: RunningLoop) -> None:
        """A body that sleeps on and on (it may loop for ever) waits here for the stream, in its
        fiber. Rendering, most iterations are short, so after one that was a loop runs its next
        without a fiber (a switch costs as much as a note); one of those that runs long runs on
        to the render's end, and the loop's next iterations run in fibers again. Played with no
        end, every iteration has a fiber (see Runtime._run_body), so any of them can wait."""
        loop.needs_fiber = True
        if loop.in_fiber:
            fibers.suspend()

    # ----- kits -------------------------------------------------------------------------------

    def set_kit(self, name: str) -> None:
        """use_kit: at the top level the piece's kit; in a thread that thread's, as Sonic Pi's use_*."""
        kit = self._load_kit(name)
        loop = self.current_loop("use_kit")
        if loop is self._top:
            self.piece.kit, self.kit = name, kit
        else:
            loop.kit = kit

    def current_kit(self) -> Kit:
        loop = self._active[-1] if self._active else None
        return loop.kit if loop is not None and loop.kit is not None else self.kit

    def _load_kit(self, name: str) -> Kit:
        if name not in self._kits:
            self._kits[name] = load_kit(name, self.path)
        return self._kits[name]

