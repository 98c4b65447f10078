"""Sonic Pi's with_fx on MIDI: the block runs; effects with a standard controller send it.

reverb/gverb (mix -> CC 91), chorus (mix -> CC 93), lpf/rlpf/nlpf/nrlpf (cutoff -> CC 74) and pan
(pan -> CC 10) set their controller on the channels the block plays, before its first note there,
and put it back when the block ends (to an enclosing effect's value, else to `AT_REST`). Every
other Sonic Pi effect runs its block unchanged. Python has no block that repeats, so Sonic Pi's
`with_fx :echo, reps: 4 do ... end` is `@with_fx("echo", reps=4)` on a def, which runs it 4 times.
"""

from __future__ import annotations

from composer.errors import ComposerError, did_you_mean
from composer.midi.bytes import CHORUS, CUTOFF, PAN, REVERB
from composer.runtime.events import Setting
from composer.runtime.sound import check_options, clamp_byte, pan_byte, settings, truthy, unit_byte

#: Sonic Pi's effects (fx_* in synthinfo.rb, plus chorus, and `none`, which does nothing), with
#: with_fx's own options (on, kill_delay) and those of every effect.
FX_NAMES = frozenset("""
    autotuner band_eq bitcrusher bpf chorus compressor distortion echo eq flanger gverb hpf ixi_techno krush
    level lpf mono nbpf nhpf nlpf none normaliser nrbpf nrhpf nrlpf octaver pan panslicer ping_pong pitch_shift
    rbpf record reverb rhpf ring_mod rlpf slicer sound_out sound_out_stereo tanh tremolo vowel whammy
    wobble""".split())
FX_OPTIONS = frozenset("""
    on kill_delay
    amp amp_max amp_min bits buffer centre clamp_time cutoff cutoff_max cutoff_min damp db decay delay deltime
    depth distort dry feedback filter formant_ratio freq gain grains_period grainsize high high_note high_q
    high_shelf high_shelf_note high_shelf_slope invert_flange invert_wave krunch level low low_note low_q
    low_shelf low_shelf_note low_shelf_slope max_delay max_delay_time max_formant_ratio max_phase mid mid_note
    mid_q min_freq mix mod_amp mode note output pan pan_max pan_min pan_start phase phase_offset pitch pitch_dis
    pre_amp pre_damp pre_mix prob_pos probability pulse_width ref_level relax_time release res room sample_rate
    seed slope_above slope_below smooth smooth_down smooth_up spread stereo_invert_wave sub_amp subsub_amp
    super_amp tail_level threshold time_dis transpose voice vowel_sound wave window_size""".split())

#: Effects with a standard controller: (controller, option, Sonic Pi's default, to 0..127).
FX_CONTROLS = {
    "reverb": (REVERB, "mix", 0.4, unit_byte),
    "gverb": (REVERB, "mix", 0.4, unit_byte),
    "chorus": (CHORUS, "mix", 0.4, unit_byte),
    "lpf": (CUTOFF, "cutoff", 100, clamp_byte),
    "rlpf": (CUTOFF, "cutoff", 100, clamp_byte),
    "nlpf": (CUTOFF, "cutoff", 100, clamp_byte),
    "nrlpf": (CUTOFF, "cutoff", 100, clamp_byte),
    "pan": (PAN, "pan", 0, pan_byte),
}
#: What a controller goes back to when the last effect that set it ends: General MIDI's
#: defaults for reverb (40), chorus (0) and pan (centre); the filter wide open.
AT_REST = {REVERB: 40, CHORUS: 0, PAN: 64, CUTOFF: 127}


class Effect:
    """One with_fx block: the controllers in force inside it (its own over its enclosing
    blocks'), and the (channel, track)s it played on, which get their controllers back after."""

    __slots__ = ("controls", "touched", "outer", "name", "options")

    def __init__(self, controls: dict[int, int], outer: dict[int, int], name: str = "", options=None):
        self.controls = controls
        self.outer = outer
        self.touched: set[tuple[int, str]] = set()
        self.name, self.options = name, options or {}  # what `control` of the block's effect reads


class with_fx:  # noqa: N801 - Sonic Pi's name
    """`with with_fx("reverb", mix=0.6): ...` runs the block once; `@with_fx("echo", reps=4)` on
    a def runs the function `reps` times, as Sonic Pi's `with_fx :echo, reps: 4 do ... end`."""

    def __init__(self, api, name, reps=1, **options):
        name = str(name).lstrip(":")
        if name not in FX_NAMES:
            hint = did_you_mean(name, FX_NAMES)
            raise ComposerError(f"with_fx: unknown effect {name!r}" + (f"; did you mean {hint}?" if hint else ""))
        check_options(api, f"with_fx({name!r})", options, allowed=frozenset(), ignored=FX_OPTIONS)
        if not isinstance(reps, int) or isinstance(reps, bool) or reps < 1:
            raise ComposerError(f"with_fx: reps must be a whole number of times, 1 or more, got {reps!r}")
        self.api, self.name, self.reps, self.options = api, name, reps, options
        self._saved = []

    def __enter__(self):
        if self.reps != 1:
            raise ComposerError("with_fx(reps=...) repeats a block: "
                                "put @with_fx(..., reps=N) on a def instead of `with`")
        store = settings(self.api)
        effects = store.get("fx", ())
        outer = dict(effects[-1].controls) if effects else {}
        controls = dict(outer)
        if self.name in FX_CONTROLS and truthy(self.options.get("on", True)):  # on=False: no effect
            control, option, default, scale = FX_CONTROLS[self.name]
            controls[control] = scale(self.options.get(option, default))
        effect = Effect(controls, outer, self.name, self.options)
        self._saved.append((store, effects, effect))
        store["fx"] = (*effects, effect)
        return effect  # `with_fx :reverb do |fx|`: what control(fx, mix=...) changes

    def __exit__(self, kind, error, traceback):
        store, effects, effect = self._saved.pop()
        store["fx"] = effects
        if kind is None and effect.touched and self.api._in_loop():
            runtime = self.api.runtime
            beat = runtime.current_loop("with_fx").state.time
            for channel, track in sorted(effect.touched):
                for control, value in effect.controls.items():
                    back = effect.outer.get(control, AT_REST[control])
                    if back != value:
                        runtime.emit(Setting(beat, control, back, channel, track))
        return False

    def __call__(self, function):
        reps, self.reps = self.reps, 1
        for _ in range(reps):
            with self:
                function()
        return function


def names(api) -> dict:
    """The piece's names for this module, bound to one piece."""

    def with_fx_(name, reps=1, **options):
        return with_fx(api, name, reps, **options)

    return {"with_fx": with_fx_}
