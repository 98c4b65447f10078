"""`composer pattern`: tables, JSON and one-line errors."""

import json

from click.testing import CliRunner

from composer.cli import cli


def run(*args):
    return CliRunner().invoke(cli, ["pattern", *args])


def test_human_table():
    result = run("bd*2 [~ sn]")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["0      1/4    bd", "1/4    1/2    bd", "3/4    1      sn"]


def test_json_lists_whole_events_with_typed_values():
    result = run("a <b c>", "--cycles", "2", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {"begin": "0", "end": "1/2", "value": "a"},
        {"begin": "1/2", "end": "1", "value": "b"},
        {"begin": "1", "end": "3/2", "value": "a"},
        {"begin": "3/2", "end": "2", "value": "c"},
    ]


def test_json_numbers_and_lists():
    events = json.loads(run("bd:3 1.5 -2", "--json").stdout)
    assert [e["value"] for e in events] == [["bd", 3], 1.5, -2]
    assert events[0] == {"begin": "0", "end": "1/3", "value": ["bd", 3]}


def test_json_reports_whole_events_that_outlast_the_window():
    assert json.loads(run("a/2", "--json").stdout) == [{"begin": "0", "end": "2", "value": "a"}]
    assert json.loads(run("[a b]/2", "--cycles", "2", "--json").stdout) == [
        {"begin": "0", "end": "1", "value": "a"},
        {"begin": "1", "end": "2", "value": "b"},
    ]


def test_default_is_cycle_zero_only():
    assert len(json.loads(run("<a b>", "--json").stdout)) == 1
    assert len(json.loads(run("<a b>", "--cycles", "3", "--json").stdout)) == 3


def test_seed_option_is_deterministic_and_matters():
    outputs = {seed: run("x*16?", "--seed", str(seed), "--json").stdout for seed in range(3)}
    assert outputs[2] == run("x*16?", "--seed", "2", "--json").stdout
    assert len(set(outputs.values())) == 3


def test_empty_result():
    result = run("~", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    human = run("~")
    assert human.exit_code == 0 and human.stdout == ""


def test_parse_error_is_one_line_composer_error():
    result = run("bd [sn hh")
    assert result.exit_code == 1
    assert "column 4" in str(result.exception) and "unclosed '['" in str(result.exception)


def test_parse_error_through_the_real_entry_point(capsys):
    from composer.cli.errors import run_cli

    code = run_cli(cli, ["pattern", "bd [sn hh"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err == "composer: mini-notation: column 4: unclosed '[' in \"bd [sn hh\"\n"
    assert "Traceback" not in captured.err


def test_help_has_examples():
    result = run("--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output and "--json" in result.output and "--seed" in result.output


def test_negative_cycles_is_a_usage_error():
    assert run("a", "--cycles", "-1").exit_code == 2


def test_cycles_beyond_the_limit_are_a_usage_error_naming_it():
    """`--cycles 1e30` took about 0.9 GB before: a bounded option, refused before any query."""
    for value in ("1e30", "1000001", "100000000"):
        result = run("bd", "--cycles", value)
        assert result.exit_code == 2 and "--cycles" in result.output, result.output
        assert "Traceback" not in result.output
    assert "0<=x<=1000000" in run("bd", "--cycles", "1000001").output
