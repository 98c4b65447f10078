"""An output port that can disappear and come back without stopping the music.

A synth switched off or a cable pulled removes its port. The scheduler keeps time regardless:
messages meant for a missing port are dropped, the watcher (composer.midi.presence) notices the
port is gone (one warning) and reopens it when a port of the same name returns (one more line);
`on_return` then lets the session reset the channels it used (composer.live.stage).
"""

from __future__ import annotations

from collections.abc import Callable

from composer.midi.ports import open_output, own_port_name
from composer.midi.presence import FollowedPort

CHECK_SECONDS = 0.5


class PortOutput(FollowedPort):
    """`send(data)` to an open rtmidi.MidiOut; `watch()` starts the loss/return watcher."""

    direction = "output"
    check_seconds = CHECK_SECONDS

    def __init__(self, midi_out, port_name: str | None, api: int, warn: Callable[[str], None],
                 own_port: str | None = None):
        super().__init__(api, warn)
        self.midi_out = midi_out
        self.port_name = port_name  # None for a virtual port, which cannot be lost
        self.own_port = own_port

    def send(self, data) -> None:
        with self._lock:
            if self.lost:
                return
            try:
                self.midi_out.send_message(data)
                return
            except Exception as error:  # the API refused: treat as a lost port
                first, why = self._set_lost(), error
        if first:
            self._announce_lost(f"cannot send to MIDI output {self.port_name!r} ({why})")

    def watch(self) -> None:
        if self.port_name is not None:
            super().watch()

    def _lost_message(self, replaced: bool) -> str:
        how = "went away and came back as a new port" if replaced else "went away"
        return f"MIDI output {self.port_name!r} {how}; keeping time, will reconnect when it returns"

    def _reconnect(self, names: list[str]) -> str | None:
        if self.port_name not in names:
            return None
        own = own_port_name("out")
        try:
            self.midi_out.close_port()
            self.midi_out.open_port(names.index(self.port_name), own)
        except Exception:  # rtmidi's errors: gone again since the listing; try on the next check
            return None
        self.own_port = own
        return f"MIDI output {self.port_name!r} is back"

    def _close(self) -> None:
        midi_out, self.midi_out = self.midi_out, None
        if midi_out is not None:
            try:
                midi_out.close_port()
            finally:
                midi_out.delete()


def open_followed_output(port_name: str, api: int, warn: Callable[[str], None]) -> PortOutput:
    """The output port named `port_name`, opened so that the watcher can tell a replaced port."""
    own = own_port_name("out")
    return PortOutput(open_output(port=port_name, api=api, own_name=own), port_name, api, warn, own)
