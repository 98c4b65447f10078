"""A lead-sheet symbol for a chord known by its tones (roman numerals, voicings)."""

from __future__ import annotations

from composer.harmony.spelling import Pitch

#: Semitones above the root (mod 12 past the octave kept as 13, 14...) -> suffix.
SUFFIXES = {
    (0, 4, 7): "", (0, 3, 7): "m", (0, 3, 6): "dim", (0, 4, 8): "aug",
    (0, 2, 7): "sus2", (0, 5, 7): "sus4", (0, 7): "5",
    (0, 4, 7, 10): "7", (0, 4, 7, 11): "maj7", (0, 3, 7, 10): "m7", (0, 3, 7, 11): "mMaj7",
    (0, 3, 6, 10): "m7b5", (0, 3, 6, 9): "dim7", (0, 4, 8, 10): "aug7", (0, 4, 8, 11): "maj7#5",
    (0, 4, 6, 10): "7b5", (0, 5, 7, 10): "7sus4", (0, 4, 7, 9): "6", (0, 3, 7, 9): "m6",
    (0, 4, 7, 10, 14): "9", (0, 4, 7, 11, 14): "maj9", (0, 3, 7, 10, 14): "m9",
    (0, 4, 7, 10, 13): "7b9", (0, 3, 7, 10, 13): "m7b9", (0, 3, 6, 10, 14): "m9b5",
    (0, 3, 6, 10, 13): "m7b5b9", (0, 4, 7, 11, 13): "maj7b9", (0, 3, 7, 11, 14): "mMaj9",
    (0, 4, 7, 14): "add9", (0, 3, 7, 14): "madd9",
}


def chord_symbol(root: Pitch, intervals, bass: Pitch | None = None) -> str:
    """`root` + suffix (+ `/bass`), e.g. D#dim7, F#m7b5/A; unknown shapes list their intervals."""
    shape = tuple(intervals)
    suffix = SUFFIXES.get(shape)
    if suffix is None:
        suffix = "(" + ",".join(str(i) for i in shape) + ")"
    slash = f"/{bass.name}" if bass is not None and bass.pitch_class != root.pitch_class else ""
    return f"{root.name}{suffix}{slash}"
