"""Held notes recognised as a chord: root, quality and bass agree with music21 on a table."""

import pytest

from composer.harmony.recognise import recognise
from composer.harmony.symbols import parse_symbol

music21 = pytest.importorskip("music21")
from music21 import chord as m21_chord  # noqa: E402
from music21 import pitch as m21_pitch  # noqa: E402

# (held MIDI notes, the symbol we read, its root as music21 finds it, music21's quality)
TABLE = [
    ((52, 55, 59), "Em", "E", "minor"),                 # a left hand's E minor
    ((48, 52, 55), "C", "C", "major"),
    ((52, 55, 60), "C/E", "C", "major"),                # first inversion
    ((55, 60, 64), "C/G", "C", "major"),                # second inversion
    ((50, 54, 57), "D", "D", "major"),
    ((54, 57, 62), "D/F#", "D", "major"),
    ((47, 51, 54), "B", "B", "major"),
    ((45, 48, 52), "Am", "A", "minor"),
    ((47, 50, 53), "Bdim", "B", "diminished"),
    ((48, 52, 56), "Caug", "C", "augmented"),
    ((50, 54, 57, 60), "D7", "D", "major"),
    ((47, 51, 54, 57), "B7", "B", "major"),
    ((51, 54, 57, 59), "B7/D#", "B", "major"),
    ((48, 52, 55, 59), "Cmaj7", "C", "major"),
    ((45, 48, 52, 55), "Am7", "A", "minor"),
    ((48, 52, 55, 57), "Am7/C", "A", "minor"),          # C6's notes: music21 stacks thirds from A
    ((52, 55, 57, 60), "Am7/E", "A", "minor"),
    ((54, 57, 60, 64), "F#m7b5", "F#", "diminished"),
    ((52, 55, 58, 62), "Em7b5", "E", "diminished"),
    ((43, 47, 50, 53, 57), "G9", "G", "major"),
    ((52, 55), "Em", "E", "minor"),                     # two notes: a third, the fifth understood
    ((48, 52, 58), "C7", "C", "major"),                 # a seventh chord without its fifth
    ((58, 62, 65), "Bb", "B-", "major"),
    ((51, 55, 58, 62), "Ebmaj7", "E-", "major"),
    ((56, 60, 63), "Ab", "A-", "major"),
    ((49, 52, 56), "C#m", "C#", "minor"),
    ((42, 46, 49, 52), "F#7", "F#", "major"),
]


@pytest.mark.parametrize("notes, symbol, m21_root, quality", TABLE)
def test_held_notes_name_the_chord_music21_finds(notes, symbol, m21_root, quality):
    found = recognise(notes)
    assert found.symbol == symbol
    reference = m21_chord.Chord(list(notes))
    assert reference.root().pitchClass == m21_pitch.Pitch(m21_root).pitchClass  # the table agrees with music21
    assert found.root.pitch_class == reference.root().pitchClass
    assert reference.quality == quality
    assert found.bass.pitch_class == reference.bass().pitchClass
    assert {n % 12 for n in notes} <= found.pitch_classes      # every held note is a chord tone
    assert found.pitch_classes - {n % 12 for n in notes} <= {(found.root.pitch_class + 7) % 12}
    assert list(found) == list(parse_symbol(symbol))          # the chord the band plays is the symbol's


@pytest.mark.parametrize("notes", [(), (60,), (48, 60), (60, 61, 62), (60, 61, 66)])
def test_notes_that_are_no_chord_give_none(notes):
    assert recognise(notes) is None


def test_a_diminished_seventh_is_named_from_its_bass():
    """Every note of a dim7 is a root a minor third from the next: the bass decides."""
    assert recognise((47, 50, 53, 56)).symbol == "Bdim7"
    assert recognise((50, 53, 56, 59)).symbol == "Ddim7"


def test_power_chord_is_a_fifth():
    assert recognise((40, 47)).symbol == "E5"
    assert recognise((40, 47, 52)).symbol == "E5"


@pytest.mark.parametrize("key, symbol", [("e:minor", "F#"), ("d:minor", "Gb"), ("Bb", "Gb"), ("A", "F#"), (None, "F#")])
def test_black_key_roots_are_spelled_as_the_key_writes_them(key, symbol):
    assert recognise((54, 58, 61), key=key).symbol == symbol


def test_flat_keys_spell_bb():
    assert recognise((58, 62, 65), key="f").symbol == "Bb"
    assert recognise((58, 62, 65), key="e:minor").symbol == "A#"
