"""Harmony as lead sheets write it: chord symbols, roman numerals, progressions, charts.

Pure theory (no I/O, no clock, no music21 at import): music21 is only the reference the
tests check these against.
"""

from __future__ import annotations

from composer.errors import ComposerError
from composer.harmony.chord import DEFAULT_OCTAVE, Chord
from composer.harmony.progression import parse_chord, progression
from composer.harmony.roman import parse_numeral
from composer.harmony.spelling import Key, Pitch, parse_key
from composer.harmony.symbols import parse_symbol
from composer.theory.chords import chord as _named_chord
from composer.theory.chords import chord_invert


def chord(tonic, name=None, octaves: int = 1, invert: int = 0, octave: int = DEFAULT_OCTAVE,
          num_octaves: int | None = None):
    """`chord("F#m7b5")` (a symbol, root in octave 3) or Sonic Pi's `chord("e3", "minor")`;
    `num_octaves=` is Sonic Pi's name for `octaves=`."""
    if num_octaves is not None:
        octaves = num_octaves
    if name is not None:
        return _named_chord(tonic, name, octaves=octaves, invert=invert)
    if isinstance(octave, bool) or not isinstance(octave, int) or not -1 <= octave <= 9:
        raise ComposerError(f"a chord's octave must be a whole number from -1 to 9, got {octave!r}")
    result = parse_chord(str(tonic), octave=octave)
    if octaves != 1 or invert:
        notes = [n + 12 * o for o in range(octaves) for n in result]
        inverted = Chord(chord_invert(notes, invert))
        inverted.__dict__.update(result.__dict__)
        result = inverted
    outside = [n for n in result if not 0 <= n <= 127]
    if outside:
        raise ComposerError(f"chord {result.symbol!r} reaches note {outside[0]}, outside MIDI's 0-127")
    return result


__all__ = ["Chord", "Key", "Pitch", "chord", "parse_chord", "parse_key", "parse_numeral", "parse_symbol", "progression"]
