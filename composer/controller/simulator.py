"""A software V49: sends exactly the bytes the hardware sends, from code, a script or the keyboard.

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
#: Seconds a scripted key or pad is held when the script gives no `length`.
DEFAULT_KEY_LENGTH = 0.25
DEFAULT_PAD_LENGTH = 0.05
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
            port = open_output_when_present(to, api=api, on_wait=on_wait)
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


# -- scripted mode ---------------------------------------------------------------------------
#: What each gesture in a script may say, by the field that names its action.
GESTURE_FIELDS = {
    "key": {"force", "velocity", "length"},
    "pad": {"force", "velocity", "length"},
    "knob": {"value"},
    "button": {"on"},
    "mod": set(),
    "bend": set(),
    "sustain": set(),
    "octave": set(),
    "transpose": set(),
    "sleep": set(),
}
COMMON_FIELDS = {"at", "repeat", "every"}


@dataclass(frozen=True)
class Step:
    """One simulator call at `time` seconds after the script starts."""

    time: float
    method: str
    args: tuple = ()
    kwargs: tuple = ()  # (name, value) pairs, so a Step stays hashable

    def run(self, sim: V49Simulator) -> None:
        getattr(sim, self.method)(*self.args, **dict(self.kwargs))


def load_script(path: str) -> list[Step]:
    """Read a TOML gesture script (a list of `[[gesture]]` tables) into timed steps."""
    import tomllib

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ComposerError(f"{path}: cannot read script: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ComposerError(f"{path}: {error}") from None
    unknown = set(data) - {"gesture"}
    if unknown:
        raise ComposerError(f"{path}: unknown table {sorted(unknown)[0]!r}; a script is a list of [[gesture]]")
    gestures = data.get("gesture", [])
    if not isinstance(gestures, list):
        raise ComposerError(f"{path}: gesture must be an array of tables ([[gesture]])")
    try:
        return schedule(gestures)
    except ComposerError as error:
        raise ComposerError(f"{path}: {error}") from None


def schedule(gestures: list[dict]) -> list[Step]:
    """Timed steps for gestures. A gesture with no `at` starts when the one before it has ended
    (its last key or pad released, or its sleep over); `repeat`/`every` repeat it."""
    from composer.errors import did_you_mean

    steps: list[tuple[float, int, Step]] = []
    cursor = 0.0

    def add(time_: float, method: str, *args, **kwargs) -> None:
        steps.append((time_, len(steps), Step(round(time_, 6), method, args, tuple(kwargs.items()))))

    for number, gesture in enumerate(gestures, start=1):
        where = f"gesture {number}"
        if not isinstance(gesture, dict):
            raise ComposerError(f"{where}: must be a table")
        actions = [name for name in GESTURE_FIELDS if name in gesture]
        if len(actions) != 1:
            raise ComposerError(f"{where}: needs exactly one of {', '.join(GESTURE_FIELDS)}")
        action = actions[0]
        allowed = GESTURE_FIELDS[action] | COMMON_FIELDS | {action}
        for field_name in gesture:
            if field_name not in allowed:
                hint = did_you_mean(field_name, allowed)
                raise ComposerError(
                    f"{where}: unknown field {field_name!r} for a {action} gesture"
                    + (f"; did you mean {hint}?" if hint else "")
                )
        start = float(gesture.get("at", cursor))
        repeat = int(gesture.get("repeat", 1))
        every = float(gesture.get("every", 0.0))
        if start < 0 or repeat < 1 or every < 0:
            raise ComposerError(f"{where}: at and every must be >= 0 and repeat >= 1")
        end = start
        for index in range(repeat):
            t = start + index * every
            value = gesture[action]
            if action in ("key", "pad"):
                strength = {"velocity": gesture["velocity"]} if "velocity" in gesture else {
                    "force": float(gesture.get("force", DEFAULT_FORCE))}
                default_length = DEFAULT_KEY_LENGTH if action == "key" else DEFAULT_PAD_LENGTH
                length = float(gesture.get("length", default_length))
                if action == "key":
                    parse_note(value)
                    add(t, "key_down", value, **strength)
                    add(t + length, "key_up", value)
                else:
                    add(t, "pad_down", value, **strength)
                    add(t + length, "pad_up", value)
                end = max(end, t + length)
            elif action == "knob":
                add(t, "knob", value, gesture.get("value", 0))
            elif action == "button":
                add(t, "button", value, *([gesture["on"]] if "on" in gesture else []))
            elif action == "mod":
                add(t, "mod_wheel", value)
            elif action == "bend":
                add(t, "pitch_bend", value)
            elif action == "sustain":
                add(t, "sustain", _down(value, where))
            elif action == "octave":
                add(t, "octave_up" if _steps(value, where) > 0 else "octave_down")
            elif action == "transpose":
                add(t, "transpose", int(value))
            elif action == "sleep":
                end = max(end, t + float(value))
            end = max(end, t)
        cursor = end
    return [step for _, _, step in sorted(steps, key=lambda item: (item[0], item[1]))]


def _down(value, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("down", "up"):
        return str(value).lower() == "down"
    raise ComposerError(f"{where}: sustain is true/false or \"down\"/\"up\", not {value!r}")


def _steps(value, where: str) -> int:
    text = str(value).lower()
    if text in ("up", "+1", "1"):
        return 1
    if text in ("down", "-1"):
        return -1
    raise ComposerError(f"{where}: octave is \"up\" or \"down\", not {value!r}")


def play(steps: list[Step], sim: V49Simulator, clock=time.monotonic, sleep=time.sleep) -> None:
    """Run steps at absolute deadlines from one start time, so delays never accumulate."""
    start = clock()
    for step in steps:
        wait = start + step.time - clock()
        if wait > 0:
            sleep(wait)
        step.run(sim)


# -- interactive mode ------------------------------------------------------------------------
#: The computer keyboard as a piano: a w s e d f t g y h u j k play C4 up to C5.
PIANO_ROW = "awsedftgyhujk"
PIANO_BASE_KEY = 60
#: Two keys per knob: turn it down / up by KNOB_STEP.
KNOB_KEYS = {"c": (1, -1), "v": (1, +1), "b": (2, -1), "n": (2, +1), "m": (3, -1), ",": (3, +1),
             ".": (4, -1), "/": (4, +1)}
KNOB_STEP = 8
BUTTON_KEYS = {"r": 1, "i": 2, "o": 3, "p": 4}
#: A terminal reports key presses, not releases: a note sounds this long after its last repeat.
HOLD_SECONDS = 0.6
BEND_SECONDS = 0.25

INTERACTIVE_HELP = (
    "V49 simulator: a w s e d f t g y h u j k = keys C4..C5, z/x = octave down/up, "
    "1-8 = pads, c/v b/n m/, ./ = knobs 1-4 down/up, r i o p = buttons 1-4, "
    "-/= = mod wheel, [/] = pitch bend, space = sustain, Esc or Ctrl-C = quit"
)


def run_interactive(sim: V49Simulator, fd: int, say: Callable[[str], None]) -> None:
    """Play the simulator from the terminal in raw mode until Esc or Ctrl-C; always restores the
    terminal and releases every held key."""
    import os
    import select
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    knobs = [64] * len(sim.layout.knob_ccs)
    mod = 0
    release_at: dict[int, float] = {}
    bend_until = 0.0
    try:
        tty.setraw(fd)
        say(INTERACTIVE_HELP)
        while True:
            now = time.monotonic()
            for key, deadline in list(release_at.items()):
                if deadline <= now:
                    sim.key_up(key)
                    del release_at[key]
            if bend_until and bend_until <= now:
                sim.pitch_bend(0)
                bend_until = 0.0
            deadlines = list(release_at.values()) + ([bend_until] if bend_until else [])
            timeout = max(0.0, min(deadlines) - now) if deadlines else 0.5
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                continue
            char = os.read(fd, 1).decode("latin-1")
            if char == "\x03":
                return
            if char == "\x1b":
                more, _, _ = select.select([fd], [], [], 0.05)
                if not more:
                    return
                os.read(fd, 16)  # an arrow or function key's escape sequence: ignore it
                continue
            if char in PIANO_ROW:
                key = PIANO_BASE_KEY + PIANO_ROW.index(char)
                if key not in release_at:
                    note = sim.key_down(key)
                    say(f"key {key} -> note {note}")
                release_at[key] = time.monotonic() + HOLD_SECONDS
            elif char in "12345678":
                say(f"pad {char} velocity {sim.pad_hit(int(char))}")
            elif char in "zx":
                say(f"octave {sim.octave_down() if char == 'z' else sim.octave_up():+d}")
            elif char in KNOB_KEYS:
                knob, direction = KNOB_KEYS[char]
                knobs[knob - 1] = max(0, min(127, knobs[knob - 1] + direction * KNOB_STEP))
                sim.knob(knob, knobs[knob - 1])
                say(f"knob {knob} = {knobs[knob - 1]}")
            elif char in BUTTON_KEYS:
                say(f"button {BUTTON_KEYS[char]} {'on' if sim.button(BUTTON_KEYS[char]) else 'off'}")
            elif char in "-=":
                mod = max(0, min(127, mod + (KNOB_STEP if char == "=" else -KNOB_STEP)))
                sim.mod_wheel(mod)
                say(f"mod wheel = {mod}")
            elif char in "[]":
                sim.pitch_bend(4096 if char == "]" else -4096)
                bend_until = time.monotonic() + BEND_SECONDS
            elif char == " ":
                sim.sustain(not sim.sustain_down)
                say(f"sustain {'down' if sim.sustain_down else 'up'}")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        sim.release_all()
