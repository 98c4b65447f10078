"""Sonic Pi's sound vocabulary in rendered files: play's options, modifiers, synths, effects,
and the audio-only names composer refuses (checked on the bytes mido reads back)."""

from __future__ import annotations

import textwrap

import mido
import pytest

from composer.errors import ComposerError
from composer.instruments import GM_PROGRAMS, SYNTH_PROGRAMS, program
from composer.render import render_file
from pieces import write_piece

PREFIX = "use_bpm(60)\n"


def render(tmp_path, body: str, beats=4, loops: str | None = None):
    """Render a piece whose single loop `a` runs `body` then sleeps out the bar."""
    source = PREFIX + (loops if loops is not None else (
        "@live_loop\ndef a():\n" + "".join(f"    {line}\n" for line in textwrap.dedent(body).strip().splitlines()) + "    sleep(4)\n"))
    piece = write_piece(tmp_path, source)
    out = tmp_path / "out.mid"
    render_file(piece, out, beats=beats)
    return mido.MidiFile(out)


def messages(midi, track_name="a"):
    """(absolute tick, message) of one track's channel and sysex messages, meta included."""
    for track in midi.tracks:
        if track.name == track_name:
            tick, out = 0, []
            for message in track:
                tick += message.time
                if message.type not in ("track_name", "end_of_track"):
                    out.append((tick, message))
            return out
    raise AssertionError(f"no track {track_name!r} in {[t.name for t in midi.tracks]}")


def notes(midi, track_name="a"):
    """(start tick, note, velocity, channel 1-16, length in ticks) of every note."""
    found, sounding = [], {}
    for tick, message in messages(midi, track_name):
        if message.type == "note_on" and message.velocity:
            sounding[(message.channel, message.note)] = (tick, message.velocity)
        elif message.type in ("note_on", "note_off"):
            start, velocity = sounding.pop((message.channel, message.note))
            found.append((start, message.note, velocity, message.channel + 1, tick - start))
    return sorted(found)


def controls(midi, track_name="a"):
    return [(tick, m.channel + 1, m.control, m.value) for tick, m in messages(midi, track_name)
            if m.type == "control_change"]


def error_of(tmp_path, body: str) -> str:
    with pytest.raises(ComposerError) as caught:
        render(tmp_path, body)
    message = str(caught.value)
    assert "\n" not in message
    return message


# ----- play's options -------------------------------------------------------------------------


def test_amp_is_velocity_and_the_envelope_is_the_length(tmp_path):
    midi = render(tmp_path, """
        play(60, amp=0.5)
        play(62, release=0.5)
        play(64, attack=0.25, decay=0.25, sustain=0.5, release=0.5)
        play(65, sustain=0.5)
        play(67, duration=0.25, release=3)
        play(69)
    """)
    assert notes(midi) == [
        (0, 60, 64, 1, 480),  # amp 0.5 of 127; Sonic Pi's default envelope: release 1
        (0, 62, 100, 1, 240),
        (0, 64, 100, 1, 720),
        (0, 65, 100, 1, 720),  # sustain 0.5 + the default release 1
        (0, 67, 100, 1, 120),  # duration= is the length, whatever the envelope
        (0, 69, 100, 1, 480),
    ]


def test_pan_and_cutoff_become_controllers_before_the_note(tmp_path):
    midi = render(tmp_path, """
        play(60, pan=-1, cutoff=80, channel=2)
        sleep(1)
        play(60, pan=0, cutoff=200, channel=2)
        sleep(1)
        play(60, pan=1, cutoff=80, channel=2)
    """)
    assert controls(midi) == [(0, 2, 10, 0), (0, 2, 74, 80), (480, 2, 10, 64), (480, 2, 74, 127),
                              (960, 2, 10, 127), (960, 2, 74, 80)]
    first = [m.type for _, m in messages(midi)][:3]
    assert first == ["control_change", "control_change", "note_on"]


def test_on_plays_only_when_true_and_audio_options_are_accepted(tmp_path):
    midi = render(tmp_path, """
        play(60, on=False)
        play(61, on=0)
        play(62, on=None)
        play(63, on=True, res=0.9, amp_slide=1, cutoff_slide_shape=3, env_curve=2, attack_level=0.5, detune=0.1)
    """)
    # on=None is an option not given (Sonic Pi purges nil options before it reads on:)
    assert [n[1] for n in notes(midi)] == [62, 63]


def test_an_unknown_option_is_ignored_as_sonic_pi_does_and_warned_once_at_its_line(tmp_path, capsys):
    """Sonic Pi passes options on to SuperCollider, which ignores those a synth has not got: the
    note plays; the warning names the line, the function and the option with its likely spelling."""
    midi = render(tmp_path, """
        play(60, relese=0.5)
        play_chord([64], amps=1)
        use_synth_defaults(cuttof=1)
        play(67, relese=2)
    """, beats=8)
    assert [(n[0], n[1], n[4]) for n in notes(midi)] == [
        (0, 60, 480), (0, 64, 480), (0, 67, 480), (1920, 60, 480), (1920, 64, 480), (1920, 67, 480)]
    warned = capsys.readouterr().err.splitlines()
    assert [line.split("; did you mean ")[0] for line in warned] == [
        f"{tmp_path / 'piece.py'}:4: play: unknown option 'relese' ignored, as Sonic Pi does",
        f"{tmp_path / 'piece.py'}:5: play_chord: unknown option 'amps' ignored, as Sonic Pi does",
        f"{tmp_path / 'piece.py'}:6: use_synth_defaults: unknown option 'cuttof' ignored, as Sonic Pi does"]
    assert [line.split("; did you mean ")[1].split(" or ")[0] for line in warned] == ["'release'", "'amp'", "'cutoff'"]


def test_a_known_option_s_bad_value_stays_an_error(tmp_path):
    assert "piece.py:4: velocity must be 0-127, got 300" in error_of(tmp_path, "play(60, velocity=300, relese=1)")


def test_transpose_octave_and_pitch(tmp_path):
    midi = render(tmp_path, "", loops="""
use_transpose(2)

@live_loop
def a():
    play(60)
    with with_transpose(12):
        play(60)
        with with_octave(-1):
            play(60)
        play("c4", pitch=0.5)
    use_octave(1)
    play(60)
    sleep(4)
""")
    played = [m.note for _, m in messages(midi) if m.type == "note_on"]
    # the top level's transpose is the loop's; with_transpose replaces it (as Sonic Pi's), and
    # the shift is added before rounding: c4 + 12 + 0.5 is 73
    assert played == [62, 72, 60, 73, 74]


def test_synth_defaults_use_merge_and_with(tmp_path):
    midi = render(tmp_path, """
        use_synth_defaults(amp=0.5, release=0.5)
        play(60)
        play(61, amp=1)
        use_merged_synth_defaults(channel=3)
        play(62)
        with with_synth_defaults(release=2):
            play(63)
        play(64)
    """)
    assert notes(midi) == [(0, 60, 64, 1, 240), (0, 61, 127, 1, 240), (0, 62, 64, 3, 240),
                           (0, 63, 100, 1, 960), (0, 64, 64, 3, 240)]


def test_play_chord_plays_every_note(tmp_path):
    midi = render(tmp_path, "play_chord(chord('e3', 'minor'), release=0.5)")
    assert [(n[1], n[4]) for n in notes(midi)] == [(52, 240), (55, 240), (59, 240)]
    assert "play_chord expects a list" in error_of(tmp_path, "play_chord(60)")


# ----- instruments ----------------------------------------------------------------------------


def test_every_sonic_pi_synth_has_a_gm_program():
    assert len(GM_PROGRAMS) == 128
    assert program("piano") == 0 and program("pluck") == 24 and program("tb303") == 38
    assert GM_PROGRAMS[program("fm")].startswith("Electric Piano")
    assert program("acoustic_guitar_nylon") == 24 and program(":pluck") == 24 and program(33) == 33
    assert {"beep", "saw", "prophet", "hollow", "dark_ambience", "blade", "kalimba", "rhodey"} <= set(SYNTH_PROGRAMS)
    with pytest.raises(ComposerError, match="did you mean 'pluck'"):
        program("plukc")
    with pytest.raises(ComposerError, match="audio-only"):
        program("sound_in")
    with pytest.raises(ComposerError, match="0-127"):
        program(128)


def test_use_synth_sends_a_program_change_once_per_channel_and_names_the_instrument(tmp_path):
    midi = render(tmp_path, "", beats=8, loops="""
use_synth("pluck")

@live_loop
def a():
    play(60)
    play(64, channel=2)
    sleep(1)
    with with_synth("tb303"):
        play(40)
    sleep(1)
    play(60)
    sleep(2)
""")
    changes = [(tick, m.channel + 1, m.program) for tick, m in messages(midi) if m.type == "program_change"]
    assert changes == [(0, 1, 24), (0, 2, 24), (480, 1, 38), (960, 1, 24), (2400, 1, 38), (2880, 1, 24)]
    names = [(tick, m.name) for tick, m in messages(midi) if m.type == "instrument_name"]
    assert names[:3] == [(0, "Acoustic Guitar (nylon)"), (0, "Acoustic Guitar (nylon)"), (480, "Synth Bass 1")]
    index = [m.type for _, m in messages(midi)]
    assert index[:3] == ["instrument_name", "program_change", "note_on"]


def test_synth_plays_one_note_with_that_synth(tmp_path):
    midi = render(tmp_path, "synth('fm', note=64, release=0.5)\nplay(60)")
    assert [(tick, m.program) for tick, m in messages(midi) if m.type == "program_change"] == [(0, 5)]
    assert [(n[1], n[4]) for n in notes(midi)] == [(60, 480), (64, 240)]


# ----- effects --------------------------------------------------------------------------------


def test_with_fx_sends_its_controller_and_restores_it_after(tmp_path):
    midi = render(tmp_path, """
        with with_fx("reverb", mix=0.6):
            play(60, channel=2)
            with with_fx("lpf", cutoff=70):
                play(62, channel=2)
                sleep(1)
            sleep(1)
        with with_fx("echo", phase=0.25):
            play(64)
    """)
    assert controls(midi) == [(0, 2, 91, 76), (0, 2, 74, 70), (480, 2, 74, 127), (960, 2, 91, 40)]
    assert [n[1] for n in notes(midi)] == [60, 62, 64]


def test_with_fx_reps_runs_a_decorated_function_that_many_times(tmp_path):
    midi = render(tmp_path, """
        @with_fx("echo", reps=3)
        def _():
            play(60)
            sleep(0.5)
    """)
    assert [n[0] for n in notes(midi)] == [0, 240, 480]
    assert "put @with_fx" in error_of(tmp_path, "with with_fx('echo', reps=2):\n        play(60)")
    assert "unknown effect 'revreb'" in error_of(tmp_path, "with with_fx('revreb'):\n        play(60)")
    assert "velocity must be 0-127" in error_of(tmp_path, "with with_fx('reverb', mixx=1):\n        play(60, velocity=-1)")


def test_sample_duration_answers_in_python_pieces_as_in_buffers(tmp_path):
    """One shared place (composer.runtime.sonic_pi_samples): the built-in sample's length in
    beats at the thread's tempo, with Sonic Pi's options, so a Python piece keeps its time."""
    midi = render(tmp_path, "", beats=8, loops="""
use_bpm(120)

@live_loop
def a():
    play(60)
    sleep(sample_duration("loop_amen"))

@live_loop
def b():
    play(72)
    sleep(sample_duration(":loop_amen", rate=2, beat_stretch=None))
""")
    amen_beats = 77321 / 44100 * 2  # loop_amen's 77,321 frames at 44.1 kHz, at 120 bpm
    assert [n[0] for n in notes(midi, "a")] == [round(i * amen_beats * 480) for i in range(3)]
    assert [n[0] for n in notes(midi, "b")] == [round(i * amen_beats / 2 * 480) for i in range(5)]
    assert "unknown Sonic Pi sample 'loop_amenn'" in error_of(tmp_path, "sample_duration('loop_amenn')")


# ----- what composer lacks on purpose ---------------------------------------------------------


@pytest.mark.parametrize("call", ["load_sample('x')", "live_audio('mic')",
                                  "use_sample_defaults(rate=2)", "set_volume(2)", "use_synth('sound_in')"])
def test_audio_only_names_say_so_in_one_line(tmp_path, call):
    message = error_of(tmp_path, call)
    assert "piece.py:4" in message and "audio-only in Sonic Pi" in message and "MIDI" in message


@pytest.mark.parametrize("piece, programs", [
    ("guitar_accompaniment", {"arpeggio": [24], "bass": [33], "drums": [], "crash": [], "fill": [], "perc": []}),
    ("tabla_pentatonic", {"piano": [0], "piano_chords": [104], "bass": [32], "tabla": [], "tabla_fill": []}),
])
def test_the_sample_pieces_name_their_instruments(tmp_path, piece, programs):
    from pathlib import Path

    out = tmp_path / "out.mid"
    render_file(Path(__file__).resolve().parents[1] / "samples" / "pieces" / f"{piece}.py", out, bars=8)
    midi = mido.MidiFile(out)
    found = {t.name: [m.program for m in t if m.type == "program_change"] for t in midi.tracks[1:]}
    assert found == programs  # one program change per part, however many bars it plays


def test_sonic_pis_play_tests(tmp_path):
    """Ported from Sonic Pi's test_play.rb: a hash of options, nil options culled, synth defaults
    under the call's own options, on: false for a chord, play_chord."""
    midi = render(tmp_path, """
        play("c", release=0.25)
        play({"note": "d", "release": 0.25})
        play("e", cutoff=None, release=0.25)
        play([60, 64, 67], on=False)
        play_chord([60, 64, 67], on=False)
        use_synth_defaults(release=0.5)
        play(65)
        play(67, release=0.75)
        with with_synth_defaults(release=0.125):
            play(69)
        play(71)
    """)
    assert notes(midi) == [(0, 60, 100, 1, 120), (0, 62, 100, 1, 120), (0, 64, 100, 1, 120), (0, 65, 100, 1, 240),
                           (0, 67, 100, 1, 360), (0, 69, 100, 1, 60), (0, 71, 100, 1, 240)]
    assert controls(midi) == []  # cutoff=None sent nothing


def test_with_fx_none_and_on_false_run_the_block_without_the_effect(tmp_path):
    midi = render(tmp_path, """
        with with_fx("none"):
            play(60)
        with with_fx("reverb", mix=1, on=False, kill_delay=2):
            play(62)
    """)
    assert [n[1] for n in notes(midi)] == [60, 62] and controls(midi) == []


def test_controller_options_must_be_numbers(tmp_path):
    assert "a number is needed here, got 'left'" in error_of(tmp_path, "play(60, pan='left')")
    assert "got nan" in error_of(tmp_path, "play(60, cutoff=float('nan'))")
    assert "use_octave takes a number, not nan" in error_of(tmp_path, "use_octave(float('nan'))")
    assert "got inf" in error_of(tmp_path, "with with_fx('reverb', mix=float('inf')):\n        play(60)")


def test_a_loop_starts_with_the_settings_the_top_level_had_where_it_is_defined(tmp_path):
    midi = render(tmp_path, "", loops="""
use_synth("pluck")
use_transpose(1)

@live_loop
def a():
    play(60)
    sleep(4)

use_synth("piano")

@live_loop
def b():
    play(60, channel=2)   # a channel of its own: on one channel the two strikes would be one hit
    sleep(4)
""")
    # as Sonic Pi's threads copy the top level's thread locals when they start
    assert [m.program for _, m in messages(midi, "a") if m.type == "program_change"] == [24]
    assert [m.program for _, m in messages(midi, "b") if m.type == "program_change"] == [0]
    assert notes(midi, "a")[0][1] == notes(midi, "b")[0][1] == 61


def test_a_paused_loop_launched_later_plays_with_the_synth_of_where_it_was_defined(tmp_path):
    from fractions import Fraction

    from composer.runtime import loading
    from composer.runtime.events import PROGRAM, Setting

    piece = write_piece(tmp_path, 'use_synth("pluck")\n\n@live_loop(paused=True)\ndef pad():\n    play(60)\n'
                                  '    sleep(1)\n\nuse_synth("piano")\n')
    runtime = loading.load(piece, until=Fraction(4))
    runtime.start_loop("pad", at=Fraction(1))  # a pad launches it
    programs = [e.value for e in runtime.events() if isinstance(e, Setting) and e.control == PROGRAM]
    assert programs and set(programs) == {24}
