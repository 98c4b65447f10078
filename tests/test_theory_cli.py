"""`composer scale`, `composer chord` and `composer arp` from the command line."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from composer.cli import cli
from composer.cli.errors import run_cli
from composer.errors import ComposerError, UnknownNameError
from composer.theory import CHORDS, SCALES


@pytest.fixture
def invoke():
    runner = CliRunner()

    def run(*args):
        return runner.invoke(cli, list(args))

    return run


def run_and_capture(capsys, *args):
    """Run as the installed `composer` does, returning (exit code, stdout, stderr)."""
    code = run_cli(cli, list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- output -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, notes",
    [
        (["scale", "e3", "minor_pentatonic"], [52, 55, 57, 59, 62, 64]),
        (["scale", "e3", ":minor_pentatonic", "--octaves", "2"], [52, 55, 57, 59, 62, 64, 67, 69, 71, 74, 76]),
        (["scale", "60", "major"], [60, 62, 64, 65, 67, 69, 71, 72]),
        (["scale", "C", "MAJOR", "-o", "2"], [60, 62, 64, 65, 67, 69, 71, 72, 74, 76, 77, 79, 81, 83, 84]),
        (["chord", "e3", "minor"], [52, 55, 59]),
        (["chord", "c4", "major", "--invert", "1"], [64, 67, 72]),
        (["chord", "c4", "major", "--invert", "-1"], [55, 60, 64]),
        (["chord", "e", "minor", "--octaves", "2"], [64, 67, 71, 76, 79, 83]),
        (["chord", "c4", "M7"], [60, 64, 67, 71]),
        (["chord", "c4", "m7"], [60, 63, 67, 70]),
        (["chord", "c4", "7-9"], [60, 64, 67, 70, 73]),
        (["arp", "c4", "M7", "--mode", "converge"], [60, 71, 64, 67]),
        (["arp", "c4", "M7"], [60, 64, 67, 71]),
        (["arp", "c4", "M7", "-m", "up&down"], [60, 64, 67, 71, 71, 67, 64, 60]),
        (["arp", "e3", "minor", "--mode", "updown", "--octaves", "2"], [52, 55, 59, 64, 67, 71, 67, 64, 59, 55]),
        (["arp", "c4", "major", "--mode", "thumbup"], [60, 64, 60, 67]),
    ],
)
def test_json_output(invoke, args, notes):
    result = invoke(*args, "--json")
    assert result.exit_code == 0, result.output
    assert result.output == json.dumps(notes) + "\n"
    assert json.loads(result.output) == notes


def test_human_output_is_names_over_numbers(invoke):
    result = invoke("scale", "e3", "minor_pentatonic")
    assert result.exit_code == 0
    assert result.output.splitlines() == ["E3 G3 A3 B3 D4 E4", "52 55 57 59 62 64"]


def test_human_output_aligns_columns(invoke):
    result = invoke("chord", "fs3", "major")
    assert result.output.splitlines() == ["F#3 A#3 C#4", "54  58  61"]


def test_microtonal_tonic(invoke):
    result = invoke("scale", "60.5", "major", "--json")
    assert json.loads(result.output)[:2] == [60.5, 62.5]


def test_empty_arpeggio_says_so(invoke):
    result = invoke("arp", "c4", "1", "--mode", "updown")
    assert result.exit_code == 0
    assert result.output == "(no notes)\n"
    assert invoke("arp", "c4", "1", "--mode", "updown", "--json").output == "[]\n"


# --- lists ------------------------------------------------------------------------------


def test_scale_list(invoke):
    result = invoke("scale", "--list")
    assert result.exit_code == 0
    assert result.output.splitlines() == sorted(SCALES)


def test_chord_list_json(invoke):
    result = invoke("chord", "--list", "--json")
    assert json.loads(result.output) == sorted(CHORDS)


def test_arp_list(invoke):
    result = invoke("arp", "--list")
    assert "converge" in result.output.splitlines()
    assert "thumbupdown" in result.output.splitlines()


# --- help -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["scale", "chord", "arp"])
def test_help_has_an_example(invoke, command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"$ composer {command} " in result.output
    assert "--json" in result.output


def test_group_help_lists_the_commands(invoke):
    result = invoke("--help")
    for command in ("scale", "chord", "arp"):
        assert command in result.output


# --- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (["scale", "e3", "minr"], "composer: unknown scale 'minr'; did you mean 'minor'?"),
        (["chord", "c4", "mnor"], "composer: unknown chord 'mnor'; did you mean 'minor'"),
        (["arp", "c4", "major", "--mode", "upp"], "composer: unknown arp mode 'upp'; did you mean 'up'?"),
        (["scale", "h4", "major"], "composer: not a note: 'h4' (use c, d, e, f, g, a, b"),
        (["chord", "r", "major"], "composer: the tonic must be a note, not a rest: 'r'"),
        (["scale", "c4", "rast"], "composer: scale 'rast' is a Sonic Pi makam with microtonal steps"),
        (["arp", "zz", "major"], "composer: not a note: 'zz'"),
        (["arp", "c4", "nope"], "composer: unknown chord 'nope'"),
    ],
)
def test_user_errors_are_one_line(capsys, args, message):
    code, out, err = run_and_capture(capsys, *args)
    assert code == 1
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith(message)
    assert "Traceback" not in err


def test_errors_reach_the_runner_as_composer_errors(invoke):
    result = invoke("scale", "e3", "minr")
    assert result.exit_code == 1
    assert isinstance(result.exception, UnknownNameError)
    result = invoke("scale", "q9", "major")
    assert isinstance(result.exception, ComposerError)


@pytest.mark.parametrize(
    "args",
    [["scale"], ["scale", "e3"], ["chord", "c4"], ["arp"], ["scale", "c4", "major", "--octaves", "0"]],
)
def test_usage_errors_exit_2(capsys, args):
    code, out, err = run_and_capture(capsys, *args)
    assert code == 2
    assert "Usage:" in err


def test_command_module_loads_theory_lazily():
    code = (
        "import sys, composer.cli.theory_cmd; "
        "print(any(name.startswith('composer.theory') for name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
