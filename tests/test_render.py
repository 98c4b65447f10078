"""Rendering pieces to files: determinism, structure, golden output, and the sample pieces."""

import hashlib
from fractions import Fraction as F
from pathlib import Path

import mido
import pytest

from composer.errors import ComposerError
from composer.render import render_file
from composer.runtime import loading
from pieces import write_piece

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples" / "pieces").glob("*.py"))
GOLDEN = ROOT / "tests" / "golden" / "samples.sha256"


def note_list(path):
    """(absolute tick, track, note, velocity, channel, length in ticks) for every note."""
    midi = mido.MidiFile(path)
    found = []
    for track in midi.tracks:
        tick, open_notes = 0, {}
        for message in track:
            tick += message.time
            if message.type == "note_on" and message.velocity:
                open_notes[(message.channel, message.note)] = (tick, message.velocity)
            elif message.type in ("note_off", "note_on"):
                start, velocity = open_notes.pop((message.channel, message.note))
                found.append((start, track.name, message.note, velocity, message.channel + 1, tick - start))
    return sorted(found)


def test_small_piece_renders_exactly_these_notes(tmp_path):
    piece = write_piece(tmp_path, """
        use_bpm(120)

        @live_loop
        def bass():
            play("e2", velocity=100, duration=1.5, channel=2)
            sleep(2)

        @live_loop
        def hats():
            sample("hh", velocity=70)
            sleep(0.5)
    """)
    out = tmp_path / "out.mid"
    summary = render_file(piece, out, beats=4)
    assert summary.notes == 10 and summary.bpm == 120 and summary.seconds == 2.0
    assert note_list(out) == [
        (0, "bass", 40, 100, 2, 720),
        (0, "hats", 42, 70, 10, 120),
        (240, "hats", 42, 70, 10, 120),
        (480, "hats", 42, 70, 10, 120),
        (720, "hats", 42, 70, 10, 120),
        (960, "bass", 40, 100, 2, 720),
        (960, "hats", 42, 70, 10, 120),
        (1200, "hats", 42, 70, 10, 120),
        (1440, "hats", 42, 70, 10, 120),
        (1680, "hats", 42, 70, 10, 120),
    ]
    midi = mido.MidiFile(out)
    assert [t.name for t in midi.tracks] == ["piece", "bass", "hats"]
    tempo = [m.tempo for m in midi.tracks[0] if m.type == "set_tempo"]
    assert tempo == [500000]


def test_bars_follow_the_time_signature_and_bpm_overrides(tmp_path):
    piece = write_piece(tmp_path, """
        use_time_signature(7, 8)
        use_bpm(100)

        @live_loop
        def a():
            play(60)
            sleep(0.5)
    """)
    summary = render_file(piece, tmp_path / "o.mid", bars=2, bpm=140)
    assert summary.beats == 7 and summary.notes == 14 and summary.bpm == 140


def test_failed_render_leaves_no_file(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def a():
            play(60)
            sleep(1)
            if beat() > 3:
                raise ValueError("broken at bar 2")
    """)
    out = tmp_path / "out.mid"
    with pytest.raises(ComposerError, match=r"piece.py:7: ValueError: broken at bar 2"):
        render_file(piece, out, bars=4)
    assert not out.exists()


def test_an_existing_file_survives_a_failed_render(tmp_path):
    piece = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n")
    out = tmp_path / "out.mid"
    out.write_bytes(b"precious")
    with pytest.raises(ComposerError):
        render_file(piece, out, bars=1)
    assert out.read_bytes() == b"precious"


@pytest.mark.parametrize("piece", SAMPLES, ids=lambda p: p.stem)
def test_sample_piece_renders_deterministically(tmp_path, piece):
    first, second = tmp_path / "1.mid", tmp_path / "2.mid"
    summary = render_file(piece, first, bars=8)
    render_file(piece, second, bars=8)
    assert first.read_bytes() == second.read_bytes()
    assert summary.notes > 50
    midi = mido.MidiFile(first)
    playing = {t.name for t in midi.tracks[1:] if any(m.type == "note_on" for m in t)}
    unpaused = {name for name, loop in loading.load(piece).piece.loops.items() if not loop.paused}
    assert playing - {"main"} == unpaused, "every loop that is not paused plays"  # main: the top level's score


@pytest.mark.parametrize("piece", SAMPLES, ids=lambda p: p.stem)
def test_sample_piece_matches_its_golden_render(tmp_path, piece):
    """Guards against unintended changes; after an intended one, run tests/golden/update.py."""
    golden = dict(line.split()[::-1] for line in GOLDEN.read_text().splitlines() if line.strip())
    out = tmp_path / "out.mid"
    render_file(piece, out, bars=8, seed=0)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == golden[piece.name]


def test_seed_changes_a_random_piece(tmp_path):
    piece = ROOT / "samples" / "pieces" / "tabla_pentatonic.py"
    render_file(piece, tmp_path / "a.mid", bars=4, seed=1)
    render_file(piece, tmp_path / "b.mid", bars=4, seed=2)
    assert note_list(tmp_path / "a.mid") != note_list(tmp_path / "b.mid")


def test_musicxml_export_has_a_part_per_loop(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def melody():
            play(scale("c4", "major").tick(), duration=0.5)
            sleep(0.5)

        @live_loop
        def bass():
            play("c2", duration=2)
            sleep(2)
    """)
    out = tmp_path / "score.musicxml"
    summary = render_file(piece, out, bars=1)
    assert summary.notes == 10
    text = out.read_text()
    assert text.count("<score-part ") == 2 and "<part-name>melody</part-name>" in text
    assert F(summary.beats) == 4


def test_a_render_loads_only_what_it_uses(tmp_path):
    """A render is mostly start-up for short pieces: the layers a piece does not use (harmony,
    accompaniment, Strudel, Ruby, pictures, scores) and modules only failures need stay unloaded."""
    import json
    import subprocess
    import sys

    heavy = ["composer.harmony", "composer.accompany", "composer.pattern.strudel", "composer.ruby", "matplotlib",
             "music21", "pretty_midi", "ctypes", "tempfile", "importlib.resources"]
    code = ("import json, sys\nfrom composer.cli import main\ntry:\n main(sys.argv[1:])\nexcept SystemExit: pass\n"
            f"print(json.dumps([m for m in {heavy!r} if m in sys.modules]))")
    workload = ROOT / "benchmarks" / "render" / "workload.py"
    result = subprocess.run([sys.executable, "-c", code, "render", str(workload), "-o", str(tmp_path / "a.mid"),
                             "--bars", "2", "-q"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
    assert mido.MidiFile(tmp_path / "a.mid").tracks[1].name == "arp"
