"""Shipped patches load; every kind of mistake gives one line naming file:line and field."""

import os
import stat

import pytest

from composer.controller.curves import parse_curve
from composer.patch.loader import PatchError, list_patches, load_patch, parse_patch, write_calibration
from composer.library import SHIPPED as SHIPPED_DIR
from composer.patch.model import ThruSettings

PATCH_DIR = str(SHIPPED_DIR / "patches")
SHIPPED = ["default.toml", "guitar-accompaniment.toml", "live-set.toml"]


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_patches_load(name):
    patch = load_patch(os.path.join(PATCH_DIR, name))
    assert len(patch.pads) == 8 and patch.controller.port == "V49"


def test_thru_is_off_unless_the_patch_turns_it_on():
    assert load_patch(os.path.join(PATCH_DIR, "default.toml")).thru == ThruSettings(False, False, False)
    assert parse_patch("[thru]\nsysex = true\n").thru == ThruSettings(unmapped=False, sysex=True, clock=False)


def test_default_is_straight_through():
    patch = load_patch(os.path.join(PATCH_DIR, "default.toml"))
    assert patch.keys.curve == parse_curve("linear") and patch.keys.split is None
    assert [p.note for p in patch.pads] == [49, 41, 42, 46, 36, 37, 38, 39]
    assert all(p.action == "note" and p.channel == 10 for p in patch.pads)
    assert patch.pad_velocity(3, 77) == 77 and patch.key_velocity(60, 5) == 5


def test_guitar_accompaniment_splits_into_chords_and_play():
    patch = load_patch(os.path.join(PATCH_DIR, "guitar-accompaniment.toml"))
    assert patch.keys.split == 60
    assert patch.keys.zone_for(59).role == "chords" and patch.keys.zone_for(60).role == "play"
    assert patch.band.latch is True and patch.arpeggiator is None
    assert [p.action for p in patch.pads] == ["section"] * 4 + ["band_fill", "drum", "toggle", "toggle"]
    assert patch.pad(1).section == "next" and patch.pad(6).drum_note == 49


def test_live_set_launches_loops_and_steers_with_knobs():
    patch = load_patch(os.path.join(PATCH_DIR, "live-set.toml"))
    loops = {p.loop for p in patch.pads}
    assert loops == {"drums", "bass", "arp", "lead", "tabla", "pad_chords", "fill", "perc"}
    assert patch.knobs[1].target == "bpm" and patch.knobs[1].scale(127) == 160
    assert [patch.knobs[n].name for n in (2, 3, 4)] == ["cutoff", "density", "swing"]


def test_patches_are_frozen():
    patch = load_patch(os.path.join(PATCH_DIR, "default.toml"))
    with pytest.raises(AttributeError):
        patch.name = "x"
    with pytest.raises(TypeError):
        patch.knobs[1] = None


def error_of(text, file="patches/x.toml"):
    with pytest.raises(PatchError) as info:
        parse_patch(text, file)
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("text, expected", [
    # unknown value, with a suggestion, on the right line
    ('name = "x"\n\n[knobs.2]\ntarget = "bmp"\n',
     "patches/x.toml:4: knobs.2.target: unknown target 'bmp'; did you mean 'bpm'?"),
    # misspelt key
    ('[keys]\nchannel = 2\ncruve = "soft"\n', "patches/x.toml:3: keys.cruve: unknown key; did you mean 'curve'?"),
    ('[arpeggiator]\nmode = "up"\nlach = true\n',
     "patches/x.toml:3: arpeggiator.lach: unknown key; did you mean 'latch'?"),
    ('tempo = 120\n', "patches/x.toml:1: tempo: unknown key"),
    ('[thru]\nsysx = true\n', "patches/x.toml:2: thru.sysx: unknown key; did you mean 'sysex'?"),
    ('[thru]\nclock = "yes"\n', "patches/x.toml:2: thru.clock: must be true or false, not a string"),
    # wrong type and range
    ('[keys]\nchannel = "one"\n', "patches/x.toml:2: keys.channel: must be a whole number, not a string"),
    ('[keys]\nchannel = 17\n', "patches/x.toml:2: keys.channel: 17 is outside 1..16"),
    ('[arpeggiator]\ngate = 1.5\n', "patches/x.toml:2: arpeggiator.gate: 1.5 must be above 0 and at most 1"),
    # missing field: points at the table
    ('[knobs.1]\ntarget = "param"\n', "patches/x.toml:1: knobs.1.name: missing; a param knob names its param"),
    # array of tables: the second [[pads]]
    ('[[pads]]\npad = 1\naction = "drum"\ndrum = "kick"\n\n[[pads]]\npad = 2\naction = "drum"\ndrum = "snair"\n',
     "patches/x.toml:9: pads[2].drum: unknown drum 'snair' in kit 'gm'; did you mean 'snare'"),
    ('[pads.3]\naction = "lanch"\nloop = "bass"\n',
     "patches/x.toml:2: pads.3.action: unknown pad action 'lanch'; did you mean 'launch'?"),
    ('[pads.9]\naction = "note"\n', "patches/x.toml:1: pads.9: the V49 has pads 1..8"),
    # curves and zones
    ('[keys]\ncurve = "sotf"\n', "patches/x.toml:2: keys.curve: unknown curve 'sotf'; did you mean 'soft'?"),
    ('[calibration.pads]\n1 = [[10, 50], [20, 40]]\n', "patches/x.toml:2: calibration.pads.1: point [20, 40]"),
    ('[keys]\nsplit = "c4"\n[keys.lower]\nrole = "arpegiator"\n',
     "patches/x.toml:4: keys.lower.role: unknown role 'arpegiator'; did you mean 'arpeggiator'?"),
    ('[keys.upper]\nrole = "play"\n', "patches/x.toml:1: keys.upper: a zone needs keys.split"),
    ('[controller]\npad_notes = [1, 2]\n', "patches/x.toml:2: controller.pad_notes: must be a list of 8 numbers"),
])
def test_field_errors_name_file_line_and_field(text, expected):
    assert error_of(text).startswith(expected)


def test_syntax_errors_name_the_line():
    assert error_of('name = "x"\n[keys]\nchannel = = 2\n').startswith("patches/x.toml:3: ")
    assert error_of('name = "x"\n[keys\n').startswith("patches/x.toml:2: ")


def test_missing_file(tmp_path):
    with pytest.raises(PatchError, match="no such patch file"):
        load_patch(str(tmp_path / "nope.toml"))


def test_list_patches_marks_broken_ones(tmp_path):
    (tmp_path / "good.toml").write_text('name = "good"\n')
    (tmp_path / "bad.toml").write_text("[keys]\nchanel = 1\n")
    found = dict(list_patches(str(tmp_path)))
    assert isinstance(found[str(tmp_path / "bad.toml")], PatchError)
    assert found[str(tmp_path / "good.toml")].name == "good"


def test_write_calibration_is_atomic_and_replaces_the_old_table(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('name = "p"\n\n[calibration.pads]\n1 = [[10, 40], [100, 110], [127, 127]]\n\n[keys]\nchannel = 2\n')
    os.chmod(path, 0o640)
    curves = {1: parse_curve([[20, 40], [90, 110], [127, 127]]), 2: parse_curve([[30, 40], [120, 110], [127, 127]])}
    patch = write_calibration(str(path), curves)
    assert patch.calibration.pads[1] == curves[1] and patch.keys.channel == 2
    reloaded = load_patch(str(path))
    assert dict(reloaded.calibration.pads) == curves
    assert path.read_text().count("[calibration") == 1
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["p.toml"]  # no temp file left behind
    assert reloaded.pad_velocity(1, 20) == 40


def test_write_calibration_refuses_to_break_a_patch(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text("[keys]\nchanel = 2\n")
    with pytest.raises(PatchError):
        write_calibration(str(path), {1: parse_curve("linear")})
    assert path.read_text() == "[keys]\nchanel = 2\n"


def run_cli(*args):
    from composer.cli import cli
    from composer.cli.errors import run_cli as run

    return run(cli, list(args))


def test_cli_patch_check(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('[knobs.2]\ntarget = "bmp"\n')
    assert run_cli("patch", "check", os.path.join(PATCH_DIR, "live-set.toml")) == 0
    assert run_cli("patch", "check", str(bad)) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"composer: {bad}:2: knobs.2.target: unknown target 'bmp'; did you mean 'bpm'?"


def test_cli_patch_list_and_show(capsys):
    assert run_cli("patch", "list", PATCH_DIR) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in SHIPPED) and "ERROR" not in out
    assert run_cli("patch", "show", os.path.join(PATCH_DIR, "live-set.toml")) == 0
    assert "knob 2  param cutoff" in capsys.readouterr().out


def test_shipped_patches_name_only_loops_their_piece_defines():
    from pathlib import Path

    from composer.patch import load_patch
    from composer.runtime import loading

    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "patches").glob("*.toml")):
        patch = load_patch(path)
        if not patch.piece:
            continue
        loops = set(loading.load(root / patch.piece).piece.loops)
        named = {pad.loop for pad in patch.pads if pad.loop} | {b.loop for b in patch.buttons.values() if b.loop}
        assert named <= loops, f"{path.name}: {sorted(named - loops)} are not loops of {patch.piece}"


def test_shipped_gesture_scripts_load():
    from pathlib import Path

    from composer.controller.gestures import load_script

    root = Path(__file__).resolve().parents[1]
    scripts = sorted((root / "samples" / "gestures").glob("*.toml"))
    assert scripts
    for script in scripts:
        assert load_script(str(script))


@pytest.mark.parametrize("text, expected", [
    ('[[pads]]\npad = 2\naction = "drum"\ndrum = "kick"\nsection = "chorus"\n',
     "patches/x.toml:5: pads[1].section: not used by action 'drum'"),
    ('[[pads]]\naction = "sectoin"\n', "patches/x.toml:2: pads[1].action: unknown pad action 'sectoin'; did you mean"),
    ('[band]\nlatch = "yes"\n', "patches/x.toml:2: band.latch: must be true or false, not a string"),
    ('[band]\nlacth = true\n', "patches/x.toml:2: band.lacth: unknown key; did you mean 'latch'?"),
    ('[keys]\nsplit = "c4"\n[keys.lower]\nrole = "chord"\n',
     "patches/x.toml:4: keys.lower.role: unknown role 'chord'; did you mean 'chords'?"),
])
def test_band_fields_are_checked(text, expected):
    assert error_of(text).startswith(expected)


def test_section_pads_default_to_the_next_section():
    patch = parse_patch('[pads.2]\naction = "section"\n[pads.3]\naction = "band_fill"\n')
    assert (patch.pad(2).section, patch.pad(3).section, patch.band.latch) == ("next", None, True)
