"""Chords, inversions and chord degrees, checked against Sonic Pi's chord.rb and its docs.

The table is transcribed by hand from chord.rb's all_chords (latest version, which has the
long-form aliases minor6 ... minor13), shared shapes written out in full.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.errors import ComposerError, UnknownNameError
from composer.ring import Ring
from composer.theory import CHORDS, chord, chord_degree, chord_invert, chord_names

SONIC_PI_CHORDS = {
    "1": [0],
    "5": [0, 7],
    "+5": [0, 4, 8],
    "m+5": [0, 3, 8],
    "sus2": [0, 2, 7],
    "sus4": [0, 5, 7],
    "6": [0, 4, 7, 9],
    "m6": [0, 3, 7, 9],
    "7sus2": [0, 2, 7, 10],
    "7sus4": [0, 5, 7, 10],
    "7-5": [0, 4, 6, 10],
    "halfdiminished": [0, 3, 6, 10],
    "7+5": [0, 4, 8, 10],
    "m7+5": [0, 3, 8, 10],
    "9": [0, 4, 7, 10, 14],
    "m9": [0, 3, 7, 10, 14],
    "m7+9": [0, 3, 7, 10, 14],
    "maj9": [0, 4, 7, 11, 14],
    "9sus4": [0, 5, 7, 10, 14],
    "6*9": [0, 4, 7, 9, 14],
    "m6*9": [0, 3, 7, 9, 14],
    "7-9": [0, 4, 7, 10, 13],
    "m7-9": [0, 3, 7, 10, 13],
    "7-10": [0, 4, 7, 10, 15],
    "7-11": [0, 4, 7, 10, 16],
    "7-13": [0, 4, 7, 10, 20],
    "9+5": [0, 10, 13],
    "m9+5": [0, 10, 14],
    "7+5-9": [0, 4, 8, 10, 13],
    "m7+5-9": [0, 3, 8, 10, 13],
    "11": [0, 4, 7, 10, 14, 17],
    "m11": [0, 3, 7, 10, 14, 17],
    "maj11": [0, 4, 7, 11, 14, 17],
    "11+": [0, 4, 7, 10, 14, 18],
    "m11+": [0, 3, 7, 10, 14, 18],
    "13": [0, 4, 7, 10, 14, 17, 21],
    "m13": [0, 3, 7, 10, 14, 17, 21],
    "add2": [0, 2, 4, 7],
    "add4": [0, 4, 5, 7],
    "add9": [0, 4, 7, 14],
    "add11": [0, 4, 7, 17],
    "add13": [0, 4, 7, 21],
    "madd2": [0, 2, 3, 7],
    "madd4": [0, 3, 5, 7],
    "madd9": [0, 3, 7, 14],
    "madd11": [0, 3, 7, 17],
    "madd13": [0, 3, 7, 21],
    "major": [0, 4, 7],
    "maj": [0, 4, 7],
    "M": [0, 4, 7],
    "minor": [0, 3, 7],
    "min": [0, 3, 7],
    "m": [0, 3, 7],
    "major7": [0, 4, 7, 11],
    "dom7": [0, 4, 7, 10],
    "7": [0, 4, 7, 10],
    "M7": [0, 4, 7, 11],
    "minor7": [0, 3, 7, 10],
    "m7": [0, 3, 7, 10],
    "augmented": [0, 4, 8],
    "a": [0, 4, 8],
    "diminished": [0, 3, 6],
    "dim": [0, 3, 6],
    "i": [0, 3, 6],
    "diminished7": [0, 3, 6, 9],
    "dim7": [0, 3, 6, 9],
    "i7": [0, 3, 6, 9],
    "halfdim": [0, 3, 6, 10],
    "m7b5": [0, 3, 6, 10],
    "m7-5": [0, 3, 6, 10],
    "minor6": [0, 3, 7, 9],
    "major6": [0, 4, 7, 9],
    "minor9": [0, 3, 7, 10, 14],
    "major9": [0, 4, 7, 11, 14],
    "minor11": [0, 3, 7, 10, 14, 17],
    "major11": [0, 4, 7, 11, 14, 17],
    "minor13": [0, 3, 7, 10, 14, 17, 21],
}


def test_chord_names_are_exactly_sonic_pis():
    assert set(CHORDS) == set(SONIC_PI_CHORDS)
    assert list(chord_names()) == sorted(SONIC_PI_CHORDS)


@pytest.mark.parametrize("name", sorted(SONIC_PI_CHORDS))
def test_every_chord(name):
    intervals = SONIC_PI_CHORDS[name]
    assert list(chord("c4", name)) == [60 + i for i in intervals]
    assert list(chord("e3", f":{name}")) == [52 + i for i in intervals]
    assert list(chord("e3", name, octaves=2)) == [52 + i for i in intervals] + [64 + i for i in intervals]


@pytest.mark.parametrize(
    "tonic, name, kwargs, notes",
    [
        ("e", "minor", {}, [64, 67, 71]),
        ("e3", "minor", {}, [52, 55, 59]),
        ("e3", "minor", {"invert": 0}, [52, 55, 59]),
        ("e3", "minor", {"invert": 1}, [55, 59, 64]),
        ("e3", "minor", {"invert": 2}, [59, 64, 67]),
        ("c4", "major", {"invert": 1}, [64, 67, 72]),
        ("e", "minor", {"octaves": 2}, [64, 67, 71, 76, 79, 83]),
        ("A3", "M", {}, [57, 61, 64]),
        (0, "minor", {}, [0, 3, 7]),
        ("c4", "major", {"octaves": 0}, []),
        (60.5, "major", {}, [60.5, 64.5, 67.5]),
        ("c4", "major", {"invert": -1}, [55, 60, 64]),
        ("c4", "major", {"octaves": 2, "invert": 1}, [64, 67, 72, 72, 76, 79]),  # inverting sorts
    ],
)
def test_sonic_pi_examples(tonic, name, kwargs, notes):
    assert list(chord(tonic, name, **kwargs)) == notes


def test_chord_is_a_ring():
    notes = chord("c4", "major")
    assert isinstance(notes, Ring)
    assert notes[3] == 60


def test_rest_tonic_gives_empty_chord():
    assert chord(None, "major") == Ring()
    assert chord("r", "major") == Ring()


@pytest.mark.parametrize(
    "spelling, intervals",
    [
        ("M", [0, 4, 7]), ("m", [0, 3, 7]), ("M7", [0, 4, 7, 11]), ("m7", [0, 3, 7, 10]),
        ("MAJOR", [0, 4, 7]), ("Minor7", [0, 3, 7, 10]), ("Dim7", [0, 3, 6, 9]),
        ("Maj9", [0, 4, 7, 11, 14]), ("I", [0, 3, 6]), ("A", [0, 4, 8]), (":m7", [0, 3, 7, 10]),
        (7, [0, 4, 7, 10]), (13, [0, 4, 7, 10, 14, 17, 21]), (" sus4 ", [0, 5, 7]),
        ("SUS4", [0, 5, 7]),
    ],
)
def test_name_spellings(spelling, intervals):
    assert list(chord("c4", spelling)) == [60 + i for i in intervals]


@pytest.mark.parametrize("name", ["M9", "M11", "M7+5", "mjr", "", "maj7", None, 1.5])
def test_unknown_chords(name):
    with pytest.raises(UnknownNameError) as caught:
        chord("c4", name)
    assert caught.value.kind == "chord"


def test_unknown_chord_suggests():
    with pytest.raises(UnknownNameError, match=r"^unknown chord 'mnor'; did you mean 'minor'"):
        chord("c4", "mnor")


def test_unknown_name_beats_rest_tonic():
    with pytest.raises(UnknownNameError):
        chord(None, "nope")


@pytest.mark.parametrize("tonic, octaves", [("h3", 1), ("c4", -1), ("c4", 1.0), ("c4", False)])
def test_bad_arguments(tonic, octaves):
    with pytest.raises(ComposerError):
        chord(tonic, "major", octaves=octaves)


# --- chord_invert -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "notes, shift, expected",
    [
        ([57, 61, 64], 0, [57, 61, 64]),  # Sonic Pi's doc: (chord :A3, "M")
        ([57, 61, 64], 1, [61, 64, 69]),
        ([57, 61, 64], 2, [64, 69, 73]),
        ([60, 64, 67], 3, [72, 76, 79]),
        ([60, 64, 67], -1, [55, 60, 64]),
        ([60, 64, 67], -2, [52, 55, 60]),
        ([60, 64, 67], -3, [48, 52, 55]),
        ([60, 64, 67, 74], 1, [64, 67, 72, 74]),  # Sonic Pi sorts the result (test_invert_chord.rb)
        ([60, 64, 67, 74], -1, [60, 62, 64, 67]),  # downward ones do
        ([67, 60, 64], 0, [60, 64, 67]),  # shift 0 sorts too: it is chord_invert's base case
        ([60, 64, 67], 0.5, [64, 67, 72]),  # Ruby rounds halves away from zero
        ([60, 64, 67], 1.5, [67, 72, 76]),
        ([60, 64, 67], 2.5, [72, 76, 79]),
        ([60, 64, 67], -0.5, [55, 60, 64]),
        ([60, 64, 67], 0.4, [60, 64, 67]),
        (["c4", "e4", "g4"], 1, [64, 67, 72]),
        ([60], 2, [84]),
        ([], 3, []),
    ],
)
def test_chord_invert(notes, shift, expected):
    assert list(chord_invert(notes, shift)) == expected


@pytest.mark.parametrize("shift", ["1", None, True, [1]])
def test_chord_invert_needs_a_number(shift):
    with pytest.raises(ComposerError):
        chord_invert([60, 64, 67], shift)


def test_chord_invert_rejects_rests():
    with pytest.raises(ComposerError):
        chord_invert([60, None, 67], 1)


# --- chord_degree -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, kwargs, expected",
    [
        (("i", "A3", "major"), {}, [57, 61, 64, 68]),  # Sonic Pi's docs: A major 7
        (("i", "A3", "major", 3), {}, [57, 61, 64]),
        (("ii", "A3", "major", 3), {}, [59, 62, 66]),  # B minor
        (("iii", "A3", "major", 3), {}, [61, 64, 68]),  # C# minor
        (("iv", "A3", "major", 3), {}, [62, 66, 69]),  # D major
        (("i", "C4", "major", 4), {}, [60, 64, 67, 71]),
        (("i", "C4", "major", 5), {}, [60, 64, 67, 71, 74]),
        (("i", "C4", "major", 3), {"invert": 1}, [64, 67, 72]),
        (("v", "c4"), {}, [67, 71, 74, 77]),
        ((5, "c4", "major"), {}, [67, 71, 74, 77]),
        (("V", "c4", "major"), {}, [67, 71, 74, 77]),
        (("ii", "c4", "minor"), {}, [62, 65, 68, 72]),
        ((7, "c4", "major"), {}, [71, 74, 77, 81]),
        ((7, "c4", "major", 6), {}, [71, 74, 77, 81, 84]),  # the two-octave scale runs out
        ((14, "c4", "major"), {}, [83]),
        ((15, "c4", "major"), {}, [84]),
        ((16, "c4", "major"), {}, []),
        (("i", "c4", "major", 0), {}, []),
    ],
)
def test_chord_degree(args, kwargs, expected):
    assert list(chord_degree(*args, **kwargs)) == expected


@pytest.mark.parametrize("bad", [0, "0", "aii", "q", None])
def test_chord_degree_bad_degree(bad):
    with pytest.raises(ComposerError, match="invalid scale degree"):
        chord_degree(bad, "c4", "major")


def test_chord_degree_bad_scale_and_tonic():
    with pytest.raises(UnknownNameError):
        chord_degree("i", "c4", "majr")
    with pytest.raises(ComposerError):
        chord_degree("i", "r", "major")


# --- properties -------------------------------------------------------------------------

pitches = st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=8)


@given(pitches)
def test_inverting_by_every_note_is_an_octave_up(notes):
    assert list(chord_invert(notes, len(notes))) == sorted(n + 12 for n in notes)


@given(st.integers(min_value=0, max_value=100), st.lists(st.integers(0, 11), min_size=1, max_size=6, unique=True))
def test_close_chords_invert_down_an_octave(root, offsets):
    notes = sorted(root + o for o in offsets)  # spans less than an octave
    assert list(chord_invert(notes, -len(notes))) == [n - 12 for n in notes]


@given(st.sampled_from(sorted(SONIC_PI_CHORDS)), st.integers(0, 100), st.integers(1, 3))
def test_octaves_repeat_the_shape(name, root, octaves):
    notes = list(chord(root, name, octaves=octaves))
    size = len(SONIC_PI_CHORDS[name])
    assert len(notes) == size * octaves
    for octave in range(octaves):
        assert notes[octave * size:(octave + 1) * size] == [root + i + 12 * octave for i in SONIC_PI_CHORDS[name]]


@given(st.sampled_from(sorted(SONIC_PI_CHORDS)), st.integers(0, 100), st.integers(-10, 10))
def test_inversion_keeps_pitch_classes(name, root, shift):
    before = sorted(n % 12 for n in chord(root, name))
    after = sorted(n % 12 for n in chord(root, name, invert=shift))
    assert before == after
