"""Chords, inversions and chords built on scale degrees, as Sonic Pi makes them.

`chord("e3", "minor")` is (ring 52, 55, 59); `chord("c4", "major", invert=1)` is
(ring 64, 67, 72); `chord_degree("i", "a3", "major")` is (ring 57, 61, 64, 68).
"""

from __future__ import annotations

import math
import numbers

from composer.errors import ComposerError, UnknownNameError
from composer.ring import Ring
from composer.theory.notes import note
from composer.theory.scales import _tonic, _whole_count, degree_index, scale

_MAJOR = (0, 4, 7)
_MINOR = (0, 3, 7)
_MAJOR7 = (0, 4, 7, 11)
_DOM7 = (0, 4, 7, 10)
_MINOR7 = (0, 3, 7, 10)
_AUG = (0, 4, 8)
_DIM = (0, 3, 6)
_DIM7 = (0, 3, 6, 9)
_HALFDIM = (0, 3, 6, 10)

#: Chord name -> semitones above the root. Transcribed from Sonic Pi's
#: app/server/ruby/lib/sonicpi/chord.rb (all_chords), in its order, aliases included,
#: with the long-form aliases (minor6 ... minor13) of its latest version.
#: Names are case-sensitive where case carries meaning: "M" and "M7" are major, "m" and
#: "m7" minor.
CHORDS: dict[str, tuple[int, ...]] = {
    "1": (0,),
    "5": (0, 7),
    "+5": (0, 4, 8),
    "m+5": (0, 3, 8),
    "sus2": (0, 2, 7),
    "sus4": (0, 5, 7),
    "6": (0, 4, 7, 9),
    "m6": (0, 3, 7, 9),
    "7sus2": (0, 2, 7, 10),
    "7sus4": (0, 5, 7, 10),
    "7-5": (0, 4, 6, 10),
    "halfdiminished": _HALFDIM,
    "7+5": (0, 4, 8, 10),
    "m7+5": (0, 3, 8, 10),
    "9": (0, 4, 7, 10, 14),
    "m9": (0, 3, 7, 10, 14),
    "m7+9": (0, 3, 7, 10, 14),
    "maj9": (0, 4, 7, 11, 14),
    "9sus4": (0, 5, 7, 10, 14),
    "6*9": (0, 4, 7, 9, 14),
    "m6*9": (0, 3, 7, 9, 14),
    "7-9": (0, 4, 7, 10, 13),
    "m7-9": (0, 3, 7, 10, 13),
    "7-10": (0, 4, 7, 10, 15),
    "7-11": (0, 4, 7, 10, 16),
    "7-13": (0, 4, 7, 10, 20),
    "9+5": (0, 10, 13),
    "m9+5": (0, 10, 14),
    "7+5-9": (0, 4, 8, 10, 13),
    "m7+5-9": (0, 3, 8, 10, 13),
    "11": (0, 4, 7, 10, 14, 17),
    "m11": (0, 3, 7, 10, 14, 17),
    "maj11": (0, 4, 7, 11, 14, 17),
    "11+": (0, 4, 7, 10, 14, 18),
    "m11+": (0, 3, 7, 10, 14, 18),
    "13": (0, 4, 7, 10, 14, 17, 21),
    "m13": (0, 3, 7, 10, 14, 17, 21),
    "add2": (0, 2, 4, 7),
    "add4": (0, 4, 5, 7),
    "add9": (0, 4, 7, 14),
    "add11": (0, 4, 7, 17),
    "add13": (0, 4, 7, 21),
    "madd2": (0, 2, 3, 7),
    "madd4": (0, 3, 5, 7),
    "madd9": (0, 3, 7, 14),
    "madd11": (0, 3, 7, 17),
    "madd13": (0, 3, 7, 21),
    "major": _MAJOR,
    "maj": _MAJOR,
    "M": _MAJOR,
    "minor": _MINOR,
    "min": _MINOR,
    "m": _MINOR,
    "major7": _MAJOR7,
    "dom7": _DOM7,
    "7": _DOM7,
    "M7": _MAJOR7,
    "minor7": _MINOR7,
    "m7": _MINOR7,
    "augmented": _AUG,
    "a": _AUG,
    "diminished": _DIM,
    "dim": _DIM,
    "i": _DIM,
    "diminished7": _DIM7,
    "dim7": _DIM7,
    "i7": _DIM7,
    "halfdim": _HALFDIM,
    "m7b5": _HALFDIM,
    "m7-5": _HALFDIM,
    "minor6": (0, 3, 7, 9),
    "major6": (0, 4, 7, 9),
    "minor9": (0, 3, 7, 10, 14),
    "major9": (0, 4, 7, 11, 14),
    "minor11": (0, 3, 7, 10, 14, 17),
    "major11": (0, 4, 7, 11, 14, 17),
    "minor13": (0, 3, 7, 10, 14, 17, 21),
}


def chord_names() -> Ring:
    """Every chord name, sorted (Sonic Pi's `chord_names`)."""
    return Ring(sorted(CHORDS))


def resolve_chord_name(name) -> str:
    """The CHORDS key for a name; a ':' prefix is allowed and ints mean their digits.

    An exact match wins. Otherwise case is ignored when that names one chord, except for a
    leading "M" before a digit or sign, where case decides major or minor ("M9" is not "m9").
    """
    if isinstance(name, numbers.Integral) and not isinstance(name, bool):
        name = str(name)
    if not isinstance(name, str):
        raise UnknownNameError("chord", name, CHORDS)
    key = name.strip().removeprefix(":")
    if key in CHORDS:
        return key
    if not (key.startswith("M") and len(key) > 1 and not key[1].isalpha()):
        matches = [known for known in CHORDS if known.lower() == key.lower()]
        if len(matches) == 1:
            return matches[0]
    raise UnknownNameError("chord", name, CHORDS)


def chord(tonic, name, octaves: int = 1, invert: int | None = None) -> Ring:
    """The notes of a chord on `tonic`, repeated up `octaves` octaves, then inverted.

    As Sonic Pi's `chord`: more octaves repeat the shape an octave higher each time (no top
    root is added), and a rest as tonic gives an empty ring; only `invert=` (even 0) sorts.
    """
    intervals = CHORDS[resolve_chord_name(name)]
    count = _whole_count("octaves", octaves)
    root = note(tonic)
    if root is None:
        return Ring()
    notes = [root + interval + 12 * octave for octave in range(count) for interval in intervals]
    return Ring(notes) if invert is None else chord_invert(notes, invert)


def chord_invert(notes, shift) -> Ring:
    """Sonic Pi's `chord_invert`: rotate the lowest note up an octave, `shift` times.

    A negative shift instead moves the last note down an octave and re-sorts, each time.
    Shifting by the number of notes moves every note up an octave. The result is sorted.
    """
    if isinstance(shift, bool) or not isinstance(shift, numbers.Real):
        raise ComposerError(f"an inversion must be a number, got {shift!r}")
    steps = _round_half_away(shift)
    values = [_pitch(n) for n in notes]
    if not values:
        return Ring()
    while steps > 0:
        values = values[1:] + [values[0] + 12]
        steps -= 1
    while steps < 0:
        values = sorted(values[:-1] + [values[-1] - 12])
        steps += 1
    return Ring(sorted(values))  # Sonic Pi sorts the result: a 9th chord's top note stays on top


def chord_degree(
    degree, tonic, scale_name="major", number_of_notes: int = 4, invert: int = 0
) -> Ring:
    """A chord of stacked thirds on a scale degree, as Sonic Pi's `chord_degree`.

    Takes every other note of a two-octave scale, starting at `degree` (1-based number or
    roman numeral), up to `number_of_notes` of them; high degrees run out of scale and so
    give fewer notes, as in Sonic Pi.
    """
    start = degree_index(degree)
    count = _whole_count("number_of_notes", number_of_notes)
    notes = list(scale(_tonic(tonic), scale_name, octaves=2))[start:][::2][:count]
    return chord_invert(notes, invert)


def _pitch(n):
    pitch = note(n)
    if pitch is None:
        raise ComposerError("cannot invert a chord containing a rest")
    return pitch


def _round_half_away(x) -> int:
    """Ruby's Float#round: halves go away from zero (Python's round goes to even)."""
    return int(math.copysign(math.floor(abs(x) + 0.5), x))
