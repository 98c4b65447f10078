"""The pattern layer: pure, clock-free patterns over rational time, after Strudel.

    from composer.pattern import mini
    for hap in mini("bd*2 [~ sn]").onsets_in(0, 1):
        print(hap.whole.begin, hap.value)
"""

from composer.pattern.core import (
    Pattern,
    cat,
    fastcat,
    patterned,
    polymeter,
    pure,
    reify,
    sequence,
    signal,
    silence,
    slowcat,
    stack,
    timecat,
)
from composer.pattern.euclid import bjorklund, euclid_rhythm, show_rhythm
from composer.pattern.mini import MiniNotationError, mini, parse_value
from composer.pattern.rand import choose_cycles, choose_in_with, choose_with, irand, rand, time_to_rand
from composer.pattern.span import Hap, TimeSpan, cycle_pos, next_sam, sam, show_time, to_time

__all__ = [
    "Hap",
    "MiniNotationError",
    "Pattern",
    "TimeSpan",
    "bjorklund",
    "cat",
    "choose_cycles",
    "choose_in_with",
    "choose_with",
    "cycle_pos",
    "euclid_rhythm",
    "fastcat",
    "irand",
    "mini",
    "next_sam",
    "parse_value",
    "patterned",
    "polymeter",
    "pure",
    "rand",
    "reify",
    "sam",
    "sequence",
    "show_rhythm",
    "show_time",
    "signal",
    "silence",
    "slowcat",
    "stack",
    "time_to_rand",
    "timecat",
    "to_time",
]
