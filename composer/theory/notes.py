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
from composer.ring import Ring
from composer.values import Symbol

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


def note(x, octave=None):
    """The MIDI number for a note name or number, or None for a rest.

    `octave=` replaces the name's octave, as Sonic Pi's `note(:c4, octave: 2)` (36); numbers
    ignore it.

    >>> note("e3"), note("Fs"), note(60), note("r"), note("c", octave=2)
    (52, 66, 60, None, 36)
    """
    if octave is not None:
        number = note(x)
        if number is None or isinstance(x, numbers.Real):
            return number
        if isinstance(octave, bool) or not isinstance(octave, numbers.Real):
            raise ComposerError(f"not an octave: {octave!r} (expecting a number such as 3)")
        return number % 12 + int(octave) * 12 + 12
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


class NoteInfo:
    """What Sonic Pi's `note_info` tells about a note: pitch class, octave, interval above C,
    MIDI number and name (`note_info("Eb3")` -> `#<SonicPi::Note :Eb3>`)."""

    __slots__ = ("pitch_class", "octave", "interval", "midi_note", "midi_string")

    def __init__(self, pitch_class, octave: int, interval: int, midi_note, midi_string: str):
        self.pitch_class = pitch_class
        self.octave = octave
        self.interval = interval
        self.midi_note = midi_note
        self.midi_string = midi_string

    def __eq__(self, other) -> bool:
        return isinstance(other, NoteInfo) and self.midi_string == other.midi_string and self.midi_note == other.midi_note

    def __hash__(self) -> int:
        return hash((self.midi_string, self.midi_note))

    def __repr__(self) -> str:
        return f"#<SonicPi::Note :{self.midi_string}>"


def note_info(x, octave=None) -> NoteInfo:
    """Sonic Pi's `note_info`: a name keeps its spelling (`Eb`, `Cb`); a number is named by
    PITCH_CLASS_NAMES and its own octave (`octave=` only applies to names)."""
    if x is None or is_rest(x):
        raise ComposerError(f"note_info needs a note, got {x!r}")
    if isinstance(x, numbers.Real) and not isinstance(x, bool):
        octave_number = int(x / 12) - 1
        name = PITCH_CLASS_NAMES[int(x % 12)]
        letter, accidental = name[0], name[1:]
        interval = _LETTER_SEMITONES[letter.lower()] + _ACCIDENTALS[accidental]
    else:
        match = _NOTE_RE.fullmatch(str(x).strip())
        if not match:
            raise ComposerError(f"not a note: {x!r} ({_HINT})")
        letter, accidental, written_octave = match.groups()
        if octave is not None and (isinstance(octave, bool) or not isinstance(octave, numbers.Integral)):
            raise ComposerError(f"not an octave: {octave!r} (expecting a whole number such as 3)")
        octave_number = int(octave) if octave is not None else (
            DEFAULT_OCTAVE if written_octave is None else int(written_octave))
        accidental = {"#": "s", "f": "b"}.get(accidental.lower(), accidental.lower())
        interval = _LETTER_SEMITONES[letter.lower()] + _ACCIDENTALS[accidental]
    pitch_class = letter.upper() + accidental
    midi = octave_number * 12 + interval + 12
    return NoteInfo(Symbol(pitch_class), octave_number, interval, midi, f"{pitch_class}{octave_number}")


def midi_notes(*notes):
    """A ring of MIDI numbers (None for rests): midi_notes("d3", 62, None) == (ring 50, 62, None)."""
    return Ring(note(n) for n in notes)


def octs(start, count: int = 1):
    """A ring of `count` successive octaves from start: octs("e3", 3) == (ring 52, 64, 76)."""
    base = note(start)
    if base is None:
        raise ComposerError(f"octs needs a note, got {start!r}")
    return Ring(base + 12 * i for i in range(int(count)))


def note_range(low, high, pitches=None):
    """Every note from low to high (both included, downwards if high is lower); with `pitches=`
    (a chord, a scale or a list of notes) only the notes of those pitch classes."""
    start, end = note(low), note(high)
    if start is None or end is None:
        raise ComposerError(f"note_range needs two notes, got {low!r} and {high!r}")
    bottom, top = min(start, end), max(start, end)
    pool = []
    value = bottom
    while value <= top:
        pool.append(value)
        value += 1
    if pitches is not None:
        classes = {int(note(p)) % 12 for p in pitches if note(p) is not None}
        pool = [n for n in pool if int(n) % 12 in classes]
    return Ring(pool if start == bottom else reversed(pool))


def midi_to_hz(x) -> float:
    """A note's frequency in Hz (A4 = 440), as Sonic Pi computes it."""
    number = note(x)
    if number is None:
        raise ComposerError(f"midi_to_hz needs a note or a number, got {x!r}")
    return 440.0 * (2 ** ((number - 69) / 12.0))


def hz_to_midi(freq) -> float:
    """A frequency as a (fractional) MIDI number, with Sonic Pi's formula."""
    if isinstance(freq, bool) or not isinstance(freq, numbers.Real) or freq <= 0:
        raise ComposerError(f"hz_to_midi needs a positive frequency, got {freq!r}")
    return (12 * (math.log(freq * 0.0022727272727) / math.log(2))) + 69
