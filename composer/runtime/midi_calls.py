"""Sonic Pi's midi_* functions (app/server/ruby/lib/sonicpi/lang/midi.rb): every MIDI message from a piece.

Each call lands at the loop's time as events, so a render writes exactly what play and live
send. As in Sonic Pi: numbers are rounded and clamped to 0..127 (notes may be names); velocity
comes from `velocity=`/`vel=`, or `vel_f=` 0..1, else 127; values from `value=`/`val=`, or
`val_f=`, else 127; `on=` false skips the call; `use_midi_defaults` sets options for every
later call. composer's differences, for MIDI: the default channel is 1 (Sonic Pi's is all 16,
`channel="*"` here), and the default port is the one output `play`/`live` opened.
"""

from __future__ import annotations

import math
from fractions import Fraction

from composer.errors import ComposerError
from composer.midi import bytes as midi
from composer.beats import to_beats
from composer.runtime.events import Midi, Note, port_track
from composer.ring import Ring
from composer.runtime.sound import check_options, scoped, settings, truthy

#: Options every midi_* call takes (a few only make sense to some; Sonic Pi accepts them all).
OPTIONS = frozenset("channel port on velocity vel vel_f velocity_f value val val_f value_f sustain "
                    "release_velocity delta delta_midi mode num_chans duration".split())
NO_OPTIONS = frozenset()

#: Sonic Pi's midi releases a note this long before its sustain ends, so the same note can strike
#: again at the sustain's end.
RELEASE_EARLY = Fraction(1, 100)


def _pitch(value):
    """A note name's or number's pitch, unrounded."""
    from composer.theory import note

    pitch = note(value) if isinstance(value, str) else value
    if pitch is None:
        raise ComposerError(f"a note is needed here, not the rest {value!r}")
    return pitch


def _byte(value, what: str) -> int:
    """A note name or number as 0..127: rounded (half up) and clamped, as Sonic Pi."""
    if isinstance(value, str):
        value = _pitch(value)
    return min(max(_rounded(value, what), 0), 127)


def _rounded(value, what: str) -> int:
    """A finite number rounded half up, as Sonic Pi's Ruby rounds."""
    return math.floor(_finite(value, what) + 0.5)


def _finite(value, what: str):
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)) or not math.isfinite(value):
        raise ComposerError(f"{what} must be a number, got {value!r}")
    return value


def _velocity(velocity, options: dict) -> int:
    given = options.get("velocity", options.get("vel", velocity))
    if given is not None:
        return _byte(given, "velocity")
    scaled = options.get("velocity_f", options.get("vel_f"))
    return 127 if scaled is None else _byte(scaled * 127, "vel_f")


def _value(value, options: dict) -> int:
    given = options.get("value", options.get("val", value))
    if given is not None:
        return _byte(given, "value")
    scaled = options.get("value_f", options.get("val_f"))
    return 127 if scaled is None else _byte(scaled * 127, "val_f")


def _channels(options: dict) -> list[int]:
    """0-based channels: 1-16 clamped as Sonic Pi, a list of them, or "*" for all."""
    channel = options.get("channel", options.get("chan", 1))
    if channel == "*":
        return list(range(16))
    items = channel if isinstance(channel, (list, tuple)) else [channel]
    out = []
    for item in items:
        if item == "*":
            return list(range(16))
        if isinstance(item, bool) or not isinstance(item, (int, float)):
            raise ComposerError(f"channel must be 1-16 or '*', got {item!r}")
        number = min(max(int(item), 1), 16) - 1
        if number not in out:
            out.append(number)
    return out


def _ports(options: dict) -> list[str | None]:
    port = options.get("port")
    if port is None or port == "*":
        return [None]
    items = port if isinstance(port, (list, tuple)) else [port]
    return [None if p == "*" else str(p) for p in items]


class MidiCalls:
    """The midi_* functions of one piece; each merges the thread's midi defaults first."""

    def __init__(self, api):
        self.api = api

    def _options(self, function: str, options: dict, allowed: frozenset = OPTIONS) -> dict | None:
        """The call's options over the defaults, or None when `on=` says not to play."""
        check_options(self.api, function, options, allowed=allowed, ignored=NO_OPTIONS)
        defaults = settings(self.api).get("midi_defaults")
        merged = {**defaults, **options} if defaults else options
        return merged if truthy(merged.get("on", True)) else None

    def _send(self, function: str, options: dict, messages, per_channel: bool = True) -> None:
        """Queue `messages(channel)` (or `messages(None)`) on every port and channel asked for."""
        runtime = self.api._running(function)
        loop = runtime.current_loop(function)
        beat, name = loop.state.time, loop.track
        for port in _ports(options):
            track = port_track(name, port)
            for channel in _channels(options) if per_channel else [None]:
                for offset, data in messages(channel):
                    runtime.emit(Midi(beat + runtime.file_beats(loop, offset), data, track))

    def _channel_message(self, function: str, options: dict, build) -> None:
        self._send(function, options, lambda channel: [(0, build(channel))])

    # ----- notes ------------------------------------------------------------------------------

    def midi(self, note=None, velocity=None, **options) -> None:
        """A note of `sustain` beats (default 1), transposed by use_transpose/use_octave as Sonic Pi's."""
        options = self._options("midi", options)
        if options is None or note in (None, "r", "rest", ":r", ":rest"):
            return
        if note in ("off", ":off"):
            self.midi_all_notes_off(**{k: v for k, v in options.items() if k in ("channel", "port")})
            return
        store = settings(self.api)
        shift = store.get("transpose", 0) + 12 * store.get("octave", 0)
        notes = note if isinstance(note, (list, tuple, Ring)) else [note]
        numbers = [_byte(_pitch(item) + shift, "note") for item in notes]
        velocity = _velocity(velocity, options)
        length = max(to_beats(options.get("sustain", 1)) - RELEASE_EARLY, Fraction(0))
        runtime = self.api._running("midi")
        loop = runtime.current_loop("midi")
        beat, name, length = loop.state.time, loop.track, runtime.file_beats(loop, length)
        for port in _ports(options):
            track = port_track(name, port)
            for channel in _channels(options):
                for number in numbers:
                    runtime.emit(Note(beat, length, number, velocity, channel, track))

    def midi_note_on(self, note, velocity=None, **options) -> None:
        options = self._options("midi_note_on", options)
        if options is not None and note not in (None, "r", "rest"):
            number, velocity = _byte(note, "note"), _velocity(velocity, options)
            self._channel_message("midi_note_on", options, lambda c: (midi.NOTE_ON | c, number, velocity))

    def midi_note_off(self, note, velocity=None, **options) -> None:
        options = self._options("midi_note_off", options)
        if options is not None and note not in (None, "r", "rest"):
            number, velocity = _byte(note, "note"), _velocity(velocity, options)
            self._channel_message("midi_note_off", options, lambda c: (midi.NOTE_OFF | c, number, velocity))

    # ----- channel messages -------------------------------------------------------------------

    def midi_cc(self, control_num, value=None, **options) -> None:
        options = self._options("midi_cc", options)
        if options is not None:
            number, value = _byte(control_num, "control number"), _value(value, options)
            self._channel_message("midi_cc", options, lambda c: (midi.CONTROL_CHANGE | c, number, value))

    def midi_pc(self, program_num, **options) -> None:
        options = self._options("midi_pc", options)
        if options is not None:
            number = _byte(program_num, "program number")
            self._channel_message("midi_pc", options, lambda c: (midi.PROGRAM_CHANGE | c, number))

    def midi_channel_pressure(self, value=None, **options) -> None:
        options = self._options("midi_channel_pressure", options)
        if options is not None:
            value = _value(value, options)
            self._channel_message("midi_channel_pressure", options, lambda c: (midi.CHANNEL_PRESSURE | c, value))

    def midi_poly_pressure(self, note, value=None, **options) -> None:
        options = self._options("midi_poly_pressure", options)
        if options is not None:
            number, value = _byte(note, "note"), _value(value, options)
            self._channel_message("midi_poly_pressure", options, lambda c: (midi.POLY_PRESSURE | c, number, value))

    def midi_pitch_bend(self, delta=None, **options) -> None:
        """0..1 with 0.5 no bend, or `delta_midi=` 0..16383 with 8192 no bend, as Sonic Pi."""
        options = self._options("midi_pitch_bend", options)
        if options is None:
            return
        if options.get("delta_midi") is not None:
            value = min(max(_rounded(options["delta_midi"], "delta_midi"), 0), midi.PITCH_BEND_MAX)
        else:
            given = options.get("delta", options.get("val_f", delta))
            value = midi.PITCH_BEND_CENTRE if given is None else _rounded(
                min(max(_finite(given, "delta"), 0), 1) * midi.PITCH_BEND_MAX, "delta")
        self._channel_message("midi_pitch_bend", options, lambda c: midi.pitch_bend(c, value))

    def _mode_control(self, function: str, options: dict, control: int, value: int) -> None:
        options = self._options(function, options)
        if options is not None:
            self._channel_message(function, options, lambda c: (midi.CONTROL_CHANGE | c, control, value))

    def midi_all_notes_off(self, **options) -> None:
        self._mode_control("midi_all_notes_off", options, midi.ALL_NOTES_OFF, 0)

    def midi_sound_off(self, **options) -> None:
        self._mode_control("midi_sound_off", options, midi.ALL_SOUND_OFF, 0)

    def midi_reset(self, value=0, **options) -> None:
        """Reset All Controllers (CC 121), as Sonic Pi's midi_reset."""
        self._mode_control("midi_reset", options, midi.RESET_ALL_CONTROLLERS,
                           _byte(options.pop("value", options.pop("val", value)), "value"))

    def midi_local_control_off(self, **options) -> None:
        self._mode_control("midi_local_control_off", options, midi.LOCAL_CONTROL, 0)

    def midi_local_control_on(self, **options) -> None:
        self._mode_control("midi_local_control_on", options, midi.LOCAL_CONTROL, 127)

    def midi_mode(self, mode="omni_off", **options) -> None:
        mode = str(options.pop("mode", mode)).lstrip(":")
        num_chans = options.pop("num_chans", 16)
        modes = {"omni_off": (midi.OMNI_OFF, 0), "omni_on": (midi.OMNI_ON, 0),
                 "mono": (midi.MONO_ON, _byte(num_chans, "num_chans")), "poly": (midi.POLY_ON, 0)}
        if mode not in modes:
            raise ComposerError(f"midi_mode: unknown mode {mode!r}; expected one of omni_off, omni_on, mono or poly")
        self._mode_control("midi_mode", options, *modes[mode])

    # ----- system messages --------------------------------------------------------------------

    def midi_raw(self, *data, **options) -> None:
        """Any whole MIDI message, as numbers (rounded as Sonic Pi's); a broken one is an error,
        never sent, so nothing downstream can misread it."""
        options = self._options("midi_raw", options, frozenset({"port", "on"}))
        message = tuple(_raw_byte(b) for b in data)
        if not midi.is_well_formed(message):
            raise ComposerError(f"midi_raw: {list(message)} is not a whole MIDI message")
        if options is not None:
            self._send("midi_raw", options, lambda _: [(0, message)], per_channel=False)

    def midi_sysex(self, *data, **options) -> None:
        options = self._options("midi_sysex", options, frozenset({"port", "on"}))
        message = tuple(_raw_byte(b) for b in data)
        if len(message) < 3 or message[0] != midi.SYSEX or message[-1] != midi.SYSEX_END:
            raise ComposerError("midi_sysex: a sysex message starts with 0xF0, ends with 0xF7 and is 3 bytes or more")
        if not midi.is_valid_sysex(message):
            raise ComposerError("midi_sysex: the bytes between 0xF0 and 0xF7 must be 0-127")
        if options is not None:
            self._send("midi_sysex", options, lambda _: [(0, message)], per_channel=False)

    def _system(self, function: str, options: dict, data: tuple) -> None:
        options = self._options(function, options, frozenset({"port", "on"}))
        if options is not None:
            self._send(function, options, lambda _: [(0, data)], per_channel=False)

    def midi_start(self, **options) -> None:
        self._system("midi_start", options, (midi.START,))

    def midi_stop(self, **options) -> None:
        self._system("midi_stop", options, (midi.STOP,))

    def midi_continue(self, **options) -> None:
        self._system("midi_continue", options, (midi.CONTINUE,))

    def midi_clock_tick(self, **options) -> None:
        self._system("midi_clock_tick", options, (midi.CLOCK,))

    def midi_clock_beat(self, duration=1, **options) -> None:
        """24 clock ticks spread evenly over `duration` beats (default 1), from now."""
        options = self._options("midi_clock_beat", options, frozenset({"port", "on", "duration"}))
        if options is None:
            return
        step = to_beats(options.get("duration", duration)) / 24
        if step < 0:
            raise ComposerError("midi_clock_beat: duration cannot be negative")
        self._send("midi_clock_beat", options, lambda _: [(step * k, (midi.CLOCK,)) for k in range(24)],
                   per_channel=False)

    # ----- defaults ---------------------------------------------------------------------------

    def use_midi_defaults(self, **options) -> None:
        check_options(self.api, "use_midi_defaults", options, allowed=OPTIONS, ignored=NO_OPTIONS)
        settings(self.api)["midi_defaults"] = dict(options)

    def use_merged_midi_defaults(self, **options) -> None:
        check_options(self.api, "use_merged_midi_defaults", options, allowed=OPTIONS, ignored=NO_OPTIONS)
        store = settings(self.api)
        store["midi_defaults"] = {**store.get("midi_defaults", {}), **options}

    def with_midi_defaults(self, **options):
        check_options(self.api, "with_midi_defaults", options, allowed=OPTIONS, ignored=NO_OPTIONS)
        return scoped(self.api, "midi_defaults", dict(options))

    def with_merged_midi_defaults(self, **options):
        check_options(self.api, "with_merged_midi_defaults", options, allowed=OPTIONS, ignored=NO_OPTIONS)
        return scoped(self.api, "midi_defaults", {**settings(self.api).get("midi_defaults", {}), **options})

    def current_midi_defaults(self) -> dict:
        return dict(settings(self.api).get("midi_defaults", {}))


def _raw_byte(value) -> int:
    return _rounded(value, "a MIDI byte")


NAMES = [name for name in vars(MidiCalls) if name.startswith(("midi", "use_", "with_", "current_"))]


def names(api) -> dict:
    """The piece's names for this module, bound to one piece."""
    calls = MidiCalls(api)
    return {name: getattr(calls, name) for name in NAMES}
