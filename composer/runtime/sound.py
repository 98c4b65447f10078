"""Sonic Pi's sound vocabulary on MIDI: play's options, use_/with_ modifiers, synths, effects.

Sonic Pi (app/server/ruby/lib/sonicpi/lang/sound.rb) decides the names and their meaning;
MIDI decides what each can become:
- `amp` is the velocity (amp 1 = 127); `velocity=` sets it directly;
- the note lasts `attack + decay + sustain + release` beats (Sonic Pi's default envelope, 0 0 0 1),
  or exactly `duration=` beats when given (composer's own option);
- `pan` (-1..1) becomes CC 10, `cutoff` (a MIDI note, 0..130) CC 74; `on=` plays only when true;
- every other synth option of Sonic Pi (slides, envelope levels and curves, `res`, ...) is
  accepted and has no MIDI meaning; a name no synth has is ignored, warned once, as Sonic Pi
  ignores it (a known option's bad value stays an error);
- the synth (`use_synth`) is a General MIDI program, sent once per channel when it changes;
- `with_fx` (composer.runtime.effects) runs its block; reverb, chorus, the low-pass filters and
  pan send their controller on the channels the block plays, and put it back after.
Settings live in the running thread's `LoopState.settings` (a piece's top level: the piece's,
which every loop starts with), as Sonic Pi keeps them per thread.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from fractions import Fraction

from composer import context
from composer.beats import to_beats
from composer.errors import ComposerError, did_you_mean
from composer.instruments import program
from composer.midi.bytes import CUTOFF, PAN
from composer.runtime.events import PROGRAM, Note, Setting, port_track
from composer.runtime.notices import warn_once

#: play's options that become MIDI (composer's own: velocity, duration, channel, port).
MIDI_OPTIONS = frozenset(
    "amp velocity duration attack decay sustain release pan cutoff on pitch channel port".split())

#: Every other option of Sonic Pi's synths (synthinfo.rb's arg_defaults); each may also take
#: `_slide`, `_slide_shape` and `_slide_curve` forms. Accepted, and without effect on MIDI.
SYNTH_ONLY_OPTIONS = frozenset("""
    amp attack_level attenuation bass blockflute boost clamp_time click clickiness coef compress
    cutoff_attack cutoff_attack_level cutoff_decay cutoff_decay_level cutoff_min cutoff_release cutoff_sustain
    cutoff_sustain_level decay_curve decay_level depth detune detune1 detune2 disable_wave divisor dpulse_width
    drive env_curve finish force_mono freq_band fundamental hard head_hpf hpf hpf_attack hpf_attack_level
    hpf_bypass hpf_decay hpf_decay_level hpf_env_curve hpf_init_level hpf_max hpf_release hpf_release_level
    hpf_sustain hpf_sustain_level input invert_stereo invert_wave larigot leak_dc_bypass lfo_rate lfo_width
    limiter_bypass lpf lpf_attack lpf_attack_level lpf_bypass lpf_decay lpf_decay_level lpf_env_curve
    lpf_init_level lpf_min lpf_release lpf_release_level lpf_sustain lpf_sustain_level max_delay_time mix
    mod_index mod_invert_wave mod_phase mod_phase_offset mod_pulse_width mod_range mod_wave nazard noise
    noise_amp norm note note_resolution oct phase phase_offset pitch_dis pluck_decay pre_amp pulse_width
    quint ramp_length ramp_ratio range rate relax_time res rev reverb_time ring room rs_amplitude_depth rs_delay
    rs_freq rs_freq_var rs_onset rs_pan_depth rs_pitch_depth seed sifflute slide slope_above slope_below
    slope_intermediate slope_length1 slope_length2 slope_start start stereo_width sub_amp sub_detune
    sustain_level threshold tierce time_dis tone use_chorus use_compressor vel vibrato_delay vibrato_depth
    vibrato_onset vibrato_rate wave width window_size""".split())

SLIDE_SUFFIXES = ("_slide", "_slide_shape", "_slide_curve")


def unit_byte(value) -> int:
    """0..1 as 0..127."""
    return clamp_byte(_real(value) * 127)


def pan_byte(value) -> int:
    """-1..1 (left..right) as CC 10's 0..127, centre 64."""
    return clamp_byte((_real(value) + 1) * 63.5)


def clamp_byte(value) -> int:
    """A controller value: rounded half up, clamped to 0..127."""
    return min(max(math.floor(_real(value) + 0.5), 0), 127)


def _real(value):
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)) or not math.isfinite(value):
        raise ComposerError(f"a number is needed here, got {value!r}")
    return value


def check_options(api, function: str, options: dict, allowed: frozenset = MIDI_OPTIONS,
                  ignored: frozenset = SYNTH_ONLY_OPTIONS) -> None:
    """Warn once per function and name of an option no synth knows, which is then ignored: Sonic
    Pi passes options on to SuperCollider, which ignores those a synth has not got."""
    for name in options:
        if name in allowed or name in ignored:
            continue
        base = name
        for suffix in SLIDE_SUFFIXES:
            if name.endswith(suffix):
                base = name[: -len(suffix)]
                break
        if base != name and (base in allowed or base in ignored):
            continue
        hint = did_you_mean(name, [*allowed, *ignored])
        warn_once(api.definition.path, api.definition.warned, (function, name),
                  f"{function}: unknown option {name!r} ignored, as Sonic Pi does"
                  + (f"; did you mean {hint}?" if hint else ""))


# ----- numbers a musician writes --------------------------------------------------------------


def channel_number(channel) -> int:
    """Channels 1-16 as musicians count them, 0-15 on the wire."""
    if not isinstance(channel, int) or not 1 <= channel <= 16:
        raise ComposerError(f"channel must be 1-16, got {channel!r}")
    return channel - 1


def duration_beats(value, what: str = "duration") -> Fraction:
    """Beats a note lasts: a negative length would end the note before it starts."""
    beats = to_beats(value)
    if beats.numerator < 0:  # not `beats < 0`: a Fraction's comparison is slow, and this runs per note
        raise ComposerError(f"{what} cannot be negative, got {value!r}")
    return beats


def velocity_number(velocity) -> int:
    if not 0 <= velocity <= 127:
        raise ComposerError(f"velocity must be 0-127, got {velocity!r}")
    return int(round(velocity))


def checked_note(number: int) -> int:
    if not 0 <= number <= 127:
        raise ComposerError(f"note {number} is outside MIDI's 0-127")
    return number


def note_numbers(notes, shift=0) -> list[int]:
    """MIDI numbers for a note, a chord (any iterable) or a rest (None, "r", "rest"), moved by
    `shift` semitones (transpose, octave, pitch) before rounding, as Sonic Pi does."""
    if type(notes) is int and not shift:
        return [checked_note(notes)]
    from composer.theory import note

    if notes is None:
        return []
    if isinstance(notes, (str, int, float, Fraction)):
        number = note(notes)
        return [] if number is None else [checked_note(math.floor(number + shift + 0.5))]
    numbers = []
    for item in notes:
        numbers.extend(note_numbers(item, shift))
    return numbers


# ----- the thread's settings ------------------------------------------------------------------


def settings(api) -> dict:
    """The running loop's settings, or (at a piece's top level) the piece's."""
    return context.current.settings if api._in_loop() else api.definition.settings


@contextmanager
def scoped(api, key: str, value):
    """Sonic Pi's with_*: `key` is `value` inside the block, as it was after it."""
    store = settings(api)
    missing = key not in store
    before = store.get(key)
    store[key] = value
    try:
        yield
    finally:
        if missing:
            store.pop(key, None)
        else:
            store[key] = before


def _number(function: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)) or not math.isfinite(value):
        raise ComposerError(f"{function} takes a number, not {value!r}")
    return value


def use_transpose(api, shift) -> None:
    settings(api)["transpose"] = _number("use_transpose", shift)


def with_transpose(api, shift):
    return scoped(api, "transpose", _number("with_transpose", shift))


def use_octave(api, shift) -> None:
    settings(api)["octave"] = _number("use_octave", shift)


def with_octave(api, shift):
    return scoped(api, "octave", _number("with_octave", shift))


def use_synth_defaults(api, options: dict) -> None:
    check_options(api, "use_synth_defaults", options)
    settings(api)["synth_defaults"] = dict(options)


def use_merged_synth_defaults(api, options: dict) -> None:
    check_options(api, "use_merged_synth_defaults", options)
    store = settings(api)
    store["synth_defaults"] = {**store.get("synth_defaults", {}), **options}


def with_synth_defaults(api, options: dict):
    check_options(api, "with_synth_defaults", options)
    return scoped(api, "synth_defaults", dict(options))


def with_merged_synth_defaults(api, options: dict):
    check_options(api, "with_merged_synth_defaults", options)
    return scoped(api, "synth_defaults", {**settings(api).get("synth_defaults", {}), **options})


def use_synth(api, name) -> None:
    settings(api)["synth"] = (name, program(name))


def with_synth(api, name):
    return scoped(api, "synth", (name, program(name)))


def current_synth(api):
    synth = settings(api).get("synth")
    return None if synth is None else synth[0]


# ----- play -----------------------------------------------------------------------------------


def truthy(value) -> bool:
    """Sonic Pi's truth for `on:`: false, nil and 0 are false."""
    return value is not None and value is not False and value != 0


def play(api, notes, options: dict, function: str = "play"):
    """Play a note, a chord or a rest at the loop's time with Sonic Pi's options (see above);
    the SynthNode it struck (None for a rest), which `control` can change.

    Runs once per note: the common case (a number, options that are all MIDI ones, no settings)
    takes the short branches, which give what the general ones would."""
    loop = api._loop(function)
    runtime = api.runtime
    store = loop.state.settings
    defaults = store.get("synth_defaults") if store else None
    if isinstance(notes, dict) and not options:  # Sonic Pi's play({note: :c, release: 0.1})
        options = dict(notes)
        notes = options.pop("note", 52)  # as Sonic Pi's synth: note 52 unless given
    if options:
        if not options.keys() <= MIDI_OPTIONS:  # names every synth knows need no look
            check_options(api, function, options)
        if None in options.values():  # as Sonic Pi, an option given as nil is not given
            options = {name: value for name, value in options.items() if value is not None}
        if defaults:
            options = {**defaults, **options}
    elif defaults:
        options = defaults
    if options:
        if not truthy(options.get("on", True)):
            return
        velocity = options.get("velocity", 100)
        if "amp" in options:
            velocity = min(max(options["amp"], 0), 1) * 127
        if "duration" in options:
            duration = options["duration"]
        else:
            duration = (options.get("attack", 0) + options.get("decay", 0) + options.get("sustain", 0)
                        + options.get("release", 1))
        channel = options.get("channel", 1)
        port = options.get("port")
    else:
        velocity, duration, channel, port = 100, 1, 1, None
    if type(velocity) is not int or not 0 <= velocity <= 127:
        velocity = velocity_number(velocity)
    if velocity == 0:
        return
    beats = duration_beats(duration)
    shift = store.get("transpose", 0) + 12 * store.get("octave", 0) if store else 0
    if options and "pitch" in options:
        shift += _real(options["pitch"])
    if type(notes) is int and not shift and 0 <= notes <= 127:
        numbers = [notes]
    else:
        numbers = note_numbers(notes, shift)
        if not numbers:
            return
    wire_channel = channel - 1 if type(channel) is int and 1 <= channel <= 16 else channel_number(channel)
    beat = loop.state.time
    if loop.bpm is not None:
        beats = runtime.file_beats(loop, beats)  # the thread's beats, at its own tempo
    track = loop.track if port is None else port_track(loop.track, str(port))
    emit = runtime.emit
    if store:
        synth = store.get("synth")
        if synth is not None:
            emit(Setting(beat, PROGRAM, synth[1], wire_channel, track))
    if options:
        if "pan" in options:
            emit(Setting(beat, PAN, pan_byte(options["pan"]), wire_channel, track))
        if "cutoff" in options:
            emit(Setting(beat, CUTOFF, clamp_byte(options["cutoff"]), wire_channel, track))
    effects = store.get("fx") if store else None
    if effects:
        for control, value in effects[-1].controls.items():
            emit(Setting(beat, control, value, wire_channel, track))
        for effect in effects:
            effect.touched.add((wire_channel, track))
    for number in numbers:
        emit(_new(Note, (beat, beats, number, velocity, wire_channel, track)))
    node = loop.last_node = SynthNode(numbers, beat, beats, velocity, wire_channel, track, options)
    return node


_new = tuple.__new__  # a Note without NamedTuple's Python-level constructor: one is made per note


class SynthNode:
    """What `play` returns: the notes it struck, and what `control` needs to change them
    (composer.runtime.nodes)."""

    __slots__ = ("notes", "beat", "length", "velocity", "channel", "track", "options")

    def __init__(self, notes: list[int], beat, length, velocity: int, channel: int, track: str, options: dict):
        self.notes, self.beat, self.length, self.velocity = notes, beat, length, velocity
        self.channel, self.track, self.options = channel, track, options

    @property
    def end(self):
        """The beat its notes end on (summed when asked: most nodes are never controlled)."""
        return self.beat + self.length

    def __repr__(self) -> str:
        return f"#<SynthNode notes: {self.notes}>"


def play_chord(api, notes, options: dict):
    """Sonic Pi's play_chord: the notes of a list at once."""
    if isinstance(notes, (str, int, float)) or notes is None:
        raise ComposerError(f"play_chord expects a list of notes such as [70, 75, 82], got {notes!r}")
    return play(api, list(notes), options, "play_chord")


def synth(api, name, options: dict):
    """Sonic Pi's `synth :name, note: 60, ...`: play with that synth (`note=` defaults to 52)."""
    options = dict(options)
    notes = options.pop("notes", options.pop("note", 52))
    with with_synth(api, name):
        return play(api, notes, options, "synth")


def names(api) -> dict:
    """The piece's names for this module, bound to one piece."""

    def play_chord_(notes, **options):
        return play_chord(api, notes, options)

    def synth_(name, **options):
        return synth(api, name, options)

    def use_synth_defaults_(**options):
        use_synth_defaults(api, options)

    def use_merged_synth_defaults_(**options):
        use_merged_synth_defaults(api, options)

    def with_synth_defaults_(**options):
        return with_synth_defaults(api, options)

    def with_merged_synth_defaults_(**options):
        return with_merged_synth_defaults(api, options)

    def use_transpose_(shift):
        return use_transpose(api, shift)

    def with_transpose_(shift):
        return with_transpose(api, shift)

    def use_octave_(shift):
        return use_octave(api, shift)

    def with_octave_(shift):
        return with_octave(api, shift)

    def use_synth_(name):
        return use_synth(api, name)

    def with_synth_(name):
        return with_synth(api, name)

    return {
        "play_chord": play_chord_,
        "synth": synth_,
        "use_transpose": use_transpose_,
        "with_transpose": with_transpose_,
        "current_transpose": lambda: settings(api).get("transpose", 0),
        "use_octave": use_octave_,
        "with_octave": with_octave_,
        "current_octave": lambda: settings(api).get("octave", 0),
        "use_synth": use_synth_,
        "with_synth": with_synth_,
        "current_synth": lambda: current_synth(api),
        "use_synth_defaults": use_synth_defaults_,
        "use_merged_synth_defaults": use_merged_synth_defaults_,
        "with_synth_defaults": with_synth_defaults_,
        "with_merged_synth_defaults": with_merged_synth_defaults_,
        "current_synth_defaults": lambda: dict(settings(api).get("synth_defaults", {})),
    }
