"""Sonic Pi's own language tests, written as buffers that `puts` values (tests/data/sonic_pi_lang).

Each `puts` line of a buffer carries, in a `#=>` comment, the value as Sonic Pi's log shows it
(from Sonic Pi's app/server/ruby/test: test_random, test_chance, test_tick, test_ring,
test_quantise, both test_note, test_note_info, test_note_range, test_invert_chord, test_chord).
The buffer is rendered by the CLI; every line it prints must end with that value, in order. A
buffer whose names the piece namespace has not got yet (issue 8) is an expected failure that
turns itself on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from composer.cli import main
from sonic_pi_support import lacks, waits_for

BUFFERS = Path(__file__).parent / "data" / "sonic_pi_lang"

NEEDS = {
    "random": ("puts", "rand_reset", "rand_skip", "rand_back", "rand_look", "rand_i_look", "use_random_source",
               "with_random_source", "current_random_source"),
    "chance": ("puts", "rand_reset", "pick"),
    "tick": ("puts", "tick_set", "tick_reset", "tick_reset_all"),
    "ring": ("puts", "stretch", "bools", "ramp", "tick_reset_all"),
    "quantise": ("puts", "quantise"),
    "note": ("puts", "note_info", "note_range"),
    "chord_invert": ("puts",),
    "chord_invert_order": ("puts",),
}


def _inverts_in_sonic_pi_order() -> bool:
    from composer.theory import chord_degree, chord_invert

    return list(chord_invert(chord_degree("i", "C3", "major", 5), 1)) == [52, 55, 59, 60, 62]


#: Known differences from Sonic Pi, each with the check that shows it is still there.
KNOWN = {
    "chord_invert_order": (not _inverts_in_sonic_pi_order(),
                           "composer's chord_invert sorts after inverting; Sonic Pi keeps the order (its issue 2779)"),
}


def expected_values(path: Path) -> list[str]:
    """The `#=> value` comments of the buffer, in order."""
    return [line.split("#=>", 1)[1].strip() for line in path.read_text().splitlines() if "#=>" in line]


def cases():
    for name, needs in NEEDS.items():
        known, why = KNOWN.get(name, (False, ""))
        yield pytest.param(name, marks=waits_for(lacks(*needs), why if known else ""), id=name)


def test_every_buffer_has_its_needs_listed():
    assert sorted(p.stem for p in BUFFERS.glob("*.rb")) == sorted(NEEDS)


@pytest.mark.parametrize("name", list(cases()))
def test_buffer_prints_what_sonic_pi_prints(name, tmp_path, capsys):
    path = BUFFERS / f"{name}.rb"
    with pytest.raises(SystemExit) as done:
        main(["render", str(path), "-o", str(tmp_path / "out.mid"), "--beats", "1"])
    printed = capsys.readouterr().err.strip().splitlines()
    assert done.value.code == 0, printed[-1:]
    expected = expected_values(path)
    assert len(printed) == len(expected), printed
    for line, value in zip(printed, expected):
        assert line.endswith(" " + value) or line == value, (line, value)
