"""The one module of MIDI byte knowledge: lengths, validity, system kinds, 14-bit values."""

from composer.midi import bytes as midi


def test_channel_messages_have_the_right_length_and_data_bytes():
    assert midi.is_valid((0x90, 1, 2)) and midi.is_valid((0xC3, 9)) and midi.is_valid((0xD0, 40))
    assert not midi.is_valid((0xC3, 9, 1)) and not midi.is_valid((0x80,)) and not midi.is_valid((0x90, 60, 128))
    assert not midi.is_valid((0xF8,)) and not midi.is_valid(())


def test_system_messages():
    assert midi.is_valid_sysex((0xF0, 0x7E, 0x01, 0xF7)) and not midi.is_valid_sysex((0xF0, 0x90, 0xF7))
    assert midi.is_valid_system((0xFA,)) and midi.is_valid_system((0xF2, 0x10, 0x01))
    assert not midi.is_valid_system((0xF8, 1)) and not midi.is_valid_system((0xF0, 0xF7))
    assert midi.system_kind((0xF0, 0x01, 0xF7)) == "sysex" and midi.system_kind((0xFC,)) == "clock"
    assert midi.system_kind((0xF2, 0, 0)) == "clock" and midi.system_kind((0xFE,)) is None
    assert all(midi.is_well_formed(m) for m in [(0xB0, 7, 1), (0xF0, 0xF7), (0xFF,)])


def test_notes_and_pitch_bend():
    assert midi.is_note_on((0x93, 60, 1)) and not midi.is_note_on((0x93, 60, 0))
    assert midi.ends_note((0x93, 60, 0)) and midi.ends_note((0x83, 60, 64)) and not midi.ends_note((0xB3, 60, 0))
    assert midi.pitch_bend(2, 16383) == (0xE2, 0x7F, 0x7F) and midi.pitch_bend(0, 8192) == (0xE0, 0, 64)
    assert midi.pitch_bend_value((0xE0, 0x7F, 0x7F)) == 16383
    assert midi.song_position(200) == (0xF2, 200 & 0x7F, 1)
