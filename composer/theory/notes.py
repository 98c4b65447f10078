"""Note names to MIDI numbers and back, spelled as in Sonic Pi.

`c4` is 60 (middle C), `e3` is 52, `a4` is 69. A name is a letter a-g, an optional accidental
(`s` or `#` sharpens, `b` or `f` flattens) and an optional octave (4 when left out, may be
negative: `c-1` is 0). Case does not matter and a leading ':' is allowed, so Sonic Pi symbols
pasted as text (`:Eb3`) work. Accidentals cross octave lines the way Sonic Pi counts them:
`bs3` is 60 (B sharp 3 sounds as C4) and `cb4` is 59 (C flat 4 sounds as B3).

Numbers pass through untouched (floats are microtonal pitches, as in Sonic Pi), and `None`,
`"r"`, `"rest"`, `":r"` and `":rest"` are rests, which `note` returns as None.
"""

from __future__ import annotations

import math
import numbers
import re

from composer.errors import ComposerError

DEFAULT_OCTAVE = 4

# Semitones above C within the octave (Sonic Pi's note.rb NOTES_TO_INTERVALS, natural notes).
_LETTER_SEMITONES = {"c": 0, "d": 2, "e": 4, "f": 5, "g": 7, "a": 9, "b": 11}
_ACCIDENTALS = {"": 0, "s": 1, "#": 1, "b": -1, "f": -1}
_NOTE_RE = re.compile(r":?([a-g])([s#bf]?)(-?[0-9]+)?", re.IGNORECASE)
_RESTS = frozenset({"r", "rest", ":r", ":rest"})

#: Pitch-class names by semitone above C, as Sonic Pi's note_info prints them
#: (note.rb INTERVALS_TO_NOTES): sharps for C#/F#, flats for Eb/Ab/Bb.
PITCH_CLASS_NAMES = ("C", "Cs", "D", "Eb", "E", "F", "Fs", "G", "Ab", "A", "Bb", "B")

_HINT = "use c, d, e, f, g, a, b with s/# or b/f and an octave, e.g. e3"


def note(x):
    """The MIDI number for a note name or number, or None for a rest.

    >>> note("e3"), note("Fs"), note(60), note("r")
    (52, 66, 60, None)
    """
    if x is None:
        return None
    if isinstance(x, numbers.Real) and not isinstance(x, bool):
        return x
    if isinstance(x, str):
        text = x.strip()
        if text.lower() in _RESTS:
            return None
        match = _NOTE_RE.fullmatch(text)
        if match:
            letter, accidental, octave = match.groups()
            octave_number = DEFAULT_OCTAVE if octave is None else int(octave)
            semitone = _LETTER_SEMITONES[letter.lower()] + _ACCIDENTALS[accidental.lower()]
            return (octave_number + 1) * 12 + semitone
    raise ComposerError(f"not a note: {x!r} ({_HINT})")


def is_rest(x) -> bool:
    """True for the values `note` treats as a rest."""
    return x is None or (isinstance(x, str) and x.strip().lower() in _RESTS)


def note_name(x) -> str:
    """A note's name in Sonic Pi's note_info style: 60 -> "C4", 54 -> "Fs3", 63 -> "Eb4".

    Accepts anything `note` does. Floats are named by the semitone at or below them
    (60.5 -> "C4"); a rest is named "r", which `note` reads back as a rest.
    """
    n = note(x)
    if n is None:
        return "r"
    octave = math.floor(n / 12) - 1 if not isinstance(n, numbers.Integral) else int(n) // 12 - 1
    pitch_class = math.floor(n % 12)
    return f"{PITCH_CLASS_NAMES[pitch_class]}{octave}"
