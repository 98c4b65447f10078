"""The chord zone and band pads, steering a chart's band (composer.accompany.control).

The router says which keys the chord zone holds and which band pad was hit; here the held notes
become a chord (composer.harmony.recognise, spelled in the chart's key) and the requests go to
the band, which takes them at the next bar it computes. Runs in the scheduler's thread.
"""

from __future__ import annotations

from collections.abc import Callable

from composer.errors import ComposerError
from composer.harmony.recognise import recognise
from composer.perform.router import BandChord, BandFill, BandSection

BAND_ACTIONS = (BandChord, BandSection, BandFill)


class BandSteering:
    """Applies band actions to `control` (None: the piece is no chart, and says so once)."""

    def __init__(self, control, latch: bool, warn: Callable[[str], None]):
        self.control = control
        self.latch = latch
        self.warn = warn
        self._told = False

    def apply(self, action) -> None:
        control = self.control
        if control is None:
            if not self._told:
                self._told = True
                self.warn("the chord zone and band pads steer a chart's band; this piece is no chart")
            return
        kind = type(action)
        if kind is BandSection:
            control.go_to(action.section)
        elif kind is BandFill:
            control.fill()
        elif action.pressed:
            chord = recognise(action.notes, control.key)
            if chord is not None:  # a key on its way to a chord changes nothing yet
                control.hold(chord)
        elif not action.notes and not self.latch:
            control.hold(None)  # hands off: the chart's chords from the next bar

    def check(self, patch) -> None:
        """Every band pad names a section the chart has (the patch check does this too)."""
        if self.control is None:
            return
        for pad in patch.pads:
            if pad.action == "section":
                try:
                    self.control.section_named(pad.section)
                except ComposerError as error:
                    raise ComposerError(f"{patch.path or patch.name}: pad {pad.pad}: {error}") from None
