"""Spelling in a key, checked against music21's scales and key signatures."""

import pytest
from music21 import key as m21key

from composer.theory import scale
from composer.theory.spelling import key_of_scale, signature, spelled_name

MAJOR_KEYS = ["C", "G", "D", "A", "E", "B", "F#", "C#", "F", "B-", "E-", "A-", "D-", "G-", "C-"]
MINOR_KEYS = ["A", "E", "B", "F#", "C#", "G#", "D#", "A#", "D", "G", "C", "F", "B-", "E-", "A-"]


@pytest.mark.parametrize("tonic, mode", [(t, "major") for t in MAJOR_KEYS] + [(t, "minor") for t in MINOR_KEYS])
def test_diatonic_notes_take_the_letters_music21_gives_the_key(tonic, mode):
    key = m21key.Key(tonic, mode)
    minor = mode == "minor"
    for pitch in key.getScale(mode).getPitches(f"{tonic}4", f"{tonic}5"):
        assert spelled_name(pitch.midi, key.sharps, minor) == pitch.nameWithOctave.replace("-", "b")


@pytest.mark.parametrize("tonic, mode, sharps", [
    ("e", "minor", 1), ("f", "minor", -4), ("e", "major", 4), ("b-", "major", -2), ("g#", "minor", 5),
    ("c", "major", 0), ("d", "minor", -1), ("f#", "major", 6),
])
def test_signatures_as_usually_written(tonic, mode, sharps):
    key = m21key.Key(tonic, mode)
    assert signature(key.tonic.pitchClass, mode == "minor") == key.sharps == sharps


@pytest.mark.parametrize("sharps, minor, expected", [
    (0, False, "C Db D Eb E F F# G Ab A Bb B".split()),
    (0, True, "C C# D D# E F F# G G# A Bb B".split()),
    (4, False, "C C# D D# E F F# G G# A A# B".split()),
    (-4, True, "C Db D Eb E F Gb G Ab A Bb B".split()),
])
def test_chromatic_notes_follow_common_practice(sharps, minor, expected):
    names = [spelled_name(n, sharps, minor)[:-1] for n in range(60, 72)]
    assert names == expected


def test_octaves_follow_the_letter():
    assert spelled_name(60, 7) == "B#3" and spelled_name(71, -7) == "Cb5"


@pytest.mark.parametrize("tonic, name, expected", [
    ("e3", "minor_pentatonic", (1, True)), ("d4", "dorian", (0, True)), ("e3", "major", (4, False)),
    ("f3", "minor", (-4, True)), ("fs3", "major", (6, False)), ("cs3", "major", (-5, False)),
    ("a3", "harmonic_minor", (0, True)), ("g3", "mixolydian", (0, False)),
])
def test_the_key_a_scale_is_written_in(tonic, name, expected):
    assert key_of_scale(list(scale(tonic, name))) == expected
