"""Sonic Pi buffers through the runtime and the CLI: notes, samples, timing, errors, reload."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from fractions import Fraction
from pathlib import Path

import mido
import pytest

from composer.cli import main
from composer.runtime import sonic_pi_samples as samples
from composer.runtime import loading
from composer.library import SHIPPED
from pieces import notes, run_piece, write_piece
from sonic_pi_support import TOP_LEVEL, waits_for

ROOT = Path(__file__).resolve().parents[1]


def run(args, capsys):
    with pytest.raises(SystemExit) as done:
        main(args)
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


def test_live_loops_define_and_ticks_play_on_the_runtime(tmp_path):
    played = notes(run_piece(tmp_path, """
        use_bpm 120
        define :up do |n, by = 12|
          n + by
        end
        live_loop :melody do
          play up(scale(:c4, :major).tick, 0), velocity: 80, duration: 0.5
          sleep 0.5
        end
        live_loop :bass, delay: 1 do
          [36, 43].each { |n| play up(n), channel: 2; sleep 1 }
        end
        """, beats=3, name="piece.rb"))
    assert sorted((b, n, v, c, t) for b, n, v, _, c, t in played) == [
        (0, 60, 80, 1, "melody"), (Fraction(1, 2), 62, 80, 1, "melody"), (1, 48, 100, 2, "bass"),
        (1, 64, 80, 1, "melody"), (Fraction(3, 2), 65, 80, 1, "melody"), (2, 55, 100, 2, "bass"),
        (2, 67, 80, 1, "melody"), (Fraction(5, 2), 69, 80, 1, "melody")]


def test_sonic_pi_drum_samples_are_general_midi_drums(tmp_path):
    played = notes(run_piece(tmp_path, """
        live_loop :drums do
          sample :bd_haus
          sample :drum_cymbal_closed
          sample :sn_dub
          sample :elec_blip
          sample :perc_snap
          sample :tabla_ke1
          sleep 1
        end
        """, beats=1, name="piece.rb"))
    assert [(n, c) for _, n, _, _, c, _ in played] == [(36, 10), (42, 10), (40, 10), (76, 10), (39, 10), (62, 10)]


def test_tabla_samples_play_the_strokes_of_the_tabla_kit():
    sonic_pi = tomllib.loads((SHIPPED / "kits" / "sonic_pi.toml").read_text())["drums"]
    tabla = tomllib.loads((SHIPPED / "kits" / "tabla.toml").read_text())["drums"]
    strokes = {"tas": "ta", "dhec": "dha"}  # Sonic Pi's names for strokes tabla.toml spells otherwise
    checked = 0
    for name, note in sonic_pi.items():
        if name.startswith("tabla_"):
            stroke = name[len("tabla_"):].rstrip("0123456789").split("_")[0]
            assert note == tabla[strokes.get(stroke, stroke)], name
            checked += 1
    assert checked == sum(1 for name in samples.frames() if name.startswith("tabla_"))


def test_every_kit_name_is_a_sonic_pi_sample():
    sonic_pi = tomllib.loads((SHIPPED / "kits" / "sonic_pi.toml").read_text())["drums"]
    assert set(sonic_pi) <= set(samples.frames())


def test_samples_without_drum_meaning_are_skipped_with_one_warning_each(tmp_path, capsys):
    played = notes(run_piece(tmp_path, """
        live_loop :texture do
          sample :ambi_choir
          sample :loop_amen
          sample :guit_em9
          sample :bd_haus
          sleep 1
        end
        """, beats=4, name="piece.rb"))
    assert [n for _, n, *_ in played] == [36, 36, 36, 36]
    warnings = capsys.readouterr().err.splitlines()
    assert warnings == [f"{tmp_path / 'piece.rb'}:{line}: sample :{name} has no drum meaning over MIDI; skipped"
                        for line, name in ((3, "ambi_choir"), (4, "loop_amen"), (5, "guit_em9"))]


def test_a_misspelt_sample_is_an_error_naming_the_line(tmp_path):
    misspelt = r"piece.rb:3: unknown drum in kit 'sonic_pi' 'bd_hause'; did you mean 'bd_haus'"
    with pytest.raises(Exception, match=misspelt):
        run_piece(tmp_path, "live_loop :d do\n  sleep 1\n  sample :bd_hause\nend\n", beats=4, name="piece.rb")


def test_sleep_sample_duration_keeps_sonic_pi_s_time(tmp_path):
    played = notes(run_piece(tmp_path, """
        live_loop :amen do
          sample :loop_amen
          play 60
          sleep sample_duration(:loop_amen)
        end
        live_loop :half do
          play 72
          sleep sample_duration(:loop_amen, rate: 2)
        end
        """, beats=4, name="piece.rb"))
    amen = Fraction(77321, 44100)  # loop_amen: 77,321 frames at 44.1 kHz, as Sonic Pi reads it
    melody = [b for b, n, *_ in played if n == 60]
    assert [abs(float(b - i * amen)) < 1e-4 for i, b in enumerate(melody)] == [True, True, True]
    high = [b for b, n, *_ in played if n == 72]
    assert [abs(float(b - i * amen / 2)) < 1e-4 for i, b in enumerate(high)] == [True] * 5


def test_sample_duration_follows_sonic_pi_s_options():
    # Sonic Pi's test_sample_duration.rb, its 8-second mock sample replaced by loop_amen's length
    amen = float(samples.seconds("loop_amen"))
    beats = lambda **o: samples.duration_beats("loop_amen", 60, **o)  # noqa: E731
    assert beats() == pytest.approx(amen)
    assert beats(rate=0.5) == pytest.approx(2 * amen) and beats(rate=-2) == pytest.approx(amen / 2)
    assert beats(rate=1, sustain=0, release=1) == 1 and beats(rate=1, sustain=-1, release=12) == pytest.approx(amen)
    assert beats(rpitch=12) == pytest.approx(amen / 2) and beats(beat_stretch=3) == 3
    assert beats(start=0.5, finish=0.75) == pytest.approx(amen / 4)
    assert samples.duration_beats("loop_amen", 120) == pytest.approx(2 * amen)


def test_tabla_pentatonic_buffer_renders_the_same_file_as_its_python_twin(tmp_path, capsys):
    outputs = []
    for suffix in ("py", "rb"):
        out = tmp_path / f"tabla_{suffix}.mid"
        code, _, err = run(["render", str(ROOT / "samples" / "pieces" / f"tabla_pentatonic.{suffix}"),
                            "-o", str(out), "--bars", "16", "--seed", "3"], capsys)
        assert code == 0, err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert sum(1 for m in mido.MidiFile(tmp_path / "tabla_rb.mid") if m.type == "note_on" and m.velocity) > 600


def test_cli_renders_a_buffer_and_names_syntax_errors_by_line_and_column(tmp_path, capsys):
    good = write_piece(tmp_path, "live_loop :a do\n  play :e4\n  sleep 1\nend\n", "good.rb")
    code, _, err = run(["render", str(good), "-o", str(tmp_path / "good.mid"), "--beats", "4"], capsys)
    assert code == 0, err
    assert [m.note for m in mido.MidiFile(tmp_path / "good.mid") if m.type == "note_on"] == [64] * 4
    bad = write_piece(tmp_path, "live_loop :a do\n  play 60,\n  sleep 1 end end\n", "bad.rb")
    code, _, err = run(["render", str(bad), "-o", str(tmp_path / "bad.mid")], capsys)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and f"{bad}:3:" in err and "syntax error" in err
    assert "Traceback" not in err and not (tmp_path / "bad.mid").exists()


def test_runtime_error_inside_a_loop_names_the_buffer_line(tmp_path, capsys):
    piece = write_piece(tmp_path, "live_loop :a do\n  sleep 1\n  play [60, 64].fetch(0) + nil\nend\n", "err.rb")
    code, _, err = run(["render", str(piece), "-o", str(tmp_path / "e.mid")], capsys)
    assert code == 1 and err.strip().splitlines()[-1].startswith(f"composer: {piece}:3: TypeError")


def test_unsupported_ruby_is_refused_naming_the_construct_and_line(tmp_path, capsys):
    piece = write_piece(tmp_path, "live_loop :a do\n  sleep 1\nend\nbegin\n  x = 1\nrescue\nend\n", "rescue.rb")
    code, _, err = run(["render", str(piece), "-o", str(tmp_path / "r.mid")], capsys)
    assert code == 1 and f"{piece}:6: Ruby's rescue" in err and "not supported" in err


def test_hot_reload_runs_the_edited_buffer_from_the_next_iteration(tmp_path):
    path = write_piece(tmp_path, "live_loop :a do\n  play 60\n  sleep 1\nend\n", "live.rb")
    runtime = loading.load(path)
    first = [e.note for e in runtime.events(until=2) if hasattr(e, "note")]
    path.write_text("live_loop :a do\n  play 72\n  sleep 1\nend\n")
    loading.reload(runtime, path, now=2)
    later = [e.note for e in runtime.events(until=4) if hasattr(e, "note")]
    assert first == [60, 60] and later == [72, 72]
    path.write_text("live_loop :a do\n  play 72\n  sleep 1\n")  # a broken save changes nothing
    with pytest.raises(Exception, match="live.rb:"):
        loading.reload(runtime, path, now=4)
    assert [e.note for e in runtime.events(until=6) if hasattr(e, "note")] == [72, 72]


def test_python_module_entry_point_renders_a_buffer(tmp_path):
    piece = write_piece(tmp_path, "live_loop :a do\n  play 60\n  sleep 1\nend\n", "cli.rb")
    done = subprocess.run([sys.executable, "-m", "composer", "render", str(piece), "-o", str(tmp_path / "x.mid"),
                           "--beats", "2"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_sonic_pi_blocks_run_as_the_python_forms_of_the_namespace(tmp_path):
    played = notes(run_piece(tmp_path, """
        live_loop :a do
          with_transpose 12 do
            play 60
          end
          with_fx :echo, reps: 2 do
            play 50
            sleep 0.5
          end
          with_synth :piano do
            play_chord [60, 64], amp: 0.5
          end
          sleep 1
        end
        """, beats=2, name="piece.rb"))
    assert [(b, n) for b, n, *_ in played] == [(0, 72), (0, 50), (Fraction(1, 2), 50), (1, 60), (1, 64)]
    assert {v for b, n, v, *_ in played if n in (60, 64)} == {64}


def test_sample_groups_and_use_sample_bpm_follow_sonic_pi_s_samples(tmp_path):
    played = notes(run_piece(tmp_path, """
        use_sample_bpm :loop_amen, num_beats: 4
        live_loop :a do
          play sample_names(:bd).length
          play sample_groups.length
          play sample_names(:tabla).include?(:tabla_ke1) ? 1 : 0
          sleep 4
        end
        """, beats=4, name="piece.rb"))
    assert [n for _, n, *_ in played] == [15, 17, 1]
    runtime = loading.load(write_piece(tmp_path, "use_sample_bpm :loop_amen\nlive_loop :a do\n  sleep 1\nend\n", "b.rb"))
    assert abs(float(runtime.bpm) - 60 / (77321 / 44100)) < 1e-3  # one beat lasts the loop


def test_sonic_pi_sample_options_are_accepted_and_misspelt_ones_named(tmp_path, capsys):
    played = notes(run_piece(tmp_path, """
        live_loop :drums do
          sample :drum_heavy_kick, rate: 0.8, beat_stretch: 2, lpf: 100, pan: -0.5, attack: 0, release: 0.2
          sleep 1
        end
        """, beats=2, name="piece.rb"))
    assert [(b, n) for b, n, *_ in played] == [(0, 36), (1, 36)]
    capsys.readouterr()
    played = notes(run_piece(tmp_path, "live_loop :d do\n  sample :bd_haus, rat: 1\n  sleep 1\nend\n", beats=2,
                             name="piece.rb"))
    assert [(b, n) for b, n, *_ in played] == [(0, 36), (1, 36)]  # ignored, as Sonic Pi does; warned once
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'piece.rb'}:2: sample: unknown option 'rat' ignored, as Sonic Pi does; did you mean 'rate'?"]


@waits_for(TOP_LEVEL)
def test_a_buffer_that_only_prints_renders_an_empty_file(tmp_path, capsys):
    piece = write_piece(tmp_path, "puts 1 + 1\nputs :done, [1, 2]\n", "quiet.rb")
    code, _, err = run(["render", str(piece), "-o", str(tmp_path / "quiet.mid")], capsys)
    assert code == 0, err
    assert [line.split("} ", 1)[-1] for line in err.strip().splitlines()][:2] == ["2", ":done [1, 2]"]
    assert not [m for m in mido.MidiFile(tmp_path / "quiet.mid") if m.type == "note_on"]


def test_a_live_loop_block_gets_its_last_iteration_s_value_from_init(tmp_path):
    played = notes(run_piece(tmp_path, """
        live_loop :climb, init: 60 do |n|
          play n
          sleep 1
          n + 2
        end
        """, beats=3, name="piece.rb"))
    assert [(b, n) for b, n, *_ in played] == [(0, 60), (1, 62), (2, 64)]


def test_a_runaway_buffer_body_is_stopped_with_one_line_and_a_live_edit_rolled_back(tmp_path, monkeypatch):
    from composer.runtime import budget
    from composer.runtime.events import Note
    from composer.runtime.piece import PieceError

    monkeypatch.setattr(budget, "RENDER_SECONDS", 0.3)
    monkeypatch.setattr(budget, "LIVE_SECONDS", 0.3)
    path = write_piece(tmp_path, "live_loop :fine do\n  play 60\n  sleep 1\nend\n"
                                 "live_loop :a do\n  loop do\n    x = 1\n  end\nend\n", "away.rb")
    with pytest.raises(PieceError) as caught:
        list(loading.load(path, until=8).events())
    message = str(caught.value)
    assert message.startswith(f"{path}:5: live_loop 'a' computed for more than") and "\n" not in message

    good = "live_loop :a do\n  play 60 + tick % 3\n  sleep 1\nend\n"
    path.write_text(good)
    runtime = loading.load(path)
    reports = []
    runtime.budget.live(reports.append)
    first = [e.note for e in runtime.events(until=2) if type(e) is Note]
    path.write_text("live_loop :a do\n  play 40\n  while true\n  end\nend\n")
    loading.reload(runtime, path, now=2)
    rest = [e.note for e in runtime.events(until=4) if type(e) is Note]
    assert first + rest == [60, 61, 62, 60] and len(reports) == 1 and "playing its previous version" in reports[0]


def test_an_option_a_function_does_not_take_is_ignored_as_sonic_pi_does(tmp_path, capsys):
    """Sonic Pi's rrand reads step: and ignores the rest (blimp_zones passes res:), so does a buffer."""
    played = notes(run_piece(tmp_path, "play rrand(60, 60, res: 0.9)\nplay rrand(62, 62, res: 0.9)\n",
                             beats=1, name="piece.rb"))
    assert [n for _, n, *_ in played] == [60, 62]
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'piece.rb'}:1: rrand has no option res:, ignored as Sonic Pi does"]
    with pytest.raises(Exception, match=r"piece.rb:1: TypeError: rrand\(\) missing"):  # a missing argument is still an error
        run_piece(tmp_path, "play rrand(60, res: 0.9)\n", beats=1, name="piece.rb")


def test_play_with_only_options_plays_sonic_pi_s_default_note_and_rand_takes_a_range(tmp_path):
    """`play release: 0.01` is play({release: 0.01}): Sonic Pi's synth plays note 52 (cloud_beat's
    hihat); `rand(6..8)` is rrand(6, 8) and `6.to_int` is 6 (orchard_improv)."""
    played = notes(run_piece(tmp_path, """
        play release: 0.5, amp: 0.5
        use_random_seed 0
        a = rand(60..62)
        use_random_seed 0
        b = rrand(60, 62)
        play a, release: 0.25 if a == b && a.between?(60, 62)
        play 6.to_int + 60
        """, beats=1, name="piece.rb"))
    assert [(note, velocity, duration) for _, note, velocity, duration, *_ in played] == [
        (52, 64, Fraction(1, 2)), (round(60 + 2 * 0.75006103515625), 100, Fraction(1, 4)), (66, 100, 1)]
