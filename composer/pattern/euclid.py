"""Euclidean (Bjorklund) rhythms, as Tidal and Strudel compute them.

This is the pairing-off form of Bjorklund's algorithm from Rohan Drape's Haskell
music theory library, which Tidal and Strudel share. It agrees with Toussaint's
"The Euclidean Algorithm Generates Traditional Musical Rhythms" except for a few
table entries Toussaint gave in another rotation, e.g. (3,4) is x x x ~ here,
(5,8) is x ~ x x ~ x x ~ and (3,8) the tresillo x ~ ~ x ~ ~ x ~.
"""

from __future__ import annotations

from composer.errors import ComposerError


def bjorklund(k: int, n: int) -> list[bool]:
    """`k` onsets spread as evenly as possible over `n` steps, starting on an onset.

    A negative `k` gives the inverse (the rests of `-k` become onsets), as in
    Strudel. `|k|` above `n` is clamped to `n`; `n <= 0` gives an empty rhythm.
    """
    k, n = int(k), int(n)
    if n <= 0:
        return []
    inverted = k < 0
    ons = min(abs(k), n)
    offs = n - ons
    xs: list[list[bool]] = [[True] for _ in range(ons)]
    ys: list[list[bool]] = [[False] for _ in range(offs)]
    while min(ons, offs) > 1:
        if ons > offs:
            # Each remainder group is appended to one of the first `offs` groups.
            paired = [a + b for a, b in zip(xs[:offs], ys)]
            xs, ys = paired, xs[offs:]
            ons, offs = offs, ons - offs
        else:
            # Each leading group takes one of the remainder groups.
            paired = [a + b for a, b in zip(xs, ys[:ons])]
            xs, ys = paired, ys[ons:]
            offs = offs - ons
    steps = [step for group in xs for step in group] + [step for group in ys for step in group]
    if inverted:
        return [not step for step in steps]
    return steps


#: The most steps a Euclidean rhythm may have.
MAX_STEPS = 10_000


def euclid_rhythm(k: int, n: int, rotation: int = 0) -> list[bool]:
    """`bjorklund(k, n)` rotated `rotation` steps later (to the right), as Strudel's
    `euclidRot` and the third argument of mini-notation's `bd(3,8,2)` do.

    A negative rotation rotates to the left.
    """
    if abs(n) > MAX_STEPS:
        raise ComposerError(f"a Euclidean rhythm of {n:,} steps is beyond composer's limit of {MAX_STEPS:,}")
    steps = bjorklund(k, n)
    if not steps:
        return steps
    shift = int(rotation) % len(steps)
    if shift == 0:
        return steps
    return steps[-shift:] + steps[:-shift]


def show_rhythm(steps: list[bool]) -> str:
    """'x ~ ~ x ~ ~ x ~': the rhythm in mini-notation, for messages and tests."""
    return " ".join("x" if step else "~" for step in steps)
