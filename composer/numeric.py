"""Sonic Pi's small number helpers: quantise, factor?, inc, dec (lang/core.rb), with Ruby's
rounding (halves away from zero), so results match Sonic Pi's to the last bit."""

from __future__ import annotations

import math

from composer.errors import ComposerError


def ruby_round(x) -> int:
    """Round to the nearest integer, halves away from zero (Ruby's Float#round, C's round)."""
    if x < 0:
        return -ruby_round(-x)
    whole = math.floor(x)
    return whole + 1 if x - whole >= 0.5 else whole


def quantise(n, step):
    """n rounded to the nearest multiple of step: quantise(13.3212, 0.1) == 13.3."""
    if step <= 0:
        raise ComposerError(f"quantise needs a positive step, got {step!r}")
    return ruby_round(float(n) / step) * step


def factor_q(value, factor) -> bool:
    """Sonic Pi's `factor?`: is value a multiple of factor? (never for a factor of 0)."""
    return factor != 0 and value % factor == 0


def inc(n):
    return n + 1


def dec(n):
    return n - 1
