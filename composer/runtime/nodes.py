"""Sonic Pi's `control` over MIDI: changing a sounding synth (what `play` returned) or an effect
(what `with_fx` gives its block, `with_fx :reverb do |fx| ... end`).

A MIDI note cannot change once struck, but what a musician means by most controls can be played:
- `note:` (`notes:` for a chord) ends the node's notes and strikes the new ones, which last to
  the node's end. A slide (`note_slide:`, of the control or of the play) arrives when it ends,
  so the new note is struck then: lorezzed's synth, struck 0.04 beats early with a 0.04 slide,
  lands each new note on the beat;
- `pan:` and `cutoff:` send their controller (CC 10, CC 74) on the node's channel when their
  slide ends;
- on an effect, its controlled option (reverb's and chorus's `mix:`, the low-pass filters'
  `cutoff:`, pan's `pan:`) sends the controller on the channels the block played, and the
  block's later notes keep the new value;
- options fixed when a note is struck (`amp:`, the envelope...) are ignored, warned once; other
  synth options are accepted without effect, as `play` accepts them.
A change arriving after the node has ended changes nothing, as in Sonic Pi, where the synth
has gone; `control` of nothing (a rest, a skipped sample) does nothing. `control` with no node
changes the thread's last node (its parent's until it plays), as Sonic Pi's does; after a
sample that is nothing.
"""

from __future__ import annotations

from composer import context
from composer.errors import ComposerError
from composer.midi.bytes import CUTOFF, NOTE_OFF, PAN
from composer.runtime import sound
from composer.runtime.effects import FX_CONTROLS, FX_OPTIONS, Effect
from composer.runtime.events import Midi, Note, Setting
from composer.runtime.notices import warn_once
from composer.runtime.sound import SynthNode

#: play's options that a struck MIDI note keeps: a control cannot change them.
FIXED_AT_NOTE_ON = frozenset("amp velocity duration attack decay sustain release channel port pitch".split())


#: `control` given no node: as Sonic Pi, it changes the last one the thread (or the thread that
#: started it) struck.
LAST_NODE = object()


def control(api, node, options: dict):
    """Sonic Pi's `control node, opts`: see the module's docstring."""
    if node is LAST_NODE:
        node = api._loop("control").last_node
    if node is None:
        return None
    if not isinstance(node, (SynthNode, Effect)):
        raise ComposerError(f"control changes what play, synth or with_fx gave, not {node!r}")
    if not sound.truthy(options.get("on", True)):
        return node
    runtime = api._running("control")
    if isinstance(node, Effect):
        sound.check_options(api, f"control (with_fx {node.name!r})", options, allowed=frozenset(), ignored=FX_OPTIONS)
        _control_effect(runtime, node, options)
        return node
    sound.check_options(api, "control", options, allowed=sound.MIDI_OPTIONS | {"notes"})
    for name in options:
        if name in FIXED_AT_NOTE_ON:
            warn_once(api.definition.path, api.definition.warned, ("control", name),
                      f"control: {name}: is fixed once a MIDI note is struck; ignored")
    loop = runtime.current_loop("control")
    emit = runtime.emit
    for name, setting, scale in (("pan", PAN, sound.pan_byte), ("cutoff", CUTOFF, sound.clamp_byte)):
        if name in options:
            at = _arrival(runtime, loop, name, options, node.options)
            if at < node.end:
                emit(Setting(at, setting, scale(options[name]), node.channel, node.track))
    if "note" in options or "notes" in options:
        store = context.current.settings
        shift = store.get("transpose", 0) + 12 * store.get("octave", 0)
        new = sound.note_numbers(options["notes"] if "notes" in options else options["note"], shift)
        at = _arrival(runtime, loop, "note", options, node.options)
        if at < node.end:
            for number in node.notes:
                if number not in new:
                    emit(Midi(at, (NOTE_OFF | node.channel, number, 0), node.track))
            for number in new:
                if number not in node.notes:
                    emit(Note(at, node.end - at, number, node.velocity, node.channel, node.track))
            node.notes = new
    return node


def _control_effect(runtime, effect: Effect, options: dict) -> None:
    if effect.name not in FX_CONTROLS:
        return
    control, option, _, scale = FX_CONTROLS[effect.name]
    if option not in options:
        return
    value = scale(options[option])
    effect.controls[control] = value  # the block's later notes
    loop = runtime.current_loop("control")
    at = _arrival(runtime, loop, option, options, effect.options)
    for channel, track in sorted(effect.touched):
        runtime.emit(Setting(at, control, value, channel, track))


def _arrival(runtime, loop, name: str, options: dict, given: dict):
    """When a change of `name` arrives: now plus its slide (the control's `NAME_slide:` or
    `slide:`, else the node's own), in the file's beats."""
    now = loop.state.time
    for source in (options, given):
        for key in (f"{name}_slide", "slide"):
            if source and key in source:
                return now + runtime.file_beats(loop, sound.duration_beats(source[key], key))
    return now


def names(api) -> dict:
    """The piece's names for this module, bound to one piece."""

    def control_(node=LAST_NODE, **options):
        return control(api, node, options)

    return {"control": control_}
