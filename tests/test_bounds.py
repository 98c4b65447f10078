"""Bounds with one-line errors naming the limit: notes, octaves and inversions of the theory
commands, tracks of a MIDI file, long renders that say so."""

import pytest

from composer.cli import main
from composer.errors import ComposerError
from composer.sinks.smf import MidiFileWriter
from pieces import write_piece


def run(args, capsys):
    with pytest.raises(SystemExit) as done:
        main(args)
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


@pytest.mark.parametrize("args, code, message", [
    (["scale", "e3", "major", "--octaves", "100000000"], 2, "not in the range 1<=x<=11"),
    (["arp", "e3", "minor", "--octaves", "100000000"], 2, "not in the range 1<=x<=11"),
    (["chord", "e3", "major", "--octaves", "100000000"], 2, "not in the range 1<=x<=11"),
    (["arp", "e3", "minor", "--octaves", "1e8"], 2, "not a valid integer"),
    (["scale", "e99", "major"], 1, "note 1204 is outside MIDI's 0-127"),
    (["scale", "e3", "major", "--octaves", "11"], 1, "outside MIDI's 0-127"),
    (["chord", "e3", "major", "--invert", "100"], 1, "note 452 is outside MIDI's 0-127"),
    (["chord", "e3", "major", "--invert", "-100"], 1, "is outside MIDI's 0-127"),
    (["chord", "e3", "major", "--invert", "100000000"], 2, "not in the range -127<=x<=127"),
])
def test_theory_commands_stay_in_midi(capsys, args, code, message):
    got, out, err = run(args, capsys)
    assert got == code and message in err and out == ""
    assert "Traceback" not in err


def test_the_edges_of_midi_still_print(capsys):
    code, out, _ = run(["scale", "c-1", "major", "--octaves", "10", "--json"], capsys)
    assert code == 0 and out.strip().endswith("120]")


def test_more_tracks_than_a_midi_file_holds_is_one_line(tmp_path):
    writer = MidiFileWriter()
    with pytest.raises(ComposerError, match="at most 65,534 tracks"):
        writer.write(tmp_path / "x.mid", [f"loop{i}" for i in range(70_000)])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("option, value, message", [
    ("--bpm", "1", "MIDI's slowest tempo"), ("--bpm", "-5", "bpm must be between"),
    ("--bpm", "inf", "time must be finite"), ("--bpm", "0", "got 0"),
    ("--bars", "inf", "inf bars: time must be finite"), ("--beats", "inf", "time must be finite"),
    ("--bars", "nan", "nan is not a number of bars"), ("--bars", "1e300", "beyond composer's limit"),
])
def test_render_options_out_of_range_are_one_line(tmp_path, capsys, option, value, message):
    piece = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n")
    code, _, err = run(["render", str(piece), "-o", str(tmp_path / "x.mid"), option, value], capsys)
    assert code == 1 and message in err and err.count("\n") == 1
    assert not (tmp_path / "x.mid").exists()


def test_a_long_render_says_how_long_and_shows_progress(tmp_path, capsys):
    piece = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(8)\n")
    code, _, err = run(["render", str(piece), "-o", str(tmp_path / "x.mid"), "--bars", "2000"], capsys)
    assert code == 0
    lines = err.splitlines()
    assert lines[0].startswith("composer: rendering 8,000 beats")
    assert any(line.startswith("composer: 50 % (4,000 of 8,000 beats), about ") and line.endswith(" left")
               for line in lines), lines


@pytest.mark.parametrize("args, message", [
    (["play", "{piece}", "--latency", "nan"], "nan is not between 1 and 10000 ms"),
    (["play", "{piece}", "--latency", "-5"], "is not between 1 and 10000 ms"),
    (["live", "{piece}", "--latency", "inf"], "inf is not between 1 and 10000 ms"),
    (["play", "{piece}", "--virtual", ""], "--virtual': needs a name, got an empty one"),
    (["play", "{piece}", "--port", " "], "--port': needs a name, got an empty one"),
    (["play", "{piece}", "--clock-in", ""], "--clock-in': needs a name"),
    (["perform", "--patch", "p.toml", "--latency", "nan"], "is not between 1 and 10000 ms"),
    (["perform", "--patch", "p.toml", "--virtual", ""], "needs a name"),
])
def test_live_options_are_checked_before_any_port_opens(tmp_path, capsys, args, message):
    piece = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n")
    code, _, err = run([a.format(piece=piece) for a in args], capsys)
    assert code == 2 and message in err


def test_a_piece_with_more_loops_than_tracks_fails_at_once(tmp_path, capsys):
    import time

    piece = write_piece(tmp_path, """
        for i in range(70_000):
            def body():
                play(60)
                sleep(1)
            live_loop(body, name=f"loop{i}")
        """)
    started = time.process_time()
    code, _, err = run(["render", str(piece), "-o", str(tmp_path / "x.mid"), "--beats", "1"], capsys)
    assert (code, err) == (1, "composer: 70,000 loops: a MIDI file holds at most 65,534 tracks besides the conductor\n")
    assert time.process_time() - started < 30  # adopting loops was quadratic: minutes of CPU
