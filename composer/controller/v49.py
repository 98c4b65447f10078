"""The Alesis V49: its factory MIDI layout, its keybed state, and a decoder for what it sends.

Factory numbers (pads on channel 10 with notes 49 41 42 46 36 37 38 39, knobs CC 20-23, buttons
CC 48-51) come from a published dump of the V-series factory preset, taken from a V25, whose preset
format the V49 shares. They were not read off a V49 itself, so every number is a `V49Layout` field
that a patch's `[controller]` table can override (pad_notes, knob_ccs, button_ccs, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from composer.errors import ComposerError
from composer.midi.bytes import (
    CONTROL_CHANGE,
    NOTE_OFF,
    NOTE_ON,
    PITCH_BEND,
    PITCH_BEND_CENTRE,
    channel_of,
    is_channel_status,
    kind_of,
    pitch_bend_value,
)

NOTE_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")
_LETTERS = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}

KEY_COUNT = 49
LOWEST_KEY = 36  # C2, with middle C (60) as C4
MAX_OCTAVE_SHIFT = 4
MAX_TRANSPOSE = 12
PORT_MATCH = "V49"


def note_name(note: int) -> str:
    """"C4" for 60: sharps, middle C is C4 (the V49 manual's convention)."""
    return f"{NOTE_NAMES[note % 12]}{note // 12 - 1}"


def parse_note(value) -> int:
    """A MIDI note from a number or a name like "c4", "F#3", "bb2"."""
    if isinstance(value, bool):
        raise ComposerError(f"not a note: {value!r}")
    if isinstance(value, int):
        note = value
    else:
        text = str(value).strip().lower()
        if text.lstrip("-").isdecimal():
            note = int(text)
        else:
            if not text or text[0] not in _LETTERS:
                raise ComposerError(f"not a note name: {value!r} (try c4, f#3 or 60)")
            pitch, rest = _LETTERS[text[0]], text[1:]
            while rest[:1] in ("#", "b") and rest[:1]:
                pitch += 1 if rest[0] == "#" else -1
                rest = rest[1:]
            try:
                octave = int(rest)
            except ValueError:
                raise ComposerError(f"not a note name: {value!r} (try c4, f#3 or 60)") from None
            note = (octave + 1) * 12 + pitch
    if not 0 <= note <= 127:
        raise ComposerError(f"note {value!r} is outside MIDI 0..127")
    return note


@dataclass(frozen=True)
class V49Layout:
    """Which channel, note and CC each control sends. Channels are 1..16 as on the front panel."""

    keys_channel: int = 1
    pads_channel: int = 10
    #: Factory pad notes, pad 1..8 (V-series preset dump). Unconfirmed on a V49: override in a patch.
    pad_notes: tuple[int, ...] = (49, 41, 42, 46, 36, 37, 38, 39)
    knob_ccs: tuple[int, ...] = (20, 21, 22, 23)
    #: The four buttons send CC 48..51, 127 when switched on and 0 when off (toggle mode).
    button_ccs: tuple[int, ...] = (48, 49, 50, 51)
    mod_cc: int = 1
    sustain_cc: int = 64
    lowest_key: int = LOWEST_KEY
    key_count: int = KEY_COUNT
    port_match: str = PORT_MATCH

    def with_overrides(self, **changes) -> "V49Layout":
        return replace(self, **{k: tuple(v) if isinstance(v, list) else v for k, v in changes.items()})

    @property
    def highest_key(self) -> int:
        return self.lowest_key + self.key_count - 1


DEFAULT_LAYOUT = V49Layout()


@dataclass(frozen=True)
class KeyEvent:
    note: int
    velocity: int
    on: bool
    channel: int = 1


@dataclass(frozen=True)
class PadEvent:
    pad: int  # 1..8
    velocity: int
    on: bool = True
    note: int = 0


@dataclass(frozen=True)
class KnobEvent:
    knob: int  # 1..4
    value: int


@dataclass(frozen=True)
class ButtonEvent:
    button: int  # 1..4
    value: int

    @property
    def on(self) -> bool:
        return self.value >= 64


@dataclass(frozen=True)
class ModWheel:
    value: int


@dataclass(frozen=True)
class PitchBend:
    value: int  # -8192..8191, 0 at rest


@dataclass(frozen=True)
class Sustain:
    down: bool
    value: int = 127


@dataclass(frozen=True)
class Other:
    """Anything the V49 layout does not name (other channels, aftertouch, sysex, clock)."""

    message: tuple[int, ...] = field(default_factory=tuple)


Control = KeyEvent | PadEvent | KnobEvent | ButtonEvent | ModWheel | PitchBend | Sustain | Other


def decode(message, layout: V49Layout = DEFAULT_LAYOUT) -> Control:
    """One MIDI message (bytes or a list of ints) as the control that sent it."""
    data = tuple(int(b) for b in message)
    if len(data) < 2 or not is_channel_status(data[0]):
        return Other(data)
    kind, channel = kind_of(data[0]), channel_of(data[0]) + 1
    if kind in (NOTE_OFF, NOTE_ON) and len(data) >= 3:
        note, velocity = data[1], data[2]
        on = kind == NOTE_ON and velocity > 0
        if channel == layout.pads_channel and note in layout.pad_notes:
            return PadEvent(layout.pad_notes.index(note) + 1, velocity if on else 0, on, note)
        if channel == layout.keys_channel:
            return KeyEvent(note, velocity if on else 0, on, channel)
    elif kind == CONTROL_CHANGE and len(data) >= 3:
        number, value = data[1], data[2]
        if channel == layout.keys_channel:
            if number == layout.mod_cc:
                return ModWheel(value)
            if number == layout.sustain_cc:
                return Sustain(value >= 64, value)
            if number in layout.knob_ccs:
                return KnobEvent(layout.knob_ccs.index(number) + 1, value)
            if number in layout.button_ccs:
                return ButtonEvent(layout.button_ccs.index(number) + 1, value)
    elif kind == PITCH_BEND and len(data) >= 3 and channel == layout.keys_channel:
        return PitchBend(pitch_bend_value(data) - PITCH_BEND_CENTRE)
    return Other(data)


@dataclass
class Keybed:
    """The octave and transpose buttons: they send nothing, they change the notes keys send."""

    layout: V49Layout = DEFAULT_LAYOUT
    octave: int = 0
    transpose: int = 0

    def shift_octave(self, steps: int) -> int:
        self.octave = max(-MAX_OCTAVE_SHIFT, min(MAX_OCTAVE_SHIFT, self.octave + steps))
        return self.octave

    def shift_transpose(self, steps: int) -> int:
        self.transpose = max(-MAX_TRANSPOSE, min(MAX_TRANSPOSE, self.transpose + steps))
        return self.transpose

    def note_for(self, key) -> int:
        """The note a physical key sends now; keys are named by their note with no shift (C2..C6)."""
        key_note = parse_note(key)
        if not self.layout.lowest_key <= key_note <= self.layout.highest_key:
            raise ComposerError(
                f"key {key!r} is not on the V49 ({note_name(self.layout.lowest_key)}.."
                f"{note_name(self.layout.highest_key)})"
            )
        note = key_note + 12 * self.octave + self.transpose
        if not 0 <= note <= 127:
            raise ComposerError(f"key {key!r} with octave {self.octave:+d} is outside MIDI 0..127")
        return note


def find_v49(names: list[str], match: str = PORT_MATCH) -> int | None:
    """Index of the first port whose name contains `match` (case-insensitive), else None."""
    for index, name in enumerate(names):
        if match.lower() in name.lower():
            return index
    return None
