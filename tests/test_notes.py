"""Note names and numbers, checked against Sonic Pi's note.rb and its documented examples."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.errors import ComposerError
from composer.theory import note, note_name

# Sonic Pi's note.rb NOTES_TO_INTERVALS (lower-case keys): semitones above C of the octave.
SONIC_PI_INTERVALS = {
    "cf": -1, "cb": -1, "c": 0, "cs": 1,
    "df": 1, "db": 1, "d": 2, "ds": 3,
    "eb": 3, "ef": 3, "e": 4, "es": 5,
    "fb": 4, "ff": 4, "f": 5, "fs": 6,
    "gb": 6, "gf": 6, "g": 7, "gs": 8,
    "ab": 8, "af": 8, "a": 9, "as": 10,
    "bb": 10, "bf": 10, "b": 11, "bs": 12,
}


@pytest.mark.parametrize(
    "name, midi",
    [
        ("c4", 60), ("C4", 60), ("C", 60), ("c", 60), ("e3", 52), ("a4", 69),
        ("fs", 66), ("Fs3", 54), ("Eb3", 51), ("EB3", 51), ("eF3", 51), ("Bb1", 34),
        ("cs4", 61), ("c#4", 61), ("C#", 61), ("ef2", 39), ("bs3", 60), ("cb4", 59),
        ("es4", 65), ("fb4", 64), ("c-1", 0), ("g9", 127), ("c0", 12), ("d", 62),
        ("b", 71), ("bb", 70), (":e3", 52), (":C4", 60), (" e3 ", 52), ("a-1", 9),
        ("c10", 132),
    ],
)
def test_named_notes(name, midi):
    assert note(name) == midi


@pytest.mark.parametrize("name, interval", sorted(SONIC_PI_INTERVALS.items()))
def test_every_sonic_pi_spelling(name, interval):
    for spelled in (name, name.upper(), name.capitalize()):
        assert note(spelled) == 60 + interval  # default octave 4
        assert note(spelled + "3") == 48 + interval
        assert note(spelled + "-1") == interval
    if name.endswith("s"):
        assert note(name[0] + "#2") == 36 + interval


@pytest.mark.parametrize("rest", [None, "r", "rest", ":r", ":rest", "R", "Rest"])
def test_rests_are_none(rest):
    assert note(rest) is None


@pytest.mark.parametrize("number", [0, 60, 127, 60.5, Fraction(121, 2), -3, 200])
def test_numbers_pass_through(number):
    assert note(number) is number


@pytest.mark.parametrize(
    "bad", ["h4", "", "c4x", "cs#4", "c-", "c4.5", "x", "60", "ss4", True, False, [60], {"note": 60}]
)
def test_bad_notes_raise_one_line(bad):
    with pytest.raises(ComposerError) as caught:
        note(bad)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"not a note: {bad!r}")


def test_bad_note_message_explains_spelling():
    with pytest.raises(ComposerError) as caught:
        note("h4")
    assert str(caught.value) == (
        "not a note: 'h4' (use c, d, e, f, g, a, b with s/# or b/f and an octave, e.g. e3)"
    )


@pytest.mark.parametrize(
    "value, name",
    [
        (60, "C4"), (61, "Cs4"), (62, "D4"), (63, "Eb4"), (64, "E4"), (65, "F4"),
        (66, "Fs4"), (67, "G4"), (68, "Ab4"), (69, "A4"), (70, "Bb4"), (71, "B4"),
        (54, "Fs3"), (52, "E3"), (0, "C-1"), (11, "B-1"), (127, "G9"), (12, "C0"),
        ("e3", "E3"), ("bs3", "C4"), ("cb4", "B3"), ("Gb2", "Fs2"), (60.5, "C4"),
        (71.9, "B4"), (None, "r"), ("rest", "r"),
    ],
)
def test_note_name(value, name):
    assert note_name(value) == name


def test_note_name_rejects_non_notes():
    with pytest.raises(ComposerError):
        note_name("zz")


@given(st.integers(min_value=-24, max_value=200))
def test_note_name_round_trips(n):
    assert note(note_name(n)) == n


@given(
    st.sampled_from(sorted(SONIC_PI_INTERVALS)),
    st.integers(min_value=-1, max_value=9),
    st.booleans(),
)
def test_name_formula(name, octave, upper):
    spelled = f"{name.upper() if upper else name}{octave}"
    assert note(spelled) == (octave + 1) * 12 + SONIC_PI_INTERVALS[name]
