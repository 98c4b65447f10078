"""One port watcher for outputs and the controller's input (composer.midi.presence), on JACK:
a port that vanishes and comes back within one poll is a new port, and is reconnected."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest

from composer.controller.simulator import V49Simulator
from composer.perform.session import Performance, PerformOptions
from ports import wait_until

pytestmark = [pytest.mark.jack, pytest.mark.receiver(prefix="presrecv")]

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def performing(controller, receiver):
    err = io.StringIO()
    performance = Performance(PerformOptions(patch=ROOT / "patches" / "default.toml", port_in=controller.port_name,
                                             port_out=receiver.port), err=err).open()
    thread = threading.Thread(target=performance.run, daemon=True)
    thread.start()
    assert performance.started.wait(10)
    yield performance, err
    performance.stop()
    thread.join(timeout=5)
    performance.close()


def replug(sim: V49Simulator) -> V49Simulator:
    """Pull the controller's cable and plug it back at once: the same port name, a new port."""
    name = sim.port_name
    port, sim._port, sim._send = sim._port, None, None  # no note-offs: the key is still down
    sim.held_keys.clear()
    port.close_port()
    port.delete()
    fresh = V49Simulator.open(virtual=name)
    fresh.port_name = name
    return fresh


def test_an_output_replaced_within_one_poll_is_reconnected_and_silenced(performing, controller, receiver):
    performance, err = performing
    controller.key_down("c4", velocity=100)
    assert receiver.wait_for(lambda: (0x90, 60, 100) in receiver.data())
    receiver.close()
    receiver.reopen()  # the synth restarted between two looks of the watcher
    assert wait_until(lambda: "is back" in err.getvalue(), 10), err.getvalue()  # JACK clients open slowly on a busy machine
    assert "came back as a new port" in err.getvalue()
    assert receiver.wait_for(lambda: (0xB0, 123, 0) in receiver.data())  # the channel it used, reset
    controller.key_up("c4")
    controller.key_down("d4", velocity=90)
    assert receiver.wait_for(lambda: (0x90, 62, 90) in receiver.data())


def test_a_controller_replaced_within_one_poll_is_reconnected(performing, controller, receiver):
    performance, err = performing
    controller.key_down("c4", velocity=100)
    assert receiver.wait_for(lambda: (0x90, 60, 100) in receiver.data())
    fresh = replug(controller)
    try:
        assert wait_until(lambda: "is back" in err.getvalue(), 10), err.getvalue()  # JACK clients open slowly on a busy machine
        assert receiver.wait_for(lambda: (0x80, 60, 0) in receiver.data())  # its held key was released
        time.sleep(0.1)
        fresh.key_down("e4", velocity=80)
        assert receiver.wait_for(lambda: (0x90, 64, 80) in receiver.data())
    finally:
        fresh.close()


def test_the_recording_places_controller_messages_when_they_arrived_not_when_read(tmp_path, controller, receiver):
    """A reader held up (a busy machine) must not move what the player did: two keys struck 20 ms
    apart stay 20 ms apart in the take, though the second is read half a second late."""
    import mido

    out = tmp_path / "take.mid"
    err = io.StringIO()
    performance = Performance(PerformOptions(patch=ROOT / "patches" / "default.toml", port_in=controller.port_name,
                                             port_out=receiver.port, record=out, bpm=240), err=err).open()
    route = performance.router.route
    held_up = []

    def slow_route(data):
        if not held_up:
            held_up.append(data)
            time.sleep(0.5)
        return route(data)

    performance.router.route = slow_route
    thread = threading.Thread(target=performance.run, daemon=True)
    thread.start()
    try:
        assert performance.started.wait(10)
        time.sleep(0.2)
        controller.key_down("c4", velocity=100)
        time.sleep(0.02)
        controller.key_down("d4", velocity=100)
        assert receiver.wait_for(lambda: (0x90, 62, 100) in receiver.data())
        controller.key_up("c4")
        controller.key_up("d4")
        time.sleep(0.1)
    finally:
        performance.stop()
        thread.join(timeout=5)
        performance.close()
    midi = mido.MidiFile(out)
    tracks = {t.name: t for t in midi.tracks}
    for name in ("controller in", "keys"):
        tick, ons = 0, {}
        for message in tracks[name]:
            tick += message.time
            if message.type == "note_on" and message.velocity > 0:
                ons[message.note] = tick
        gap_beats = (ons[62] - ons[60]) / midi.ticks_per_beat  # 20 ms is 0.08 beats at 240 bpm
        assert 0.0 <= gap_beats < 0.3, (name, gap_beats)


def test_an_unterminated_sysex_from_the_controller_does_not_make_perform_deaf(performing, controller, receiver):
    """`F0 01 02` and no F7: rtmidi would add every later message to that sysex for good."""
    performance, err = performing
    controller.key_down("c4", velocity=100)
    assert receiver.wait_for(lambda: (0x90, 60, 100) in receiver.data())
    controller.send([0xF0, 0x01, 0x02])
    for key, velocity in (("d4", 70), ("e4", 71), ("f4", 72)):
        controller.key_down(key, velocity=velocity)
        controller.key_up(key)
    controller.key_up("c4")
    assert receiver.wait_for(lambda: (0x80, 60, 0) in receiver.data(), timeout=2)  # nothing left hanging
    played = [d for d in receiver.data() if d[0] in (0x90, 0x80)]
    assert played == [(0x90, 60, 100), (0x90, 62, 70), (0x80, 62, 0), (0x90, 64, 71), (0x80, 64, 0),
                      (0x90, 65, 72), (0x80, 65, 0), (0x80, 60, 0)]
    assert "sent a sysex it never ended (F0 01 02)" in err.getvalue()
    controller.key_down("g4", velocity=90)  # and the input goes on as before
    assert receiver.wait_for(lambda: (0x90, 67, 90) in receiver.data())
    assert not [d for d in receiver.data() if d[0] == 0xF0]  # neither the fragment nor the probes pass
