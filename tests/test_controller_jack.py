"""The simulator, monitor and calibration across real MIDI ports on a JACK server (dummy driver)."""

import os
import signal
import statistics
import time

import pytest

from composer.controller.simulator import V49Simulator, pad_velocity

from ports import reap  # noqa: E402
from ports import composer_process as composer  # noqa: E402

pytestmark = pytest.mark.jack


@pytest.fixture
def script(tmp_path):
    def write(text):
        path = tmp_path / "gestures.toml"
        path.write_text(text)
        return str(path)
    return write


def fed_by_simulator(reader, gestures, *simulator_options, timeout):
    """Run `composer controller READER...` on a virtual input that a simulator playing `gestures`
    sends into (it waits for the input to appear); (exit code, stdout, stderr) of the reader."""
    port = f"{reader[0]} in {os.getpid()}"
    process = composer("controller", *reader, "--virtual", port)
    sim = composer("controller", "simulate", "--to", port, "--script", gestures, *simulator_options)
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        reap(process, sim)
    return process.returncode, out, err


def test_scripted_simulator_sends_exactly_what_a_v49_sends(open_receiver, script):
    gestures = script("""
[[gesture]]
at = 0.0
key = "c4"
velocity = 100
length = 0.1
[[gesture]]
pad = 3
velocity = 90
length = 0.05
[[gesture]]
knob = 2
value = 87
[[gesture]]
button = 1
[[gesture]]
mod = 64
[[gesture]]
bend = 8191
[[gesture]]
sustain = true
[[gesture]]
sustain = false
[[gesture]]
octave = "up"
[[gesture]]
key = "c4"
velocity = 5
length = 0.05
""")
    receiver = open_receiver("v49bytes")
    sim = composer("controller", "simulate", "--to", receiver.port, "--script", gestures)
    _, err = sim.communicate(timeout=30)
    assert sim.returncode == 0, err
    receiver.wait_for(lambda: len(receiver.data()) >= 12, timeout=3)
    time.sleep(0.2)  # anything extra would show up too
    assert receiver.data() == [
        (0x90, 60, 100), (0x80, 60, 0),
        (0x99, 42, 90), (0x89, 42, 0),
        (0xB0, 21, 87), (0xB0, 48, 127), (0xB0, 1, 64), (0xE0, 0x7F, 0x7F),
        (0xB0, 64, 127), (0xB0, 64, 0),
        (0x90, 72, 5), (0x80, 72, 0),
    ]


def test_pads_are_uneven_over_the_port(open_receiver):
    receiver = open_receiver("v49pads")
    with V49Simulator.open(to=receiver.port) as sim:
        for pad in range(1, 9):
            sim.pad_hit(pad, force=0.5)
    receiver.wait_for(lambda: len(receiver.data()) >= 16, timeout=3)
    got = receiver.data()
    velocities = [message[2] for message in got if message[0] == 0x99]
    assert velocities == [pad_velocity(pad, 0.5) for pad in range(1, 9)]
    assert max(velocities) - min(velocities) > 15


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_held_keys_are_released_when_the_simulator_is_stopped(open_receiver, script, stop):
    gestures = script("""
[[gesture]]
key = "c4"
velocity = 90
length = 60
[[gesture]]
at = 0.0
key = "e4"
velocity = 80
length = 60
[[gesture]]
at = 0.0
sustain = true
""")
    receiver = open_receiver("v49stop")
    sim = composer("controller", "simulate", "--to", receiver.port, "--script", gestures)
    try:
        assert receiver.wait_for(lambda: len(receiver.data()) >= 3, timeout=15)
        sim.send_signal(stop)
        sim.communicate(timeout=15)
    finally:
        reap(sim)
    receiver.wait_for(lambda: len(receiver.data()) >= 6, timeout=3)
    time.sleep(0.2)
    got = receiver.data()
    assert got[:3] == [(0x90, 60, 90), (0x90, 64, 80), (0xB0, 64, 127)]
    assert sorted(got[3:]) == sorted([(0x80, 60, 0), (0x80, 64, 0), (0xB0, 64, 0)])
    assert sim.returncode != 0


def test_monitor_prints_one_line_per_message(jack, script):
    gestures = script("""
[[gesture]]
key = "c4"
velocity = 30
length = 0.05
[[gesture]]
pad = 1
velocity = 64
[[gesture]]
knob = 2
value = 87
""")
    code, out, err = fed_by_simulator(["monitor", "--curve", "offset", "--count", "5", "--timeout", "20"],
                                      gestures, timeout=30)
    assert code == 0, err
    assert out.splitlines() == [
        "key  C4   on   velocity  30 ->  79",
        "key  C4   off",
        "pad  1    hit  velocity  64 -> 113",
        "pad  1    off",
        "knob 2  ███████░░░   87",
    ]


def test_calibrate_against_the_simulator_evens_out_the_pads(jack, script, tmp_path):
    from composer.patch.loader import load_patch

    hits, soft, firm = 4, 0.25, 0.85
    lines = []
    for pad in range(1, 9):
        for force in (soft, firm):
            lines.append(f"[[gesture]]\npad = {pad}\nforce = {force}\nrepeat = {hits}\nevery = 0.02\nlength = 0.01\n")
    gestures = script("\n".join(lines))
    patch = tmp_path / "live.toml"
    patch.write_text(open(os.path.join(os.path.dirname(__file__), "..", "patches", "default.toml")).read())
    code, out, err = fed_by_simulator(["calibrate", "--pads", "--patch", str(patch), "--hits", str(hits),
                                       "--timeout", "20"], gestures, "--jitter", "2", timeout=40)
    assert code == 0, err
    assert "Hit pad 8 firmly" in out
    loaded = load_patch(str(patch))
    assert sorted(loaded.calibration.pads) == list(range(1, 9))
    import random

    rng = random.Random(3)
    for force in (soft, 0.55, firm):
        medians = [statistics.median(loaded.pad_velocity(pad, pad_velocity(pad, force, rng.randint(-2, 2)))
                                     for _ in range(9)) for pad in range(1, 9)]
        assert max(medians) - min(medians) <= 5, (force, medians)


def test_simulator_waits_for_an_input_that_opens_later(open_receiver, script):
    gestures = script('[[gesture]]\nkey = "d4"\nvelocity = 70\nlength = 0.05\n')
    sim = composer("controller", "simulate", "--to", "latecomer", "--script", gestures)
    try:
        first_line = sim.stderr.readline()
        assert first_line.startswith("waiting for the port: no MIDI input matches 'latecomer'"), first_line
        receiver = open_receiver("latecomer")
        _, err = sim.communicate(timeout=30)
        assert sim.returncode == 0, err
        receiver.wait_for(lambda: len(receiver.data()) >= 2, timeout=3)
    finally:
        reap(sim)
    assert receiver.data() == [(0x90, 62, 70), (0x80, 62, 0)]


def test_monitor_waits_for_a_controller_that_is_plugged_in_later(jack, tmp_path):
    name = f"V49 later{os.getpid()}"
    patch = tmp_path / "p.toml"
    patch.write_text(f'[controller]\nport = "{name}"\n')
    process = composer("controller", "monitor", "--patch", patch, "--count", "1", "--timeout", "20")
    sim = None
    try:
        first_line = process.stderr.readline()
        assert first_line.startswith(f"waiting for the port: no MIDI input named like '{name}'"), first_line
        sim = V49Simulator.open(virtual=name)
        assert "listening on" in process.stderr.readline()
        time.sleep(0.2)
        sim.knob(1, 64)
        out, err = process.communicate(timeout=20)
    finally:
        reap(process)
        if sim is not None:
            sim.close()
    assert process.returncode == 0, err
    assert out.startswith("knob 1")


def test_calibrating_a_shipped_patch_by_name_writes_the_users_copy(jack, script, tmp_path, monkeypatch):
    from composer.library import SHIPPED
    from composer.patch.loader import load_patch

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    shipped = (SHIPPED / "patches" / "live-set.toml").read_bytes()
    lines = [f"[[gesture]]\npad = {pad}\nforce = {force}\nlength = 0.01\n" for pad in range(1, 9) for force in (0.3, 0.8)]
    code, out, err = fed_by_simulator(["calibrate", "--pads", "--patch", "live-set", "--hits", "1", "--timeout", "20"],
                                      script("\n".join(lines)), timeout=40)
    assert code == 0, err
    own = tmp_path / "config" / "composer" / "patches" / "live-set.toml"
    assert f"wrote [calibration] to {own}" in out
    assert sorted(load_patch(str(own)).calibration.pads) == list(range(1, 9))
    assert load_patch(str(own)).knobs == load_patch(str(SHIPPED / "patches" / "live-set.toml")).knobs
    assert (SHIPPED / "patches" / "live-set.toml").read_bytes() == shipped
