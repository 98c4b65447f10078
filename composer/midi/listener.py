"""Read an rtmidi input from a thread of ours, never from the MIDI system's own thread.

python-rtmidi can call a Python function from JACK's process thread, but JACK stops that thread
by cancelling it when the port closes. Cancelled while it holds or waits for the GIL, it leaves
the interpreter locked for good: `perform` once hung at exit that way after a SIGTERM. So the
messages wait in rtmidi's queue (C++ only) and a Python thread takes them out, sleeping a
millisecond whenever the queue is empty; closing stops that thread before the port goes.

A sender that starts a sysex and never ends it (`F0 01 02`, then notes) leaves rtmidi adding every
later message to that sysex, so the input goes deaf while a note hangs. With a `SysexProbe`, the
listener sends itself a tiny sysex ten times a second: it ends any sysex left open, so rtmidi hands
over what it swallowed; the listener splits that back into the messages it held (the broken
fragment is reported and dropped) and drops its own probes.

Arrival times come from rtmidi's own stamps (the MIDI system's clock when it received each
message, as time since the one before), placed on time.monotonic(): a reading thread held up by a
busy machine then still reports when messages came, not when it got round to them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from composer.midi.bytes import SYSEX, SYSEX_END

POLL_SECONDS = 0.001
PROBE_SECONDS = 0.1
PROBE = [SYSEX, 0x7D, SYSEX_END]  # a sysex for non-commercial use: ends one left open, then dropped


class InputListener:
    """Calls `on_message(data, arrival)` for each message of `midi_in`, `arrival` from time.monotonic().

    With `probe` (a SysexProbe on this input), a sysex left open is ended and what it swallowed
    is delivered; `on_broken(fragment)` hears of each such fragment.
    """

    def __init__(self, midi_in, on_message: Callable[[list, float], None], name: str = "composer-midi-in",
                 probe: "SysexProbe | None" = None, on_broken: Callable[[list], None] | None = None):
        self.midi_in = midi_in
        self.on_message = on_message
        self.probe = probe
        self.on_broken = on_broken
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        get_message, stop, clock = self.midi_in.get_message, self._stop, time.monotonic
        stamps = ArrivalStamps()
        probe = self.probe
        next_probe = clock()
        while not stop.is_set():
            if probe is not None and clock() >= next_probe:
                probe.send()
                next_probe = clock() + PROBE_SECONDS
            message = get_message()
            if message is None:
                stop.wait(POLL_SECONDS)
                continue
            data, delta = message
            arrival = stamps.arrival(delta, clock())
            if probe is not None and data[0] == SYSEX:
                self._sysex(data, arrival)
            else:
                self.on_message(data, arrival)

    def _sysex(self, data: list, arrival: float) -> None:
        """A sysex on a probed input: a probe is dropped, a well-formed one passed on, and one
        that swallowed later messages is split back into them."""
        if data == PROBE:
            return
        if data[-3:] == PROBE:
            data = data[:-3]
        parts = split_messages(data)
        head = parts[0]
        if head[-1] == SYSEX_END:
            self.on_message(head, arrival)
        elif self.on_broken is not None:
            self.on_broken(head)
        for part in parts[1:]:
            self.on_message(part, arrival)

    def close(self) -> None:
        """Stop reading, then close and delete the port (safe to call twice)."""
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join()
        if self.probe is not None:
            self.probe.close()
            self.probe = None
        midi_in, self.midi_in = self.midi_in, None
        if midi_in is not None:
            midi_in.close_port()
            midi_in.delete()


def open_listener(device: str, api: int, on_message: Callable[[list, float], None], name: str,
                  on_broken: Callable[[list], None] | None = None) -> InputListener:
    """A listener on the input `device` that ends any sysex the device leaves open (SysexProbe)."""
    from composer.midi.ports import open_input, own_port_name

    own = own_port_name("in")
    midi_in = open_input(port=device, api=api, own_name=own)
    try:
        probe = SysexProbe(api, own)
    except Exception:  # rtmidi's errors, or our port not listed: read without the probe
        probe = None
    return InputListener(midi_in, on_message, name=name, probe=probe, on_broken=on_broken)


def describe_fragment(fragment: list) -> str:
    """A broken sysex as a person reads it: its first bytes in hex."""
    return " ".join(f"{byte:02X}" for byte in fragment[:8]) + (" ..." if len(fragment) > 8 else "")


def split_messages(data: list) -> list[list]:
    """Bytes that rtmidi joined into one sysex, cut at every status byte (a new message starts
    there: sysex data bytes are all below 0x80); an F7 ends the sysex it belongs to."""
    parts: list[list] = []
    for byte in data:
        if byte >= 0x80 and byte != SYSEX_END or not parts:
            parts.append([byte])
        else:
            parts[-1].append(byte)
    return parts


def _names_port(full_name: str, port: str) -> bool:
    """Whether a listed name is port `port` of some client: "client:port" (JACK), or
    "client:port CLIENT:PORT" with the ALSA numbers after it."""
    return full_name.endswith(f":{port}") or f":{port} " in full_name


class SysexProbe:
    """An output of ours connected to our own input port `own_port`, to send it PROBE."""

    def __init__(self, api: int, own_port: str):
        from composer.midi.ports import PortError, list_ports, open_output

        ours = [p.index for p in list_ports(api) if p.direction == "output" and _names_port(p.name, own_port)]
        if not ours:
            raise PortError(f"our input {own_port!r} is not listed")
        # through open_output, so the probe counts as composer's own port (never offered as an input)
        self._out = open_output(port=str(ours[0]), api=api, own_name=f"probe {own_port}")

    def send(self) -> None:
        try:
            self._out.send_message(PROBE)
        except Exception:  # rtmidi's errors while the port closes: the next probe tries again
            pass

    def close(self) -> None:
        out, self._out = self._out, None
        if out is not None:
            out.close_port()
            out.delete()


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
