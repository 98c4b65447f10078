"""The shipped guitar patch and the sample chart fit each other: loops, sections, channels, params."""

import subprocess
import sys
from pathlib import Path

from composer.accompany.feel import PARAMS
from composer.accompany.instruments import INSTRUMENTS
from composer.patch.loader import load_patch
from composer.patch.schema import LOOP_ACTIONS
from composer.runtime import loading
from composer.runtime.events import Note

ROOT = Path(__file__).resolve().parents[1]
PATCH = ROOT / "patches" / "guitar-accompaniment.toml"
CHART = ROOT / "samples" / "charts" / "night_drive.cho"
PIECE = ROOT / "samples" / "pieces" / "guitar_accompaniment.py"


def test_the_patch_names_the_chart_and_its_pads_fit_it():
    patch = load_patch(str(PATCH))
    assert patch.piece == "samples/charts/night_drive.cho"
    runtime = loading.load(CHART)
    named = {pad.loop for pad in patch.pads if pad.action in LOOP_ACTIONS}
    assert named == {"bass", "drums"} and named <= set(runtime.piece.loops)
    sections = [pad.section for pad in patch.pads if pad.action == "section"]
    assert sections == ["next", "verse", "chorus", "bridge"]
    for section in sections:
        runtime.piece.band.section_named(section)  # raises for a section the chart lacks
    assert patch.keys.zone_for(48).role == "chords" and patch.band.latch


def test_the_band_leaves_the_players_channel_free():
    patch = load_patch(str(PATCH))
    player = patch.keys.zone_for(60).channel
    notes = [e for e in loading.load(CHART).events(until=32) if isinstance(e, Note)]
    band = {e.channel + 1 for e in notes}
    assert band == {i.channel + 1 for i in INSTRUMENTS.values()} and player not in band


def test_knob_params_are_the_bands_feel():
    patch = load_patch(str(PATCH))
    params = {knob.name for knob in patch.knobs.values() if knob.target == "param"}
    assert params == set(PARAMS)
    assert patch.knobs[1].target == "bpm"


def test_patch_check_passes_the_chart_and_names_what_a_plain_piece_lacks():
    check = [sys.executable, "-m", "composer", "patch", "check", str(PATCH)]
    ok = subprocess.run(check, capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0 and "night_drive.cho" in ok.stdout, ok.stderr
    wrong = subprocess.run(check + ["--piece", str(PIECE)], capture_output=True, text=True, cwd=ROOT)
    assert wrong.returncode == 1
    line = PATCH.read_text().splitlines().index('action = "section"     # the next section of the chart, from the next bar') + 1
    assert wrong.stderr.strip().endswith(f"guitar-accompaniment.toml:{line}: pads[1].action: a section pad steers "
                                         f"a chart's band, and {PIECE} is no chart")

