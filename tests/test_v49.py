"""The V49 layout and decoder, and the simulator's bytes, without any MIDI port."""

import pytest

from composer.controller.gestures import schedule
from composer.controller.simulator import (
    PAD_RESPONSE,
    V49Simulator,
    key_velocity,
    pad_velocity,
)
from composer.controller.v49 import (
    DEFAULT_LAYOUT,
    ButtonEvent,
    KeyEvent,
    Keybed,
    KnobEvent,
    ModWheel,
    Other,
    PadEvent,
    PitchBend,
    Sustain,
    decode,
    find_v49,
    note_name,
    parse_note,
)
from composer.errors import ComposerError


def test_note_names():
    assert parse_note("c4") == 60 and parse_note("C2") == 36 and parse_note("c6") == 84
    assert parse_note("F#3") == 54 and parse_note("bb2") == 46 and parse_note(61) == 61
    assert note_name(60) == "C4" and note_name(37) == "C#2"
    with pytest.raises(ComposerError):
        parse_note("h4")


def test_factory_layout():
    assert DEFAULT_LAYOUT.lowest_key == 36 and DEFAULT_LAYOUT.highest_key == 84
    assert DEFAULT_LAYOUT.keys_channel == 1 and DEFAULT_LAYOUT.pads_channel == 10
    assert len(DEFAULT_LAYOUT.pad_notes) == 8 and len(DEFAULT_LAYOUT.knob_ccs) == 4


@pytest.mark.parametrize("message, event", [
    ([0x90, 60, 100], KeyEvent(60, 100, True, 1)),
    ([0x80, 60, 0], KeyEvent(60, 0, False, 1)),
    ([0x90, 60, 0], KeyEvent(60, 0, False, 1)),
    ([0x99, 49, 90], PadEvent(1, 90, True, 49)),
    ([0x89, 39, 0], PadEvent(8, 0, False, 39)),
    ([0xB0, 21, 87], KnobEvent(2, 87)),
    ([0xB0, 50, 127], ButtonEvent(3, 127)),
    ([0xB0, 1, 64], ModWheel(64)),
    ([0xB0, 64, 127], Sustain(True, 127)),
    ([0xB0, 64, 0], Sustain(False, 0)),
    ([0xE0, 0, 64], PitchBend(0)),
    ([0xE0, 0x7F, 0x7F], PitchBend(8191)),
    ([0xE0, 0, 0], PitchBend(-8192)),
    ([0x99, 60, 90], Other((0x99, 60, 90))),
    ([0xF8], Other((0xF8,))),
    ([0xB3, 21, 5], Other((0xB3, 21, 5))),
])
def test_decode(message, event):
    assert decode(message) == event
    assert decode(bytes(message)) == event


def test_layout_overrides_drive_the_decoder():
    layout = DEFAULT_LAYOUT.with_overrides(pad_notes=[60, 61, 62, 63, 64, 65, 66, 67], knob_ccs=[70, 71, 72, 73])
    assert decode([0x99, 62, 50], layout) == PadEvent(3, 50, True, 62)
    assert decode([0xB0, 73, 1], layout) == KnobEvent(4, 1)


def test_keybed_octave_and_transpose_are_bounded():
    keybed = Keybed()
    assert keybed.note_for("c4") == 60
    for _ in range(6):
        keybed.shift_octave(+1)
    assert keybed.octave == 4
    keybed.shift_octave(-5)
    keybed.shift_transpose(20)
    assert keybed.transpose == 12 and keybed.note_for("c4") == 60
    with pytest.raises(ComposerError, match="not on the V49"):
        keybed.note_for("c7")


def test_find_v49():
    assert find_v49(["Midi Through", "system:midi_capture_1", "V49:V49 MIDI 1"]) == 2
    assert find_v49(["Midi Through"]) is None


def test_simulator_bytes():
    sim = V49Simulator()
    sim.key_down("c4", velocity=100)
    sim.octave_up()
    sim.key_down("d4", force=1.0)
    sim.key_up("c4")
    sim.key_up("d4")
    sim.pad_hit(2, velocity=80)
    sim.knob(2, 87)
    assert sim.button(1) is True and sim.button(1) is False
    sim.mod_wheel(10)
    sim.pitch_bend(0)
    sim.pitch_bend(-8192)
    sim.sustain(True)
    sim.sustain(False)
    assert sim.sent == [
        [0x90, 60, 100], [0x90, 74, 127], [0x80, 60, 0], [0x80, 74, 0],
        [0x99, 41, 80], [0x89, 41, 0], [0xB0, 21, 87], [0xB0, 48, 127], [0xB0, 48, 0],
        [0xB0, 1, 10], [0xE0, 0, 64], [0xE0, 0, 0], [0xB0, 64, 127], [0xB0, 64, 0],
    ]


def test_release_all_ends_everything():
    sim = V49Simulator()
    sim.key_down("c4")
    sim.key_down("e4")
    sim.pad_down(5)
    sim.sustain(True)
    sim.sent.clear()
    sim.release_all()
    assert sorted(sim.sent) == sorted([[0x80, 60, 0], [0x80, 64, 0], [0x89, 36, 0], [0xB0, 64, 0]])
    sim.sent.clear()
    sim.release_all()
    assert sim.sent == []


def test_simulator_rejects_what_a_v49_cannot_do():
    sim = V49Simulator()
    for call in (lambda: sim.pad_hit(9), lambda: sim.knob(5, 1), lambda: sim.knob(1, 128),
                 lambda: sim.pitch_bend(9000), lambda: sim.key_down("c4", force=1.5)):
        with pytest.raises(ComposerError):
            call()


def test_pads_are_uneven_and_keys_even():
    velocities = [pad_velocity(pad, 0.5) for pad in range(1, 9)]
    assert max(velocities) - min(velocities) > 15
    assert len(PAD_RESPONSE) == 8
    assert key_velocity(0.0) == 1 and key_velocity(1.0) == 127


def test_schedule_orders_gestures_in_time():
    steps = schedule([
        {"at": 0.0, "key": "c4", "force": 0.8, "length": 0.5},
        {"pad": 3, "velocity": 90},  # follows the key's release at 0.5
        {"sleep": 0.25},
        {"knob": 2, "value": 87},
        {"pad": 1, "force": 0.3, "repeat": 3, "every": 0.1, "length": 0.02},
    ])
    assert [(s.time, s.method) for s in steps] == [
        (0.0, "key_down"), (0.5, "key_up"), (0.5, "pad_down"), (0.55, "pad_up"), (0.8, "knob"),
        (0.8, "pad_down"), (0.82, "pad_up"), (0.9, "pad_down"), (0.92, "pad_up"), (1.0, "pad_down"),
        (1.02, "pad_up"),
    ]


def test_schedule_names_bad_fields():
    with pytest.raises(ComposerError, match="gesture 1: unknown field 'forse'.*'force'"):
        schedule([{"key": "c4", "forse": 1.0}])
    with pytest.raises(ComposerError, match="gesture 2: needs exactly one"):
        schedule([{"key": "c4"}, {"at": 1.0}])


def test_interactive_mode_plays_from_a_terminal_and_releases_on_exit():
    import os
    import pty
    import termios
    import time

    from composer.controller.keyboard import run_interactive

    import threading

    master, slave = pty.openpty()
    try:
        before = termios.tcgetattr(slave)
        sim = V49Simulator()
        said = []
        player = threading.Thread(target=run_interactive, args=(sim, slave, said.append), daemon=True)
        player.start()
        while not said:  # the help line is printed once the terminal is in raw mode
            time.sleep(0.01)
        os.write(master, b"a1xk\x03")
        player.join(timeout=5)
        assert not player.is_alive()
        assert termios.tcgetattr(slave) == before
    finally:
        os.close(master)
        os.close(slave)
    assert sim.sent[:4] == [[0x90, 60, 89], [0x99, 49, pad_velocity(1, 0.7)], [0x89, 49, 0], [0x90, 84, 89]]
    assert sorted(sim.sent[4:]) == [[0x80, 60, 0], [0x80, 84, 0]]
    assert said[0].startswith("V49 simulator:")


def test_interactive_mode_needs_a_terminal(capsys):
    from composer.cli import cli
    from composer.cli.errors import run_cli

    assert run_cli(cli, ["controller", "simulate"]) == 1
    assert "needs a terminal" in capsys.readouterr().err
