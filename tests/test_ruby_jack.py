"""Sonic Pi buffers over a real MIDI port: `play` sends what `render` writes, `live` hot-reloads."""

from __future__ import annotations

import io
import signal
import threading
import time

import pytest

from pieces import rendered_messages
from ports import composer_process as composer

BUFFER = """
use_bpm 600
live_loop :drums do
  sample (ring :bd_haus, :sn_dub).tick
  sleep 0.5
end
live_loop :lead do
  use_synth :pluck
  play (scale :e4, :minor_pentatonic).choose, release: 0.25, amp: rrand(0.5, 1), channel: 3
  sleep [0.25, 0.75].choose
end
"""


@pytest.mark.jack
def test_play_sends_what_render_writes_for_a_buffer(tmp_path, receiver):
    piece = tmp_path / "buffer.rb"
    piece.write_text(BUFFER)
    process = composer("play", piece, "--bars", 2, "--seed", 5, "--port", receiver.port)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    expected = rendered_messages(piece, 2, seed=5)
    assert any(d[0] == 0x99 and d[1] == 36 for d in expected) and any(d[0] == 0xC2 for d in expected)
    assert receiver.wait_for(lambda: len(receiver.channel_data()) >= len(expected), timeout=2)
    assert receiver.channel_data() == expected


@pytest.mark.jack
def test_live_reloads_an_edited_buffer(tmp_path, receiver):
    piece = tmp_path / "live.rb"
    first = "use_bpm 600\nlive_loop :a do\n  play 60, release: 0.5\n  sleep 1\nend\n"
    piece.write_text(first)
    process = composer("live", piece, "--port", receiver.port)
    try:
        assert receiver.wait_for(lambda: sum(d[:2] == (0x90, 60) for d in receiver.channel_data()) >= 2, timeout=10)
        piece.write_text(first.replace("play 60", "play 72"))
        assert receiver.wait_for(lambda: any(d[:2] == (0x90, 72) for d in receiver.channel_data()), timeout=5)
        piece.write_text(first.replace("play 60", "play 72") + "live_loop :b do\n")  # broken: plays on
        time.sleep(1.5)  # the watcher reads the broken save and says so
        count = len(receiver.channel_data())
        assert receiver.wait_for(lambda: len(receiver.channel_data()) >= count + 4, timeout=3)
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    assert f"{piece}:6" in err and "syntax error" in err
    ons = [d[1] for d in receiver.channel_data() if d[0] == 0x90 and d[2] > 0]
    assert ons[-1] == 72 and ons.index(72) > max(i for i, n in enumerate(ons) if n == 60)


@pytest.mark.jack
def test_perform_launches_a_buffer_s_paused_loop_from_a_pad(tmp_path, controller, receiver):
    from composer.perform.session import Performance, PerformOptions

    piece = tmp_path / "set.rb"
    piece.write_text("use_bpm 240\nlive_loop :drums do\n  sample :bd_haus\n  sleep 1\nend\n"
                     "live_loop :lead, paused: true do\n  play :e5, channel: 5, release: 0.5\n  sleep 1\nend\n")
    patch = tmp_path / "patch.toml"
    patch.write_text('name = "ruby"\n[pads.1]\naction = "launch"\nloop = "lead"\n')
    err = io.StringIO()
    performance = Performance(PerformOptions(patch=patch, piece=piece, port_in=controller.port_name,
                                             port_out=receiver.port), err=err).open()
    thread = threading.Thread(target=performance.run, daemon=True)
    thread.start()
    try:
        assert performance.started.wait(10)
        assert receiver.wait_for(lambda: any(d[:2] == (0x99, 36) for d in receiver.channel_data()), timeout=5)
        assert not receiver.notes_on(channel=4)  # the lead waits for its pad
        controller.pad_hit(1)
        assert receiver.wait_for(lambda: any(d[:2] == (0x94, 76) for d in receiver.channel_data()), timeout=5)
    finally:
        performance.stop()
        thread.join(timeout=5)
        performance.close()
    assert not thread.is_alive(), err.getvalue()
