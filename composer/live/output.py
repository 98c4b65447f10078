"""An output port that can disappear and come back without stopping the music.

A synth switched off or a cable pulled removes its port. The scheduler keeps time regardless:
messages meant for a missing port are dropped, a watcher thread notices the port is gone
(one warning) and reopens it when a port of the same name returns (one more line), sending
All Notes Off there first, since what it was playing before is unknown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

CHECK_SECONDS = 0.5


class PortOutput:
    """`send(data)` to an open rtmidi.MidiOut; `watch()` starts the loss/return watcher."""

    def __init__(self, midi_out, port_name: str | None, api: int, warn: Callable[[str], None]):
        self.midi_out = midi_out
        self.port_name = port_name  # None for a virtual port, which cannot be lost
        self.api = api
        self.warn = warn
        self.lost = False
        self.on_lost: Callable[[], None] | None = None
        self.on_return: Callable[[], None] | None = None
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def send(self, data) -> None:
        with self._lock:
            if self.lost:
                return
            try:
                self.midi_out.send_message(data)
            except Exception as error:  # the API refused: treat as a lost port
                self._mark_lost(f"cannot send to MIDI output {self.port_name!r} ({error})")

    def watch(self) -> None:
        if self.port_name is None or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._watch, name="composer-port-watch", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        import rtmidi

        lister = rtmidi.MidiOut(self.api, name="composer-watch")
        try:
            while not self._done.wait(CHECK_SECONDS):
                names = lister.get_ports()
                present = self.port_name in names
                if not present and not self.lost:
                    with self._lock:
                        self._mark_lost(f"MIDI output {self.port_name!r} went away; keeping time, "
                                        "will reconnect when it returns")
                elif present and self.lost:
                    self._reopen()
        finally:
            lister.delete()

    def _mark_lost(self, message: str) -> None:
        self.lost = True
        self.warn(message)
        if self.on_lost is not None:
            self.on_lost()

    def _reopen(self) -> None:
        with self._lock:
            try:
                self.midi_out.close_port()
                names = self.midi_out.get_ports()
                self.midi_out.open_port(names.index(self.port_name))
            except (ValueError, Exception):
                return  # gone again between the listing and the open: try on the next check
            self.lost = False
        self.warn(f"MIDI output {self.port_name!r} is back")
        if self.on_return is not None:
            self.on_return()

    def close(self) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
        with self._lock:
            try:
                self.midi_out.close_port()
            finally:
                self.midi_out.delete()
