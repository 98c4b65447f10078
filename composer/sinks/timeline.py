"""A render's events gathered whole, for the sinks that look at all of it at once.

The MIDI writer streams; a picture, a terminal roll or a score needs every note of a part
before it can lay it out. `Timeline` holds the notes per track with the piece's tempo and
meter changes, and knows where the bar lines fall when the meter changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from composer.meters import bar_beats
from composer.midi.bytes import PROGRAM_CHANGE
from composer.runtime.events import PROGRAM, Midi, Note, Setting, Tempo, TimeSignature

DRUM_CHANNEL = 9  # General MIDI percussion, channel 10 on the wire's 0-based count


@dataclass
class Timeline:
    length: Fraction
    track_order: list[str]
    notes: dict[str, list[Note]] = field(default_factory=dict)
    tempos: list[Tempo] = field(default_factory=list)
    meters: list[TimeSignature] = field(default_factory=list)
    programs: dict[str, int] = field(default_factory=dict)  # track -> its first GM program
    key: tuple[int, bool] | None = None  # (sharps, minor), when the piece says or implies it

    @classmethod
    def gather(cls, events: Iterable, length: Fraction, track_order: list[str]) -> Timeline:
        timeline = cls(length=length, track_order=list(track_order))
        for event in events:
            kind = type(event)
            if kind is Note:
                timeline.notes.setdefault(event.track, []).append(event)
            elif kind is Tempo:
                timeline.tempos.append(event)
            elif kind is TimeSignature:
                if timeline.meters and timeline.meters[-1].beat == event.beat:
                    timeline.meters[-1] = event
                else:
                    timeline.meters.append(event)
            elif kind is Setting and event.control == PROGRAM:
                timeline.programs.setdefault(event.track, event.value)
            elif kind is Midi and event.data[0] & 0xF0 == PROGRAM_CHANGE:  # midi_pc
                timeline.programs.setdefault(event.track, event.data[1])
        if not timeline.meters or timeline.meters[0].beat > 0:
            timeline.meters.insert(0, TimeSignature(Fraction(0), 4, 4))
        return timeline

    def note_count(self) -> int:
        return sum(map(len, self.notes.values()))

    def tracks(self) -> list[str]:
        """Tracks that played something, in the piece's order."""
        named = [name for name in self.track_order if self.notes.get(name)]
        return named + [name for name in self.notes if name not in named and self.notes[name]]

    def is_drums(self, track: str) -> bool:
        notes = self.notes.get(track, [])
        return bool(notes) and all(note.channel == DRUM_CHANNEL for note in notes)

    def bars(self, whole: bool = False) -> list[tuple[Fraction, Fraction, TimeSignature]]:
        """(start, end, meter) of every bar up to the end; a meter change starts a new bar.
        With `whole`, a last bar that the end cuts short is given its full length (a score)."""
        bars = []
        for index, meter in enumerate(self.meters):
            end_of_meter = self.meters[index + 1].beat if index + 1 < len(self.meters) else self.length
            size = bar_beats(meter.numerator, meter.denominator)
            start = meter.beat
            while start < min(end_of_meter, self.length):
                end = min(start + size, end_of_meter)
                bars.append((start, end, meter))
                start = end
        if whole and bars:
            start, end, meter = bars[-1]
            bars[-1] = (start, max(end, start + bar_beats(meter.numerator, meter.denominator)), meter)
        return bars
