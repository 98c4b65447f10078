"""A software V49: sends exactly the bytes the hardware sends, as methods (key_down, pad_hit...).

Gesture scripts (controller/gestures.py) and the computer keyboard (controller/keyboard.py) play it.
It opens a virtual port named like the hardware ("V49 Simulator"), so `open_input("V49")` finds it
and everything downstream (monitor, calibration, perform) runs without the controller. Pads are
deliberately uneven, as real pads are, so calibration has something to correct.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from composer.controller.v49 import DEFAULT_LAYOUT, Keybed, V49Layout, parse_note
from composer.errors import ComposerError
from composer.midi.bytes import CONTROL_CHANGE, NOTE_OFF, NOTE_ON, PITCH_BEND_CENTRE, pitch_bend

DEFAULT_PORT_NAME = "V49 Simulator"
DEFAULT_FORCE = 0.7
#: After the last message, give the MIDI system this long to deliver before the port closes.
FLUSH_SECONDS = 0.15


@dataclass(frozen=True)
class PadResponse:
    """raw velocity = offset + gain * force * 127 (clipped to 1..127), for one pad."""

    gain: float
    offset: float


#: Per-pad sensitivity, pad 1..8: fixed (not random) so tests and calibration are repeatable.
#: Pad 3 is hot, pad 5 dull, pad 4 triggers high even when touched lightly, like a worn pad.
PAD_RESPONSE = (
    PadResponse(1.00, 0.0),
    PadResponse(0.82, 6.0),
    PadResponse(1.12, -3.0),
    PadResponse(0.90, 12.0),
    PadResponse(0.72, 4.0),
    PadResponse(1.05, -6.0),
    PadResponse(0.95, 8.0),
    PadResponse(0.86, 2.0),
)


def _check_force(force: float) -> float:
    if not 0.0 <= float(force) <= 1.0:
        raise ComposerError(f"force {force} is outside 0..1")
    return float(force)


def key_velocity(force: float) -> int:
    """Keys are even: force 0..1 maps onto velocity 1..127."""
    return 1 + round(_check_force(force) * 126)


def pad_velocity(pad: int, force: float, jitter: int = 0) -> int:
    """The raw velocity pad `pad` sends for `force`, plus a jitter of a few steps if asked."""
    response = PAD_RESPONSE[pad - 1]
    raw = round(response.offset + response.gain * _check_force(force) * 127) + jitter
    return max(1, min(127, raw))


class V49Simulator:
    """The gestures a player makes on a V49, turned into its MIDI messages.

    `send` takes one message as a list of ints (rtmidi's `MidiOut.send_message` fits). Every message
    sent is also kept in `sent`. Keys are named by the physical key (its note with no octave shift,
    C2..C6); the octave and transpose buttons change the note it sends, as on the hardware, and a key
    released after an octave change sends the note-off for the note it started.
    """

    def __init__(self, send: Callable[[list[int]], None] | None = None, layout: V49Layout = DEFAULT_LAYOUT,
                 jitter: int = 0, seed: int | None = None):
        self._send = send
        self.layout = layout
        self.keybed = Keybed(layout)
        self.jitter = jitter
        self._random = random.Random(seed)
        self.sent: list[list[int]] = []
        self.held_keys: dict[int, int] = {}  # physical key -> note sent
        self.held_pads: set[int] = set()
        self.buttons = [False] * len(layout.button_ccs)
        self.sustain_down = False
        self._port = None

    # -- sending ---------------------------------------------------------------------------
    def send(self, message: list[int]) -> None:
        self.sent.append(list(message))
        if self._send is not None:
            self._send(list(message))

    def _status(self, kind: int, channel: int) -> int:
        return kind | (channel - 1)

    # -- gestures --------------------------------------------------------------------------
    def key_down(self, key, force: float = DEFAULT_FORCE, velocity: int | None = None) -> int:
        """Press a key (name or number); returns the note sent."""
        physical = parse_note(key)
        if physical in self.held_keys:
            self.key_up(physical)
        note = self.keybed.note_for(physical)
        velocity = key_velocity(force) if velocity is None else _check_velocity(velocity)
        self.held_keys[physical] = note
        self.send([self._status(NOTE_ON, self.layout.keys_channel), note, velocity])
        return note

    def key_up(self, key) -> None:
        note = self.held_keys.pop(parse_note(key), None)
        if note is not None:
            self.send([self._status(NOTE_OFF, self.layout.keys_channel), note, 0])

    def pad_down(self, pad: int, force: float = DEFAULT_FORCE, velocity: int | None = None) -> int:
        """Strike pad 1..8; returns the raw velocity sent."""
        note = self._pad_note(pad)
        if velocity is None:
            jitter = self._random.randint(-self.jitter, self.jitter) if self.jitter else 0
            velocity = pad_velocity(pad, force, jitter)
        else:
            velocity = _check_velocity(velocity)
        self.held_pads.add(pad)
        self.send([self._status(NOTE_ON, self.layout.pads_channel), note, velocity])
        return velocity

    def pad_up(self, pad: int) -> None:
        if pad in self.held_pads:
            self.held_pads.discard(pad)
            self.send([self._status(NOTE_OFF, self.layout.pads_channel), self._pad_note(pad), 0])

    def pad_hit(self, pad: int, force: float = DEFAULT_FORCE, velocity: int | None = None) -> int:
        """Strike and release at once."""
        sent = self.pad_down(pad, force, velocity)
        self.pad_up(pad)
        return sent

    def knob(self, knob: int, value: int) -> None:
        self.send([self._status(CONTROL_CHANGE, self.layout.keys_channel), self._pick(self.layout.knob_ccs, knob, "knob"),
                   _check_value(value)])

    def button(self, button: int, on: bool | None = None) -> bool:
        """Press button 1..4: it toggles (or is set to `on`) and sends 127 or 0; returns its state."""
        cc = self._pick(self.layout.button_ccs, button, "button")
        state = (not self.buttons[button - 1]) if on is None else bool(on)
        self.buttons[button - 1] = state
        self.send([self._status(CONTROL_CHANGE, self.layout.keys_channel), cc, 127 if state else 0])
        return state

    def mod_wheel(self, value: int) -> None:
        self.send([self._status(CONTROL_CHANGE, self.layout.keys_channel), self.layout.mod_cc, _check_value(value)])

    def pitch_bend(self, value: int) -> None:
        """Bend -8192..8191 (0 is the wheel at rest)."""
        if not -8192 <= int(value) <= 8191:
            raise ComposerError(f"pitch bend {value} is outside -8192..8191")
        self.send(list(pitch_bend(self.layout.keys_channel - 1, int(value) + PITCH_BEND_CENTRE)))

    def sustain(self, down: bool = True) -> None:
        self.sustain_down = bool(down)
        self.send([self._status(CONTROL_CHANGE, self.layout.keys_channel), self.layout.sustain_cc, 127 if down else 0])

    def octave_up(self) -> int:
        return self.keybed.shift_octave(+1)

    def octave_down(self) -> int:
        return self.keybed.shift_octave(-1)

    def transpose(self, steps: int) -> int:
        return self.keybed.shift_transpose(steps)

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, float(seconds)))

    def release_all(self) -> None:
        """Note-offs for every held key and pad, and the sustain pedal up: nothing left sounding."""
        for key in list(self.held_keys):
            self.key_up(key)
        for pad in sorted(self.held_pads):
            self.pad_up(pad)
        if self.sustain_down:
            self.sustain(False)

    # -- helpers ---------------------------------------------------------------------------
    def _pad_note(self, pad: int) -> int:
        return self._pick(self.layout.pad_notes, pad, "pad")

    @staticmethod
    def _pick(numbers: tuple[int, ...], index: int, what: str) -> int:
        if isinstance(index, bool) or not isinstance(index, int) or not 1 <= index <= len(numbers):
            raise ComposerError(f"{what} {index!r} does not exist; the V49 has {what}s 1..{len(numbers)}")
        return numbers[index - 1]

    # -- a real port -----------------------------------------------------------------------
    @classmethod
    def open(cls, virtual: str = DEFAULT_PORT_NAME, api: int | None = None, to: str | None = None,
             on_wait: Callable[[str], None] | None = None, **options) -> "V49Simulator":
        """A simulator sending on a new virtual port, so it looks like the hardware to readers;
        or, with `to`, sending into an existing input (waited for until it appears)."""
        from composer.midi.ports import open_output, open_output_when_present

        if to is not None:
            port = open_output_when_present(to, api=api, on_wait=on_wait, called="input")
        else:
            port = open_output(virtual=virtual, api=api)
        sim = cls(port.send_message, **options)
        sim._port = port
        return sim

    def close(self) -> None:
        """Release everything, let the messages leave, then close the port."""
        try:
            self.release_all()
        finally:
            if self._port is not None:
                time.sleep(FLUSH_SECONDS)
                self._port.close_port()
                self._port.delete()
                self._port = None

    def __enter__(self) -> "V49Simulator":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _check_velocity(velocity: int) -> int:
    if isinstance(velocity, bool) or not isinstance(velocity, int) or not 1 <= velocity <= 127:
        raise ComposerError(f"velocity {velocity!r} is outside 1..127")
    return velocity


def _check_value(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 127:
        raise ComposerError(f"controller value {value!r} is outside 0..127")
    return value
