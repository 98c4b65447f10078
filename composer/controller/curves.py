"""Velocity curves: pure functions from a raw velocity 0..127 to a played velocity 0..127.

Every curve keeps four promises that the router relies on: 0 stays 0 (a note-off is never turned
into a note-on), outputs never fall as inputs rise, inputs 1..127 give 1..127 (a key press is
never silenced), and 127 gives 127 unless the curve is a user curve whose last point says otherwise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from composer.errors import ComposerError, UnknownNameError

#: Curve names with no amount, and those that take one ("exp:2.5").
FIXED_CURVES = ("linear", "soft", "hard", "offset", "constant")
AMOUNT_CURVES = ("exp", "log")
CURVE_NAMES = FIXED_CURVES + AMOUNT_CURVES
DEFAULT_AMOUNT = 3.0
MAX_AMOUNT = 20.0
#: Alesis' offset curve adds 49: the softest hit plays at 50, anything from 78 up plays at 127.
OFFSET = 49

DESCRIPTIONS = {
    "linear": "output = input",
    "soft": "light playing sounds louder (square-root shape, above the diagonal)",
    "hard": "needs firm playing (square shape, below the diagonal)",
    "offset": "Alesis' offset curve: input + 49, so 1..127 plays 50..127",
    "constant": "every hit plays at 127",
    "exp": "exp:AMOUNT, below the diagonal; larger AMOUNT bends more (default 3)",
    "log": "log:AMOUNT, above the diagonal; larger AMOUNT bends more (default 3)",
}


class CurveError(ComposerError, ValueError):
    """A curve spec that cannot be a curve (bad amount, breakpoints out of order)."""


@dataclass(frozen=True)
class Curve:
    """A velocity curve: a named shape, an amount for exp/log, or user breakpoints."""

    name: str
    amount: float | None = None
    points: tuple[tuple[int, int], ...] = ()

    @property
    def spec(self) -> str:
        """The text that parses back to this curve ("exp:2.5", "points:0/0,64/90,127/127")."""
        if self.name == "points":
            return "points:" + ",".join(f"{i}/{o}" for i, o in self.points)
        if self.amount is not None:
            return f"{self.name}:{self.amount:g}"
        return self.name

    def to_toml_value(self) -> str | list[list[int]]:
        """What a patch stores for this curve: its spec, or the breakpoint list."""
        return [list(p) for p in self.points] if self.name == "points" else self.spec

    def __call__(self, velocity: int) -> int:
        return apply(self, velocity)


LINEAR = Curve("linear")


def _clip(value: float) -> int:
    return max(1, min(127, int(math.floor(value + 0.5))))


def _shape(curve: Curve, x: float) -> float:
    """The curve on 0..1 -> 0..1 (before rounding), for the smooth named shapes."""
    if curve.name == "soft":
        return math.sqrt(x)
    if curve.name == "hard":
        return x * x
    amount = curve.amount if curve.amount is not None else DEFAULT_AMOUNT
    if curve.name == "exp":
        return math.expm1(amount * x) / math.expm1(amount)
    if curve.name == "log":
        return math.log1p(math.expm1(amount) * x) / amount
    return x


def _interpolate(points: tuple[tuple[int, int], ...], velocity: int) -> float:
    previous = (0, 0)
    for point in points:
        if velocity <= point[0]:
            (x0, y0), (x1, y1) = previous, point
            if x1 == x0:
                return float(y1)
            return y0 + (y1 - y0) * (velocity - x0) / (x1 - x0)
        previous = point
    return float(previous[1])  # past the last point the curve holds its last output


def apply(curve: Curve, velocity: int) -> int:
    """The output velocity for one input velocity."""
    velocity = int(velocity)
    if not 0 <= velocity <= 127:
        raise CurveError(f"velocity {velocity} is outside 0..127")
    if velocity == 0:
        return 0
    name = curve.name
    if name == "linear":
        return velocity
    if name == "constant":
        return 127
    if name == "offset":
        return min(127, velocity + OFFSET)
    if name == "points":
        return _clip(_interpolate(curve.points, velocity))
    return _clip(127 * _shape(curve, velocity / 127))


def curve_table(curve: Curve) -> list[int]:
    """The 128 outputs of a curve, for inputs 0..127: what lookups and plots use."""
    return [apply(curve, v) for v in range(128)]


def breakpoints(points) -> Curve:
    """A user curve from [in, out] pairs, checked so that the curve keeps its promises."""
    pairs = []
    try:
        for point in points:
            x, y = point
            if isinstance(x, bool) or isinstance(y, bool) or not isinstance(x, int) or not isinstance(y, int):
                raise TypeError
            pairs.append((x, y))
    except (TypeError, ValueError):
        raise CurveError("a curve's points must be [in, out] pairs of whole numbers") from None
    if not pairs:
        raise CurveError("a curve needs at least one [in, out] point")
    pairs.sort()
    for x, y in pairs:
        if not 0 <= x <= 127 or not 0 <= y <= 127:
            raise CurveError(f"point [{x}, {y}] is outside 0..127")
        if x == 0 and y != 0:
            raise CurveError(f"point [0, {y}]: input 0 (note off) must stay 0")
        if x > 0 and y == 0:
            raise CurveError(f"point [{x}, 0]: inputs 1..127 must give at least 1")
    for (x0, y0), (x1, y1) in zip(pairs, pairs[1:]):
        if x0 == x1:
            raise CurveError(f"two points for input {x0}")
        if y1 < y0:
            raise CurveError(f"point [{x1}, {y1}] is below [{x0}, {y0}]: a curve must not fall")
    return Curve("points", points=tuple(p for p in pairs if p != (0, 0)))


def _parse_amount(name: str, text: str) -> float:
    try:
        amount = float(text)
    except ValueError:
        raise CurveError(f"curve {name}: amount {text!r} is not a number") from None
    if not 0 < amount <= MAX_AMOUNT or math.isnan(amount):
        raise CurveError(f"curve {name}: amount {text} must be above 0 and at most {MAX_AMOUNT:g}")
    return amount


def parse_curve(spec) -> Curve:
    """A Curve from a name ("soft"), "exp:2.5", "points:0/0,64/100,127/127", a list of [in, out]
    pairs, or a table {points = [...]} / {name = "exp", amount = 2}. Unknown names suggest close ones.
    """
    if isinstance(spec, Curve):
        return spec
    if isinstance(spec, (list, tuple)):
        return breakpoints(spec)
    if isinstance(spec, dict):
        if set(spec) == {"points"}:
            return breakpoints(spec["points"])
        if "name" in spec and set(spec) <= {"name", "amount"}:
            text = str(spec["name"]) + (f":{spec['amount']}" if "amount" in spec else "")
            return parse_curve(text)
        raise CurveError("a curve table needs `points = [[in, out], ...]` or `name` (and `amount`)")
    if not isinstance(spec, str):
        raise CurveError(f"a curve is a name or a list of [in, out] points, not {spec!r}")
    text = spec.strip().lower()
    name, _, rest = text.partition(":")
    if name == "points":
        try:
            pairs = [tuple(int(n) for n in item.split("/")) for item in rest.split(",") if item.strip()]
        except ValueError:
            raise CurveError(f"curve {spec!r}: points are written in/out, e.g. points:0/0,64/100,127/127") from None
        return breakpoints(pairs)
    if name in AMOUNT_CURVES:
        return Curve(name, _parse_amount(name, rest) if rest else DEFAULT_AMOUNT)
    if name in FIXED_CURVES:
        if rest:
            raise CurveError(f"curve {name} takes no amount")
        return Curve(name)
    raise UnknownNameError("curve", spec, CURVE_NAMES)
