"""Read an rtmidi input from a thread of ours, never from the MIDI system's own thread.

python-rtmidi can call a Python function from JACK's process thread, but JACK stops that thread
by cancelling it when the port closes. Cancelled while it holds or waits for the GIL, it leaves
the interpreter locked for good: `perform` once hung at exit that way after a SIGTERM. So the
messages wait in rtmidi's queue (C++ only) and a Python thread takes them out, sleeping a
millisecond whenever the queue is empty; closing stops that thread before the port goes.

Arrival times come from rtmidi's own stamps (the MIDI system's clock when it received each
message, as time since the one before), placed on time.monotonic(): a reading thread held up by a
busy machine then still reports when messages came, not when it got round to them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

POLL_SECONDS = 0.001


class InputListener:
    """Calls `on_message(data, arrival)` for each message of `midi_in`, `arrival` from time.monotonic()."""

    def __init__(self, midi_in, on_message: Callable[[list, float], None], name: str = "composer-midi-in"):
        self.midi_in = midi_in
        self.on_message = on_message
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        get_message, stop, clock = self.midi_in.get_message, self._stop, time.monotonic
        stamps = ArrivalStamps()
        while not stop.is_set():
            message = get_message()
            if message is None:
                stop.wait(POLL_SECONDS)
            else:
                data, delta = message
                self.on_message(data, stamps.arrival(delta, clock()))

    def close(self) -> None:
        """Stop reading, then close and delete the port (safe to call twice)."""
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join()
        midi_in, self.midi_in = self.midi_in, None
        if midi_in is not None:
            midi_in.close_port()
            midi_in.delete()


class ArrivalStamps:
    """Arrival times on time.monotonic() from rtmidi's deltas (seconds since the previous message).

    The running sum of deltas is exact relative time; its offset to our clock is the smallest
    `read time - sum` seen so far, as no message is read before it arrives. Stamps never go
    backwards, even when a late first read is corrected.
    """

    def __init__(self):
        self.elapsed = 0.0
        self.offset: float | None = None
        self.last = float("-inf")

    def arrival(self, delta: float, read_at: float) -> float:
        self.elapsed += delta
        candidate = read_at - self.elapsed
        if self.offset is None or candidate < self.offset:
            self.offset = candidate
        self.last = max(self.last, self.offset + self.elapsed)
        return self.last
