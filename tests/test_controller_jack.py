"""The simulator, monitor and calibration across real MIDI ports on a JACK server (dummy driver)."""

import os
import signal
import statistics
import time

import pytest

from composer.controller.simulator import V49Simulator, pad_velocity

from ports import composer_process as composer  # noqa: E402

pytestmark = pytest.mark.jack


def wait_for_port(fragment, timeout=10.0):
    import rtmidi

    probe = rtmidi.MidiIn(rtmidi.API_UNIX_JACK, name="composer-test-wait")
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(fragment in name for name in probe.get_ports()):
                return
            time.sleep(0.05)
    finally:
        probe.delete()
    raise AssertionError(f"no port {fragment!r} appeared")


def receive(inp, until, quiet=0.3, timeout=15.0):
    """Messages from `inp` until `until()` is true and nothing came for `quiet` seconds."""
    got, last, start = [], time.monotonic(), time.monotonic()
    while time.monotonic() - start < timeout:
        message = inp.get_message()
        if message:
            got.append(message[0])
            last = time.monotonic()
        elif until() and time.monotonic() - last > quiet:
            break
        else:
            time.sleep(0.002)
    return got


@pytest.fixture
def script(tmp_path):
    def write(text):
        path = tmp_path / "gestures.toml"
        path.write_text(text)
        return str(path)
    return write


def test_scripted_simulator_sends_exactly_what_a_v49_sends(jack, script):
    from composer.midi.ports import open_input

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
    sim = composer("controller", "simulate", "--virtual", "V49 Simulator Bytes", "--script", gestures, "--wait", "1.0")
    try:
        wait_for_port("V49 Simulator Bytes")
        inp = open_input("V49 Simulator Bytes")
        got = receive(inp, lambda: sim.poll() is not None)
        inp.delete()
    finally:
        sim.kill() if sim.poll() is None else None
    assert sim.wait() == 0, sim.stderr.read()
    assert got == [
        [0x90, 60, 100], [0x80, 60, 0],
        [0x99, 42, 90], [0x89, 42, 0],
        [0xB0, 21, 87], [0xB0, 48, 127], [0xB0, 1, 64], [0xE0, 0x7F, 0x7F],
        [0xB0, 64, 127], [0xB0, 64, 0],
        [0x90, 72, 5], [0x80, 72, 0],
    ]


def test_pads_are_uneven_over_the_port(jack):
    from composer.midi.ports import open_input

    with V49Simulator.open(virtual="V49 Simulator Pads") as sim:
        inp = open_input("V49 Simulator Pads")
        time.sleep(0.1)
        for pad in range(1, 9):
            sim.pad_hit(pad, force=0.5)
        got = receive(inp, lambda: True)
        inp.delete()
    velocities = [message[2] for message in got if message[0] == 0x99]
    assert velocities == [pad_velocity(pad, 0.5) for pad in range(1, 9)]
    assert max(velocities) - min(velocities) > 15


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_held_keys_are_released_when_the_simulator_is_stopped(jack, script, stop):
    from composer.midi.ports import open_input

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
    sim = composer("controller", "simulate", "--virtual", "V49 Simulator Stop", "--script", gestures, "--wait", "0.8")
    try:
        wait_for_port("V49 Simulator Stop")
        inp = open_input("V49 Simulator Stop")
        got = receive(inp, lambda: True, quiet=0.0, timeout=0)
        deadline = time.monotonic() + 10
        while len(got) < 3 and time.monotonic() < deadline:
            message = inp.get_message()
            got.append(message[0]) if message else time.sleep(0.005)
        sim.send_signal(stop)
        got += receive(inp, lambda: sim.poll() is not None)
        inp.delete()
    finally:
        sim.kill() if sim.poll() is None else None
    assert got[:3] == [[0x90, 60, 90], [0x90, 64, 80], [0xB0, 64, 127]]
    assert sorted(got[3:]) == sorted([[0x80, 60, 0], [0x80, 64, 0], [0xB0, 64, 0]])
    assert sim.wait() != 0


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
    sim = composer("controller", "simulate", "--virtual", "V49 Simulator Monitor", "--script", gestures, "--wait", "1.5")
    try:
        wait_for_port("V49 Simulator Monitor")
        monitor = composer("controller", "monitor", "--in", "V49 Simulator Monitor", "--curve", "offset",
                           "--count", "5", "--timeout", "10")
        out, err = monitor.communicate(timeout=20)
    finally:
        sim.kill() if sim.poll() is None else None
        sim.wait()
    assert monitor.returncode == 0, err
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
    sim = composer("controller", "simulate", "--virtual", "V49 Simulator Calibrate", "--script", gestures,
                   "--wait", "1.5", "--jitter", "2")
    try:
        wait_for_port("V49 Simulator Calibrate")
        calibrate = composer("controller", "calibrate", "--pads", "--in", "V49 Simulator Calibrate",
                             "--patch", str(patch), "--hits", str(hits), "--timeout", "10")
        out, err = calibrate.communicate(timeout=30)
    finally:
        sim.kill() if sim.poll() is None else None
        sim.wait()
    assert calibrate.returncode == 0, err
    assert "Hit pad 8 firmly" in out
    loaded = load_patch(str(patch))
    assert sorted(loaded.calibration.pads) == list(range(1, 9))
    import random

    rng = random.Random(3)
    for force in (soft, 0.55, firm):
        medians = [statistics.median(loaded.pad_velocity(pad, pad_velocity(pad, force, rng.randint(-2, 2)))
                                     for _ in range(9)) for pad in range(1, 9)]
        assert max(medians) - min(medians) <= 5, (force, medians)
