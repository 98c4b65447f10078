"""The runtime: every live_loop advanced in exact virtual time, merged into one event stream.

Each loop has a cursor (its virtual time in beats). The runtime repeatedly takes the loop with
the earliest cursor and runs one iteration of its body to completion: `play` records an event at
the cursor and `sleep` moves the cursor on. Since no later iteration can start earlier, every
pending event before the earliest cursor is final and can be emitted. The result is a stream
ordered by (beat, order of production), identical run to run, whatever the sink.

`sync` is the one call that must wait for other loops: it runs their iterations (nested) until
the cue it waits for exists, then moves its own cursor to the cue.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator
from fractions import Fraction
from itertools import count
from pathlib import Path

from composer.beats import to_beats, to_bpm
from composer.errors import ComposerError
from composer import context
from composer.context import LoopState
from composer.randomness.state import RandomState
from composer.runtime.budget import IterationBudget
from composer.runtime.events import Control, Event, Note, Release, Tempo, TimeSignature
from composer.runtime.kits import DEFAULT_KIT, Kit, load_kit
from composer.runtime.piece import LoopDefinition, PieceDefinition, PieceError, located

DEFAULT_BPM = Fraction(60)  # Sonic Pi's default
DEFAULT_TIME_SIGNATURE = (4, 4)
#: An iteration that runs further than this has a body that never returns.
MAX_ITERATION_BEATS = 4096
#: How far `sync` lets other loops run ahead looking for the cue before giving up.
SYNC_HORIZON_BEATS = 1024


class StopLoop(BaseException):
    """Raised by `stop()` in a loop body: the loop ends after this iteration."""


class _PastHorizon(BaseException):
    """The cursor passed the end of a render, or the loop's cut: the rest cannot be heard."""


class RunningLoop:
    __slots__ = ("definition", "state", "order", "started", "removed", "stopped", "synced", "iteration_start",
                 "sleep_limit", "kit", "cut_at")

    def __init__(self, definition: LoopDefinition, state: LoopState, order: int):
        self.definition = definition
        self.state = state
        self.order = order
        self.started = False
        self.removed = False
        self.stopped = False
        self.synced: dict[str, Fraction] = {}  # cue name -> time of the last cue this loop took
        self.iteration_start = Fraction(0)
        self.sleep_limit = Fraction(0)  # past this, sleep checks the render end and runaway bodies
        self.kit: Kit | None = None  # set by use_kit inside the loop; else the piece's kit
        self.cut_at: Fraction | None = None  # the loop ends here, mid-iteration if need be




class Runtime:
    """Runs a piece's loops in virtual time; `events()` yields the merged, ordered stream."""

    def __init__(self, piece: PieceDefinition, seed: int = 0, bpm=None, until=None):
        self.path: Path = piece.path
        self.seed = seed
        self.bpm_override = None if bpm is None else to_bpm(bpm)
        self.until: Fraction | None = None if until is None else to_beats(until)
        self.loops: dict[str, RunningLoop] = {}
        self.track_order: list[str] = []
        self.params: dict[str, float] = {}
        self._queue: list[tuple[float, Fraction, int, str]] = []  # (key, cursor, order, loop name)
        self._pending: list[tuple[float, Fraction, int, Event]] = []  # (key, beat, sequence, event)
        self._iterations = 0
        self._sequence = count()
        self._orders = count()
        self._cues: dict[str, list[Fraction]] = {}
        self._active: list[RunningLoop] = []  # loops whose body is running (nested under sync)
        self._kits: dict[str, Kit] = {}
        self._external: set[str] = set()  # loops added from outside the piece; reloads keep them
        self._tempo_loop: str | None = None  # the loop whose use_bpm set the tempo now in force
        self.budget = IterationBudget(self)  # no body may run away with the time or the memory
        self.piece = piece
        self.bpm = self.bpm_override or piece.bpm or DEFAULT_BPM
        self.time_signature = piece.time_signature or DEFAULT_TIME_SIGNATURE
        self.kit = self._load_kit(piece.kit or DEFAULT_KIT)
        self._emit(Tempo(Fraction(0), self.bpm))
        self._emit(TimeSignature(Fraction(0), *self.time_signature))
        self._adopt_loops(piece, start=Fraction(0))

    # ----- the stream -------------------------------------------------------------------------

    def events(self, until=None) -> Iterator[Event]:
        """Events in time order, up to (not including) beat `until` (default: the runtime's).

        Can be called again with a later `until` to continue where the last call stopped; the
        live scheduler does this to compute a look-ahead window at a time.
        """
        until = self.until if until is None else to_beats(until)
        until_key = None if until is None else float(until)
        pending = self._pending
        queue = self._queue
        pop = heapq.heappop
        while queue:
            cursor_key, cursor = queue[0][0], queue[0][1]
            while pending:
                key, beat = pending[0][0], pending[0][1]
                if key > cursor_key or (key == cursor_key and beat > cursor):
                    break
                if until is not None and (key > until_key or (key == until_key and beat >= until)):
                    break
                yield pop(pending)[3]
            if until is not None and (cursor_key > until_key or (cursor_key == until_key and cursor >= until)):
                return
            name = pop(queue)[3]
            loop = self.loops.get(name)
            if loop is None or loop.removed:
                continue
            self.budget.run(loop)
            self._iterations += 1
            if self._iterations & 1023 == 0:
                self._forget_old_cues()
        while pending and (until is None or pending[0][1] < until):
            yield pop(pending)[3]

    def bar_beats(self) -> Fraction:
        numerator, denominator = self.time_signature
        return Fraction(numerator * 4, denominator)

    def queued_loops(self) -> set[str]:
        """Names of the loops that will run again (a loop whose body raised is not among them)."""
        return {entry[3] for entry in self._queue}

    def next_cursor(self) -> Fraction | None:
        """The earliest time any loop will run again (None when every loop has stopped)."""
        return self._queue[0][1] if self._queue else None

    # ----- loops ------------------------------------------------------------------------------

    def _adopt_loops(self, piece: PieceDefinition, start: Fraction, launching: bool = False) -> None:
        tracks = set(self.track_order)  # a set: a piece may define thousands of loops
        for name, definition in piece.loops.items():
            running = self.loops.get(name)
            if running is not None and not running.removed:
                running.definition = definition  # its next iteration runs the new body
                continue
            if definition.paused and not launching:
                if name not in tracks:
                    self.track_order.append(name)
                    tracks.add(name)
                continue
            # the stream the loop's thread got when the piece's top level defined it (a loop from
            # outside the piece gets the base stream)
            random = definition.random.copy() if definition.random is not None else RandomState(offset=self.seed)
            state = LoopState(name, random)
            state.settings = dict(piece.settings)
            state.time = start + definition.delay
            loop = RunningLoop(definition, state, next(self._orders))
            self.loops[name] = loop
            if name not in tracks:
                self.track_order.append(name)
                tracks.add(name)
            self._enqueue(loop)

    def reload(self, piece: PieceDefinition, now) -> None:
        """Adopt an edited piece: kept loops run their new body from their next iteration, new
        loops start on the next whole beat after `now`, removed loops end with this iteration."""
        now = to_beats(now)
        start = Fraction(-(-now.numerator // now.denominator))  # ceiling: the next whole beat
        kit = self._load_kit(piece.kit) if piece.kit and piece.kit != self.piece.kit else self.kit  # may fail: first
        for name, loop in self.loops.items():
            if name not in piece.loops and name not in self._external:
                loop.removed = True
                self._emit(Release(loop.state.time, name))  # nothing it played outlasts its last iteration
        self.loops = {n: lp for n, lp in self.loops.items() if not lp.removed}
        self._queue = [entry for entry in self._queue if entry[3] in self.loops]
        heapq.heapify(self._queue)
        self.kit = kit
        new_bpm = self.bpm_override or piece.bpm or DEFAULT_BPM
        set_by_removed_loop = self._tempo_loop is not None and self._tempo_loop not in self.loops
        if set_by_removed_loop or new_bpm != (self.bpm_override or self.piece.bpm or DEFAULT_BPM):
            self._tempo_loop = None
            self.bpm = new_bpm
            self._emit(Tempo(start, new_bpm))
        self.path = piece.path
        self.piece = piece
        self._adopt_loops(piece, start)

    def stop_loop(self, name: str) -> None:
        """Stop a loop after its current iteration (pads and `stop()` use this)."""
        loop = self.loops.get(name)
        if loop is not None:
            loop.removed = True
            del self.loops[name]

    def cut_loop(self, name: str, at) -> None:
        """End a loop at beat `at`, mid-iteration if need be (a pad's stop on the bar line): what it
        computed for `at` or later is dropped, and its notes still sounding then end there.
        `at` must not be earlier than what has already been taken from `events()`."""
        loop = self.loops.get(name)
        if loop is None:
            return
        at = to_beats(at)
        self._pending = [entry for entry in self._pending
                         if entry[1] < at or getattr(entry[3], "track", None) != name]
        heapq.heapify(self._pending)
        self._emit(Release(at, name))
        if loop.state.time >= at:
            self.stop_loop(name)
        else:
            loop.cut_at = at  # it plays on until then

    def uncut_loop(self, name: str) -> bool:
        """Take back a cut that has not happened yet (the pad was hit again); True if there was one."""
        loop = self.loops.get(name)
        if loop is None or loop.cut_at is None:
            return False
        at, loop.cut_at = loop.cut_at, None
        self._pending = [entry for entry in self._pending if entry[3] != Release(at, name)]
        heapq.heapify(self._pending)
        return True

    def start_loop(self, name: str, at) -> None:
        """Start a loop of the current piece at beat `at` (a pad launching it); no-op if it runs."""
        definition = self.piece.loops.get(name)
        if definition is None:
            raise ComposerError(f"no live_loop named {name!r} in {self.path}")
        if name in self.loops:
            return
        piece = PieceDefinition(path=self.path, loops={name: definition})
        self._adopt_loops(piece, to_beats(at), launching=True)

    def add_loop(self, definition: LoopDefinition, at) -> None:
        """Start a loop that is not part of the piece at beat `at` (the performer's arpeggiator),
        so it shares the piece's clock; no-op if a loop of that name runs."""
        if definition.name in self.loops:
            return
        self._external.add(definition.name)
        piece = PieceDefinition(path=self.path, loops={definition.name: definition})
        self._adopt_loops(piece, to_beats(at), launching=True)

    def change_tempo(self, bpm, at) -> None:
        """A tempo change from outside the piece (a knob) at beat `at`, which must not be earlier
        than what has been computed (a live caller passes the scheduler's horizon)."""
        bpm = to_bpm(bpm)
        self.bpm = bpm
        self._emit(Tempo(to_beats(at), bpm))

    def _run_iteration(self, loop: RunningLoop) -> None:
        state = loop.state
        definition = loop.definition
        start = loop.iteration_start = state.time
        # a render's end bounds every body; live, a body that never returns is caught here
        loop.sleep_limit = self.until if self.until is not None else start + MAX_ITERATION_BEATS
        if loop.cut_at is not None:
            loop.sleep_limit = min(loop.sleep_limit, loop.cut_at)
        self._active.append(loop)
        context.current = state
        try:
            self._cue(loop.definition.name, start)
            if not loop.started:
                loop.started = True
                if definition.sync:
                    self.sync(definition.sync)
            definition.body()
        except StopLoop:
            loop.stopped = True
        except _PastHorizon:
            if loop.cut_at is not None and state.time >= loop.cut_at:
                loop.stopped = True
            else:
                state.time = max(state.time, self.until)  # nothing more of this loop can be heard
        except BaseException as error:
            if not isinstance(error, (Exception, SystemExit)):
                raise  # Ctrl-C, a stop signal, an abandoned iteration: not the piece's error
            raise located(error, self.path, definition.body.__globals__) from None
        finally:
            self._active.pop()
            context.current = self._active[-1].state if self._active else context.top_level
        if loop.stopped:
            self.stop_loop(loop.definition.name)
            return
        if state.time == start and not loop.removed:
            raise PieceError(
                f"{self.path}:{definition.line}: live_loop {definition.name!r} did not sleep: "
                "each iteration must sleep (as in Sonic Pi), or it would play forever in no time"
            )
        if not loop.removed:
            self._enqueue(loop)

    # ----- what pieces call (through composer.runtime.dsl) ------------------------------------

    def current_loop(self, what: str) -> RunningLoop:
        if not self._active:
            raise ComposerError(f"{what}() only works inside a live_loop")
        return self._active[-1]

    def _emit(self, event: Event) -> None:
        beat = event.beat
        heapq.heappush(self._pending, (beat.numerator / beat.denominator, beat, next(self._sequence), event))

    def _enqueue(self, loop: RunningLoop) -> None:
        """Queue the loop at its cursor. Heap keys lead with a float, which orders like the
        exact time (ties fall through to the Fraction) but compares far faster."""
        time = loop.state.time
        heapq.heappush(self._queue, (time.numerator / time.denominator, time, loop.order, loop.definition.name))

    def note(self, note: int, velocity: int, duration: Fraction, channel: int, offset=Fraction(0)) -> None:
        loop = self._active[-1]
        if offset:  # only an offset can reach past the end: sleep stops a loop that gets there
            beat = loop.state.time + offset
            if self.until is not None and beat >= self.until:
                return
            if loop.cut_at is not None and beat >= loop.cut_at:
                return
        else:
            beat = loop.state.time
        self._emit(Note(beat, duration, note, velocity, channel, loop.definition.name))

    def emit(self, event: Event) -> None:
        """Queue an event a piece's call made (composer.runtime.sound, midi_calls) at its beat."""
        self._emit(event)

    def control(self, control: int, value: int, channel: int) -> None:
        loop = self.current_loop("cc")
        self._emit(Control(loop.state.time, control, value, channel, loop.definition.name))

    def sleep(self, beats) -> None:
        loop = self.current_loop("sleep")
        beats = to_beats(beats)
        if beats < 0:
            raise ComposerError(f"sleep({beats}) cannot go back in time")
        state = loop.state
        state.time += beats
        if state.time >= loop.sleep_limit:
            if self.until is not None and state.time >= self.until:
                raise _PastHorizon
            if loop.cut_at is not None and state.time >= loop.cut_at:
                raise _PastHorizon
            if state.time - loop.iteration_start > MAX_ITERATION_BEATS:
                raise ComposerError(
                    f"live_loop {loop.definition.name!r}: one iteration ran past {MAX_ITERATION_BEATS} beats; "
                    "does its body loop forever?"
                )

    def set_bpm(self, bpm) -> None:
        bpm = to_bpm(bpm)
        self.bpm = bpm
        loop = self.current_loop("use_bpm")
        self._tempo_loop = loop.definition.name
        self._emit(Tempo(loop.state.time, bpm))

    def set_time_signature(self, numerator: int, denominator: int) -> None:
        self.time_signature = (numerator, denominator)
        self._emit(TimeSignature(self.current_loop("use_time_signature").state.time, numerator, denominator))

    def set_kit(self, name: str) -> None:
        """use_kit inside a loop: that loop's drums, as Sonic Pi's use_* are per thread."""
        self.current_loop("use_kit").kit = self._load_kit(name)

    def current_kit(self) -> Kit:
        loop = self._active[-1] if self._active else None
        return loop.kit if loop is not None and loop.kit is not None else self.kit

    def _load_kit(self, name: str) -> Kit:
        if name not in self._kits:
            self._kits[name] = load_kit(name, self.path)
        return self._kits[name]

    def cue(self, name: str) -> None:
        self._cue(str(name).lstrip(":"), self.current_loop("cue").state.time)

    def _cue(self, name: str, time: Fraction) -> None:
        """Log a cue. Appending is all: `sync` and the periodic clean-up sort the log."""
        times = self._cues.get(name)
        if times is None:
            self._cues[name] = [time]
        else:
            times.append(time)

    def _forget_old_cues(self) -> None:
        """Cues older than every cursor can never be synced on; keep the newest of each name."""
        floor = min((entry[1] for entry in self._queue), default=None)
        if floor is None:
            return
        for times in self._cues.values():
            times.sort()
            del times[: max(0, bisect.bisect_left(times, floor) - 1)]

    def sync(self, name: str) -> None:
        """Wait for the next `name` cue at or after this loop's time, then continue from it."""
        name = str(name).lstrip(":")
        loop = self.current_loop("sync")
        now = loop.state.time
        taken = loop.synced.get(name)
        # Loops added from outside (the performer's arpeggiator) follow live input, so they run
        # only when the stream reaches them, never ahead inside a wait; they cue nothing a piece waits on.
        outside = []
        try:
            while True:
                found = self._find_cue(name, now, taken)
                if found is not None:
                    break
                if self.until is not None and self._queue and self._queue[0][1] >= self.until:
                    raise _PastHorizon  # the cue would come after the end of the render
                if not self._queue or self._queue[0][1] > now + SYNC_HORIZON_BEATS:
                    raise ComposerError(
                        f"live_loop {loop.definition.name!r} waits in sync({name!r}) but no loop cues {name!r}"
                    )
                entry = heapq.heappop(self._queue)
                if entry[3] in self._external:
                    outside.append(entry)
                    continue
                other = self.loops.get(entry[3])
                if other is not None and not other.removed:
                    self._run_iteration(other)
        finally:
            for entry in outside:
                heapq.heappush(self._queue, entry)
        loop.synced[name] = found
        loop.state.time = found

    def _find_cue(self, name: str, now: Fraction, taken: Fraction | None) -> Fraction | None:
        times = self._cues.get(name, [])
        times.sort()
        index = bisect.bisect_left(times, now)
        while index < len(times):
            if taken is None or times[index] > taken:
                return times[index]
            index += 1
        return None
