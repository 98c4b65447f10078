"""The pattern layer: pure, clock-free patterns over rational time, after Strudel.

    from composer.pattern import mini
    for hap in mini("bd*2 [~ sn]").onsets_in(0, 1):
        print(hap.whole.begin, hap.value)

`core` holds the Pattern class; the modules beside it add Strudel's functions to it as
methods, by concern: constructors, timing, values, layering, conditions, signals (with
chance), controls (with music theory), voicings (chord symbols as notes), stepwise (by steps
per cycle). `composer.pattern.strudel` gathers Strudel's free
functions under their snake_case names.
"""

from composer.pattern.core import Pattern, patterned, pure, register, reify, signal, silence
from composer.pattern.constructors import (
    binary, binary_n, cat, fastcat, gap, nothing, polyrhythm, run, seq, sequence, slowcat, stack, stepcat, timecat,
)
from composer.pattern import timing, values, layering, conditions  # noqa: F401  (they add methods)
from composer.pattern import voicings  # noqa: F401  (adds voicing, voicings, root_notes)
from composer.pattern.signals import (
    choose, choose_cycles, choose_in_with, choose_with, irand, perlin, rand, random_signal, time_to_rand,
)
from composer.pattern.controls import control
from composer.pattern.euclid import bjorklund, euclid_rhythm, show_rhythm
from composer.pattern.mini import MiniNotationError, mini, parse_value
from composer.pattern.stepwise import polymeter, stack_centre, stack_left, stack_right, stepalt
from composer.pattern.span import Hap, TimeSpan, cycle_pos, next_sam, sam, show_time, to_time

__all__ = [
    "Hap", "MiniNotationError", "Pattern", "TimeSpan", "binary", "binary_n", "bjorklund", "cat", "choose",
    "choose_cycles", "choose_in_with", "choose_with", "control", "cycle_pos", "euclid_rhythm", "fastcat", "gap",
    "irand", "mini", "next_sam", "nothing", "parse_value", "patterned", "perlin", "polymeter", "polyrhythm", "pure",
    "rand", "random_signal", "register", "reify", "run", "sam", "seq", "sequence", "show_rhythm", "show_time",
    "signal", "silence", "slowcat", "stack", "stack_centre", "stack_left", "stack_right", "stepalt", "stepcat",
    "time_to_rand", "timecat", "to_time",
]
