"""Strudel's own core tests, ported: packages/core/test/controls.test.mjs at commit 447afbfa,
and the `it`s of value.test.mjs and util.test.mjs about what composer's pattern layer has
(merging control values, note names as numbers, modulo). Each docstring is Strudel's
"describe › it" path, each expected value Strudel's.

Not ported (every other `it` of controls.test.mjs is; of value/util.test.mjs only these):

| Strudel's `it`                                             | why                                       |
|------------------------------------------------------------|-------------------------------------------|
| controls › preserves step count of the left pattern        | steps: ported in tests/test_pattern_steps.py |
| controls › preserves step count of the right pattern ...   | steps: ported in tests/test_pattern_steps.py |
| controls › combines step count of the pattern for .mix ... | steps: ported in tests/test_pattern_steps.py |
| Value › experiments                                        | Strudel's `valued` functor: no counterpart |
| isNote, tokenizeNote (8 its)                               | Strudel's tokenizer API; names are read by note_to_midi, ported below |
| midiToFreq, freqToMidi, getFrequency, getPlayableNoteValue | frequencies for Strudel's web audio; composer sends MIDI notes |
| compose (2 its)                                            | JavaScript function composition           |
| parseFractional, fractionalArgs                            | 'w'/'h'/'q' duration shorthands: not in composer's patterns |
"""

import operator

import pytest

from composer.errors import ComposerError
from composer.pattern import mini, pure
from composer.pattern.controls import control_name
from composer.pattern.strudel import namespace as strudel
from composer.pattern.values import merge_controls, note_to_midi, numeral
from strudel_suite import first_cycle_values

s = strudel.s

# -------------------------------------------------------------------------------- controls


def test_controls_should_support_controls():
    """controls › should support controls"""
    assert first_cycle_values(s("bd")) == [{"s": "bd"}]


def test_controls_should_support_compound_controls():
    """controls › should support compound controls"""
    assert first_cycle_values(s(mini("bd:3"))) == [{"s": "bd", "n": 3}]
    assert first_cycle_values(s(mini("bd:3 sd:4:1.4"))) == [{"s": "bd", "n": 3}, {"s": "sd", "n": 4, "gain": 1.4}]


def test_controls_should_support_ignore_extra_elements_in_compound_controls():
    """controls › should support ignore extra elements in compound controls"""
    assert first_cycle_values(s(mini("bd:3:0.4 sd:4:0.5:3:17"))) == [
        {"s": "bd", "n": 3, "gain": 0.4},
        {"s": "sd", "n": 4, "gain": 0.5},
    ]


def test_controls_should_support_nested_controls():
    """controls › should support nested controls"""
    assert first_cycle_values(s(mini("bd").pan(1))) == [{"s": "bd", "pan": 1}]
    assert first_cycle_values(s(mini("bd:1").pan(1))) == [{"s": "bd", "n": 1, "pan": 1}]


def test_controls_finds_control_name_by_alias():
    """controls › finds control name by alias"""
    assert control_name("lpf") == "cutoff"
    assert control_name("cutoff") == "cutoff"


# ------------------------------------------------------------------------ value.test.mjs


def test_value_union_with():
    """Value › unionWith"""
    assert merge_controls({"freq": 2000, "distortion": 1.2}, {"distortion": 2}, operator.mul) == \
        {"freq": 2000, "distortion": 2.4}


# ------------------------------------------------------------------------- util.test.mjs


def test_note_to_midi_should_turn_notes_into_midi():
    """noteToMidi › should turn notes into midi"""
    assert [note_to_midi(name) for name in ("A4", "C4", "Db4", "C3", "Cb3", "Cbb3", "C#3", "C#3", "C##3")] == \
        [69, 60, 61, 48, 47, 46, 49, 49, 50]


def test_note_to_midi_should_throw_an_error_when_given_a_non_note():
    """noteToMidi › should throw an error when given a non-note"""
    with pytest.raises(ComposerError, match='not a note: "Q"'):
        note_to_midi("Q")
    with pytest.raises(ComposerError, match='not a note: "Z"'):
        note_to_midi("Z")


def test_mod_should_work_like_regular_modulo_with_positive_numbers():
    """_mod › should work like regular modulo with positive numbers"""
    assert first_cycle_values(strudel.seq(0, 1, 2, 3, 4).mod(3)) == [0, 1, 2, 0, 1]
    assert first_cycle_values(pure(4).mod(2)) == [0]


def test_mod_should_work_with_negative_numbers():
    """_mod › should work with negative numbers"""
    assert first_cycle_values(strudel.seq(-1, -2, -3, -4, -5).mod(3)) == [2, 1, 0, 2, 1]
    assert first_cycle_values(pure(-3).mod(2)) == [1]


def test_parse_numeral_should_parse_numbers_as_is():
    """parseNumeral › should parse numbers as is"""
    assert [numeral(value) for value in (4, 0, 20, "20", 1.5)] == [4, 0, 20, 20, 1.5]


def test_parse_numeral_should_parse_notes():
    """parseNumeral › should parse notes"""
    assert [numeral(name) for name in ("c", "c4", "c#4", "db4")] == [48, 60, 61, 61]


def test_parse_numeral_should_throw_an_error_for_unknown_strings():
    """parseNumeral › should throw an error for unknown strings"""
    with pytest.raises(ComposerError, match='cannot parse as numeral: "xyz"'):
        numeral("xyz")


def test_numeral_args_should_convert_function_arguments_to_numbers():
    """numeralArgs › should convert function arguments to numbers (add's, as Strudel's add uses it)"""
    assert first_cycle_values(pure("c4").add(2)) == [62]


def test_strudels_midi_control_names_are_composers_midi_controls():
    """@strudel/midi's midichan, progNum and midibend set composer's channel, program and bend."""
    assert first_cycle_values(strudel.note("c3").midichan(2).prog_num(5).midibend(0.5)) == \
        [{"note": "c3", "channel": 2, "program": 5, "bend": 0.5}]
