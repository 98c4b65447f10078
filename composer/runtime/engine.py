"""The runtime: every thread of a piece advanced in exact virtual time, merged into one stream.

Threads are the piece's top level, its live_loops and what `in_thread`/`at` start. Each has a
cursor (its virtual time in the file's beats). The runtime repeatedly takes the thread with the
earliest cursor and runs one iteration of its body to completion: `play` records an event at the
cursor and `sleep` moves the cursor on. Since no later iteration can start earlier, every
pending event before the earliest cursor is final and can be emitted. The result is a stream
ordered by (beat, order of production), identical run to run, whatever the sink.

The top level runs first, at load: its `play`s and `sleep`s make a score, and a loop it defines
starts at its time then. Every body runs in a fiber (composer.runtime.fibers): one that loops
for ever (Sonic Pi's `loop do`) waits at a sleep every so often and goes on when the stream
reaches it, so it plays for ever, lazily; the top level runs on at load up to
`TOP_LEVEL_BEATS`. `sync` is the one call that waits for other threads: it runs their
iterations (nested) until a matching cue exists after its position, then moves its cursor to
it. A sync no thread answers parks its thread until a cue comes (a render just ends).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from fractions import Fraction
from itertools import count
from pathlib import Path

from composer import context
from composer.beats import to_beats, to_bpm
from composer.context import LoopState, this_thread
from composer.errors import ComposerError
from composer.randomness.state import RandomState
from composer.runtime import fibers
from composer.runtime.budget import IterationBudget, Overrun
from composer.runtime.events import Event, Release, Tempo, TimeSignature
from composer.runtime.kits import DEFAULT_KIT, Kit
from composer.runtime.track_order import TrackOrder
from composer.runtime.piece import LoopDefinition, PieceDefinition, PieceError, located
from composer.runtime.calls import TOP_LEVEL_BEATS, PieceCalls
from composer.runtime.cues import CueCalls
from composer.runtime.launch import LoopControl
from composer.runtime.tempo import TempoCalls, TempoMap
from composer.runtime.threads import Parked, PastHorizon, RunningLoop, StopLoop
from composer.runtime.timestate import TimeState

DEFAULT_BPM = Fraction(60)  # Sonic Pi's default
DEFAULT_TIME_SIGNATURE = (4, 4)
#: The sleep limit of a thread in a runtime with no end.
NEVER = Fraction(2**62)
#: The track the top level's notes go to.
TOP_LEVEL_TRACK = "main"


class Runtime(PieceCalls, TempoCalls, CueCalls, LoopControl):
    """Runs a piece's threads in virtual time; `events()` yields the merged, ordered stream."""

    def __init__(self, piece: PieceDefinition, seed: int = 0, bpm=None, until=None):
        self.path: Path = piece.path
        self.seed = seed
        self.bpm_override = None if bpm is None else to_bpm(bpm)
        self.until: Fraction | None = None if until is None else to_beats(until)
        self.loops: dict[str, RunningLoop] = {}  # live_loops and named threads
        self.track_order = TrackOrder()  # a list; a piece may define thousands of loops
        self.params: dict[str, float] = {}
        self.time_state = TimeState()
        self._queue: list[tuple[float, Fraction, int, RunningLoop]] = []  # (key, cursor, order, thread)
        self._pending: list[tuple[float, Fraction, int, Event]] = []  # (key, beat, sequence, event)
        self._iterations = 0
        self._sequence = count()
        self._orders = count()
        self._active: list[RunningLoop] = []  # threads whose body is running (nested under sync)
        self._parked: list[RunningLoop] = []
        self._suspended: dict = {}  # thread -> the fiber its body waits in, mid-iteration
        self._eager: RunningLoop | None = None  # the top level while it runs on at load
        self._top: RunningLoop | None = None
        self._namespace: dict | None = None  # the top level's, for error hints
        self.cut_at_end = False  # a thread was still playing at `until`, so the piece goes on past it
        self._streaming = False  # events() has begun: settings at beat 0 are events from now on
        self._kits: dict[str, Kit] = {}
        self._external: set[str] = set()  # loops added from outside the piece; reloads keep them
        self._tempo_loop: str | None = None  # the loop whose use_piece_bpm set the tempo now in force
        self.run_iteration = self._run_iteration  # live, the budget's undoable run (see below)
        self.budget = IterationBudget(self)  # no body may run away with the time or the memory
        self.piece = piece
        self.bpm = self.bpm_override or piece.bpm or DEFAULT_BPM
        self.tempo = TempoMap(self.bpm)
        self.time_signature = piece.time_signature or DEFAULT_TIME_SIGNATURE
        self.kit = self._load_kit(piece.kit or DEFAULT_KIT)
        self._adopt_loops(piece, start=Fraction(0))

    # ----- the stream -------------------------------------------------------------------------

    def events(self, until=None) -> Iterator[Event]:
        """Events in time order, up to (not including) beat `until` (default: the runtime's).

        Can be called again with a later `until` to continue where the last call stopped; the
        live scheduler does this to compute a look-ahead window at a time.
        """
        if not self._streaming:
            self._streaming = True
            self._emit(Tempo(Fraction(0), self.tempo.at(Fraction(0))), first=-2)
            self._emit(TimeSignature(Fraction(0), *self.time_signature), first=-1)
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
            loop = pop(queue)[3]
            if loop.removed:
                continue
            self.run_iteration(loop)
            self._iterations += 1
            if self._iterations & 1023 == 0 and queue:
                self.time_state.forget_before(min(entry[1] for entry in queue))
        while pending and (until is None or pending[0][1] < until):
            yield pop(pending)[3]

    def bar_beats(self) -> Fraction:
        numerator, denominator = self.time_signature
        return Fraction(numerator * 4, denominator)

    def ended(self) -> bool:
        """Every thread has finished (or waits for a cue nothing will send): nothing more will sound."""
        return not self._queue

    def looping(self) -> bool:
        """A live_loop is still to run, so the piece plays on until it is stopped."""
        return any(not entry[3].one_shot and not entry[3].removed for entry in self._queue)

    def queued_loops(self) -> set[str]:
        """Names of the loops that will run again (a loop whose body raised is not among them)."""
        return {entry[3].name for entry in self._queue} | {loop.name for loop in self._parked}

    # ----- threads ----------------------------------------------------------------------------

    def run_top_level(self, body: Callable[[], None], namespace: dict,
                      reads_on: Callable[[RunningLoop], bool] | None = None) -> None:
        """Run the piece's top level (`body`, in `namespace`) as the first thread, at beat 0. One
        that plays on is read ahead while `reads_on(top)` holds (a reload's scratch copy says how
        far it must), never past TOP_LEVEL_BEATS."""
        namespace.update(__name__="__piece__", __file__=str(self.path))
        self._namespace = namespace
        definition = LoopDefinition(name="<top level>", body=body, line=1, auto_cue=False)
        top = self._top = RunningLoop(definition, context.new_top_level(self.seed), next(self._orders),
                                      track=TOP_LEVEL_TRACK, one_shot=True)
        self._eager = top
        try:
            self.run_iteration(top)
            while (top in self._suspended and top.state.time < TOP_LEVEL_BEATS
                   and (reads_on is None or reads_on(top))):
                self._iterations += 1  # each stretch has a budget of its own
                self.run_iteration(top)
        finally:
            self._eager = None
        if top in self._suspended:
            self._enqueue(top)  # it loops for ever: it plays on beside the other threads
        self.piece.settings = dict(self._top.state.settings)  # what loops a reload adds start with
        for loop in self.loops.values():
            if not loop.one_shot:
                loop.definition.bpm = loop.bpm  # ... and the tempo each loop had when it ended

    def top_level_time(self) -> Fraction:
        """Where the top level ended: at the runtime's `until` if it was still playing there."""
        return Fraction(0) if self._top is None else self._top.state.time

    def at_top_level(self) -> bool:
        return bool(self._active) and self._active[-1] is self._top

    def _new_thread(self, definition: LoopDefinition, at: Fraction, parent: RunningLoop | None,
                    one_shot: bool = False, track: str | None = None, seed=None) -> RunningLoop:
        if one_shot:  # in_thread, at: the stream and settings Sonic Pi's __in_thread gives it
            state = parent.state.child(definition.name, seed)
        else:  # a live_loop: the stream its thread got where it was defined (from outside: the base one)
            random = definition.random.copy() if definition.random is not None else RandomState(offset=self.seed)
            state = LoopState(definition.name, random)
            if parent is not None:  # the defining thread's settings now
                state.settings = dict(parent.state.settings)
            elif definition.settings is not None:  # as the top level had them where it defined the loop
                state.settings = dict(definition.settings)
            else:
                state.settings = dict(self.piece.settings)
        loop = RunningLoop(definition, state, next(self._orders), track, one_shot)
        if parent is not None:
            loop.inherit(parent)
        state.time = at
        if loop.track not in self.track_order and not one_shot:
            self.track_order.append(loop.track)
        self._enqueue(loop)
        return loop

    def _adopt_loops(self, piece: PieceDefinition, start: Fraction, launching: bool = False) -> None:
        for name, definition in piece.loops.items():
            running = self.loops.get(name)
            if running is not None and not running.removed:
                running.redefine(definition)  # its next iteration runs the new body
                running.kit = None  # ... with what the new code says, no more
                running.set_bpm(definition.bpm)
                continue
            if definition.paused and not launching:
                if name not in self.track_order:
                    self.track_order.append(name)
                continue
            at = start + max(definition.delay, 0) + (0 if launching else definition.offset)
            self.loops[name] = self._new_thread(definition, at, None)
            self.loops[name].set_bpm(definition.bpm)

    def define_loop(self, definition: LoopDefinition) -> None:
        """A live_loop defined while the piece runs: it starts at the defining thread's time
        (the top level's, after its sleeps); defined again from a loop, it takes the new body."""
        parent = self.current_loop("live_loop")
        if parent is self._top:
            if definition.name in self.piece.loops:
                raise ComposerError(f"two live_loops are named {definition.name!r}")
            definition.offset = parent.state.time
            self.piece.loops[definition.name] = definition
        running = self.loops.get(definition.name)
        if running is not None and not running.removed:
            running.redefine(definition)
        elif not definition.paused:
            at = parent.state.time + self.file_beats(parent, max(definition.delay, 0))
            self.loops[definition.name] = self._new_thread(definition, at, parent)
        elif definition.name not in self.track_order:
            self.track_order.append(definition.name)

    def start_thread(self, definition: LoopDefinition, seed=None) -> None:
        """in_thread: run `definition.body` once, in a thread of its own starting now (+ delay).
        A named thread goes to its own track, and is not started while one of its name runs."""
        parent = self.current_loop("in_thread")
        named = definition.name is not None
        if named and definition.name in self.loops:
            return
        if not named:
            definition.name = f"{parent.name}/thread"
        at = parent.state.time + self.file_beats(parent, max(definition.delay, 0))
        loop = self._new_thread(definition, at, parent, one_shot=True,
                                track=definition.name if named else parent.track, seed=seed)
        if named:
            self.loops[definition.name] = loop
            if definition.name not in self.track_order:
                self.track_order.append(definition.name)

    def reload(self, piece: PieceDefinition, now) -> None:
        """Adopt an edited piece: kept loops run their new body from their next iteration, new
        loops start on the next whole beat after `now` (plus the top level's sleeps before them),
        removed loops end with this iteration. The top level's own notes are not played again, nor is
        a loop it plays for ever started twice: the running one plays on as it was (Sonic Pi users
        put what they edit in a live_loop; a second Run there would stack a second copy)."""
        now = to_beats(now)
        start = Fraction(-(-now.numerator // now.denominator))  # ceiling: the next whole beat
        kit = self._load_kit(piece.kit or DEFAULT_KIT)  # may fail: first
        for name, loop in self.loops.items():
            if not loop.one_shot and name not in piece.loops and name not in self._external:
                loop.removed = True
                fibers.abandon(self, loop)  # a body that loops for ever ends too
                self._emit(Release(loop.state.time, name))  # nothing it played outlasts its last iteration
        self.loops = {n: lp for n, lp in self.loops.items() if not lp.removed}
        self._queue = [entry for entry in self._queue if not entry[3].removed]
        heapq.heapify(self._queue)
        self._parked = [loop for loop in self._parked if not loop.removed]
        self.kit = kit
        new_bpm = self.bpm_override or piece.bpm or DEFAULT_BPM
        set_by_removed_loop = self._tempo_loop is not None and self._tempo_loop not in self.loops
        if set_by_removed_loop or new_bpm != (self.bpm_override or self.piece.bpm or DEFAULT_BPM):
            self._tempo_loop = None
            self.bpm = new_bpm
            self._set_piece_tempo(start, new_bpm)
        self.path = piece.path
        self.piece = piece
        self._adopt_loops(piece, start)

    def close(self) -> None:
        """End the bodies still waiting mid-iteration (a runtime put away while they would play
        on: a reload's scratch copy); their `finally` blocks run now."""
        for loop in list(self._suspended):
            fibers.abandon(self, loop)

    def _run_iteration(self, loop: RunningLoop) -> None:
        """Run an iteration of `loop`'s body, or go on with the one it waits in, until it ends or
        waits again (see composer.runtime.fibers); then queue the thread at its time."""
        state = loop.state
        definition = loop.definition
        loop.sleeps = 0
        limit = self.until if self.until is not None else NEVER  # a render's end bounds every body
        if loop.cut_at is not None:
            limit = min(limit, loop.cut_at)
        if limit is not loop.sleep_limit:  # rendering, it is the render's end each time
            loop.sleep_limit = limit
            loop.sleep_key = limit.numerator / limit.denominator
        active = self._active
        active.append(loop)
        this_thread.current = state
        try:
            if not loop.needs_fiber:  # its last iteration was short: no fiber to switch to
                loop.in_fiber = False
                self._run_body(loop)
            else:
                loop.in_fiber = True
                if fibers.iterate(self, loop):  # waiting, mid-body, for the stream to reach it
                    if loop is not self._eager:
                        self._enqueue(loop)
                    return
        except StopLoop:
            loop.stopped = True
        except PastHorizon:
            if loop.cut_at is not None and state.time >= loop.cut_at:
                loop.stopped = True
            else:
                state.time = max(state.time, self.until)  # nothing more of this loop can be heard
                self.cut_at_end = True
        except Parked:
            self._parked.append(loop)
            return
        except BaseException as error:
            if isinstance(error, Overrun):
                raise self.budget.overrun(loop, error)  # the body ran away: see composer.runtime.budget
            if not isinstance(error, (Exception, SystemExit)):
                raise  # Ctrl-C, a stop signal: not the piece's error
            namespace = self._namespace if loop is self._top else definition.body.__globals__
            raise located(error, self.path, namespace) from None
        finally:
            active.pop()
            this_thread.current = active[-1].state if active else context.top_level
        if loop.stopped or loop.one_shot:
            if loop.name in self.loops and self.loops[loop.name] is loop:
                self.stop_loop(loop.name)
            loop.removed = True
            return
        if loop.removed:
            return
        time = state.time
        key = time.numerator / time.denominator
        start = loop.body_start
        start_key = start.numerator / start.denominator
        # floats order like the exact times they round: each exact test runs only when it may hold
        if key <= start_key and time <= start and not loop.waited:
            raise PieceError(
                f"{self.path}:{definition.line}: live_loop {definition.name!r} did not sleep: "
                "each iteration must sleep or sync (as in Sonic Pi), or it would play forever in no time"
            )
        began = loop.iteration_start  # `start` unless a negative delay moved it back
        if key <= (start_key if began is start else began.numerator / began.denominator) and time < began:
            raise PieceError(
                f"{self.path}:{definition.line}: live_loop {definition.name!r}: its delay "
                f"({float(definition.delay):g}) goes back further than its first iteration sleeps: "
                "it would play before it was defined"
            )
        heapq.heappush(self._queue, (key, time, loop.order, loop))  # as _enqueue does

    def _run_body(self, loop: RunningLoop) -> None:
        """One iteration of a thread's body, from its start (in a fiber)."""
        state = loop.state
        definition = loop.definition
        loop.iteration_start = loop.body_start = state.time
        loop.waited = loop.rewound = False
        # rendering, its next iteration needs none until one sleeps SLEEPS_PER_RUN times in a run (see
        # PieceCalls._long_run); played with no end, any may loop for ever: each has one (~2 us)
        loop.needs_fiber = self.until is None
        if not loop.started:
            if definition.delay < 0:  # Sonic Pi's delay: is a sleep; a negative one goes back
                self._rewind(loop, definition.delay)
                loop.body_start = state.time
            if definition.sync:
                self.sync((definition.sync,), definition.sync_bpm)
            loop.started = True
        if loop.cue_path is not None:
            event = self.time_state.add(loop.cue_path, state.time, loop.order, [], loop.bpm)
            if self._parked:
                self._wake(event)
        if definition.takes_value:
            loop.value = definition.body(loop.value)
        else:
            definition.body()

    # ----- what pieces call (through composer.runtime.dsl) ------------------------------------

    def current_loop(self, what: str) -> RunningLoop:
        if not self._active:
            raise ComposerError(f"{what}() only works while the piece runs")
        return self._active[-1]

    def _emit(self, event: Event, first: int | None = None) -> None:
        """Queue an event; heap keys lead with a float, as _enqueue's do."""
        beat = event.beat
        sequence = next(self._sequence) if first is None else first
        heapq.heappush(self._pending, (beat.numerator / beat.denominator, beat, sequence, event))

    def _enqueue(self, loop: RunningLoop) -> None:
        """Queue the thread at its cursor. Heap keys lead with a float, which orders like the
        exact time (ties fall through to the Fraction) but compares far faster."""
        time = loop.state.time
        heapq.heappush(self._queue, (time.numerator / time.denominator, time, loop.order, loop))
