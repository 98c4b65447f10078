"""composer's patterns against Strudel's own code: each case's events, as Strudel 447afbfa
computed them (tests/data/strudel_cases.json and strudel_suite_cases.json, made by
tests/data/make_strudel_cases.py, and tests/data/strudel_voicing_cases.json, made by
tests/data/make_strudel_voicing_cases.py), once through `evaluate` and once through the command
line, `composer pattern --expr ... --json`."""

import json
import math
import re
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from composer.cli import cli
from composer.pattern.strudel import evaluate
from composer.pattern.voicing_tables import DICTIONARIES

DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(DATA))
import strudel_cases  # noqa: E402
import strudel_suite_cases  # noqa: E402
from strudel_voicing_cases import CASES as VOICING_CASES  # noqa: E402

CASES = strudel_cases.CASES + strudel_suite_cases.CASES
RECORDED = {**json.loads((DATA / "strudel_cases.json").read_text()),
            **json.loads((DATA / "strudel_suite_cases.json").read_text())}
VOICING_RECORDED = json.loads((DATA / "strudel_voicing_cases.json").read_text())
_NOTE_NAME = re.compile(r"([a-gA-G])([#bsf]*)([0-9]*)")


def normal(value):
    """Numbers as floats (Strudel's are JavaScript's), dicts and lists item by item."""
    if isinstance(value, dict):
        return {key: normal(item) for key, item in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [normal(item) for item in value]
    if isinstance(value, (bool, str)) or value is None:
        return value
    return float(value)


def note_number(value):
    """A note name as Strudel's noteToMidi reads it (octave 3 when none), else the value."""
    match = _NOTE_NAME.fullmatch(value) if isinstance(value, str) else None
    if not match:
        return value
    letter, accidentals, octave = match.groups()
    natural = "c d ef g a b".index(letter.lower())  # c 0, d 2, e 4, f 5, ... b 11
    semitone = natural + sum(1 if sign in "#s" else -1 for sign in accidentals)
    return (int(octave or 3) + 1) * 12 + semitone


def numbered_notes(value):
    """Strudel's voicings name their notes ("Eb4"), composer's number them (63): compare numbers."""
    if isinstance(value, dict) and "note" in value:
        return {**value, "note": note_number(value["note"])}
    return note_number(value)


def key(event):
    return (Fraction(event["begin"]), Fraction(event["end"]), json.dumps(normal(event["value"]), sort_keys=True))


def same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def assert_same_events(ours, theirs):
    ours, theirs = sorted(ours, key=key), sorted(theirs, key=key)
    assert [(Fraction(e["begin"]), Fraction(e["end"])) for e in ours] == \
           [(Fraction(e["begin"]), Fraction(e["end"])) for e in theirs]
    for mine, strudel in zip(ours, theirs):
        assert same(normal(mine["value"]), normal(strudel["value"])), (mine, strudel)


def numbered(events):
    return [{**event, "value": numbered_notes(event["value"])} for event in events]


def _identity(events):
    return events


# (name, Python, cycles, Strudel's events, how both sides' events are read before comparing)
ALL_CASES = [(name, python, cycles, RECORDED[name], _identity) for name, _, python, cycles in CASES] + [
    (name, python, cycles, VOICING_RECORDED["cases"][name], numbered) for name, _, python, cycles in VOICING_CASES]
IDS = [case[0] for case in ALL_CASES]


@pytest.mark.parametrize("name, python, cycles, theirs, read", ALL_CASES, ids=IDS)
def test_events_are_strudels(name, python, cycles, theirs, read):
    ours = [{"begin": str(h.whole.begin), "end": str(h.whole.end), "value": h.value}
            for h in evaluate(python).onsets_in(0, cycles)]
    assert_same_events(read(ours), read(theirs))


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.mark.parametrize("name, python, cycles, theirs, read", ALL_CASES, ids=IDS)
def test_command_line_answers_as_strudel(runner, name, python, cycles, theirs, read):
    """`composer pattern --expr` parses, queries and prints each case as Strudel's events."""
    result = runner.invoke(cli, ["pattern", "--expr", python, "--cycles", str(cycles), "--json"])
    assert result.exit_code == 0, result.output
    ours = json.loads(result.stdout)
    assert all(event.keys() == {"begin", "end", "value"} for event in ours)
    assert_same_events(read(ours), read(theirs))


def test_every_case_is_recorded_and_every_recording_is_a_case():
    assert len(set(IDS)) == len(IDS), "two cases of one name: one of them is never checked"
    assert sorted(RECORDED) == sorted(name for name, *_ in CASES)
    assert sorted(VOICING_RECORDED["cases"]) == sorted(name for name, *_ in VOICING_CASES)
    assert all(VOICING_RECORDED["cases"].values()), "a case without events checks nothing"


@pytest.mark.parametrize("name", sorted(DICTIONARIES))
def test_voicing_dictionaries_are_strudels(name):
    """Every symbol and voicing of each dictionary, Strudel's aliases included."""
    theirs = VOICING_RECORDED["dictionaries"][name]
    assert {symbol: list(voicings) for symbol, voicings in DICTIONARIES[name].items()} == theirs
    assert sorted(DICTIONARIES) == sorted(VOICING_RECORDED["dictionaries"])
