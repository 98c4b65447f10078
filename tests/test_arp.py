"""Arp modes, checked against values worked out by hand from Tidal's UI.hs definitions:

    up = id; down = reverse
    updown = init x ++ init (reverse x);   downup = init (reverse x) ++ init x
    up&down = x ++ reverse x;              down&up = reverse x ++ x
    converge (x:xs) = x : converge' xs;    converge' xs = last xs : converge (init xs)
    diverge = reverse . converge;          disconverge = converge x ++ tail (reverse (converge x))
    pinkyup xs = concatMap (:[last xs]) (init xs)
    thumbup xs = concatMap (\\x -> [head xs, x]) (tail xs)
    pinkyupdown / thumbupdown = init (f x) ++ init (reverse (f x))
"""

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.errors import ComposerError, UnknownNameError
from composer.theory import ARP_MODES, arp, chord

TIDAL_MODES = [
    "up", "down", "updown", "downup", "up&down", "down&up", "converge", "diverge",
    "disconverge", "pinkyup", "pinkyupdown", "thumbup", "thumbupdown",
]

FOUR = {  # [60, 64, 67, 71], a C major 7 chord
    "up": [60, 64, 67, 71],
    "down": [71, 67, 64, 60],
    "updown": [60, 64, 67, 71, 67, 64],
    "downup": [71, 67, 64, 60, 64, 67],
    "up&down": [60, 64, 67, 71, 71, 67, 64, 60],
    "down&up": [71, 67, 64, 60, 60, 64, 67, 71],
    "converge": [60, 71, 64, 67],
    "diverge": [67, 64, 71, 60],
    "disconverge": [60, 71, 64, 67, 64, 71, 60],
    "pinkyup": [60, 71, 64, 71, 67, 71],
    "pinkyupdown": [60, 71, 64, 71, 67, 71, 67, 71, 64, 71],
    "thumbup": [60, 64, 60, 67, 60, 71],
    "thumbupdown": [60, 64, 60, 67, 60, 71, 60, 67, 60, 64],
}

THREE = {  # [60, 64, 67]
    "up": [60, 64, 67],
    "down": [67, 64, 60],
    "updown": [60, 64, 67, 64],
    "downup": [67, 64, 60, 64],
    "up&down": [60, 64, 67, 67, 64, 60],
    "down&up": [67, 64, 60, 60, 64, 67],
    "converge": [60, 67, 64],
    "diverge": [64, 67, 60],
    "disconverge": [60, 67, 64, 67, 60],
    "pinkyup": [60, 67, 64, 67],
    "pinkyupdown": [60, 67, 64, 67, 64, 67],
    "thumbup": [60, 64, 60, 67],
    "thumbupdown": [60, 64, 60, 67, 60, 64],
}

TWO = {  # [60, 64]
    "up": [60, 64],
    "down": [64, 60],
    "updown": [60, 64],
    "downup": [64, 60],
    "up&down": [60, 64, 64, 60],
    "down&up": [64, 60, 60, 64],
    "converge": [60, 64],
    "diverge": [64, 60],
    "disconverge": [60, 64, 60],
    "pinkyup": [60, 64],
    "pinkyupdown": [60, 64],
    "thumbup": [60, 64],
    "thumbupdown": [60, 64],
}

ONE = {  # [60]: the init-based modes have nothing left (pinkyupdown/thumbupdown fail in Tidal)
    "up": [60],
    "down": [60],
    "updown": [],
    "downup": [],
    "up&down": [60, 60],
    "down&up": [60, 60],
    "converge": [60],
    "diverge": [60],
    "disconverge": [60],
    "pinkyup": [],
    "pinkyupdown": [],
    "thumbup": [],
    "thumbupdown": [],
}


def test_modes_are_tidals_plus_aliases():
    assert set(ARP_MODES) == set(TIDAL_MODES) | {"up_and_down", "down_and_up"}


@pytest.mark.parametrize("mode", TIDAL_MODES)
def test_four_notes(mode):
    assert arp([60, 64, 67, 71], mode) == FOUR[mode]


@pytest.mark.parametrize("mode", TIDAL_MODES)
def test_three_notes(mode):
    assert arp([60, 64, 67], mode) == THREE[mode]


@pytest.mark.parametrize("mode", TIDAL_MODES)
def test_two_notes(mode):
    assert arp([60, 64], mode) == TWO[mode]


@pytest.mark.parametrize("mode", TIDAL_MODES)
def test_one_note(mode):
    assert arp([60], mode) == ONE[mode]


@pytest.mark.parametrize("mode", TIDAL_MODES)
def test_no_notes(mode):
    assert arp([], mode) == []


def test_five_note_converge_family():
    notes = [60, 62, 64, 65, 67]
    assert arp(notes, "converge") == [60, 67, 62, 65, 64]
    assert arp(notes, "diverge") == [64, 65, 62, 67, 60]
    assert arp(notes, "disconverge") == [60, 67, 62, 65, 64, 65, 62, 67, 60]


def test_aliases():
    notes = [60, 64, 67, 71]
    assert arp(notes, "up_and_down") == FOUR["up&down"]
    assert arp(notes, "down_and_up") == FOUR["down&up"]


@pytest.mark.parametrize("spelling", ["UP", ":down", " Converge ", "PinkyUp"])
def test_mode_spellings(spelling):
    expected = FOUR[spelling.strip().removeprefix(":").lower()]
    assert arp([60, 64, 67, 71], spelling) == expected


def test_default_mode_is_up():
    assert arp([64, 60, 67]) == [60, 64, 67]


def test_notes_are_sorted_first():
    assert arp([67, 60, 64], "up") == [60, 64, 67]
    assert arp([67, 60, 64], "converge") == [60, 67, 64]


def test_octaves_extend_before_the_mode():
    assert arp([60, 64, 67], "up", octaves=2) == [60, 64, 67, 72, 76, 79]
    assert arp([60, 64, 67], "down", octaves=2) == [79, 76, 72, 67, 64, 60]
    assert arp([60, 64, 67], "updown", octaves=3) == [
        60, 64, 67, 72, 76, 79, 84, 88, 91, 88, 84, 79, 76, 72, 67, 64,
    ]
    assert arp([60], "up", octaves=3) == [60, 72, 84]
    assert arp([60], "updown", octaves=2) == [60, 72]


def test_names_rings_and_rests():
    assert arp(["c4", "e4", "g4"], "down") == [67, 64, 60]
    assert arp(chord("c4", "major"), "converge") == [60, 67, 64]
    assert arp([60, None, "r", 64], "up") == [60, 64]


def test_unknown_mode_suggests():
    with pytest.raises(UnknownNameError) as caught:
        arp([60, 64], "upp")
    assert caught.value.kind == "arp mode"
    assert "did you mean 'up'" in str(caught.value)


@pytest.mark.parametrize("mode", [None, 3, "sideways", ""])
def test_bad_modes(mode):
    with pytest.raises(UnknownNameError):
        arp([60], mode)


@pytest.mark.parametrize("octaves", [0, -1, 1.5, True])
def test_bad_octaves(octaves):
    with pytest.raises(ComposerError):
        arp([60, 64], "up", octaves=octaves)


def test_bad_notes():
    with pytest.raises(ComposerError):
        arp(["c4", "h4"], "up")


# --- properties -------------------------------------------------------------------------

chords = st.lists(st.integers(min_value=0, max_value=100), max_size=8)
octave_counts = st.integers(min_value=1, max_value=3)


def extended(notes, octaves):
    ordered = sorted(notes)
    return [n + 12 * o for o in range(octaves) for n in ordered]


@given(chords, octave_counts, st.sampled_from(["up", "down", "converge", "diverge"]))
def test_permutation_modes(notes, octaves, mode):
    assert Counter(arp(notes, mode, octaves)) == Counter(extended(notes, octaves))


@given(chords, octave_counts, st.sampled_from(["up&down", "down&up"]))
def test_there_and_back_modes_play_each_note_twice(notes, octaves, mode):
    assert Counter(arp(notes, mode, octaves)) == Counter(extended(notes, octaves) * 2)


@given(chords, octave_counts, st.sampled_from(TIDAL_MODES))
def test_every_mode_only_plays_chord_notes(notes, octaves, mode):
    assert set(arp(notes, mode, octaves)) <= set(extended(notes, octaves))


@given(st.lists(st.integers(0, 100), min_size=2, max_size=8))
def test_lengths(notes):
    n = len(notes)
    assert len(arp(notes, "updown")) == len(arp(notes, "downup")) == 2 * n - 2
    assert len(arp(notes, "disconverge")) == 2 * n - 1
    assert len(arp(notes, "pinkyup")) == len(arp(notes, "thumbup")) == 2 * n - 2
    assert len(arp(notes, "pinkyupdown")) == len(arp(notes, "thumbupdown")) == 4 * n - 6


@given(chords)
def test_up_is_sorted_and_down_reverses_it(notes):
    assert arp(notes, "up") == sorted(notes)
    assert arp(notes, "down") == sorted(notes, reverse=True)
    assert arp(notes, "diverge") == arp(notes, "converge")[::-1]
