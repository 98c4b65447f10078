"""Launch and stop a piece's loops on the next bar line, as a clip launcher does.

Bar lines follow the time signatures the piece has met (composer.meters, the rule render
--bars and live's status line use): after four bars of 4/4, bars of 7/4 start at beats 16, 23,
30. A launch starts the loop at the first bar line after the beat the pad was hit (its arrival
time, not when it was read). A stop ends it at that bar line, mid-iteration if need be, with its
notes ended there (the runtime cuts what it had computed beyond). The scheduler computes a little
ahead, so an action asked for when that bar line is already computed goes to the bar after. A
fill plays one bar: a launch at the next bar line and a cut at the one after, placed once the
music is computed past the launch, when the meter of that bar is known (a fill landing on the
first bar of a 7/4 section lasts 7 beats). Runs in the scheduler's thread, which owns the
runtime; no clock of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from composer.errors import ComposerError
from composer.meters import MeterMap


class LoopLauncher:
    """Launches and stops a runtime's loops on the bar lines of `meters` (the scheduler's:
    those met in the music computed so far)."""

    def __init__(self, runtime, horizon: Callable[[], Fraction] = lambda: Fraction(0),
                 meters: MeterMap | None = None):
        self.runtime = runtime
        self.horizon = horizon  # the beat the scheduler has computed up to: a cut must not be before it
        self.meters = meters if meters is not None else MeterMap(*runtime.time_signature)
        self._fills: dict[str, Fraction] = {}  # a fill's loop -> its bar line, while its bar's end is unknown

    @classmethod
    def on(cls, scheduler) -> "LoopLauncher":
        """A launcher for a live scheduler's runtime, on the bar lines of the music it has
        computed, placing fills' ends as it computes on."""
        launcher = cls(scheduler.runtime, horizon=lambda: scheduler.computed_until, meters=scheduler.meters)
        scheduler.on_computed.append(launcher.follow)
        return launcher

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
        bar = self.meters.next_bar_line(beat)
        while bar < self.horizon():  # that bar is computed already (a hit read late, or just before it)
            bar = self.meters.next_bar_line(bar)
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
            self._fills[name] = bar
            return bar
        raise ComposerError(f"unknown loop action {kind!r}")

    def launch(self, name: str, bar: Fraction) -> Fraction | None:
        if self.runtime.uncut_loop(name) or self._fills.pop(name, None) is not None:
            return bar  # launched again before its stop (or its fill's end) came: it plays on
        if name in self.runtime.loops:
            return None
        self.runtime.start_loop(name, bar)
        return bar

    def stop(self, name: str, bar: Fraction) -> Fraction | None:
        if not self.running(name):
            return None
        self.runtime.cut_loop(name, bar)
        return bar

    def follow(self) -> None:
        """End each fill whose bar the scheduler has begun computing at that bar's next bar line
        (called after each look-ahead window: the bar's meter is known by then, and what the fill
        computed beyond is still to be cut)."""
        horizon = self.horizon()
        for name, bar in list(self._fills.items()):
            if bar >= horizon:
                continue
            del self._fills[name]
            loop = self.runtime.loops.get(name)
            if loop is not None and loop.cut_at is None:  # not stopped by a pad meanwhile
                self.runtime.cut_loop(name, max(self.meters.next_bar_line(bar), horizon))
