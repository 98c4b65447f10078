"""MIDI input as Sonic Pi's cues: the path and values a message becomes in the time state.

As Sonic Pi's tau server names them: `/midi:DEVICE:CHANNEL/EVENT` with the channel 1-16 (e.g.
`/midi:v49:1/note_on` with values `[note, velocity]`), `/midi:DEVICE/start` for transport. A
piece waits with `sync("/midi:*/note_on")` and reads with `get("/midi:*/control_change")`.
Clock and active sensing are not cues (Sonic Pi drops them too). Pure: no ports, no clock.
"""

from __future__ import annotations

import re

from composer.midi import bytes as midi

_CHANNEL_EVENTS = {
    midi.NOTE_OFF: "note_off",
    midi.NOTE_ON: "note_on",
    midi.POLY_PRESSURE: "aftertouch",
    midi.CONTROL_CHANGE: "control_change",
    midi.PROGRAM_CHANGE: "program_change",
    midi.CHANNEL_PRESSURE: "channel_pressure",
    midi.PITCH_BEND: "pitch_bend",
}
_TRANSPORT = {midi.START: "start", midi.CONTINUE: "continue", midi.STOP: "stop"}


def device_name(port: str) -> str:
    """A port's name as a path segment: lower case, anything but letters and digits as `_`."""
    return re.sub(r"[^a-z0-9]+", "_", port.lower()).strip("_") or "midi"


def cue_of(port: str, data) -> tuple[str, list] | None:
    """The (path, values) of one MIDI message from input `port`, or None when it is no cue."""
    if not data:
        return None
    status = data[0]
    device = device_name(port)
    if midi.is_channel_status(status):
        event = _CHANNEL_EVENTS[midi.kind_of(status)]
        values = list(data[1:1 + midi.channel_data_length(status)])
        if len(values) != midi.channel_data_length(status):
            return None  # a truncated message
        if event == "pitch_bend":
            values = [values[0] | values[1] << 7]
        return f"/midi:{device}:{midi.channel_of(status) + 1}/{event}", values
    if status in _TRANSPORT:
        return f"/midi:{device}/{_TRANSPORT[status]}", []
    return None
