"""MIDI's bytes: status values, controller numbers, and what makes a message well formed.

The one place that knows the wire format, so the runtime, the sinks, the live scheduler, the
perform router and the controller model all agree on it. Pure: no I/O, no rtmidi.
"""

from __future__ import annotations

# ----- channel messages: the status's high nibble; the low nibble is the channel (0-15) ------
NOTE_OFF = 0x80
NOTE_ON = 0x90
POLY_PRESSURE = 0xA0
CONTROL_CHANGE = 0xB0
PROGRAM_CHANGE = 0xC0
CHANNEL_PRESSURE = 0xD0
PITCH_BEND = 0xE0

# ----- system common and real-time messages --------------------------------------------------
SYSEX = 0xF0
MTC_QUARTER_FRAME = 0xF1
SONG_POSITION = 0xF2
SONG_SELECT = 0xF3
TUNE_REQUEST = 0xF6
SYSEX_END = 0xF7
CLOCK = 0xF8
START = 0xFA
CONTINUE = 0xFB
STOP = 0xFC
ACTIVE_SENSING = 0xFE
SYSTEM_RESET = 0xFF

#: The transport bytes MIDI clock uses: tick, start, continue, stop.
CLOCK_BYTES = frozenset({CLOCK, START, CONTINUE, STOP})

# ----- controller numbers --------------------------------------------------------------------
MOD_WHEEL = 1
VOLUME = 7
PAN = 10
SUSTAIN = 64
CUTOFF = 74  # "brightness" in General MIDI 2; what synths map their filter cutoff to
REVERB = 91
CHORUS = 93
ALL_SOUND_OFF = 120
RESET_ALL_CONTROLLERS = 121
LOCAL_CONTROL = 122
ALL_NOTES_OFF = 123
OMNI_OFF, OMNI_ON, MONO_ON, POLY_ON = 124, 125, 126, 127

#: Pitch bend's 14-bit range and its centre (no bend).
PITCH_BEND_MAX = 16383
PITCH_BEND_CENTRE = 8192

#: Data bytes after the status of each system message of fixed length.
_SYSTEM_DATA_LENGTH = {
    MTC_QUARTER_FRAME: 1,
    SONG_POSITION: 2,
    SONG_SELECT: 1,
    TUNE_REQUEST: 0,
    CLOCK: 0,
    START: 0,
    CONTINUE: 0,
    STOP: 0,
    ACTIVE_SENSING: 0,
    SYSTEM_RESET: 0,
}


def is_channel_status(status: int) -> bool:
    return 0x80 <= status <= 0xEF


def kind_of(status: int) -> int:
    """The message kind of a channel status (NOTE_ON for 0x93)."""
    return status & 0xF0


def channel_of(status: int) -> int:
    """The 0-based channel of a channel status."""
    return status & 0x0F


def channel_data_length(status: int) -> int:
    """Data bytes after a channel status: one for program change and channel pressure, else two."""
    return 1 if status & 0xF0 in (PROGRAM_CHANGE, CHANNEL_PRESSURE) else 2


def is_note_on(data) -> bool:
    """A note-on that sounds (a note-on of velocity 0 is a note-off)."""
    return data[0] & 0xF0 == NOTE_ON and data[2] > 0


def ends_note(data) -> bool:
    """A note-off, or a note-on of velocity 0."""
    kind = data[0] & 0xF0
    return kind == NOTE_OFF or (kind == NOTE_ON and data[2] == 0)


def is_valid(message) -> bool:
    """A channel message with the right length and data bytes 0..127 (running status or junk: no)."""
    if not message or not 0x80 <= message[0] <= 0xEF:
        return False
    return len(message) == 1 + channel_data_length(message[0]) and all(0 <= b <= 127 for b in message[1:])


def is_valid_sysex(message) -> bool:
    """A whole system exclusive message: F0, data bytes 0..127, F7."""
    return (len(message) >= 2 and message[0] == SYSEX and message[-1] == SYSEX_END
            and all(0 <= b <= 127 for b in message[1:-1]))


def is_valid_system(message) -> bool:
    """A whole system common or real-time message of fixed length (not sysex)."""
    if not message:
        return False
    expected = _SYSTEM_DATA_LENGTH.get(message[0])
    return expected is not None and len(message) == 1 + expected and all(0 <= b <= 127 for b in message[1:])


def is_well_formed(message) -> bool:
    """Any complete MIDI message: a channel message, a sysex, or a system message."""
    return is_valid(message) or is_valid_sysex(message) or is_valid_system(message)


def system_kind(message) -> str | None:
    """"sysex" or "clock" for a whole, well-formed system message of that kind; else None."""
    if not message:
        return None
    status = message[0]
    if status == SYSEX:
        return "sysex" if is_valid_sysex(message) else None
    if status in CLOCK_BYTES or status == SONG_POSITION:
        return "clock" if is_valid_system(message) else None
    return None


def song_position(sixteenths: int) -> tuple[int, int, int]:
    """The Song Position Pointer message for a position in sixteenth notes (MIDI beats)."""
    return (SONG_POSITION, sixteenths & 0x7F, (sixteenths >> 7) & 0x7F)


def pitch_bend(channel: int, value: int) -> tuple[int, int, int]:
    """A pitch bend of 14-bit `value` (0..16383, 8192 = none): least significant 7 bits first."""
    return (PITCH_BEND | channel, value & 0x7F, value >> 7)


def channel_reset(channel: int) -> list[tuple[int, int, int]]:
    """Pedal up, modulation off, pitch bend centred, all notes off: a channel as after power-on.
    (All Notes Off alone leaves notes the sustain pedal holds sounding.)"""
    return [
        (CONTROL_CHANGE | channel, SUSTAIN, 0),
        (CONTROL_CHANGE | channel, MOD_WHEEL, 0),
        pitch_bend(channel, PITCH_BEND_CENTRE),
        (CONTROL_CHANGE | channel, ALL_NOTES_OFF, 0),
    ]


def pitch_bend_value(data) -> int:
    """The 14-bit value (0..16383) of a pitch bend message."""
    return data[1] | (data[2] << 7)
