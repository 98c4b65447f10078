"""A receiving JACK MIDI port for tests: what composer sends, stamped as it arrives."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time

_names = itertools.count()


def wait_until(predicate, timeout: float = 5.0) -> bool:
    """Poll `predicate()` every 10 ms until it holds (True) or `timeout` passes (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def reap(*processes: subprocess.Popen) -> None:
    """Kill whichever of `processes` still run, and wait for them all: no test leaves one behind."""
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait()


class Receiver:
    """A virtual JACK input port that keeps (time.monotonic(), bytes) of each message.

    `timing=True` also keeps MIDI clock (ignored by default, as most tests do not want it).
    It reads as composer does (composer.midi.listener): a Python callback inside JACK's cycle
    would, on a loaded machine, outlast the cycle during a burst (a panic's 2,080 messages)
    while JACK's next cycle rewrites the buffer being read, and some messages would arrive
    twice and others never.
    """

    def __init__(self, prefix: str = "recv", timing: bool = False):
        self.client = f"{prefix}{os.getpid()}x{next(_names)}"
        self.timing = timing
        self.messages: list[tuple[float, tuple]] = []
        self._open()

    def _open(self) -> None:
        import rtmidi

        from composer.midi.listener import InputListener
        from composer.midi.ports import INPUT_QUEUE_LIMIT

        midi_in = rtmidi.MidiIn(rtmidi.API_UNIX_JACK, name=self.client, queue_size_limit=INPUT_QUEUE_LIMIT)
        midi_in.ignore_types(sysex=False, timing=not self.timing, active_sense=True)
        midi_in.open_virtual_port("in")
        self.listener = InputListener(midi_in, lambda data, arrival: self.messages.append((arrival, tuple(data))))

    def reopen(self) -> None:
        """The same client and port again, as a synth that was restarted; messages start afresh."""
        self.messages = []
        self._open()

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
        return wait_until(predicate, timeout)

    def close(self) -> None:
        self.listener.close()


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
