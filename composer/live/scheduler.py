"""The look-ahead scheduler: runtime messages sent at absolute deadlines on time.monotonic().

Every ~25 ms it asks the runtime for the events up to ~100 ms ahead (`runtime.events(until=)`)
and expands them with the same `Expander` the file writer uses, so a port hears exactly what a
render writes. Each message is then sent at its deadline, `origin + tempo_map.seconds(beat)`:
an absolute time, computed afresh from the tempo map, so a late wake-up never shifts later
notes and error never accumulates. Waiting is a sleep until shortly before the deadline, then a
short final wait of at most `FINE_WAIT` seconds.

When the clock falls behind (a stalled machine, or a tempo such as `use_bpm(1e6)` that asks
for more notes than it can send), the music keeps its place in time instead of slowing down: a
note-on due more than `STALE` seconds ago is skipped, and so is the note-off that would have
ended it (a flood of note-offs for notes never played is no better than a flood of notes); the
session reports how many were skipped. Control changes and the rest still go out, late.

With `bars`, the music ends after that many bars through the time signatures the piece meets
as it plays (composer.meters), the rule `composer render --bars` follows: a change of meter
moves the end, so it is watched in the events as they are computed.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable
from fractions import Fraction
from itertools import count

from composer.live.tempo import TempoMap
from composer.meters import LONGEST_BAR, MeterMap
from composer.midi.bytes import NOTE_OFF, NOTE_ON
from composer.runtime.events import Tempo, TimeSignature, port_of
from composer.runtime.messages import Expander, Message

LOOKAHEAD = 0.1  # seconds of music computed ahead of the clock
REFILL = 0.025  # how often the look-ahead window moves on
FINE_WAIT = 0.0015  # the last stretch before a deadline, waited with short yields
HOOK_ROOM = 0.01  # hooks run only when the next message is at least this far off
HORIZON_GRID = 960  # horizons fall on 1/960 beat: short Fractions, no missed events
STALE = 0.25  # a note-on this late (a stalled machine) is dropped, not played in a burst

#: Priorities at one beat: transport (clock, start) before the piece's messages.
TRANSPORT, PIECE = 0, 1


class Scheduler:
    """Runs one runtime against the wall clock, handing each message to `send` on time.

    `send(data)` gets raw MIDI bytes as a tuple. `sources` are extra message streams (MIDI
    clock out): objects with `between(begin, end) -> [(beat, data)]` for beats in [begin, end).
    `hooks` are `(period_seconds, function)` pairs run between messages (reload, status line).
    `route(port)` gives the send function for a port the piece names (`port=`), called when its
    first message is computed; without it, those messages go to `send` too. `bars` ends the
    music after that many bars (else at the runtime's `until`, if it has one).
    """

    def __init__(
        self,
        runtime,
        send: Callable[[tuple], None],
        *,
        lookahead: float = LOOKAHEAD,
        tempo_map: TempoMap | None = None,
        follow_piece_tempo: bool = True,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        on_error: Callable[[Exception], bool] | None = None,
        route: Callable[[str], Callable[[tuple], None]] | None = None,
        bars: Fraction | None = None,
    ):
        self.runtime = runtime
        self.send = send
        self.lookahead = lookahead
        self.tempo_map = tempo_map or TempoMap(runtime.bpm)
        self.follow_piece_tempo = follow_piece_tempo
        self.clock = clock
        self.sleep = sleep
        self.on_error = on_error
        self.route = route
        self.expander = Expander()
        self.sources: list = []
        self.hooks: list[list] = []  # [period, function, next due]
        self.on_computed: list[Callable[[], None]] = []  # called as each look-ahead window is computed
        self.computed_until = Fraction(0)  # every message before this beat is queued
        self.meters = MeterMap(*runtime.time_signature)  # those met so far, in the events computed
        self.bars = bars
        if bars is not None and runtime.until is None:  # an iteration may sleep past the end, as in a render
            runtime.until = bars * LONGEST_BAR
        self.sent = 0
        self.dropped = 0  # note-ons skipped because they came due more than STALE seconds ago
        # (send, channel, note) -> skipped note-ons not yet ended; `send` None is the main output
        self._unplayed: dict[tuple, int] = {}
        # (beat, priority, sequence, data, send): `send` is None for the main output
        self._queue: list[tuple[Fraction, int, int, tuple, Callable | None]] = []
        self._sequence = count()
        self._stopped = False
        self._flushed = False

    # ----- set-up -----------------------------------------------------------------------------

    def add_source(self, source) -> None:
        self.sources.append(source)

    def every(self, period: float, function: Callable[[], None]) -> None:
        self.hooks.append([period, function, 0.0])

    def start(self, at: float | None = None) -> None:
        """Put beat 0 at time `at` (default: one look-ahead from now, so nothing starts late)."""
        origin = self.clock() + self.lookahead if at is None else at
        self.tempo_map.shift(origin - self.tempo_map.origin)

    def stop(self) -> None:
        """Ask `run` to return after the message it is sending (safe from another thread)."""
        self._stopped = True

    # ----- where the music is -----------------------------------------------------------------

    def beat_now(self) -> float:
        """The beat being heard now."""
        return self.tempo_map.beat(self.clock())

    def deadline(self, beat) -> float:
        return self.tempo_map.seconds(beat)

    @property
    def end(self) -> Fraction | None:
        """The beat the music ends at, as far as the time signatures met so far tell."""
        return self.runtime.until if self.bars is None else self.meters.beats(self.bars)

    @property
    def finished(self) -> bool:
        """True when a runtime with an end has sent everything, note-offs included."""
        return self._flushed and not self._queue

    # ----- the loop ---------------------------------------------------------------------------

    def run(self) -> None:
        """Send messages on time until stopped or, for a runtime with an end, until done."""
        self._stopped = False
        while not self._stopped:
            now = self.clock()
            self.refill(now + self.lookahead)
            self._send_due()
            if self.finished:
                return
            next_deadline = self.deadline(self._queue[0][0]) if self._queue else None
            wake = now + REFILL
            if next_deadline is None or next_deadline - self.clock() > HOOK_ROOM:
                self._run_hooks(now)  # a reload takes milliseconds: never just before a message
                wake = min([wake] + [hook[2] for hook in self.hooks])
            if self._stopped:
                return
            if next_deadline is not None:
                wake = min(wake, next_deadline)
            self.wait_until(wake)

    def refill(self, horizon_time: float) -> None:
        """Queue every message before the beat that falls at `horizon_time`."""
        if self._flushed:
            return
        target = Fraction(int(self.tempo_map.beat(horizon_time) * HORIZON_GRID), HORIZON_GRID)
        end = self.end
        if end is not None:
            target = min(target, end)
        if target > self.computed_until:
            target = self._compute(target)
            begin, self.computed_until = self.computed_until, target
            for source in self.sources:
                for beat, data in source.between(begin, target):
                    heapq.heappush(self._queue, (beat, TRANSPORT, next(self._sequence), data, None))
            for computed in self.on_computed:
                computed()
            end = self.end
        if end is not None and self.computed_until >= end:
            for message in self.expander.flush_all(end):  # notes outlasting the end, at their own time
                self._queue_message(message)
            self._flushed = True

    def _compute(self, target: Fraction) -> Fraction:
        """Queue the messages before `target`, or before the end if a change of meter moved it
        earlier; returns the beat reached."""
        expander = self.expander
        wanted, cut = target, False
        while True:
            try:
                for event in self.runtime.events(until=target):
                    if (type(event) is TimeSignature and self.meters.add(event.beat, event.numerator, event.denominator)
                            and self.bars is not None):
                        target = min(wanted, self.end)
                        cut = target < wanted
                    if cut and event.beat >= target:  # past an end the meter moved earlier
                        break
                    for message in expander.feed(event):
                        self._queue_message(message)
                break
            except Exception as error:  # a loop body failed: the runtime has dropped that loop
                if self.on_error is None or not self.on_error(error):
                    raise
        for message in expander.flush_until(target):
            self._queue_message(message)
        return target

    def _queue_message(self, message: Message) -> None:
        data = message.data
        if type(data) is tuple:
            port = port_of(message.track) if self.route is not None else None
            send = None if port is None else self.route(port)
            heapq.heappush(self._queue, (message.beat, PIECE, next(self._sequence), data, send))
        elif type(data) is Tempo:
            if self.follow_piece_tempo:
                self.tempo_map.set_tempo(data.beat, data.bpm)

    def _send_due(self) -> None:
        queue = self._queue
        while queue and not self._stopped:
            beat = queue[0][0]
            deadline = self.deadline(beat)
            if deadline > self.clock() + FINE_WAIT:
                return
            self.wait_until(deadline)
            _, _, _, data, send = heapq.heappop(queue)
            kind = data[0] & 0xF0
            if kind == NOTE_ON and data[2]:
                if deadline < self.clock() - STALE:
                    self.dropped += 1
                    key = (send, data[0] & 0x0F, data[1])
                    self._unplayed[key] = self._unplayed.get(key, 0) + 1
                    continue
            elif (kind == NOTE_OFF or kind == NOTE_ON) and self._unplayed:
                key = (send, data[0] & 0x0F, data[1])
                skipped = self._unplayed.get(key)
                if skipped:  # the note-off of a skipped note (or of an earlier one of the same pitch,
                    # which then ends at the skipped note's end: later, never hanging)
                    if skipped == 1:
                        del self._unplayed[key]
                    else:
                        self._unplayed[key] = skipped - 1
                    continue
            (self.send if send is None else send)(data)
            self.sent += 1

    def wait_until(self, deadline: float) -> None:
        """Sleep until shortly before `deadline`, then wait out the rest in short steps."""
        remaining = deadline - self.clock()
        if remaining > FINE_WAIT:
            self.sleep(remaining - FINE_WAIT)
        while (remaining := deadline - self.clock()) > 0:
            self.sleep(remaining if remaining < 0.0002 else 0.0001)

    def _run_hooks(self, now: float) -> None:
        for hook in self.hooks:
            if now >= hook[2]:
                hook[2] = now + hook[0]
                hook[1]()
