"""Never leave a note hanging: track what sounds, silence it on any stop, panic on demand.

A stop (Ctrl-C, SIGTERM, an exception, a lost port) sends a note-off for every note that was
sent and not yet ended, then All Notes Off (CC 123) on each channel used. `panic` is the
heavier hammer for a synth in an unknown state: note-offs for all 128 notes and CC 120
(All Sound Off) and CC 123 on all 16 channels.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable

from composer.midi.bytes import ALL_NOTES_OFF, ALL_SOUND_OFF, CONTROL_CHANGE, NOTE_OFF, NOTE_ON, is_channel_status

#: Pause between channels in a panic, so 2048 note-offs do not overflow a port's buffer
#: (JACK drains it once a period, 5.3 ms at 256 frames and 48 kHz).
PANIC_PACING = 0.006


class Terminated(BaseException):
    """SIGTERM, turned into an exception so the stop runs the same cleanup as Ctrl-C."""


class NoteGuard:
    """Passes messages to `send` and remembers the notes sounding and the channels used."""

    def __init__(self, send: Callable[[tuple], None]):
        self._send = send
        self.sounding: set[tuple[int, int]] = set()  # (channel, note)
        self.channels: set[int] = set()

    def send(self, data: tuple) -> None:
        status = data[0]
        if is_channel_status(status):
            kind, channel = status & 0xF0, status & 0x0F
            self.channels.add(channel)
            if kind == NOTE_ON and data[2] > 0:
                self.sounding.add((channel, data[1]))
            elif kind == NOTE_OFF or kind == NOTE_ON:
                self.sounding.discard((channel, data[1]))
        self._send(data)

    def release(self) -> int:
        """Note-off for every sounding note, then CC 123 on every channel used; how many notes."""
        notes = sorted(self.sounding)
        for channel, note in notes:
            self._send((NOTE_OFF | channel, note, 0))
        self.sounding.clear()
        for channel in sorted(self.channels):
            self._send((CONTROL_CHANGE | channel, ALL_NOTES_OFF, 0))
        return len(notes)

    def forget(self) -> None:
        """The port went away: what it was playing is no longer ours to end."""
        self.sounding.clear()


def panic(send: Callable[[tuple], None], pacing: float = PANIC_PACING) -> None:
    """Silence everything a synth could be playing, on all 16 channels."""
    for channel in range(16):
        for note in range(128):
            send((NOTE_OFF | channel, note, 0))
        send((CONTROL_CHANGE | channel, ALL_SOUND_OFF, 0))
        send((CONTROL_CHANGE | channel, ALL_NOTES_OFF, 0))
        if pacing:
            time.sleep(pacing)


def _raise_terminated(signum, frame):
    raise Terminated()


@contextlib.contextmanager
def sigterm_stops():
    """While inside, SIGTERM raises `Terminated` in the main thread (a clean stop)."""
    try:
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def shielded():
    """Hold off SIGINT and SIGTERM while the cleanup sends its note-offs."""
    try:
        previous = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:
        yield
        return
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
