"""play_cycle: patterns and control patterns in pieces, checked on rendered MIDI files."""

from pathlib import Path

import mido
import pytest

from composer.errors import ComposerError
from composer.render import render_file
from pieces import write_piece


def notes(path: Path):
    """(track, tick, note, velocity, channel 1-16, length in ticks) of every note."""
    found = []
    for track in mido.MidiFile(path).tracks:
        tick, sounding = 0, {}
        for message in track:
            tick += message.time
            if message.type == "note_on" and message.velocity:
                sounding[(message.channel, message.note)] = (tick, message.velocity)
            elif message.type in ("note_off", "note_on") and (message.channel, message.note) in sounding:
                start, velocity = sounding.pop((message.channel, message.note))
                found.append((track.name, start, message.note, velocity, message.channel + 1, tick - start))
    return sorted(found, key=lambda n: (n[1], n[0], n[2]))


def controls(path: Path):
    found = []
    for track in mido.MidiFile(path).tracks:
        tick = 0
        for message in track:
            tick += message.time
            if message.type in ("control_change", "program_change", "pitchwheel"):
                found.append((tick, message.type, message.dict().get("control"), message.dict().get("value",
                              message.dict().get("program", message.dict().get("pitch")))))
    return found


def test_a_pattern_object_steps_through_its_cycles(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def melody():
            play_cycle(mini("<c4 e4 g4>"), beats=1)
    """)
    render_file(piece, tmp_path / "out.mid", beats=6)
    assert [n[2] for n in notes(tmp_path / "out.mid")] == [60, 64, 67, 60, 64, 67]


def test_two_calls_in_one_loop_count_their_own_cycles(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def melody():
            play_cycle("<c4 e4>", beats=1, wait=False)
            play_cycle("<c4 e4>", beats=1, channel=2)
    """)
    render_file(piece, tmp_path / "out.mid", beats=2)
    assert [(n[1], n[2], n[4]) for n in notes(tmp_path / "out.mid")] == [
        (0, 60, 1), (0, 60, 2), (480, 64, 1), (480, 64, 2)]


def test_control_patterns_play_note_velocity_length_and_channel(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def band():
            play_cycle(strudel.note("c3 e3 g3").velocity("0.5 1 0.25").legato(0.5).channel(3), beats=3)
    """)
    render_file(piece, tmp_path / "out.mid", beats=3)
    assert [n[1:] for n in notes(tmp_path / "out.mid")] == [
        (0, 48, 64, 3, 240), (480, 52, 127, 3, 240), (960, 55, 32, 3, 240)]


def test_velocity_by_default_is_strudels_for_control_patterns_and_100_for_mini_notation(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def band():
            play_cycle(strudel.note("c3"), beats=1, wait=False)
            play_cycle(strudel.note("e3"), beats=1, velocity=80, wait=False)
            play_cycle(strudel.note("g3").gain(0.5), beats=1, wait=False)
            play_cycle("c5", beats=1)
    """)
    render_file(piece, tmp_path / "out.mid", beats=1)
    assert sorted((n[2], n[3]) for n in notes(tmp_path / "out.mid")) == [(48, 114), (52, 80), (55, 57), (72, 100)]


def test_control_patterns_send_their_controllers(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def knobs():
            play_cycle(strudel.note("c4 d4").ccn(74).ccv("0.1 1").pan("0 1").program(33), beats=2)
    """)
    render_file(piece, tmp_path / "out.mid", beats=2)
    sent = controls(tmp_path / "out.mid")
    assert (0, "program_change", None, 33) in sent
    assert (0, "control_change", 74, 13) in sent and (480, "control_change", 74, 127) in sent
    assert (0, "control_change", 10, 0) in sent and (480, "control_change", 10, 127) in sent


def test_a_controller_value_past_strudels_range_is_a_one_line_error(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def knobs():
            play_cycle(strudel.note("c4").ccn(74).ccv(64), beats=1)
    """)
    with pytest.raises(ComposerError, match="ccv takes a value from 0 to 1"):
        render_file(piece, tmp_path / "out.mid", beats=1)


def test_drums_and_scale_degrees_from_controls(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def groove():
            play_cycle(strudel.s("bd sn"), beats=2, wait=False)
            play_cycle(strudel.n("0 2"), beats=2, scale=scale("e3", "minor_pentatonic"))
    """)
    render_file(piece, tmp_path / "out.mid", beats=2)
    found = [(n[1], n[2], n[4]) for n in notes(tmp_path / "out.mid")]
    assert found == [(0, 36, 10), (0, 52, 1), (480, 38, 10), (480, 57, 1)]


def test_strudel_scale_inside_the_pattern(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def line():
            play_cycle(strudel.n("0 1 2 3").scale("e:minor"), beats=4)
    """)
    render_file(piece, tmp_path / "out.mid", beats=4)
    assert [n[2] for n in notes(tmp_path / "out.mid")] == [52, 54, 55, 57]


def test_note_names_of_a_control_pattern_are_strudels(tmp_path):
    """In Strudel a note name without an octave is in octave 3 and takes any number of
    accidentals (its noteToMidi, as @strudel/midi plays it): c is 48, c##3 is 50, ebb is 50."""
    piece = write_piece(tmp_path, """
        @live_loop
        def line():
            play_cycle(strudel.note("c c##3 ebb c4 60"), beats=5)
    """)
    render_file(piece, tmp_path / "out.mid", beats=5)
    assert [n[2] for n in notes(tmp_path / "out.mid")] == [48, 50, 50, 60, 60]
