"""`composer perform` across real MIDI ports on a JACK server (dummy driver), played by the
software V49: curves, split and transpose, pads launching loops on the bar, knob -> bpm, the
arpeggiator and its latch, recording, an unplugged and replugged controller, SIGTERM, and a
chart's band following the left hand's chords and the section pads."""

from __future__ import annotations

import io
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from composer.controller.curves import apply, parse_curve
from composer.controller.simulator import V49Simulator
from composer.perform.session import Performance, PerformOptions
from ports import composer_process

pytestmark = [pytest.mark.jack, pytest.mark.receiver(prefix="perfrecv", timing=True)]  # so clock or sysex
# passed on by mistake would show

ROOT = Path(__file__).resolve().parent.parent
LIVE_SET = ROOT / "samples" / "pieces" / "live_set.py"
_names = itertools.count()


class Running:
    """A Performance on its own thread, stopped and closed by `finish()`."""

    def __init__(self, options: PerformOptions):
        self.err = io.StringIO()
        self.performance = Performance(options, err=self.err).open()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        assert self.performance.started.wait(10)
        time.sleep(0.12)  # past the first look-ahead: beat 0 is heard

    def _run(self):
        try:
            self.performance.run()
        except BaseException as error:  # noqa: BLE001 - reported by finish()
            self.error = error

    def finish(self):
        self.performance.stop()
        self.thread.join(timeout=5)
        self.performance.close()
        assert not self.thread.is_alive()
        if self.error is not None:
            raise self.error
        return self.err.getvalue()


def perform(patch, controller, receiver, **options) -> Running:
    return Running(PerformOptions(patch=Path(patch), port_in=controller.port_name, port_out=receiver.port,
                                  **options))


def write_patch(tmp_path, text) -> Path:
    path = tmp_path / "patch.toml"
    path.write_text('name = "test"\n' + text)
    return path


def test_keys_split_transpose_and_curves_reach_the_output(tmp_path, controller, receiver):
    patch = write_patch(tmp_path, """
[keys]
transpose = 2
split = "c4"
[keys.lower]
channel = 3
curve = "soft"
transpose = -12
[keys.upper]
channel = 4
curve = "hard"
[[pads]]
pad = 1
action = "drum"
drum = "snare"
curve = "constant"
""")
    running = perform(patch, controller, receiver)
    try:
        controller.key_down("c3", velocity=40)
        controller.key_down("e4", velocity=90)
        controller.send([0xF0, 0x7D, 0x01, 0xF7])  # junk: sysex, clock, another channel
        controller.send([0xF8])
        controller.send([0x95, 60, 100])
        controller.pad_hit(1, velocity=30)
        controller.key_up("c3")
        controller.key_up("e4")
        assert receiver.wait_for(lambda: len(receiver.data()) >= 6)
        time.sleep(0.1)
    finally:
        running.finish()
    soft, hard = parse_curve("soft"), parse_curve("hard")
    played = [d for d in receiver.data() if d[0] & 0xF0 in (0x80, 0x90) and d[0] & 0x0F in (2, 3, 9)]
    assert played[:6] == [
        (0x92, 48 + 2 - 12, apply(soft, 40)),
        (0x93, 64 + 2, apply(hard, 90)),
        (0x99, 38, 127),
        (0x89, 38, 0),
        (0x82, 38, 0),
        (0x83, 66, 0),
    ]
    assert not [d for d in receiver.data() if d[0] in (0xF0, 0xF8) or d[0] == 0x95]


def test_pads_launch_on_the_bar_knob_sets_bpm_and_record_holds_it_all(tmp_path, controller, receiver):
    import mido

    out = tmp_path / "take.mid"
    running = perform(ROOT / "patches" / "live-set.toml", controller, receiver, piece=LIVE_SET, bpm=240,
                      record=out)
    try:
        time.sleep(0.3)
        controller.pad_hit(4)  # toggle the paused lead loop on, at the next bar
        controller.key_down("c4", velocity=100)
        time.sleep(0.05)
        controller.key_up("c4")
        assert receiver.wait_for(lambda: receiver.notes_on(channel=4), timeout=3)  # lead plays on channel 5
        controller.knob(1, 127)  # bpm knob: 80..160
        time.sleep(0.6)
        stop_bpm = running.performance.scheduler.tempo_map.bpm()
    finally:
        running.finish()
    assert stop_bpm == pytest.approx(160)
    key = (0x90, 60, apply(parse_curve("exp:2"), 100))  # the patch's key curve
    assert key in receiver.data()
    midi = mido.MidiFile(out)
    tracks = {t.name: t for t in midi.tracks}
    assert {"drums", "bass", "lead", "keys", "controller in"} <= set(tracks)

    def note_ticks(track):
        tick, found = 0, []
        for message in track:
            tick += message.time
            if message.type == "note_on" and message.velocity > 0:
                found.append(tick)
        return found

    bar_ticks = 4 * midi.ticks_per_beat
    assert note_ticks(tracks["lead"])[0] % bar_ticks == 0 and note_ticks(tracks["lead"])[0] > 0
    assert [m.note for m in tracks["keys"] if m.type == "note_on" and m.velocity > 0] == [60]
    came_in = [m for m in tracks["controller in"] if not m.is_meta]
    assert any(m.type == "control_change" and m.control == 20 and m.value == 127 for m in came_in)
    tempos = [round(mido.tempo2bpm(m.tempo)) for t in midi.tracks for m in t if m.type == "set_tempo"]
    assert tempos[0] == 240 and tempos[-1] == 160
    for track in midi.tracks:  # nothing left hanging in the file
        sounding = set()
        for m in track:
            if m.type == "note_on" and m.velocity > 0:
                sounding.add((m.channel, m.note))
            elif m.type in ("note_on", "note_off"):
                sounding.discard((m.channel, m.note))
        assert not sounding, track.name


def test_arpeggiator_plays_held_keys_in_the_piece_tempo_and_latches(tmp_path, controller, receiver):
    patch = write_patch(tmp_path, """
[keys]
split = "c4"
[keys.lower]
role = "arpeggiator"
channel = 2
[keys.upper]
channel = 1
[arpeggiator]
mode = "up"
rate = 0.25
octaves = 2
gate = 0.5
latch = true
""")
    running = perform(patch, controller, receiver, bpm=240)  # a step every 62.5 ms
    try:
        for key in ("c3", "e3", "g3"):
            controller.key_down(key, velocity=80)
        time.sleep(0.1)
        for key in ("c3", "e3", "g3"):
            controller.key_up(key)
        released = time.monotonic()
        assert receiver.wait_for(lambda: len(receiver.notes_on(channel=1)) >= 12, timeout=3)
        after_release = [d for t, d in receiver.messages if t > released + 0.2 and d[0] == 0x91 and d[2]]
        assert after_release, "latched notes keep playing after the keys are let go"
        controller.key_down("a3", velocity=80)  # a new chord replaces the latched one
        mark = time.monotonic()
        time.sleep(0.5)
        controller.key_up("a3")
    finally:
        running.finish()
    arp_notes = [d[1] for d in receiver.notes_on(channel=1)]
    cycle = [48, 52, 55, 60, 64, 67]
    start = arp_notes.index(48)
    assert arp_notes[start:start + 12] == cycle * 2
    late = {d[1] for t, d in receiver.messages if t > mark + 0.25 and d[0] == 0x91 and d[2]}
    assert late and late <= {57, 69}
    times = [t for t, d in receiver.messages if d[0] == 0x91 and d[2]]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert sorted(gaps)[len(gaps) // 2] == pytest.approx(0.0625, abs=0.01)
    assert not [d for d in receiver.data() if d[0] & 0x0F == 0 and d[0] & 0xF0 == 0x90]  # nothing on the play zone


def test_arpeggiator_plays_and_records_beside_a_piece_that_waits_in_sync(tmp_path, controller, receiver):
    """The guitar piece's crash loop waits four bars for its cue; the held chord must still be
    arpeggiated at once, heard and recorded (it once was run ahead by that wait, silently)."""
    import mido

    from composer.library import find_patch

    out = tmp_path / "take.mid"
    patch = find_patch("guitar-arpeggio")  # the shipped patch for the guitar piece
    running = perform(patch, controller, receiver, piece=ROOT / "samples" / "pieces" / "guitar_accompaniment.py",
                      bpm=240, record=out)
    chord = {"f3": 53, "g#3": 56, "b3": 59}  # lower zone; none of them is a note of the piece's bass
    try:
        for key in chord:
            controller.key_down(key, velocity=90)
        pressed = time.monotonic()
        assert receiver.wait_for(
            lambda: len([d for d in receiver.notes_on(channel=1) if d[1] in (53, 56, 59, 65, 68, 71)]) >= 12,
            timeout=3)
        heard = [(t, d[1]) for t, d in receiver.messages if d[0] == 0x91 and d[2] and d[1] in (53, 59, 65, 71)]
        assert heard[0][0] - pressed < 0.5
        for key in chord:
            controller.key_up(key)
    finally:
        running.finish()
    tracks = {t.name: t for t in mido.MidiFile(out).tracks}
    assert {"arpeggio", "bass", "drums", "arpeggiator"} <= set(tracks)
    played = [m.note for m in tracks["arpeggiator"] if m.type == "note_on" and m.velocity > 0]
    updown = [53, 56, 59, 65, 68, 71, 68, 65, 59, 56]  # Tidal's updown over two octaves
    start = played.index(53)
    assert played[start:start + 12] == (updown * 2)[:12]


def key_reaches_output(sim, receiver, key: str, note: int, velocity: int) -> bool:
    """Press and release `key` on a (re)connected controller; True once its note-on comes out."""
    time.sleep(0.1)  # the reopened input's callback is in place
    sim.key_down(key, velocity=velocity)
    sim.key_up(key)
    return receiver.wait_for(lambda: (0x90, note, velocity) in receiver.data(), timeout=3)


def test_unplugged_controller_releases_its_notes_and_is_picked_up_again(tmp_path, controller, receiver):
    running = perform(ROOT / "patches" / "default.toml", controller, receiver)
    try:
        controller.key_down("c4", velocity=100)
        assert receiver.wait_for(lambda: (0x90, 60, 100) in receiver.data())
        port = controller._port  # pull the cable: the port goes with the key still down
        controller._port, controller._send = None, None
        controller.held_keys.clear()
        port.close_port()
        port.delete()
        assert receiver.wait_for(lambda: (0x80, 60, 0) in receiver.data(), timeout=3)
        assert "went away" in running.err.getvalue()
        replugged = V49Simulator.open(virtual=controller.port_name)
        try:
            assert receiver.wait_for(lambda: "is back" in running.err.getvalue(), timeout=3)
            assert key_reaches_output(replugged, receiver, "d4", 62, 70)
        finally:
            replugged.close()
    finally:
        running.finish()


def test_a_controller_plugged_in_after_the_start_is_waited_for(tmp_path, receiver):
    name = f"V49 late{os.getpid()}x{next(_names)}"
    patch = write_patch(tmp_path, f'[controller]\nport = "{name}"\n')
    running = Running(PerformOptions(patch=patch, port_in=None, port_out=receiver.port))
    try:
        assert "waiting for the controller" in running.err.getvalue()
        sim = V49Simulator.open(virtual=name)
        try:
            assert receiver.wait_for(lambda: "connected" in running.err.getvalue(), timeout=3)
            assert key_reaches_output(sim, receiver, "e4", 64, 88)
        finally:
            sim.close()
    finally:
        running.finish()


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGQUIT, 131)])
def test_cli_stop_signal_ends_the_notes_and_writes_the_recording(tmp_path, controller, receiver, signum, code):
    out = tmp_path / "take.mid"
    process = composer_process(
        "perform", "--patch", "default",  # a name, as `composer patch list` prints it
        "--in", controller.port_name, "--out", receiver.port, "--record", out, "--bpm", "200")
    try:
        deadline = time.monotonic() + 20  # a start-up: imports and a few JACK clients
        while time.monotonic() < deadline and (0x90, 64, 99) not in receiver.data():
            controller.key_down("e4", velocity=99)  # until perform is listening
            time.sleep(0.1)
        assert (0x90, 64, 99) in receiver.data()
    finally:
        process.send_signal(signum)
        _, err = process.communicate(timeout=10)
    assert process.returncode == code, err
    assert (0x80, 64, 0) in receiver.data()  # the held key was ended on the way out
    assert (0xB0, 64, 0) in receiver.data()  # and the pedal let go
    import mido

    tracks = {t.name: t for t in mido.MidiFile(out).tracks}
    assert [m.note for m in tracks["keys"] if m.type == "note_on" and m.velocity > 0][:1] == [64]
    assert any(m.type == "note_off" for m in tracks["keys"])


def test_cli_help_and_bad_patch(tmp_path):
    result = subprocess.run([sys.executable, "-m", "composer", "perform", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "--record" in result.stdout and "Example" in result.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\n[knobs.1]\ntarget = "bmp"\n')
    result = subprocess.run([sys.executable, "-m", "composer", "perform", "--patch", str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "did you mean 'bpm'" in result.stderr


def test_a_piece_hears_the_controller_as_sonic_pi_cues(tmp_path, controller, receiver):
    """`sync("/midi:*/note_on")` in a performed piece returns [note, velocity] of each key."""
    piece = tmp_path / "echo.py"
    piece.write_text('use_bpm(240)\n\n@live_loop\ndef echo():\n'
                     '    note, velocity = sync("/midi:*/note_on")\n'
                     '    play(note + 12, velocity=velocity, duration=0.25, channel=5)\n')
    running = perform(ROOT / "patches" / "default.toml", controller, receiver, piece=piece)
    try:
        controller.key_down("c4", velocity=77)
        controller.key_up("c4")
        assert receiver.wait_for(lambda: (0x94, 72, 77) in receiver.data(), timeout=3)
    finally:
        running.finish()


CHART = ROOT / "samples" / "charts" / "night_drive.cho"
BAND_CHANNELS = (0, 1, 2)  # guitar, bass, keys: the parts that play chords


def _in_bar_middle(performance, bar_beats=4):
    """Waits until the beat heard is well inside a bar, so the next bar line is not computed yet."""
    while not 0.5 <= performance.beat_now() % bar_beats <= 2.0:
        time.sleep(0.01)
    return performance.beat_now()


def _band_classes(receiver, performance, start, end):
    """Pitch classes the band's pitched parts played from beat `start` (a little early for the
    port's jitter) to `end`."""
    return {d[1] % 12 for t, d in receiver.messages
            if d[0] & 0xF0 == 0x90 and d[2] and d[0] & 0x0F in BAND_CHANNELS
            and start - 0.1 <= performance.beat_at(t) < end - 0.1}


def test_a_chord_held_in_the_left_hand_is_the_bands_from_the_next_bar(controller, receiver):
    running = perform(ROOT / "patches" / "guitar-accompaniment.toml", controller, receiver, piece=CHART, bpm=240)
    performance = running.performance
    try:
        pressed = _in_bar_middle(performance)
        for key in ("f2", "a2", "c3"):  # below the split: the chord zone; F major
            controller.key_down(key, velocity=90)
        time.sleep(0.05)
        for key in ("f2", "a2", "c3"):
            controller.key_up(key)  # the patch latches: the band keeps F
        bar = (int(pressed) // 4 + 1) * 4
        assert receiver.wait_for(lambda: performance.beat_now() > bar + 8.5, timeout=6)
    finally:
        running.finish()
    assert _band_classes(receiver, performance, bar - 4, bar) - {5, 9, 0}  # the chart's chord before
    for start in (bar, bar + 4):
        assert _band_classes(receiver, performance, start, start + 4) == {5, 9, 0}  # F A C, latched
    assert not [d for d in receiver.data() if d[0] & 0xF0 == 0x90 and d[1] in (41, 45, 48) and d[0] & 0x0F == 4]


def test_a_section_pad_takes_the_band_to_that_sections_chords_at_the_next_bar(controller, receiver):
    running = perform(ROOT / "patches" / "guitar-accompaniment.toml", controller, receiver, piece=CHART, bpm=240)
    performance = running.performance
    try:
        pressed = _in_bar_middle(performance)
        controller.pad_hit(3)  # the chorus: C G D Em ..., instead of the intro's next bar
        bar = (int(pressed) // 4 + 1) * 4
        assert receiver.wait_for(lambda: performance.beat_now() > bar + 8.5, timeout=6)
    finally:
        running.finish()
    assert _band_classes(receiver, performance, bar, bar + 4) == {0, 4, 7}  # C
    assert _band_classes(receiver, performance, bar + 4, bar + 8) == {7, 11, 2}  # then G
    assert _band_classes(receiver, performance, bar - 4, bar) != {0, 4, 7}  # the intro's Em, Cmaj7 or D/F#


def test_cli_performs_the_patchs_chart_and_its_band_follows_the_left_hand(controller, receiver):
    """`composer perform --patch guitar-accompaniment` from the checkout: the patch names the chart."""
    process = composer_process("perform", "--patch", "guitar-accompaniment", "--in", controller.port_name,
                               "--out", receiver.port, "--bpm", "240", cwd=ROOT)
    try:
        assert receiver.wait_for(lambda: len(receiver.notes_on(channel=1)) >= 2, timeout=20)  # the bass plays
        mark = time.monotonic()
        for key in ("g2", "b2", "d3", "f3"):  # G7 in the chord zone
            controller.key_down(key, velocity=90)
        time.sleep(0.05)
        for key in ("g2", "b2", "d3", "f3"):
            controller.key_up(key)
        assert receiver.wait_for(lambda: time.monotonic() > mark + 3.5, timeout=5)  # two bars and more at 240
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=10)
    assert process.returncode == 143, err
    assert "loops: conductor, guitar, bass, keys, drums" in err  # the chart's, as the banner names them
    late = {d[1] % 12 for t, d in receiver.messages
            if mark + 2.2 < t < mark + 3.4 and d[0] & 0xF0 == 0x90 and d[2] and d[0] & 0x0F in BAND_CHANNELS}
    assert late == {7, 11, 2, 5}  # G B D F: the band's chord, every pitched part


def test_a_pad_after_a_change_of_meter_launches_on_a_bar_line_of_the_new_meter(tmp_path, controller, receiver):
    """Two bars of 4/4, then 7/4: bar lines 8, 15, 22, ... (multiples of 7 would be 14, 21)."""
    import mido

    piece = tmp_path / "meters.py"
    piece.write_text("""
use_bpm(480)

@live_loop
def conductor():
    sleep(8)
    use_time_signature(7, 4)
    stop()

@live_loop
def pulse():
    play(36)
    sleep(1)

@live_loop(paused=True)
def lead():
    play(72, channel=5)
    sleep(1)
""")
    patch = write_patch(tmp_path, '[[pads]]\npad = 1\naction = "toggle"\nloop = "lead"\n')
    out = tmp_path / "take.mid"
    running = perform(patch, controller, receiver, piece=piece, record=out)
    performance = running.performance
    try:
        assert receiver.wait_for(lambda: performance.beat_now() > 9, timeout=5)
        hit = performance.beat_now()
        controller.pad_hit(1)
        assert receiver.wait_for(lambda: receiver.notes_on(channel=4), timeout=5)
    finally:
        running.finish()
    midi = mido.MidiFile(out)
    [lead] = [t for t in midi.tracks if t.name == "lead"]
    tick, first = 0, None
    for message in lead:
        tick += message.time
        if first is None and message.type == "note_on" and message.velocity > 0:
            first = tick / midi.ticks_per_beat
    assert first > hit and (first - 8) % 7 == 0
