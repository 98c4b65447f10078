"""`play_cycle`: the next cycle of a pattern, played from the loop's time over a bar (or `beats`).

Mini-notation words that name a drum of the kit are hits, note names and numbers are notes
(with `scale=`, numbers are degrees into it). A control pattern (`strudel.note("c3 e3")
.velocity("0.5 1")`) plays each event as its controls say: `note` (or `n`), `s` (a drum of the
kit), `velocity` (0-1; by default @strudel/midi's 0.9, or play_cycle's `velocity=`) scaled by
`gain`, `clip`/`legato` (the note's length as a share of its event), `channel` (1-16),
`ccn`/`ccv` (a controller and its value, 0-1 as Strudel's), `program`, `pan` (CC 10, 0-1),
`cutoff` (CC 74: a MIDI value, or Hz above 127) and `bend` (-1..1); other controls are carried,
unplayed.

Which cycle plays is counted per loop and per call site (the piece's file and line), so
`play_cycle(mini("<c4 e4 g4>"))` steps through 60, 64, 67 whatever object it is handed.
"""

from __future__ import annotations

import math
import sys
from functools import lru_cache
from fractions import Fraction

from composer.errors import ComposerError
from composer.midi.bytes import CUTOFF, PAN, PITCH_BEND_CENTRE, pitch_bend
from composer.runtime.events import PROGRAM, Midi, Setting

SAMPLE_BEATS = Fraction(1, 4)  # how long a drum hit's note lasts before its note-off
VELOCITY = 100  # a mini-notation event's, as play's
CONTROL_VELOCITY = 0.9  # a control pattern's without a velocity control, as @strudel/midi sends it
def compiled(pattern, seed: int):
    """The pattern to play: mini-notation parsed once per text and seed, or a Pattern as it is."""
    from composer.pattern import Pattern

    if isinstance(pattern, str):
        return _parsed(pattern, seed)
    if isinstance(pattern, Pattern):
        return pattern
    raise ComposerError(f"play_cycle takes mini-notation or a pattern, not {type(pattern).__name__}")


@lru_cache(maxsize=1024)
def _parsed(text: str, seed: int):
    """Mini-notation parsed once; bounded, as a piece may make a new string every iteration."""
    from composer.pattern import mini

    return mini(text, seed=seed)


def call_site(depth: int = 3) -> str:
    """'file:line' of the piece's call, the key of its cycle counter."""
    frame = sys._getframe(depth)
    return f"{frame.f_code.co_filename}:{frame.f_lineno}"


def play_cycle(api, pattern, beats, velocity: int | None, channel: int, duration, scale) -> Fraction:
    """Play cycle N of `pattern` (N counted per loop and call site); returns its length in beats.
    `velocity` None: each kind of event's own default."""
    from composer.ring import ring
    from composer.runtime.sound import note_numbers

    runtime = api.runtime
    loop = runtime.current_loop("play_cycle")
    source = compiled(pattern, runtime.seed)
    cycle = loop.state.tick(f"play_cycle@{call_site()}")
    length = beats
    plain_velocity = VELOCITY if velocity is None else velocity
    for hap in source.onsets_in(Fraction(cycle), Fraction(cycle + 1)):
        offset = (hap.whole.begin - cycle) * length
        span = (hap.whole.end - hap.whole.begin) * length if duration is None else duration
        value = hap.value
        if isinstance(value, dict):
            _play_controls(runtime, loop, value, offset, span, velocity, channel, duration is None, scale)
            continue
        value = value[0] if isinstance(value, list) else value
        if value is None or value in ("~", "-"):
            continue
        kit = runtime.current_kit()
        if isinstance(value, str) and value.lower() in kit.drums:
            runtime.note(kit.note(value), plain_velocity, SAMPLE_BEATS if duration is None else span, kit.channel - 1, offset)
            continue
        if scale is not None and isinstance(value, (int, float)):
            value = ring(scale)[int(value)]
        for number in note_numbers(value):
            runtime.note(number, plain_velocity, span, channel, offset)
    return length


def _play_controls(runtime, loop, controls: dict, offset, span, velocity: int | None, channel: int, stretch: bool,
                   scale):
    """One event of a control pattern: its note or drum, and the controllers it names."""
    from composer.ring import ring
    from composer.runtime.sound import channel_number, clamp_byte, note_numbers, pan_byte

    wire = channel_number(int(controls["channel"])) if "channel" in controls else channel
    beat = loop.state.time + runtime.file_beats(loop, offset)  # a thread may keep a tempo of its own
    track = loop.track
    if "velocity" in controls or "gain" in controls or velocity is None:
        default = CONTROL_VELOCITY if velocity is None else velocity / 127
        velocity = round(127 * float(controls.get("velocity", default)) * float(controls.get("gain", 1)))
        velocity = min(max(velocity, 0), 127)
    clip = controls.get("clip")
    if clip is not None and stretch:
        span = span * Fraction(clip).limit_denominator(1 << 16)
    if "program" in controls:
        runtime.emit(Setting(beat, PROGRAM, clamp_byte(controls["program"]), wire, track))
    if "pan" in controls:
        runtime.emit(Setting(beat, PAN, pan_byte(float(controls["pan"]) * 2 - 1), wire, track))
    if "cutoff" in controls:
        runtime.emit(Setting(beat, CUTOFF, _cutoff_byte(float(controls["cutoff"])), wire, track))
    if "ccn" in controls and "ccv" in controls:
        runtime.emit(Setting(beat, clamp_byte(controls["ccn"]), _controller_byte(controls["ccv"]), wire, track))
    if "bend" in controls:
        amount = min(max(float(controls["bend"]), -1.0), 1.0)
        runtime.emit(Midi(beat, pitch_bend(wire, round(PITCH_BEND_CENTRE + amount * (PITCH_BEND_CENTRE - 1))), track))
    if velocity == 0:
        return
    if "note" in controls:
        numbers = note_numbers(_strudel_note(controls["note"]))
    elif "s" in controls:
        kit = runtime.current_kit()
        if str(controls["s"]).lower() not in kit.drums:
            raise ComposerError(f"no drum {controls['s']!r} in kit {kit.name!r}")
        runtime.note(kit.note(str(controls["s"])), velocity, SAMPLE_BEATS if stretch and clip is None else span,
                     kit.channel - 1, offset)
        return
    elif "n" in controls:
        step = controls["n"]
        numbers = note_numbers(ring(scale)[int(step)] if scale is not None else step)
    else:
        return
    for number in numbers:
        runtime.note(number, velocity, span, wire, offset)


def _strudel_note(value):
    """A control's note name read as Strudel reads it (octave 3 when none is given: "c" is 48)."""
    from composer.pattern.values import numeral

    return numeral(value) if isinstance(value, str) else value


def _controller_byte(value) -> int:
    """A `ccv` as @strudel/midi sends it: 0-1 scaled to 0-127; anything else is an error, not a guess."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)) or not 0 <= value <= 1:
        raise ComposerError(f"ccv takes a value from 0 to 1, as Strudel's (64/127 for 64), not {value!r}")
    return round(float(value) * 127)


def _cutoff_byte(value: float) -> int:
    """A cutoff as CC 74: a MIDI value as it is, a frequency in Hz (above 127) on a log scale."""
    if value <= 127:
        return max(0, round(value))
    return min(127, round(127 * math.log(value / 20) / math.log(1000)))
