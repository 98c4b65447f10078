"""Spelled pitches and keys: letters and accidentals, so that E major's third is G#, not Ab.

A `Pitch` is a letter (C..B) and an alteration in semitones. Moving it by an interval of
`steps` letters and `semitones` keeps the spelling right: E up a major third (2 steps, 4
semitones) is G#, C up a minor third (2, 3) is Eb.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from composer.errors import ComposerError

LETTERS = "CDEFGAB"
NATURAL_SEMITONES = (0, 2, 4, 5, 7, 9, 11)
MAJOR_SEMITONES = NATURAL_SEMITONES
MINOR_SEMITONES = (0, 2, 3, 5, 7, 8, 10)  # natural minor, as roman numerals count it

_ACCIDENTAL_VALUES = {"#": 1, "♯": 1, "b": -1, "♭": -1, "x": 2, "##": 2, "bb": -2}
PITCH_RE = re.compile(r"([A-Ga-g])(##|bb|[#♯b♭x]?)")


class Pitch(NamedTuple):
    """A spelled pitch class: letter index (0 = C) and alteration (-2..2)."""

    letter: int
    alter: int

    @classmethod
    def parse(cls, text: str) -> "Pitch":
        match = PITCH_RE.fullmatch(text.strip())
        if not match:
            raise ComposerError(f"not a note name: {text!r} (use a letter A-G with # or b)")
        letter, accidental = match.groups()
        return cls(LETTERS.index(letter.upper()), _ACCIDENTAL_VALUES.get(accidental, 0))

    @property
    def pitch_class(self) -> int:
        return (NATURAL_SEMITONES[self.letter] + self.alter) % 12

    @property
    def name(self) -> str:
        """Lead-sheet spelling: F#, Bb, Ebb, G##."""
        return LETTERS[self.letter] + ("#" * self.alter if self.alter > 0 else "b" * -self.alter)

    def up(self, steps: int, semitones: int) -> "Pitch":
        """This pitch moved up by `steps` letters spanning `semitones` semitones."""
        letter = self.letter + steps
        natural = NATURAL_SEMITONES[letter % 7] + 12 * (letter // 7) - NATURAL_SEMITONES[self.letter]
        return Pitch(letter % 7, self.alter + semitones - natural)

    def midi(self, octave: int) -> int:
        """The MIDI number of this pitch in `octave`, counted by its letter (B#3 is 60)."""
        return (octave + 1) * 12 + NATURAL_SEMITONES[self.letter] + self.alter


class Key(NamedTuple):
    """A tonic and a mode (major or minor): where roman numerals find their roots."""

    tonic: Pitch
    mode: str

    @property
    def semitones(self) -> tuple[int, ...]:
        return MINOR_SEMITONES if self.mode == "minor" else MAJOR_SEMITONES

    def degree(self, number: int) -> Pitch:
        """The scale note of degree `number` (1-based; 8 and up wrap to the next octave)."""
        index = number - 1
        return self.tonic.up(index, self.semitones[index % 7] + 12 * (index // 7))

    @property
    def name(self) -> str:
        return f"{self.tonic.name} {self.mode}"


_KEY_RE = re.compile(
    r"\s*([A-Ga-g](?:##|bb|[#♯b♭]?))\s*(?:[:\s]\s*)?(major|minor|maj|min|M|m)?\s*"
)


def parse_key(text) -> Key:
    """A key from "e:minor", "E minor", "Em", "Bb major", "C" or "e" (lowercase: minor)."""
    if isinstance(text, Key):
        return text
    match = _KEY_RE.fullmatch(str(text))
    if not match:
        raise ComposerError(f"not a key: {text!r} (e.g. 'e:minor', 'E minor', 'C', 'Bb major')")
    tonic_text, mode = match.groups()
    if mode is None:
        mode = "minor" if tonic_text[0].islower() else "major"
    else:
        mode = "minor" if mode in ("minor", "min", "m") else "major"
    return Key(Pitch.parse(tonic_text), mode)
