"""Pad calibration: a breakpoint curve per pad so that the same force plays the same velocity.

Pads differ in sensitivity (rubber, sensor, wear). From each pad's soft and firm hits we take the
medians, which a stray double-trigger cannot move, and map them onto common targets; between and
beyond them the curve is linear, so a medium hit lands in between on every pad.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence

from composer.controller.curves import Curve, CurveError, apply, breakpoints

SOFT_TARGET = 40
FIRM_TARGET = 110


def median_velocity(velocities: Sequence[int]) -> int:
    if not velocities:
        raise CurveError("no hits to calibrate from")
    return int(round(statistics.median(velocities)))


def fit_pad(soft: Sequence[int], firm: Sequence[int], soft_target: int = SOFT_TARGET,
            firm_target: int = FIRM_TARGET) -> Curve:
    """The curve sending this pad's soft median to `soft_target` and firm median to `firm_target`."""
    low, high = median_velocity(soft), median_velocity(firm)
    if not 1 <= low < high:
        raise CurveError(
            f"soft hits (median {low}) must be softer than firm hits (median {high}); hit again"
        )
    points = [(low, soft_target), (high, firm_target)]
    if high < 127:
        points.append((127, 127))
    return breakpoints(points)


def fit_pads(hits: Mapping[int, tuple[Sequence[int], Sequence[int]]], soft_target: int = SOFT_TARGET,
             firm_target: int = FIRM_TARGET) -> dict[int, Curve]:
    """pad -> fitted curve, from pad -> (soft velocities, firm velocities)."""
    fitted = {}
    for pad, (soft, firm) in sorted(hits.items()):
        try:
            fitted[pad] = fit_pad(soft, firm, soft_target, firm_target)
        except CurveError as error:
            raise CurveError(f"pad {pad}: {error}") from None
    return fitted


def mapped_spread(curves: Mapping[int, Curve], raw: Mapping[int, Sequence[int]]) -> int:
    """Max minus min, across pads, of the median mapped velocity: 0 when pads are perfectly even."""
    medians = [statistics.median(apply(curves[pad], v) for v in values) for pad, values in raw.items()]
    return int(round(max(medians) - min(medians)))
