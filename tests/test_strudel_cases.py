"""composer's patterns against Strudel's own code: each case's events, as Strudel 447afbfa
computed them (tests/data/strudel_cases.json and strudel_suite_cases.json, made by
tests/data/make_strudel_cases.py)."""

import json
import math
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from composer.pattern.strudel import evaluate

DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(DATA))
import strudel_cases  # noqa: E402
import strudel_suite_cases  # noqa: E402

CASES = strudel_cases.CASES + strudel_suite_cases.CASES
RECORDED = {**json.loads((DATA / "strudel_cases.json").read_text()),
            **json.loads((DATA / "strudel_suite_cases.json").read_text())}


def normal(value):
    """Numbers as floats (Strudel's are JavaScript's), dicts and lists item by item."""
    if isinstance(value, dict):
        return {key: normal(item) for key, item in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [normal(item) for item in value]
    if isinstance(value, (bool, str)) or value is None:
        return value
    return float(value)


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


@pytest.mark.parametrize("name, python, cycles", [(n, py, c) for n, _, py, c in CASES], ids=[c[0] for c in CASES])
def test_events_are_strudels(name, python, cycles):
    ours = [{"begin": str(h.whole.begin), "end": str(h.whole.end), "value": h.value}
            for h in evaluate(python).onsets_in(0, cycles)]
    theirs = RECORDED[name]
    ours.sort(key=key)
    theirs = sorted(theirs, key=key)
    assert [(Fraction(e["begin"]), Fraction(e["end"])) for e in ours] == \
           [(Fraction(e["begin"]), Fraction(e["end"])) for e in theirs]
    for mine, strudel in zip(ours, theirs):
        assert same(normal(mine["value"]), normal(strudel["value"])), (mine, strudel)


def test_case_names_are_unique():
    """Recorded answers are keyed by name: a name used twice would check one case against another's."""
    names = [name for name, *_ in CASES]
    assert len(names) == len(set(names))
