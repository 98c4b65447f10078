"""Program changes, controllers, pitch bend, sysex and clock from a piece, on a real JACK port:
`play` sends exactly what `render` computes, system messages included."""

from __future__ import annotations

import pytest

from composer.render import render_length
from composer.runtime import dsl
from composer.runtime.messages import expand
from ports import Receiver
from ports import composer_process as composer

PIECE = """
use_bpm(240)

@live_loop
def lead():
    use_synth("tb303")
    midi_start()
    midi_clock_beat()
    midi_sysex(0xF0, 0x7E, 0x7F, 0x09, 0x01, 0xF7)
    with with_fx("reverb", mix=0.8):
        play(60, pan=-0.5, cutoff=90, release=0.5, channel=2)
        midi_pitch_bend(0.75, channel=2)
        sleep(1)
    midi_pitch_bend(delta_midi=8192, channel=2)
    midi_poly_pressure(60, 30, channel=2)
    midi_pc(40, channel=3)
    sleep(1)
"""


@pytest.fixture
def receiver(jack):
    r = Receiver(timing=True)
    yield r
    r.close()


@pytest.mark.jack
def test_play_sends_every_kind_of_message_render_writes(tmp_path, receiver):
    piece = tmp_path / "piece.py"
    piece.write_text(PIECE)
    process = composer("play", piece, "--bars", 1, "--port", receiver.port)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    runtime = dsl.load(piece)
    runtime.until = render_length(runtime, bars=1)
    expected = [m.data for m in expand(runtime.events()) if type(m.data) is tuple]
    assert (0xC1, 38) in expected and (0xF0, 0x7E, 0x7F, 0x09, 0x01, 0xF7) in expected and (0xFA,) in expected
    assert receiver.wait_for(lambda: len(receiver.data()) >= len(expected), timeout=2)
    assert receiver.data()[:len(expected)] == expected
