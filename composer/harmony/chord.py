"""A chord that knows its symbol: a ring of MIDI notes with the spelling behind them.

`Chord` is a `Ring`, so `play(chord("Em7"))` works as with any chord; it also carries the
symbol it was written as (`.symbol`), its spelled root, bass and tones, and, when it came
from a roman numeral, the numeral and key (`.numeral`, `.key`).
"""

from __future__ import annotations

from composer.harmony.spelling import Key, Pitch
from composer.ring import Ring

DEFAULT_OCTAVE = 3  # the root of a chord symbol sits in octave 3 (E3 = 52), as music21 puts it


class Chord(Ring):
    """Notes (bass first, then the tones upwards) plus what they spell."""

    symbol: str
    root: Pitch | None
    bass: Pitch | None
    tones: tuple[Pitch, ...]  # spelled, root first, in ascending order above the root
    intervals: tuple[int, ...]  # semitones of each tone above the root
    numeral: str | None
    key: Key | None

    @classmethod
    def build(cls, symbol, root, intervals, tones, bass=None, octave=DEFAULT_OCTAVE, numeral=None, key=None):
        """The chord's notes: the root in `octave`, its tones above, a slash bass below."""
        if root is None:
            notes = []
        else:
            base = root.midi(octave)
            notes = [base + interval for interval in intervals]
            if bass is not None and bass.pitch_class != root.pitch_class:
                below = base - ((root.pitch_class - bass.pitch_class) % 12)
                notes = [below] + [n for n in notes if n % 12 != bass.pitch_class]
        chord = cls(notes)
        chord.symbol = symbol
        chord.root = root
        chord.bass = bass if bass is not None else root
        chord.tones = tuple(tones)
        chord.intervals = tuple(intervals)
        chord.numeral = numeral
        chord.key = key
        return chord

    @property
    def pitch_classes(self) -> frozenset[int]:
        """Every pitch class the chord sounds, the slash bass included."""
        return frozenset(n % 12 for n in self)

    @property
    def names(self) -> tuple[str, ...]:
        """Spelled tone names, the slash bass first when it is not a chord tone."""
        names = tuple(t.name for t in self.tones)
        if self.bass is not None and self.bass.pitch_class not in {t.pitch_class for t in self.tones}:
            names = (self.bass.name,) + names
        return names

    def __repr__(self) -> str:
        return f"(chord {self.symbol} " + ", ".join(repr(v) for v in self) + ")"


def no_chord(symbol: str = "N.C.") -> Chord:
    """N.C.: a bar where the band lays out."""
    return Chord.build(symbol, None, (), ())
