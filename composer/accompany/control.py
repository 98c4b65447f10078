"""What a performer asks of a chart's band: the one interface between perform and the band.

composer.perform routes the controller here (the chord a hand holds, a pad asking for another
section or a fill); the band's loops (composer.accompany.live_band) take the requests at each
bar line they compute, so a request is heard from the next bar not yet computed. The feel
knobs are plain params (composer.accompany.feel). Pure state: one thread (the scheduler's)
writes and reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from composer.errors import ComposerError, did_you_mean
from composer.harmony.chord import Chord

NEXT = "next"


@dataclass(frozen=True)
class Request:
    """What the next bar is asked to be: a section to go to, a fill, a chord to play instead."""

    section: str | None = None  # NEXT or a section's label
    fill: bool = False
    chord: Chord | None = None


class BandControl:
    """Requests from the performer, taken by the band one bar at a time."""

    def __init__(self, key: str | None = None, sections=()):
        self.key = key  # the chart's key, to spell a recognised chord as the chart would
        self.sections = tuple(sections)  # the labels and kinds a pad may name
        self.chord: Chord | None = None  # the chord the performer holds; None: the chart's
        self._section: str | None = None
        self._fill = False

    def hold(self, chord: Chord | None) -> None:
        """From the next bar the band plays `chord` (None: the chart's chords again)."""
        self.chord = chord

    def go_to(self, section: str = NEXT) -> None:
        """At the next bar line the band goes to the start of `section` (or the next one)."""
        self._section = self.section_named(section)

    def section_named(self, name: str) -> str:
        """NEXT, or the chart's section of that label or kind (any case); else a one-line error."""
        if name.lower() == NEXT:
            return NEXT
        if name.lower() in self.sections:
            return name
        hint = did_you_mean(name.lower(), self.sections)
        raise ComposerError(f"the chart has no section {name!r}" + (f"; did you mean {hint}?" if hint else
                            f"; it has {', '.join(self.sections)}"))

    def fill(self) -> None:
        """The next bar ends in a drum fill."""
        self._fill = True

    def take(self) -> Request:
        """The requests for the bar about to be computed; one-shot ones are used up. A new
        section plays its own chords, so it lets go of a held chord."""
        section, fill = self._section, self._fill
        self._section, self._fill = None, False
        if section is not None:
            self.chord = None
        return Request(section, fill, self.chord)
