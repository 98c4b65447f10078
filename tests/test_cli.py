"""The command line: help everywhere, version, one-line errors with meaningful exit codes."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from composer import __version__
from composer.cli import COMMANDS, cli, main
from pieces import write_piece

ROOT = Path(__file__).resolve().parents[1]


def run(args, capsys):
    """Run the CLI as the console script does; returns (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as done:
        main(args)
    captured = capsys.readouterr()
    return done.value.code, captured.out, captured.err


def test_version(capsys):
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and __version__ in out


def _command_paths(group, prefix=()):
    """Every command and subcommand, as the argument lists that reach it."""
    import click

    for name in group.list_commands(None):
        command = group.get_command(None, name)
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _command_paths(command, (*prefix, name))


def test_every_command_and_subcommand_has_help():
    paths = list(_command_paths(cli))
    assert {path[0] for path in paths} == set(COMMANDS)
    assert ("controller", "simulate") in paths
    for path in paths:
        result = CliRunner().invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        usage = result.output.splitlines()[0]
        assert usage.startswith("Usage: ") and f" {' '.join(path)} " in usage, usage


def test_render_writes_a_file_and_a_summary(tmp_path, capsys):
    out = tmp_path / "demo.mid"
    code, stdout, stderr = run(
        ["render", str(ROOT / "samples/pieces/tabla_pentatonic.py"), "-o", str(out), "--bars", "2"], capsys
    )
    assert code == 0, stderr
    assert stdout.startswith(f"wrote {out}:") and "notes on 6 tracks, 2 bars" in stdout
    assert out.read_bytes()[:4] == b"MThd"


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["render", "missing.py", "-o", "x.mid"], 1, "composer: missing.py: no such piece"),
        (["render", "{piece}", "-o", "{tmp}/x.mp3"], 1, "composer writes .mid, .midi, .musicxml"),
        (["render", "{piece}", "-o", "{tmp}/x.mid", "--bars", "1", "--beats", "2"], 1, "give --bars or --beats, not both"),
        (["render", "{piece}"], 2, "Missing option '-o'"),
        (["render", "{piece}", "-o", "{tmp}/x.mid", "--bars", "many"], 2, "'many' is not a valid float"),
        (["nonsense"], 2, "No such command 'nonsense'"),
        (["controller", "monitor", "--in", "V49", "--virtual", "Mine"], 1, "give --in or --virtual, not both"),
        (["play", "{piece}", "--port", "a", "--port", "b"], 2, "given twice"),
        (["perform", "{piece}", "--patch", "default", "--port", "=x"], 2, "NAME=PORT"),
        (["controller", "calibrate", "--pads", "--in", "V49", "--virtual", "Mine"], 1,
         "give --in or --virtual, not both"),
    ],
)
def test_bad_input_gives_one_line_and_exit_code(tmp_path, capsys, args, code, message):
    piece = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n")
    args = [a.format(piece=piece, tmp=tmp_path) for a in args]
    got, _, stderr = run(args, capsys)
    assert got == code
    assert message in stderr
    assert "Traceback" not in stderr


WRONG_KIND = [
    (["patch", "show", "{piece}"], "{piece}: not a patch (patches are .toml files)"),
    (["patch", "check", "{tmp}/notes.txt"], "notes.txt: not a patch (patches are .toml files)"),
    (["perform", "{piece}", "--patch", "{piece}"], "{piece}: not a patch (patches are .toml files)"),
    (["controller", "monitor", "--patch", "{piece}"], "{piece}: not a patch"),
    (["controller", "calibrate", "--pads", "--patch", "{tmp}/new.py"], "new.py: not a patch"),
    (["controller", "simulate", "--script", "{piece}"], "{piece}: not a gesture script (gesture scripts are .toml files)"),
    (["render", "{patch}", "-o", "{tmp}/x.mid"], "{patch}: not a piece (pieces are .py files, Sonic Pi buffers"),
    (["render", "{tmp}/take.mid", "-o", "{tmp}/x.mid"], "take.mid: not a piece"),
    (["show", "{patch}"], "{patch}: not a piece"),
    (["play", "{patch}", "--bars", "1"], "{patch}: not a piece"),
    (["patch", "check", "{patch}", "--piece", "{tmp}/take.mid"], "take.mid: not a piece"),
    (["accompany", "{piece}", "-o", "{tmp}/x.mid"], "{piece}: not a chart (charts are .txt, .cho"),
    (["render", "{piece}", "-o", "{tmp}/x.wav", "--soundfont", "{piece}"], "{piece}: not a SoundFont"),
]


@pytest.mark.parametrize("args, message", WRONG_KIND, ids=[" ".join(args[:2]) for args, _ in WRONG_KIND])
def test_a_file_of_the_wrong_kind_is_one_line_naming_what_it_should_be(tmp_path, capsys, args, message):
    piece = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n")
    patch = tmp_path / "keys.toml"
    patch.write_text('name = "keys"\n')
    (tmp_path / "take.mid").write_bytes(b"MThd\x00\x00\x00\x06\x00\x01\x00\x01\x01\xe0")
    (tmp_path / "notes.txt").write_text("| Em . . . |\n")
    fill = dict(piece=piece, patch=patch, tmp=tmp_path)
    code, _, stderr = run([a.format(**fill) for a in args], capsys)
    assert code == 1
    assert stderr.startswith("composer: ") and message.format(**fill) in stderr
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert not (tmp_path / "x.mid").exists() and not (tmp_path / "x.wav").exists() and not (tmp_path / "new.py").exists()


def test_a_piece_or_a_chart_may_have_a_name_no_other_kind_has(tmp_path, capsys):
    piece = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n", name="tune")
    code, out, err = run(["render", str(piece), "-o", str(tmp_path / "x.mid"), "--bars", "1"], capsys)
    assert code == 0 and "4 notes" in out, err
    chart = tmp_path / "song.chart"
    chart.write_text("| Em . . . | C . . . |\n")
    code, out, err = run(["accompany", str(chart), "-o", str(tmp_path / "y.mid")], capsys)
    assert code == 0 and "2 bars" in out, err


def test_piece_error_names_file_and_line(tmp_path, capsys):
    piece = write_piece(tmp_path, "@live_loop\ndef a():\n    play(chord('e3', 'minro'))\n    sleep(1)\n")
    code, _, stderr = run(["render", str(piece), "-o", str(tmp_path / "x.mid")], capsys)
    assert code == 1
    assert stderr.strip().startswith(f"composer: {piece}:3: unknown chord 'minro'; did you mean 'minor'")
    assert len(stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.mid").exists()


def test_debug_shows_the_traceback(tmp_path):
    piece = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n")
    result = subprocess.run(
        [sys.executable, "-m", "composer", "--debug", "render", str(piece), "-o", str(tmp_path / "x.mid")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_console_script_renders_in_a_real_process(tmp_path):
    script = shutil.which("composer", path=str(Path(sys.executable).parent)) or shutil.which("composer")
    assert script, "the composer console script is installed"
    out = tmp_path / "demo.mid"
    result = subprocess.run(
        [script, "render", "samples/pieces/euclid_drums.py", "-o", str(out), "--bars", "4", "--seed", "3"],
        capture_output=True, text=True, cwd=ROOT, env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote ") and out.exists()
    again = subprocess.run(
        [sys.executable, "-m", "composer", "render", "samples/pieces/euclid_drums.py", "-o", str(tmp_path / "b.mid"),
         "--bars", "4", "--seed", "3", "-q"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert again.returncode == 0 and again.stdout == ""
    assert out.read_bytes() == (tmp_path / "b.mid").read_bytes()


def test_help_does_not_import_heavy_libraries():
    code = "import sys; from composer.cli import main\ntry:\n main(['--help'])\nexcept SystemExit: pass\n" \
           "print(json.dumps(sorted(m for m in ('music21','pretty_midi','rtmidi','composer.runtime.engine') if m in sys.modules)))"
    result = subprocess.run([sys.executable, "-c", "import json\n" + code], capture_output=True, text=True, cwd=ROOT)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_long_render_shows_a_progress_bar_on_a_terminal_and_lines_elsewhere(tmp_path):
    import pty

    workload = ROOT / "benchmarks" / "render" / "workload.py"
    args = [sys.executable, "-m", "composer", "render", str(workload), "--bars", "3000"]
    leader, follower = pty.openpty()
    try:
        on_terminal = subprocess.run(args + ["-o", str(tmp_path / "a.mid")], stderr=follower,
                                     stdout=subprocess.PIPE, text=True, cwd=ROOT, timeout=60)
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert on_terminal.returncode == 0
    assert b"rendering" in shown and b"100%" in shown
    piped = subprocess.run(args + ["-o", str(tmp_path / "b.mid")], capture_output=True, text=True, cwd=ROOT)
    assert piped.returncode == 0 and "%|" not in piped.stderr  # no bar off a terminal: lines
    assert piped.stderr.splitlines()[0] == ("composer: rendering 12,000 beats; this may take a while "
                                            "(Ctrl-C stops it and leaves no file)")
    assert (tmp_path / "a.mid").read_bytes() == (tmp_path / "b.mid").read_bytes()


def test_every_error_is_printed_on_one_line(capsys):
    """Whatever a message holds (here an --expr exception's, over two lines), the CLI prints one."""
    code, _, err = run(["pattern", "--expr", "exec('raise ValueError(\"first\\\\n  second\")')"], capsys)
    assert code == 1 and err == "composer: --expr: ValueError: first; second\n", err
