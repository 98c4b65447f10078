"""Launch and stop a piece's loops on the next bar line, as a clip launcher does.

A launch starts the loop at the first bar line after the beat the pad was hit (its arrival time,
not when it was read). A stop ends it at that bar line, mid-iteration if need be, with its notes
ended there (the runtime cuts what it had computed beyond). The scheduler computes a little ahead,
so an action asked for when that bar line is already computed goes to the bar after. A fill plays one bar: a launch at the next bar
and a cut a bar later. Runs in the scheduler's thread, which owns the runtime; no clock of its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

from composer.errors import ComposerError


def next_bar(beat: float, bar_beats: Fraction) -> Fraction:
    """The first bar line strictly after `beat` (a pad hit on the downbeat waits a whole bar)."""
    bars = math.floor(max(beat, 0.0) / float(bar_beats) + 1e-9) + 1
    return bars * bar_beats


class LoopLauncher:
    """Launches and stops a runtime's loops on bar lines."""

    def __init__(self, runtime, horizon: Callable[[], Fraction] = lambda: Fraction(0)):
        self.runtime = runtime
        self.horizon = horizon  # the beat the scheduler has computed up to: a cut must not be before it

    def known(self, name: str) -> bool:
        return name in self.runtime.piece.loops

    def running(self, name: str) -> bool:
        """Playing, and not about to be stopped."""
        loop = self.runtime.loops.get(name)
        return loop is not None and loop.cut_at is None

    def act(self, kind: str, name: str, beat: float) -> Fraction | None:
        """Do a pad's `kind` (launch, stop, toggle, fill) for loop `name`, heard at `beat`;
        returns the bar it happens at (None when there is nothing to do)."""
        if not self.known(name):
            raise ComposerError(f"the piece has no live_loop named {name!r}")
        bar_beats = self.runtime.bar_beats()
        bar = next_bar(beat, bar_beats)
        while bar < self.horizon():  # that bar is computed already (a hit read late, or just before it)
            bar += bar_beats
        if kind == "toggle":
            kind = "stop" if self.running(name) else "launch"
        if kind == "launch":
            return self.launch(name, bar)
        if kind == "stop":
            return self.stop(name, bar)
        if kind == "fill":
            if name in self.runtime.loops:
                return None  # a fill already playing (or a running loop) is left alone
            self.launch(name, bar)
            self.runtime.cut_loop(name, bar + bar_beats)
            return bar
        raise ComposerError(f"unknown loop action {kind!r}")

    def launch(self, name: str, bar: Fraction) -> Fraction | None:
        if self.runtime.uncut_loop(name):  # launched again before its stop came: it plays on
            return bar
        if name in self.runtime.loops:
            return None
        self.runtime.start_loop(name, bar)
        return bar

    def stop(self, name: str, bar: Fraction) -> Fraction | None:
        if not self.running(name):
            return None
        self.runtime.cut_loop(name, bar)
        return bar
