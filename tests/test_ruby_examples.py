"""Sonic Pi's built-in examples (tests/data/sonic_pi_examples) as composer renders them.

Every example parses and compiles. Those that make sense over MIDI render; the deterministic
ones are checked note by note against what Sonic Pi plays. An example that needs a name the
Python side has not got yet is an expected failure that turns itself on when the name lands.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import mido
import pytest

from composer.cli import main
from composer.ruby.bridge import Bridge
from composer.ruby.compiler import Compiler
from composer.ruby.parse import parse
from composer.runtime.messages import expand
from pieces import notes, run_piece
from sonic_pi_support import TOP_LEVEL, answers, lacks, namespace, takes, waits_for

EXAMPLES = Path(__file__).parent / "data" / "sonic_pi_examples"


def render(directory: Path, name: str, beats) -> list[tuple]:
    """(beat, note, velocity, duration, channel, track) of every note the example plays."""
    source = (EXAMPLES / f"{name}.rb").read_text(encoding="utf-8")
    return notes(run_piece(directory, source, beats=beats, name=f"{name}.rb"))


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.rb")), ids=lambda p: p.stem)
def test_every_example_parses_and_compiles(path):
    root = parse(path.read_text(encoding="utf-8"), path)
    Compiler(path, Bridge(path, namespace())).compile(root)  # refuses any construct it lacks


def test_there_are_all_34_examples():
    assert len(list(EXAMPLES.glob("*.rb"))) == 34


@waits_for(lacks("play_chord"), TOP_LEVEL)
def test_chord_inversions_plays_every_inversion_of_four_degrees(tmp_path):
    played = render(tmp_path, "chord_inversions", beats=None)
    triads = {1: [60, 64, 67], 3: [64, 67, 71], 6: [69, 72, 76], 4: [65, 69, 72]}
    expected = []
    step = 0
    for degree in (1, 3, 6, 4):
        for inversion in range(-3, 3):
            chord = list(triads[degree])
            for _ in range(inversion):
                chord = chord[1:] + [chord[0] + 12]
            for _ in range(-inversion):
                chord = sorted(chord[:-1] + [chord[-1] - 12])
            expected.append((Fraction(step, 4), sorted(chord)))
            step += 1
    by_time = {}
    for beat, note, *_ in played:
        by_time.setdefault(beat, []).append(note)
    assert sorted((beat, sorted(ns)) for beat, ns in by_time.items()) == expected


REICH = [64, 66, 71, 73, 74, 66, 64, 73, 71, 66, 74, 73]  # :E4, :Fs4, :B4, :Cs5, :D5, ...


@waits_for(takes("play", "release"))
def test_reich_phase_two_loops_drift_apart(tmp_path):
    played = render(tmp_path, "reich_phase", beats=12)
    slow = [(beat, note) for beat, note, *_, track in played if track == "slow"]
    faster = [(beat, note) for beat, note, *_, track in played if track == "faster"]
    assert slow == [(Fraction(3, 10) * i, REICH[i % 12]) for i in range(40)]
    assert faster == [(Fraction(59, 200) * i, REICH[i % 12]) for i in range(41)]


BACH_RIGHT_HAND_BAR_1_2 = [(0, 74), (Fraction(1, 2), 67), (Fraction(3, 4), 69), (1, 71), (Fraction(5, 4), 72),
                           (Fraction(3, 2), 74), (2, 67), (Fraction(5, 2), 67)]
BACH_LEFT_HAND_BAR_1_2 = [(0, 55), (0, 59), (1, 57), (Fraction(3, 2), 59)]


@waits_for(lacks("in_thread", "use_synth", "use_synth_defaults", "play_chord"), TOP_LEVEL)
def test_bach_minuet_opens_as_written_and_plays_every_note(tmp_path):
    played = render(tmp_path, "bach", beats=None)
    opening = sorted((beat, note) for beat, note, *_ in played if beat < 3)
    assert opening == sorted(BACH_RIGHT_HAND_BAR_1_2 + BACH_LEFT_HAND_BAR_1_2)
    assert len(played) == 406  # every note of its play_pattern_timed, play_chord and play calls, twice


def test_driving_pulse_kicks_every_half_beat_under_a_pulsing_bass(tmp_path):
    played = render(tmp_path, "driving_pulse", beats=16)
    kicks = [(beat, note, channel) for beat, note, _, _, channel, track in played if track == "drums"]
    synths = [(beat, note) for beat, note, *_, track in played if track == "synths"]
    assert kicks == [(Fraction(i, 2), 36, 10) for i in range(32)]
    assert synths == [(Fraction(i, 4), (30, 38)[i % 2]) for i in range(64)]


def test_monday_blues_plays_its_three_loops_and_prints_its_lines(tmp_path, capsys):
    played = render(tmp_path, "monday_blues", beats=16)
    kicks = [beat for beat, note, *_, track in played if track == "drums"]
    one_bar = [Fraction(i, 2) for i in range(6)] + [3 + Fraction(i, 8) for i in range(8)]
    assert kicks == [bar * 4 + t for bar in range(4) for t in one_bar]
    assert {note for _, note, *_, track in played if track == "drums"} == {36}
    roots = [29, 24, 26, 26, 31, 24, 26, 26]  # (ring :F, :C, :D, :D, :G, :C, :D, :D) in octave 1
    synths = [(beat, note) for beat, note, *_, track in played if track == "synths"]
    assert synths == [(6 + i, roots[i % 8] + 12 * octave) for i in range(10) for octave in (0, 1)]
    assert [(beat, note) for beat, note, *_, track in played if track == "snare"] == [
        (Fraction(25, 2) + i, 40) for i in range(4)]
    printed = [line.split("} ", 1)[-1] for line in capsys.readouterr().err.splitlines()]
    assert printed[:3] == ['"slow drums"', '"fast drums"', '"slow drums"'] and '"how does it feel?"' in printed


@waits_for(takes("live_loop", "auto_cue"))
def test_time_machine_plays_its_bass_vortex_and_kick(tmp_path, capsys):
    played = render(tmp_path, "time_machine", beats=16)
    by_track = {}
    for beat, note, *_, track in played:
        by_track.setdefault(track, []).append((beat, note))
    assert by_track["time"] == [(0, 28), (8, 28)]  # synth :tb303, note: :e1, every 8 beats
    pentatonic = [28, 31, 33, 35, 38, 40]  # scale(:e1, :minor_pentatonic)
    assert by_track["vortex"] == [(Fraction(1, 16) + Fraction(i, 8), pentatonic[i % 6]) for i in range(128)]
    assert by_track["moon_bass"] == [(Fraction(i, 2), 36) for i in range(32)]
    assert "machine" not in by_track  # :loop_garzul has no drum meaning: skipped, warned once
    assert capsys.readouterr().err.count("sample :loop_garzul has no drum meaning") == 1


OCTAVES = answers("scale", "c4", "major", num_octaves=2)

#: Every example, with what each waits for. ambient, filtered_dnb and jungle play only samples
#: with no drum meaning, which MIDI skips, warned.
RENDERS = {
    "ambient_experiment": (), "compus_beats": (), "driving_pulse": (), "haunted": (), "idm_breakbeat": (),
    "jungle": (), "monday_blues": (), "reich_phase": (), "blockgame": (), "wob_rhyth": (takes("cue", "rate"),),
    "bach": ("top", lacks("in_thread")), "blip_rhythm": (lacks("in_thread"),),
    "chord_inversions": ("top",), "mod_303_phade": ("top",), "syncer": ("top", lacks("in_thread")),
    "square_skit": (takes("live_loop", "auto_cue"), lacks("density")),
    "time_machine": (takes("live_loop", "auto_cue"),),
    "shufflit": ("top", OCTAVES), "tilburg_2": (OCTAVES, takes("live_loop", "auto_cue")),
    "acid": (), "ambient": (), "filtered_dnb": (), "lorezzed": (), "ocean": (), "rerezzed": (),
    "sonic_dreams": (), "tron_bike": (), "blimp_zones": (), "dark_neon": (), "echo_drama": (), "fm_noise": (),
    "orchard_improv": (), "crushed": (), "cloud_beat": (),
}
ONLY_SAMPLES = {"ambient", "filtered_dnb", "jungle"}


def test_renders_holds_every_example():
    assert sorted(RENDERS) == sorted(p.stem for p in EXAMPLES.glob("*.rb"))


def _render_case(name, needs):
    reasons = [TOP_LEVEL if need == "top" else need for need in needs]
    return pytest.param(name, marks=waits_for(*reasons), id=name)


@pytest.mark.parametrize("name", [_render_case(n, needs) for n, needs in RENDERS.items()])
def test_example_renders_to_a_midi_file(name, tmp_path, capsys):
    out = tmp_path / f"{name}.mid"
    with pytest.raises(SystemExit) as done:
        main(["render", str(EXAMPLES / f"{name}.rb"), "-o", str(out), "--beats", "32"])
    err = capsys.readouterr().err
    assert done.value.code == 0, err.strip().splitlines()[-1:]
    notes_on = [m for m in mido.MidiFile(out) if m.type == "note_on" and m.velocity]
    assert bool(notes_on) != (name in ONLY_SAMPLES), len(notes_on)
    assert name not in ONLY_SAMPLES or "has no drum meaning over MIDI; skipped" in err


TUTORIAL = Path(__file__).parent / "data" / "sonic_pi_tutorial" / "blocks.txt"
#: Tutorial blocks that are not Ruby: a folder name, log output, a diagram, Clojure...
NOT_RUBY = {"03.7-Sample-Packs.md 1", "05.4-Threads.md 8", "05.4-Threads.md 11", "06-FX.md 1",
            "11.1-MIDI-In.md 1", "12.1-Receiving-OSC.md 3"}


def tutorial_blocks() -> dict[str, str]:
    blocks, name = {}, None
    for line in TUTORIAL.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("#### block "):
            name = line[len("#### block "):].strip()
            blocks[name] = ""
        else:
            blocks[name] += line
    return blocks


def test_every_ruby_block_of_sonic_pi_s_tutorial_parses_and_compiles():
    failed = set()
    blocks = tutorial_blocks()
    for name, source in blocks.items():
        path = Path(name.split()[0])
        try:
            Compiler(path, Bridge(path, namespace())).compile(parse(source, path))
        except Exception:  # noqa: BLE001 - collected and compared below
            failed.add(name)
    assert len(blocks) == 367
    assert failed == NOT_RUBY


def test_tron_bike_slides_each_note_to_its_second_four_beats_later(tmp_path):
    """`p = play n1, release: 8, note_slide: 4` then `control p, note: n2`: n1 sounds until the
    slide arrives, n2 from then to the synth's end; cutoff slides from 30 to its new value."""
    source = (EXAMPLES / "tron_bike.rb").read_text(encoding="utf-8")
    sounding, played = {}, []
    for message in expand(run_piece(tmp_path, source, beats=32, name="tron_bike.rb")):
        if type(message.data) is tuple and message.data[0] & 0xF0 in (0x80, 0x90):
            note = message.data[1]
            if message.data[0] & 0xF0 == 0x90 and message.data[2]:
                sounding[note] = message.beat
            else:
                start = sounding.pop(note)
                played.append((start, note, message.beat - start))
    played.sort()
    assert [(beat, length) for beat, _, length in played] == [(4 * i, 4) for i in range(8)]
    minor_chords = {root + step for root in (35, 47, 28, 40, 59, 52) for step in (0, 3, 7)}
    assert {note for _, note, _ in played} <= minor_chords


def test_lorezzed_lands_each_controlled_note_on_the_beat(tmp_path):
    """The synth starts 0.04 beats early (sleep -t) with note_slide: t, so each control's note
    arrives on a quarter beat: composer strikes it there."""
    played = render(tmp_path, "lorezzed", beats=1.7)
    synth = [(beat, note) for beat, note, *_, track in played if track == "lorezzed"]
    assert [beat for beat, _ in synth] == [Fraction(i, 4) for i in range(7)]
    assert synth[0][1] == 48 and {n for _, n in synth[1:]} <= {24, 27, 29, 31, 34, 36}  # :c3, then (scale :c1...)


def test_cloud_beat_chooses_its_chord_half_a_beat_before_the_chord_loop_plays_it(tmp_path):
    """live_loop :chord_selector, delay: -0.5 sets chord_high/chord_low at 7.5, 15.5...: the
    chord loop at 16 plays the :es2 chord's take(3), not the :c2 one still in force at 15.9.
    (Sonic Pi reads :es2 as E sharp, F2, as composer does.)"""
    played = render(tmp_path, "cloud_beat", beats=25)
    chords = {}
    for beat, note, *_, track in played:
        if track == "chord_loop":
            chords.setdefault(beat, set()).add(note)
    assert sorted(chords) == [0, 8, 16, 24]
    assert {36, 40, 43} <= chords[8] and not {41, 45} & chords[8]  # (chord :c2, :maj9).take(3)
    assert {41, 45, 48} <= chords[16] and not {36, 40} & chords[16]  # (chord :es2, :maj9).take(3)


def test_crushed_loops_for_ever_at_its_top_level_and_a_render_stops_it(tmp_path):
    played = render(tmp_path, "crushed", beats=8)
    assert [beat for beat, *_ in played] == [0, Fraction(1, 2), 2, Fraction(5, 2), 4, Fraction(9, 2), 6, Fraction(13, 2)]
    assert [note for _, note, *_ in played][1::2] == [50] * 4 and {n for _, n, *_ in played[::2]} <= {50, 55}


def test_unknown_options_in_examples_are_warned_once_at_their_line(tmp_path, capsys):
    render(tmp_path, "echo_drama", beats=32)
    warned = capsys.readouterr().err
    assert warned.count("echo_drama.rb:11: play: unknown option 'cutoff_max' ignored, as Sonic Pi does") == 1
