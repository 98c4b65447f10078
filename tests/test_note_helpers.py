"""note(name, octave=), note_info, note_range, midi_notes, octs, midi_to_hz, hz_to_midi, as
Sonic Pi's (ported from test/test_note.rb and test/lang/western_theory/test_note*.rb,
test_invert_chord.rb)."""

import pytest

from composer.errors import ComposerError
from composer.ring import ring
from composer.theory import (chord, chord_degree, chord_invert, hz_to_midi, midi_notes, midi_to_hz, note,
                             note_info, note_range, octs, scale)
from composer.values import Symbol


def test_resolution_of_numbers_and_rests():
    assert note(None) is None
    assert note(60) == 60 and note(60.2) == 60.2
    assert note(60, octave=2) == 60  # numbers ignore octave=


@pytest.mark.parametrize("name", ["C", "c", ":C", ":c", Symbol("C")])
def test_resolution_with_an_octave(name):
    assert note(name, octave=0) == 12
    assert note(name, octave=-1) == 0
    assert note(name, octave=4) == 60


@pytest.mark.parametrize("name, expected", [
    ("Cs", 61), ("cs", 61), (":Cs", 61), ("C4", 60), ("Cs4", 61), ("cs4", 61), (":cs4", 61), (":C4", 60),
])
def test_resolution_without_an_octave(name, expected):
    assert note(name) == expected
    assert note(name, octave=4) == expected


def test_octave_overrides_the_names_octave():
    assert note("C6", octave=4) == 60 and note(":C6", octave=4) == 60
    assert note("Fs3", octave=7) == 102
    assert note("C4", octave=2) == 36


def test_bad_octave_is_a_one_line_error():
    with pytest.raises(ComposerError, match="not an octave"):
        note("Eb", octave="foo")


def test_note_info():
    c4 = note_info("C4")
    assert (c4.octave, c4.pitch_class, c4.interval, c4.midi_note) == (4, "C", 0, 60)
    assert repr(c4) == "#<SonicPi::Note :C4>"
    fs7 = note_info("Fs", octave=7)
    assert (fs7.octave, fs7.pitch_class, fs7.interval, fs7.midi_note) == (7, "Fs", 6, 102)
    assert note_info("Fs3", octave=7).midi_note == 102
    for name in ("Eb3", "EB3", "EF3"):
        eb = note_info(name)
        assert (eb.octave, eb.pitch_class, eb.interval, eb.midi_note) == (3, "Eb", 3, 51)
    cb = note_info("Cb4")
    assert (cb.octave, cb.pitch_class, cb.interval, cb.midi_note) == (4, "Cb", -1, 59)
    assert repr(cb.pitch_class) == ":Cb"


def test_note_info_octave_resolution():
    assert note_info("C7").octave == 7
    assert note_info(96).octave == 7
    assert note_info(96, octave=7).octave == 7
    assert note_info("C", octave=7).octave == 7
    assert repr(note_info(61)) == "#<SonicPi::Note :Cs4>"


@pytest.mark.parametrize("bad", ["sam", "KF", "Ebb2!"])
def test_note_info_rejects_what_is_not_a_note(bad):
    with pytest.raises(ComposerError, match="not a note"):
        note_info(bad)


def test_note_info_rejects_a_fractional_octave():
    with pytest.raises(ComposerError, match="not an octave"):
        note_info("Eb", octave=3.5)


def test_note_range():
    assert note_range("c4", "c5") == ring(*range(60, 73))
    assert note_range("c5", "c4") == ring(*range(60, 73)).reverse()
    assert note_range("c4", "c5", pitches=chord("c", "major")) == ring(60, 64, 67, 72)
    assert note_range("c5", "c4", pitches=chord("c", "major")) == ring(72, 67, 64, 60)
    assert note_range("c4", "c5", pitches=scale("c", "major")) == ring(60, 62, 64, 65, 67, 69, 71, 72)
    assert note_range("c4", "c5", pitches=["g3"]) == ring(67)
    assert note_range("c4", "c6", pitches=chord("c", "major")) == ring(60, 64, 67, 72, 76, 79, 84)


def test_invert_chord():
    c = chord("C4", "major")
    assert chord_invert(c, 0) == ring(60, 64, 67)
    assert chord_invert(c, 1) == ring(64, 67, 72)
    assert chord_invert(c, 2) == ring(67, 72, 76)
    assert chord_invert(c, -1).sort() == ring(55, 60, 64)
    assert chord_invert(c, -2).sort() == ring(52, 55, 60)
    assert chord_invert(c, -3).sort() == ring(48, 52, 55)
    assert chord_invert(chord("C4", "1"), 1) == ring(72)
    assert chord_invert(chord("C4", "1"), -1) == ring(48)
    assert chord_invert(chord_degree("i", "C3", "major", 5), 1) == ring(52, 55, 59, 60, 62)
    assert chord_invert(chord_degree("i", "C3", "major", 5), 2) == ring(55, 59, 60, 62, 64)


def test_midi_notes_and_octs():
    assert midi_notes("d3", "d4", "d5") == ring(50, 62, 74)
    assert midi_notes("d3", 62, None) == ring(50, 62, None)
    assert octs(60, 2) == ring(60, 72)
    assert octs("e3", 3) == ring(52, 64, 76)


def test_midi_to_hz_and_back():
    assert midi_to_hz(69) == 440.0
    assert midi_to_hz("a3") == 220.0
    assert midi_to_hz(60) == 261.6255653005986
    assert round(hz_to_midi(261.63), 4) == 60.0003  # Sonic Pi's doc example
    assert hz_to_midi(440) == 68.99999999979225  # its constant is 0.0022727272727, not 1/440
    with pytest.raises(ComposerError, match="positive frequency"):
        hz_to_midi(0)
