"""Never leave a note hanging: track what sounds, silence it on any stop, panic on demand.

A stop (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, an exception) sends a note-off for every note that
was sent and not yet ended, then resets each channel used: sustain pedal up (CC 64 = 0, since
by the MIDI spec All Notes Off does not end notes the pedal holds), modulation 0 (CC 1), pitch
bend centred, and All Notes Off (CC 123). `panic` is the heavier hammer for a synth in an
unknown state: note-offs for all 128 notes, the same resets, and CC 120 (All Sound Off), on all
16 channels.
"""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable

from composer.midi.bytes import (
    ALL_SOUND_OFF, CONTROL_CHANGE, MOD_WHEEL, NOTE_OFF, NOTE_ON, PITCH_BEND, SUSTAIN, channel_reset, is_channel_status,
)

#: Signals that end a performance cleanly: Ctrl-C aside, a `kill`, a closed terminal or lost
#: ssh session (SIGHUP), and Ctrl-\ (SIGQUIT), which would otherwise end Python at once.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
#: Pause between channels in a panic, so 2048 note-offs do not overflow a port's buffer
#: (JACK drains it once a period, 5.3 ms at 256 frames and 48 kHz).
PANIC_PACING = 0.006


class Terminated(BaseException):
    """A stop signal, turned into an exception so the stop runs the same cleanup as Ctrl-C."""

    def __init__(self, signum: int = signal.SIGTERM):
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The shell's convention for a process ended by a signal: 128 + its number."""
        return 128 + self.signum


def reset_channel(send: Callable[[tuple], None], channel: int) -> None:
    """Pedal up, modulation off, pitch bend centred, all notes off: a channel as after power-on."""
    for data in channel_reset(channel):
        send(data)


class NoteGuard:
    """Passes messages to `send` and remembers the notes sounding, the channels used, and the
    channels whose pedal, modulation or pitch bend a piece has moved."""

    def __init__(self, send: Callable[[tuple], None]):
        self._send = send
        self.sounding: set[tuple[int, int]] = set()  # (channel, note)
        self.channels: set[int] = set()
        self.unsettled: set[int] = set()  # channels whose pedal, modulation or bend was moved

    def send(self, data: tuple) -> None:
        status = data[0]
        if is_channel_status(status):
            kind, channel = status & 0xF0, status & 0x0F
            self.channels.add(channel)
            if kind == NOTE_ON and data[2] > 0:
                self.sounding.add((channel, data[1]))
            elif kind == NOTE_OFF or kind == NOTE_ON:
                self.sounding.discard((channel, data[1]))
            elif (kind == CONTROL_CHANGE and data[1] in (SUSTAIN, MOD_WHEEL) and data[2]) or \
                    (kind == PITCH_BEND and data[1:] != (0, 64)):
                self.unsettled.add(channel)
        self._send(data)

    def release(self) -> int:
        """Note-off for every sounding note, then reset every channel used; how many notes."""
        notes = sorted(self.sounding)
        for channel, note in notes:
            self._send((NOTE_OFF | channel, note, 0))
        self.sounding.clear()
        for channel in sorted(self.channels):
            reset_channel(self._send, channel)
        self.unsettled.clear()
        return len(notes)

    def settle(self) -> None:
        """At a natural end (every note-off sent): reset only the channels whose pedal,
        modulation or bend moved, so a piece that never touches them plays what it renders."""
        for channel, note in sorted(self.sounding):
            self._send((NOTE_OFF | channel, note, 0))
        self.sounding.clear()
        for channel in sorted(self.unsettled):
            reset_channel(self._send, channel)
        self.unsettled.clear()

    def forget(self) -> None:
        """The port went away: what it was playing is no longer ours to end."""
        self.sounding.clear()


def panic(send: Callable[[tuple], None], pacing: float = PANIC_PACING) -> None:
    """Silence everything a synth could be playing, on all 16 channels."""
    for channel in range(16):
        for note in range(128):
            send((NOTE_OFF | channel, note, 0))
        send((CONTROL_CHANGE | channel, ALL_SOUND_OFF, 0))
        reset_channel(send, channel)
        if pacing:
            time.sleep(pacing)


def _raise_terminated(signum, frame):
    raise Terminated(signum)


@contextlib.contextmanager
def signals_stop():
    """While inside, SIGTERM, SIGHUP and SIGQUIT raise `Terminated` in the main thread."""
    with _handling(STOP_SIGNALS, _raise_terminated):
        yield


@contextlib.contextmanager
def shielded():
    """Hold off SIGINT and the stop signals while the cleanup sends its note-offs."""
    with _handling((signal.SIGINT, *STOP_SIGNALS), signal.SIG_IGN):
        yield


@contextlib.contextmanager
def _handling(signals, handler):
    previous = {}
    try:
        for number in signals:
            previous[number] = signal.signal(number, handler)
    except ValueError:  # not the main thread: leave signals alone
        pass
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
