"""Controls: patterns whose values are named parameters of a sound, as Strudel's controls.mjs.

`note("c3 e3")` is a pattern of `{"note": "c3"}`, `{"note": "e3"}`; `.velocity("0.5 1")`
adds a velocity to each, in the note pattern's rhythm. Compound controls take a list from
mini-notation's `:` (`s("bd:3")` is `{"s": "bd", "n": 3}`). Any control name a pattern
carries is kept; those with a MIDI meaning are played as such (composer.runtime.cycles).
Music theory on patterns: `scale("c:major")` turns step numbers (`n`) into notes,
`transpose` moves notes by semitones, `scale_transpose` by steps of the scale.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from composer.pattern.constructors import sequence
from composer.errors import ComposerError
from composer.pattern.core import Pattern, pure, register, silence

#: control -> the names a list value fills in turn (compound controls), as Strudel's
CONTROLS: dict[str, tuple[str, ...]] = {
    "s": ("s", "n", "gain"),
    "n": ("n",),
    "note": ("note", "n"),
    "velocity": ("velocity",),
    "gain": ("gain",),
    "clip": ("clip",),
    "duration": ("duration",),
    "channel": ("channel",),
    "ccn": ("ccn",),
    "ccv": ("ccv",),
    "program": ("program",),
    "bend": ("bend",),
    "pan": ("pan",),
    "cutoff": ("cutoff",),
    "resonance": ("resonance",),
    "speed": ("speed",),
    "attack": ("attack",),
    "decay": ("decay",),
    "sustain": ("sustain",),
    "release": ("release",),
    "room": ("room",),
    "size": ("size",),
    "delay": ("delay",),
    "orbit": ("orbit",),
    "bank": ("bank",),
    "vowel": ("vowel",),
    "shape": ("shape",),
    "crush": ("crush",),
    "chord": ("chord",),
    "dictionary": ("dictionary",),
    "anchor": ("anchor",),
    "mode": ("mode", "anchor"),
    "offset": ("offset",),
    "octaves": ("octaves",),
}
#: other names Strudel accepts for a control
ALIASES = {"sound": "s", "legato": "clip", "lpf": "cutoff", "ctf": "cutoff", "midichan": "channel", "vel": "velocity",
           "att": "attack", "rel": "release", "lpq": "resonance", "dict": "dictionary",
           "prog_num": "program", "midibend": "bend"}  # @strudel/midi's names (midichan, progNum, midibend)


def control_name(name: str) -> str:
    """The control a name stands for: an alias's control (`lpf` is `cutoff`), else the name."""
    return ALIASES.get(name, name)


def _with_value(names: tuple[str, ...]):
    """Strudel's withVal: a value (or a list of them, for compound controls) as a control dict."""

    def make(value: Any) -> dict:
        bag = {}
        if isinstance(value, dict) and "value" in value:
            bag = {k: v for k, v in value.items() if k != "value"}
            value = value["value"]
        if len(names) > 1 and isinstance(value, list):
            for name, item in zip(names, value):
                bag[name] = item
            return bag
        bag[names[0]] = value
        return bag

    return make


def control(name: str, *patterns: Any) -> Pattern:
    """A pattern of `{name: value}` (a sequence of `patterns`, mini-notation for strings)."""
    names = CONTROLS.get(control_name(name), (control_name(name),))
    return sequence(*patterns).fmap(_with_value(names))


def with_control(pat: Pattern, name: str, value: Any) -> Pattern:
    """Every event of `pat` given `name: value` (a plain value becomes a control dict)."""
    return pat.fmap(lambda v: {**(v if isinstance(v, dict) else {"value": v}), name: value})


def _setter(name: str):
    names = CONTROLS.get(control_name(name), (name,))

    def method(self: Pattern, *patterns: Any) -> Pattern:
        if not patterns:
            return self.fmap(_with_value(names))
        return self.set(control(name, *patterns))

    method.__name__ = name
    method.__doc__ = f"Set the `{names[0]}` control of each event from a pattern (its own values if none)."
    return method


def _free(name: str):
    def function(*patterns: Any) -> Pattern:
        return control(name, *patterns)

    function.__name__ = name
    return function


CONTROL_FUNCTIONS = {name: _free(name) for name in [*CONTROLS, *ALIASES]}
for _name in [*CONTROLS, *ALIASES]:
    setattr(Pattern, _name, _setter(_name))


# ----- music theory on patterns ------------------------------------------------------------------


def parse_scale(spec: Any) -> tuple[Any, str]:
    """('c3', 'major') from "c3:major", "C major", ["c", "major"] or "e:minor:pentatonic";
    the root sits in octave 3 when it names none (Strudel's default)."""
    if isinstance(spec, list):
        parts = [str(part) for part in spec]
    else:
        parts = str(spec).replace(":", " ").split()
    if len(parts) < 2:
        raise ComposerError(f"not a scale: {spec!r} (give a root and a name, e.g. 'c:major')")
    root = parts[0] if parts[0][-1].isdigit() else parts[0] + "3"
    return root, "_".join(parts[1:]).lower()


@lru_cache(maxsize=256)
def _scale_notes(spec: str) -> tuple[int, ...]:
    from composer.theory import scale as scale_notes

    root, name = parse_scale(spec)
    return tuple(list(scale_notes(root, name))[:-1]) or (0,)  # Sonic Pi's scale ends on the root an octave up


def _key(spec: Any) -> str:
    return " ".join(map(str, spec)) if isinstance(spec, list) else str(spec)


def scale_step(step: int, spec: Any) -> int:
    """The MIDI note `step` steps up (or down) the scale from its root."""
    notes = _scale_notes(_key(spec))
    octave, index = divmod(step, len(notes))
    return notes[index] + 12 * octave


def scale_position(number: int, spec: Any) -> int:
    """The step of the scale nearest to MIDI note `number`."""
    notes = _scale_notes(_key(spec))
    octave = (number - notes[0]) // 12
    index = min(range(len(notes)), key=lambda i: abs(notes[i] + 12 * octave - number))
    return octave * len(notes) + index


@register("scale")
def scale(pat: Pattern, spec: Any) -> Pattern:
    """Step numbers (`n`, or plain numbers) turned into notes of the scale: `n("0 2 4").scale("c:major")`."""

    def to_note(value):
        step = value.get("n") if isinstance(value, dict) else value
        try:
            number = scale_step(math.floor(float(step)), spec)
        except (TypeError, ValueError):
            return silence
        if isinstance(value, dict):
            rest = {k: v for k, v in value.items() if k != "n"}
            return pure({**rest, "note": number})
        return pure(number)

    return pat.fmap(to_note).outer_join()


@register("transpose")
def transpose(pat: Pattern, semitones: Any) -> Pattern:
    """Notes moved by `semitones` (note names become numbers)."""
    from composer.theory import note as note_number

    def move(value):
        if isinstance(value, dict):
            if "note" not in value:
                return value
            return {**value, "note": note_number(value["note"]) + semitones}
        return note_number(value) + semitones

    return pat.fmap(move)


@register("scale_transpose")
def scale_transpose(pat: Pattern, steps: Any, spec: Any = None) -> Pattern:
    """Notes moved `steps` steps along `spec`'s scale (Strudel takes the scale from `.scale`)."""
    from composer.theory import note as note_number

    def move(value):
        number = note_number(value["note"] if isinstance(value, dict) else value)
        moved = scale_step(scale_position(number, spec) + int(steps), spec)
        return {**value, "note": moved} if isinstance(value, dict) else moved

    return pat.fmap(move)
