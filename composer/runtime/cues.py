"""The runtime's cue calls: `cue`, `set_`/`get` and `sync` over the time state.

`sync` runs the threads that are behind (nested) until a matching event exists after the
thread's position; `get` runs those behind it first, so every earlier `set` is in the log. A
nested run never goes past a thread it runs inside of (that thread's later cues and sets are not
made yet); a sync that nothing answers parks its thread until a matching event comes.
"""

from __future__ import annotations

import heapq
from fractions import Fraction

from composer.beats import to_beats
from composer.errors import ComposerError
from composer.runtime.threads import Parked, PastHorizon
from composer.runtime.timestate import event_path, matcher_paths

#: How far `sync` lets other threads run ahead looking for the cue before it parks.
SYNC_HORIZON_BEATS = 1024


class CueCalls:
    """Mixed into the Runtime."""

    def cue(self, name, values) -> None:
        loop = self.current_loop("cue")
        self._log(event_path(name, "cue"), loop.state.time, loop.order, values, loop.bpm)

    def set_state(self, name, value) -> None:
        loop = self.current_loop("set_")
        self._log(event_path(name, "set"), loop.state.time, loop.order, value, loop.bpm)

    def get_state(self, name, default=None):
        """The value of the last cue/set matching `name` at or before the running thread's
        position; threads that are behind it run first, so every earlier set is in the log."""
        loop = self.current_loop("get")
        time, order = loop.state.time, loop.order
        limit = self._outer_limit()
        queue, outside = self._queue, []
        try:
            while queue and (queue[0][1], queue[0][2]) < (time, order) and (limit is None or queue[0][1] <= limit):
                self._run_next(outside)
        finally:
            self._queue_again(outside)
        event = self.time_state.latest(matcher_paths(name), (time, order, self.time_state.sequence))
        return default if event is None else event.values

    def _run_next(self, outside: list) -> None:
        """Run the earliest queued thread's iteration inside a wait. Loops added from outside
        (the performer's arpeggiator) follow live input, so they run only when the stream
        reaches them, never ahead inside a wait: they go to `outside`, to be queued again."""
        entry = heapq.heappop(self._queue)
        if entry[3].name in self._external:
            outside.append(entry)
        elif not entry[3].removed:
            self._run_iteration(entry[3])

    def _queue_again(self, entries: list) -> None:
        for entry in entries:
            heapq.heappush(self._queue, entry)

    def _outer_limit(self) -> Fraction | None:
        """How far a nested run may go: not past a thread it runs inside of, whose later cues
        and sets it could not see yet."""
        return min((loop.state.time for loop in self._active[:-1]), default=None)

    def external_cue(self, path: str, values, at) -> None:
        """An event from outside the piece (MIDI input) at beat `at`, at or after what has been
        computed: syncs on it wake, gets from then on see it."""
        self._log(event_path(path), to_beats(at), -1, values, None)

    def _log(self, path: str, time: Fraction, order: int, values, bpm) -> None:
        event = self.time_state.add(path, time, order, values, bpm)
        if self._parked:
            self._wake(event)

    def _wake(self, event) -> None:
        """Threads parked in a sync that `event` answers go back in the queue at its time."""
        for loop in [lp for lp in self._parked
                     if self.time_state.matches(lp.waiting, event.path) and event[:3] > lp.last_sync]:
            self._parked.remove(loop)
            loop.waiting = None
            loop.state.time = event.time
            loop.last_sync = (event.time, event.order, event.sequence - 1)  # its sync takes this very event
            if not loop.removed:
                self._enqueue(loop)

    def sync(self, names: tuple, bpm_sync: bool = False):
        """Wait for the next cue matching any of `names` after this thread's position (its last
        sync if it has not slept since, else now), continue from it, and return its values."""
        loop = self.current_loop("sync")
        if loop.warps:
            raise ComposerError("sync inside time_warp is not supported (as in Sonic Pi)")
        wanted = tuple(path for name in names for path in matcher_paths(name))
        position = loop.last_sync or (loop.state.time, loop.order, self.time_state.sequence - 1)
        limit = self._outer_limit()
        outside = []
        try:
            while True:
                found = self.time_state.next_after(wanted, position)
                if found is not None:
                    break
                if self.until is not None and self._queue and self._queue[0][1] >= self.until:
                    raise PastHorizon  # the cue would come after the end of the render
                if (not self._queue or self._queue[0][1] > loop.state.time + SYNC_HORIZON_BEATS
                        or (limit is not None and self._queue[0][1] > limit)):
                    loop.waiting, loop.last_sync = wanted, position
                    raise Parked
                self._run_next(outside)
        finally:
            self._queue_again(outside)
        loop.last_sync = found[:3]
        loop.waited = True
        if bpm_sync:
            self.set_thread_bpm(found.bpm, relative=True)
        if loop.bpm is not None:
            loop.beat += (found.time - loop.state.time) * loop.bpm / self.tempo.at(loop.state.time)
        loop.state.time = found.time
        self.waited_here(loop)
        return found.values
