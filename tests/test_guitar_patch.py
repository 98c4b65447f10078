"""The shipped guitar patch and guitar piece fit each other: loops, channels and params."""

import re
from fractions import Fraction
from pathlib import Path

from composer.patch.loader import load_patch
from composer.patch.schema import LOOP_ACTIONS
from composer.runtime import dsl
from composer.runtime.events import Note

ROOT = Path(__file__).resolve().parents[1]
PATCH = ROOT / "patches" / "guitar-accompaniment.toml"
PIECE = ROOT / "samples" / "pieces" / "guitar_accompaniment.py"


def test_pads_launch_loops_the_piece_has():
    patch = load_patch(str(PATCH))
    runtime = dsl.load(PIECE)
    named = {pad.loop for pad in patch.pads if pad.action in LOOP_ACTIONS}
    assert named == {"fill", "perc"} and named <= set(runtime.piece.loops)
    for name in named:  # each waits for its pad, and plays drums when launched
        assert runtime.piece.loops[name].paused
        runtime = dsl.load(PIECE)
        runtime.start_loop(name, at=Fraction(0))
        hits = [e for e in runtime.events(until=4) if isinstance(e, Note) and e.track == name]
        assert hits and {e.channel for e in hits} == {9}


def test_the_band_leaves_the_players_channels_free():
    patch = load_patch(str(PATCH))
    players = {patch.keys.zone_for(59).channel, patch.keys.zone_for(60).channel}
    assert players == {1, 2}  # the left hand's arpeggiator and the right hand
    notes = [e for e in dsl.load(PIECE).events(until=32) if isinstance(e, Note)]
    assert notes and not {e.channel + 1 for e in notes} & players


def test_knob_params_are_read_by_the_piece():
    patch = load_patch(str(PATCH))
    params = {knob.name for knob in patch.knobs.values() if knob.target == "param"}
    read = set(re.findall(r"param\(\"(\w+)\"", PIECE.read_text()))
    assert params and params <= read
