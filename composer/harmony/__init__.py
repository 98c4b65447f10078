"""Harmony as lead sheets write it: chord symbols, roman numerals, progressions, charts.

Pure theory (no I/O, no clock, no music21 at import): music21 is only the reference the
tests check these against.
"""

from __future__ import annotations

from composer.harmony.chord import Chord
from composer.harmony.progression import parse_chord, progression
from composer.harmony.roman import parse_numeral
from composer.harmony.spelling import Key, Pitch, parse_key
from composer.harmony.symbols import parse_symbol
from composer.theory.chords import chord as _named_chord
from composer.theory.chords import chord_invert


def chord(tonic, name=None, octaves: int = 1, invert: int = 0, octave: int | None = None):
    """`chord("F#m7b5")` (a symbol, root in octave 3) or Sonic Pi's `chord("e3", "minor")`."""
    if name is not None:
        return _named_chord(tonic, name, octaves=octaves, invert=invert)
    result = parse_chord(str(tonic), octave=3 if octave is None else octave)
    if octaves == 1 and not invert:
        return result
    notes = [n + 12 * o for o in range(octaves) for n in result]
    inverted = Chord(chord_invert(notes, invert))
    inverted.__dict__.update(result.__dict__)
    return inverted


__all__ = ["Chord", "Key", "Pitch", "chord", "parse_chord", "parse_key", "parse_numeral", "parse_symbol", "progression"]
