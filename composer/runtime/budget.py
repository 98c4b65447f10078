"""A budget for every loop iteration, so that no body can freeze the music or eat the memory.

Sonic Pi survives any edit: a body that never finishes is abandoned and the rest plays on.
Here a watchdog thread looks at the iteration being computed every few milliseconds; one that
has used more than its CPU seconds, or more than its seconds of the clock, or produced more
than `MAX_EVENTS` events, gets an `Overrun` exception raised inside it
(`PyThreadState_SetAsyncExc`: the interpreter raises it at the body's next bytecode, so it ends
Python loops such as `while True: pass`; a single C call, a `time.sleep(3)` say, ends first).
That bytecode may be a callback's that Python runs in the thread and whose exceptions it only
prints (a garbage collector's callback, a weakref's, a `__del__`): such an Overrun is not
printed (`_quiet_overruns`), and the watchdog fires again until one lands in the body.

- Rendering (the default), an overrun is a one-line error naming the file, line and loop.
- Live (`live(report)`), each iteration is first snapshotted; an overrun rolls back what it did
  (its events, time, ticks, random stream and settings) and the loop runs that iteration with
  the last body that finished one in budget, so an edit that hangs leaves the old code playing.
  A loop with no such body (it was just added) stops, as a loop whose body raised does.
"""

from __future__ import annotations

import heapq
import sys
import threading
import time
import weakref

from composer.randomness.state import RandomState
from composer.runtime.piece import PieceError

#: CPU seconds one iteration may compute when rendering (a body that never ends is found here).
RENDER_SECONDS = 10.0
#: CPU seconds one live iteration may compute when the loop has an earlier body to fall back on:
#: the music stalls this long at most (a first run may import a module: more would be harsh).
LIVE_SECONDS = 0.2
#: ... and when it has none (a loop just added), which then stops: no sooner than it must.
FIRST_BODY_SECONDS = 1.0
#: Wall-clock seconds an iteration may take (a body blocked in a call uses no CPU time); on a
#: busy machine a render's CPU seconds take longer than their number.
LIVE_WALL_SECONDS = 2.0
RENDER_WALL_SECONDS = 30.0
#: Events one iteration may produce: far beyond any music, far below a runaway's gigabytes.
MAX_EVENTS = 100_000
#: How often the watchdog looks: live, a fraction of LIVE_SECONDS; rendering, seldom (it costs).
LIVE_WATCH_PERIOD = 0.02
RENDER_WATCH_PERIOD = 0.1
#: How long a fired Overrun has to end its iteration before it is raised again.
REFIRE_SECONDS = 0.05


class Overrun(BaseException):
    """Raised inside a body that went over its budget. A BaseException, so that a piece's own
    `except Exception` cannot swallow it."""


class IterationBudget:
    """Watches a runtime's iterations; live, runs each of them (as `runtime.run_iteration`).

    Rendering costs nothing an iteration: the watchdog reads the runtime's own
    iteration count, unlocked (only an iteration ending in the microseconds between the look
    and the raise, after 10 s, could receive it late). Live iterations are bracketed under a
    lock, so an `Overrun` never lands after its iteration ended (in the scheduler, say).
    """

    def __init__(self, runtime):
        self.runtime = runtime
        self.seconds = RENDER_SECONDS
        self.wall_seconds = RENDER_WALL_SECONDS
        self.report = None  # live: where a rolled-back iteration is reported
        self.trusted: dict = {}  # live: loop name -> the last definition that finished in budget
        self._lock = threading.Lock()
        self._token = 0  # live: one per iteration
        self._active = False
        self._thread_id = 0
        self._fired = None  # the iteration the watchdog fired on
        self._fired_at = 0.0
        self._reason = ""
        self._iterate = runtime._run_iteration
        _WATCHDOG.add(self)

    def live(self, report) -> None:
        """Roll back overrunning iterations and play the previous body; `report(message)`."""
        self.report = report
        self.wall_seconds = LIVE_WALL_SECONDS
        self.runtime.run_iteration = self._run_live

    # ----- the computing thread ---------------------------------------------------------------

    def overrun(self, loop, overrun: Overrun) -> BaseException:
        """What the runtime raises for an iteration the watchdog stopped: rendering, the render's
        one-line error; live, the Overrun itself, for `_run_live` to roll the iteration back."""
        if self.report is not None:
            return overrun
        return PieceError(self._describe(loop, overrun))

    def _run_live(self, loop) -> None:
        snapshot = _Snapshot(self.runtime, loop)
        try:
            try:
                with self._lock:
                    has_fallback = self.trusted.get(loop.definition.name) is not None
                    self.seconds = LIVE_SECONDS if has_fallback else FIRST_BODY_SECONDS
                    self._token += 1
                    self._thread_id = threading.get_ident()
                    self._active = True
                self._iterate(loop)
            finally:
                with self._lock:
                    self._active = False
                    if self._fired == self._token:  # fired but maybe not raised yet: take it back
                        interrupt(self._thread_id, None)
        except Overrun as overrun:
            self._recover(loop, snapshot, self._describe(loop, overrun))
            return
        self.trusted[loop.definition.name] = loop.definition

    def _describe(self, loop, overrun: Overrun) -> str:
        line = loop.definition.line
        import traceback  # live only, on an overrun

        path = str(self.runtime.path)
        for frame, lineno in traceback.walk_tb(overrun.__traceback__):
            if frame.f_code.co_filename == path:
                line = lineno
        if loop is getattr(self.runtime, "_top", None):
            return f"{path}:{line}: the piece's top level {self._reason}; does it loop forever?"
        return (f"{path}:{line}: live_loop {loop.definition.name!r} {self._reason} without finishing an "
                "iteration; does its body loop forever?")

    def _recover(self, loop, snapshot: _Snapshot, message: str) -> None:
        """Undo the abandoned iteration and run it again with the last body known to finish."""
        snapshot.restore()
        name = loop.definition.name
        previous = self.trusted.get(name)
        if previous is None or previous is loop.definition:
            self.trusted.pop(name, None)
            raise PieceError(message)  # the live session stops the loop, as for any failing body
        self.report(f"{message} (playing its previous version)")
        loop.definition = previous
        self._run_live(loop)

    # ----- the watchdog's thread --------------------------------------------------------------

    def check(self, now: float, seen: dict) -> None:
        """Fire `Overrun` into the iteration if it went over budget (called by the watchdog)."""
        if self.report is None:
            runtime = self.runtime
            if runtime._active:  # rendering: one iteration per value of the runtime's count
                self._judge(now, seen, runtime._iterations, None)
            return
        with self._lock:
            if self._active:
                self._judge(now, seen, self._token, self._thread_id)

    def _judge(self, now: float, seen: dict, token: int, thread_id: int | None) -> None:
        pending = len(self.runtime._pending)
        start = seen.get(self)
        if start is None or start[0] != token:  # a new iteration: its budget starts at the next look
            seen[self] = (token, now, None, pending)
            return
        thread_id = thread_id or _computing_thread(self.runtime)
        if start[2] is None:  # most iterations end before this: the thread is looked up only now
            seen[self] = start = (token, start[1], _thread_cpu(thread_id), start[3])
        if self._fired == token and now - self._fired_at < REFIRE_SECONDS:
            return  # fired already: again only if something swallowed it (a bare `except:`, or
            # a garbage collector's callback it landed in, which ignores exceptions)
        if _thread_cpu(thread_id) - start[2] > self.seconds:
            reason = f"computed for more than {self.seconds:g} s"
        elif now - start[1] > self.wall_seconds:
            reason = f"took more than {self.wall_seconds:g} s"
        elif pending - start[3] > MAX_EVENTS:
            reason = f"produced more than {MAX_EVENTS:,} events"
        else:
            return
        self._fired, self._fired_at, self._reason = token, now, reason
        interrupt(thread_id)


class _Snapshot:
    """What one iteration can change, taken before it: enough to undo it."""

    def __init__(self, runtime, loop):
        self.runtime = runtime
        self.loop = loop
        self.sequence = next(runtime._sequence)  # everything emitted from now on is newer
        self.state = {slot: _copy(getattr(loop.state, slot)) for slot in type(loop.state).__slots__}
        self.running = {slot: _copy(getattr(loop, slot)) for slot in type(loop).__slots__ if slot != "definition"}
        self.tempo = (runtime.bpm, runtime.time_signature, runtime.tempo.copy())
        self.cues = runtime.time_state.sequence  # cues and sets from now on are the iteration's

    def restore(self) -> None:
        runtime, loop = self.runtime, self.loop
        track = loop.track  # the top level's and its threads' notes go to the main track
        pending = runtime._pending  # in place: `events()` holds this very list
        pending[:] = [entry for entry in pending if entry[2] < self.sequence or getattr(entry[3], "track", track) != track]
        heapq.heapify(pending)
        for slot, value in self.state.items():
            setattr(loop.state, slot, _copy(value))
        for slot, value in self.running.items():
            setattr(loop, slot, _copy(value))
        runtime.bpm, runtime.time_signature, runtime.tempo = self.tempo
        runtime.time_state.forget_since(self.cues)


def _copy(value):
    """A copy of what an iteration may change in place (counters, settings, a random stream)."""
    return value.copy() if isinstance(value, (dict, list, set, RandomState)) else value


def _computing_thread(runtime) -> int:
    """The thread running one of `runtime`'s iterations (looked up only when judging one)."""
    for thread_id, frame in sys._current_frames().items():
        while frame is not None:
            code = frame.f_code.co_name
            if (code == "_run_iteration" and frame.f_locals.get("self") is runtime
                    or code == "_serve" and frame.f_locals.get("runtime") is runtime):  # a fiber (runtime.fibers)
                return thread_id
            frame = frame.f_back
    return 0


def _thread_cpu(thread_id: int) -> float:
    try:
        return time.clock_gettime(time.pthread_getcpuclockid(thread_id))
    except (OSError, AttributeError):  # no per-thread CPU clock here: count wall time instead
        return time.monotonic()


def interrupt(thread_id: int, exception: type[BaseException] | None = Overrun) -> None:
    """Raise `exception` in the thread at its next bytecode; None takes back one not yet raised."""
    import ctypes  # only when a body overruns: a render's start-up does not pay for it

    if exception is Overrun and sys.unraisablehook is not _quiet_overruns:
        global _unraisable_hook
        _unraisable_hook, sys.unraisablehook = sys.unraisablehook, _quiet_overruns
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exception) if exception else None)


_unraisable_hook = sys.unraisablehook  # the hook `_quiet_overruns` passes everything else to
_passing = threading.local()  # a hook that wraps ours in turn must not send us round in a circle


def _quiet_overruns(unraisable) -> None:
    """sys.unraisablehook once Overruns fly: one that landed in a callback whose exceptions
    Python only prints is no error (the watchdog fires again); the rest go to the hook before."""
    if unraisable.exc_type is Overrun or getattr(_passing, "on", False):
        return
    _passing.on = True
    try:
        _unraisable_hook(unraisable)
    finally:
        _passing.on = False


class _Watchdog:
    """One daemon thread for every budget in the process, started with the first."""

    def __init__(self):
        self._budgets: weakref.WeakSet = weakref.WeakSet()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def add(self, budget: IterationBudget) -> None:
        with self._lock:
            self._budgets.add(budget)
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="composer-watchdog", daemon=True)
                self._thread.start()

    def _watch(self) -> None:
        seen: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        while True:
            budgets = list(self._budgets)
            live = any(budget.report is not None for budget in budgets)
            time.sleep(LIVE_WATCH_PERIOD if live else RENDER_WATCH_PERIOD)
            now = time.monotonic()
            for budget in budgets:
                budget.check(now, seen)
            del budgets


_WATCHDOG = _Watchdog()
