"""Every MIDI message from a piece (Sonic Pi's midi_* functions), checked on the file's bytes,
and `port=`: each port's messages on tracks of their own."""

from __future__ import annotations

from fractions import Fraction as F

import mido
import pytest

from composer.errors import ComposerError
from composer.runtime.events import Midi, Note
from composer.runtime.messages import expand
from pieces import run_piece
from test_sound import controls, error_of, messages, notes, render


def channel_bytes(midi, track_name="a"):
    """(tick, bytes) of every channel and sysex message of a track."""
    return [(tick, tuple(m.bytes())) for tick, m in messages(midi, track_name) if not m.is_meta]


def test_midi_plays_a_note_as_sonic_pi_does(tmp_path):
    midi = render(tmp_path, """
        midi(60)
        midi("e4", 50, sustain=0.5, channel=3)
        midi(62, vel_f=0.5)
        use_transpose(12)
        midi(51, velocity=20)
    """)
    # velocity 127 unless given; the note-off 0.01 beat before the sustain ends (475 of 480 ticks)
    assert notes(midi) == [(0, 60, 127, 1, 475), (0, 62, 64, 1, 475), (0, 63, 20, 1, 475), (0, 64, 50, 3, 235)]


def test_note_on_off_and_channel_messages(tmp_path):
    midi = render(tmp_path, """
        midi_note_on("c4", 90)
        midi_note_off(60)
        midi_note_off(61, 10, channel=2)
        midi_cc(74, 33.6)
        midi_cc(1, val_f=0.5, channel=16)
        midi_pc(5, channel=2)
        midi_channel_pressure(40)
        midi_poly_pressure(60, 70)
        midi_pitch_bend(0.5)
        midi_pitch_bend(1)
        midi_pitch_bend(0)
        midi_pitch_bend(delta_midi=300)
    """)
    assert channel_bytes(midi) == [(0, data) for data in [
        (0x90, 60, 90), (0x80, 60, 127), (0x81, 61, 10), (0xB0, 74, 34), (0xBF, 1, 64), (0xC1, 5),
        (0xD0, 40), (0xA0, 60, 70), (0xE0, 0, 64), (0xE0, 0x7F, 0x7F), (0xE0, 0, 0), (0xE0, 300 & 0x7F, 300 >> 7),
    ]]


def test_channel_modes_and_resets(tmp_path):
    midi = render(tmp_path, """
        midi_all_notes_off()
        midi_sound_off(channel=2)
        midi_reset()
        midi_local_control_off()
        midi_local_control_on()
        midi_mode("mono", num_chans=2)
        midi_mode("poly")
    """)
    assert [data for _, data in channel_bytes(midi)] == [
        (0xB0, 123, 0), (0xB1, 120, 0), (0xB0, 121, 0), (0xB0, 122, 0), (0xB0, 122, 127), (0xB0, 126, 2),
        (0xB0, 127, 0)]


def test_all_channels_lists_and_defaults(tmp_path):
    midi = render(tmp_path, """
        midi_cc(7, 100, channel="*")
        midi_cc(7, 90, channel=[2, 4])
        use_midi_defaults(channel=5)
        midi_cc(7, 80)
        with with_midi_defaults(channel=6, on=False):
            midi_cc(7, 70)
        use_merged_midi_defaults(velocity=33)
        midi_note_on(60)
        midi_cc(7, 60, on=0)
    """)
    assert controls(midi) == [(0, c, 7, 100) for c in range(1, 17)] + [(0, 2, 7, 90), (0, 4, 7, 90), (0, 5, 7, 80)]
    assert channel_bytes(midi)[-2:] == [(0, (0x94, 60, 33)), (1920, (0x84, 60, 0))]  # ended with the render


def test_raw_sysex_and_system_messages(tmp_path):
    source = """
        midi_raw(0xB0, 121.4, 0)
        midi_sysex(0xF0, 0x00, 0x20, 0x6B, 0x7F, 0x42, 0x02, 0x00, 0x10, 0x77, 0x11, 0xF7)
        midi_start()
        midi_clock_beat()
        midi_stop()
        midi_continue()
        midi_clock_tick()
    """
    midi = render(tmp_path, source)
    # a file holds the channel messages and the sysex (an F0 event); clock and transport are not
    # in a file (see composer/sinks/smf.py) but go to a port
    assert [data for _, data in channel_bytes(midi)] == [
        (0xB0, 121, 0), (0xF0, 0x00, 0x20, 0x6B, 0x7F, 0x42, 0x02, 0x00, 0x10, 0x77, 0x11, 0xF7)]
    raw = tmp_path.joinpath("out.mid").read_bytes()
    assert bytes([0xF0, 11, 0x00, 0x20, 0x6B, 0x7F, 0x42, 0x02, 0x00, 0x10, 0x77, 0x11, 0xF7]) in raw
    body = "@live_loop\ndef a():\n" + "".join(f"    {line.strip()}\n" for line in source.strip().splitlines())
    sent = [m.data for m in expand(run_piece(tmp_path, body + "    sleep(4)\n", beats=4)) if type(m.data) is tuple]
    assert sent[2:7] == [(0xFA,), (0xF8,), (0xFC,), (0xFB,), (0xF8,)] and sent.count((0xF8,)) == 25


def test_clock_beat_spreads_24_ticks_over_the_beat(tmp_path):
    events = run_piece(tmp_path, "@live_loop\ndef a():\n    midi_clock_beat(2)\n    sleep(4)\n", beats=4)
    assert [e.beat for e in events if isinstance(e, Midi)] == [F(k, 12) for k in range(24)]


@pytest.mark.parametrize("call, words", [
    ("midi_raw(0x90, 60)", "not a whole MIDI message"),
    ("midi_raw(0x90, 60, 200)", "not a whole MIDI message"),
    ("midi_sysex(0xF0, 0x01)", "starts with 0xF0, ends with 0xF7"),
    ("midi_sysex(0xF0, 0x90, 0xF7)", "must be 0-127"),
    ("midi_mode('quad')", "unknown mode 'quad'"),
    ("midi_cc('x', 1)", "not a note: 'x'"),
    ("midi_cc(7, float('nan'))", "value must be a number, got nan"),
    ("midi_pitch_bend(float('inf'))", "delta must be a number, got inf"),
    ("midi_raw(0xB0, 7, None)", "a MIDI byte must be a number, got None"),
])
def test_bad_messages_are_one_line_errors(tmp_path, call, words):
    assert words in error_of(tmp_path, call)


def test_port_messages_go_to_tracks_named_after_the_port(tmp_path):
    midi = render(tmp_path, """
        play(60, port="synth")
        midi_cc(7, 100, port="synth")
        midi_pc(3, port=["synth", "drums"])
        play(60)
    """)
    names = [t.name for t in midi.tracks]
    assert names == ["piece", "a", "a @ synth", "a @ drums"]
    assert notes(midi, "a @ synth") == [(0, 60, 100, 1, 480)] and notes(midi, "a") == [(0, 60, 100, 1, 480)]
    assert [data for _, data in channel_bytes(midi, "a @ drums")] == [(0xC0, 3)]


def test_the_same_note_on_two_ports_is_two_notes():
    events = [Note(F(0), F(2), 60, 100, 0, "a"), Note(F(1), F(2), 60, 90, 0, "a @ synth")]
    sent = [(m.beat, m.track, m.data) for m in expand(events)]
    assert sent == [(0, "a", (0x90, 60, 100)), (1, "a @ synth", (0x90, 60, 90)),
                    (2, "a", (0x80, 60, 0)), (3, "a @ synth", (0x80, 60, 0))]


def test_midi_at_the_top_level_plays_on_its_track(tmp_path):
    midi = render(tmp_path, "", loops="sleep(1)\nmidi_cc(7, 1)\n@live_loop\ndef a():\n    sleep(1)\n")
    assert channel_bytes(midi, "main") == [(480, (0xB0, 7, 1))]  # the top level is a thread, as in Sonic Pi
    assert mido  # the file checks above read back through mido


def test_a_raw_note_on_never_left_ends_with_the_render(tmp_path):
    midi = render(tmp_path, """
        midi_note_on(60)
        midi_note_on(62, port="synth")
        midi_note_on(64)
        midi_note_off(64)
    """, beats=8)
    # the loop strikes them at 0 and 4; the file ends them where the render ends, beat 8
    assert channel_bytes(midi) == [(0, (0x90, 60, 127)), (0, (0x90, 64, 127)), (0, (0x80, 64, 127)),
                                   (1920, (0x90, 60, 127)), (1920, (0x90, 64, 127)), (1920, (0x80, 64, 127)),
                                   (3840, (0x80, 60, 0))]
    assert channel_bytes(midi, "a @ synth") == [(0, (0x90, 62, 127)), (1920, (0x90, 62, 127)), (3840, (0x80, 62, 0))]


def test_an_unknown_midi_option_is_ignored_and_warned_once(tmp_path, capsys):
    midi = render(tmp_path, "midi_cc(7, 1, chanel=2)\nmidi_cc(7, 2, chanel=3)")
    assert controls(midi) == [(0, 1, 7, 1), (0, 1, 7, 2)]
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'piece.py'}:4: midi_cc: unknown option 'chanel' ignored, as Sonic Pi does; did you mean 'channel'?"]
