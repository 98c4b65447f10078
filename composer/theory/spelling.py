"""Spelling pitches in a key, as a musician reads them: G# in E major, Ab in F minor.

A MIDI number says which key of the piano, not which letter. In a key, the seven notes of its
scale take the key signature's letters; the other five are spelt as common practice does: in
major the raised 4th is a sharp and the lowered 2nd, 3rd, 6th and 7th are flats; in minor the
raised 3rd, 4th, 6th and 7th are sharps and the lowered 2nd a flat. Both come from one window
of twelve places on the line of fifths (F C G D A E B ...) around the key's signature.
"""

from __future__ import annotations

from composer.theory.notes import _LETTER_SEMITONES

LETTERS_BY_FIFTHS = "FCGDAEB"
#: tonic (pitch class) -> sharps (+) or flats (-) of its major key signature, as usually written
MAJOR_SIGNATURES = {0: 0, 7: 1, 2: 2, 9: 3, 4: 4, 11: 5, 6: 6, 1: -5, 8: -4, 3: -3, 10: -2, 5: -1}


def signature(tonic: int, minor: bool = False) -> int:
    """Sharps (+) or flats (-) of the key on pitch class `tonic`: E minor is 1, F minor -4."""
    relative_major = (tonic + 3) % 12 if minor else tonic % 12
    return MAJOR_SIGNATURES[relative_major]


def spelled_pitch_class(pitch_class: int, sharps: int, minor: bool = False) -> tuple[str, int]:
    """(letter, alteration) of a pitch class in a key: alteration +1 a sharp, -1 a flat."""
    low = sharps - (2 if minor else 5)  # the window's first place on the line of fifths
    for place in range(low, low + 12):
        if (place * 7) % 12 == pitch_class % 12:
            index = place + 1  # F is place -1, at index 0
            return LETTERS_BY_FIFTHS[index % 7], index // 7
    raise AssertionError("twelve places on the line of fifths hold every pitch class")


def spell(note: int, sharps: int, minor: bool = False) -> tuple[str, int, int]:
    """(letter, alteration, octave) of a MIDI note in a key; B#3 and Cb4 keep their octaves."""
    letter, alteration = spelled_pitch_class(note % 12, sharps, minor)
    natural = _LETTER_SEMITONES[letter.lower()]
    octave = (note - natural - alteration) // 12 - 1
    return letter, alteration, octave


def spelled_name(note: int, sharps: int, minor: bool = False) -> str:
    """A note's name in a key, with # and b: 68 in E major is "G#4", in F minor "Ab4"."""
    letter, alteration, octave = spell(note, sharps, minor)
    return f"{letter}{'#' * alteration if alteration > 0 else 'b' * -alteration}{octave}"


def key_of_scale(notes) -> tuple[int, bool]:
    """(sharps, minor) of the key signature a scale is written in: the major key whose seven
    notes hold most of the scale's (ties go to the key whose tonic or relative minor is the
    scale's first note, then to fewer accidentals, then to sharps); minor when the scale has a
    minor third.
    D dorian is written with no sharps, E minor pentatonic with one."""
    pitch_classes = {int(n) % 12 for n in notes}
    tonic = int(notes[0]) % 12
    minor = (tonic + 3) % 12 in pitch_classes and (tonic + 4) % 12 not in pitch_classes

    def fit(sharps: int):
        major_tonic = (7 * sharps) % 12
        diatonic = {(major_tonic + step) % 12 for step in (0, 2, 4, 5, 7, 9, 11)}
        named = tonic == ((major_tonic + 9) % 12 if minor else major_tonic)
        return len(pitch_classes & diatonic), named, -abs(sharps), sharps  # F# major over Gb

    return max(range(-6, 7), key=fit), minor
