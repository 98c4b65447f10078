"""A receiving JACK MIDI port for tests: what composer sends, stamped as it arrives."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time

_names = itertools.count()


class Receiver:
    """A virtual JACK input port that keeps (time.monotonic(), bytes) of each message.

    `timing=True` also keeps MIDI clock (ignored by default, as most tests do not want it).
    """

    def __init__(self, prefix: str = "recv", timing: bool = False):
        import rtmidi

        self.client = f"{prefix}{os.getpid()}x{next(_names)}"
        self.midi_in = rtmidi.MidiIn(rtmidi.API_UNIX_JACK, name=self.client)
        self.midi_in.ignore_types(sysex=False, timing=not timing, active_sense=True)
        self.midi_in.open_virtual_port("in")
        self.messages: list[tuple[float, tuple]] = []
        self.midi_in.set_callback(lambda event, data=None: self.messages.append((time.monotonic(), tuple(event[0]))))

    @property
    def port(self) -> str:
        return f"{self.client}:in"

    def data(self) -> list[tuple]:
        """Every message's bytes, in arrival order."""
        return [d for _, d in self.messages]

    def channel_data(self) -> list[tuple]:
        """Channel messages only (notes, CCs, bends...), without clock or other system messages."""
        return [d for d in self.data() if d[0] < 0xF0]

    def notes_on(self, channel: int | None = None) -> list[tuple]:
        """Note-ons (velocity > 0), on one 0-based channel if given."""
        return [d for d in self.data() if d[0] & 0xF0 == 0x90 and d[2] > 0 and (channel is None or d[0] & 0x0F == channel)]

    def wait_for(self, predicate, timeout: float = 5.0) -> bool:
        """Poll `predicate()` every 10 ms until it holds or `timeout` passes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.01)
        return False

    def close(self) -> None:
        self.midi_in.cancel_callback()
        self.midi_in.close_port()
        self.midi_in.delete()


def composer_process(*args, **kwargs) -> subprocess.Popen:
    """`python -m composer ARGS` as a user starts it from a terminal, where Ctrl-C works.

    A test run started in the background (as CI may be) has SIGINT ignored, and children
    inherit that; the child gets the terminal's default back so SIGINT tests mean something.
    """
    return subprocess.Popen(
        [sys.executable, "-m", "composer", *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_terminal_signals, **kwargs,
    )


def _terminal_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
