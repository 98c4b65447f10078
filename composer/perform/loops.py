"""Launch and stop a piece's loops on the next bar line, as a clip launcher does.

A launch starts the loop at the first bar line after the beat being heard. A stop lets the loop
finish the iteration that is playing at the next bar line (for a one-bar loop, it ends exactly
there), since the runtime computes whole iterations ahead. A fill plays one bar: a launch at
the next bar and a stop at the bar after (a fill loop that calls stop() ends itself anyway).
Runs in the scheduler's thread, which owns the runtime; no clock of its own.
"""

from __future__ import annotations

import math
from fractions import Fraction

from composer.errors import ComposerError


def next_bar(beat: float, bar_beats: Fraction) -> Fraction:
    """The first bar line strictly after `beat` (a pad hit on the downbeat waits a whole bar)."""
    bars = math.floor(max(beat, 0.0) / float(bar_beats) + 1e-9) + 1
    return bars * bar_beats


class LoopLauncher:
    """Queues launches and stops of a runtime's loops; `update()` applies the stops when due."""

    def __init__(self, runtime):
        self.runtime = runtime
        self.stops: dict[str, Fraction] = {}  # loop -> the bar at which it should end

    def known(self, name: str) -> bool:
        return name in self.runtime.piece.loops

    def running(self, name: str) -> bool:
        return name in self.runtime.loops and name not in self.stops

    def act(self, kind: str, name: str, beat: float) -> Fraction | None:
        """Do a pad's `kind` (launch, stop, toggle, fill) for loop `name`, heard at `beat`;
        returns the bar it happens at (None when there is nothing to do)."""
        if not self.known(name):
            raise ComposerError(f"the piece has no live_loop named {name!r}")
        bar = next_bar(beat, self.runtime.bar_beats())
        if kind == "toggle":
            kind = "stop" if self.running(name) else "launch"
        if kind == "launch":
            return self.launch(name, bar)
        if kind == "stop":
            return self.stop(name, bar)
        if kind == "fill":
            if self.running(name):
                return None  # a fill already playing (or a running loop) is left alone
            self.launch(name, bar)
            self.stops[name] = bar + self.runtime.bar_beats()
            return bar
        raise ComposerError(f"unknown loop action {kind!r}")

    def launch(self, name: str, bar: Fraction) -> Fraction | None:
        if name in self.stops:  # launched again before its stop came: keep it going
            del self.stops[name]
            return bar
        if name in self.runtime.loops:
            return None
        self.runtime.start_loop(name, bar)
        return bar

    def stop(self, name: str, bar: Fraction) -> Fraction | None:
        if name not in self.runtime.loops:
            return None
        self.stops[name] = bar
        self.update()
        return bar

    def update(self) -> None:
        """Stop each loop whose computed iterations have reached its stop bar."""
        for name, bar in list(self.stops.items()):
            loop = self.runtime.loops.get(name)
            if loop is None:
                del self.stops[name]
            elif loop.state.time >= bar:
                self.runtime.stop_loop(name)
                del self.stops[name]
