"""Program changes, controllers, pitch bend, sysex and clock from a piece, on a real JACK port:
`play` sends exactly what `render` computes, system messages included."""

from __future__ import annotations

import pytest

from pieces import rendered_messages
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


@pytest.mark.jack
@pytest.mark.receiver(timing=True)
def test_play_sends_every_kind_of_message_render_writes(tmp_path, receiver):
    piece = tmp_path / "piece.py"
    piece.write_text(PIECE)
    process = composer("play", piece, "--bars", 1, "--port", receiver.port)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    expected = rendered_messages(piece, 1)
    assert (0xC1, 38) in expected and (0xF0, 0x7E, 0x7F, 0x09, 0x01, 0xF7) in expected and (0xFA,) in expected
    assert receiver.wait_for(lambda: len(receiver.data()) >= len(expected), timeout=2)
    assert receiver.data()[:len(expected)] == expected


PORTS = """
use_bpm(240)

@live_loop
def a():
    play(60, release=0.5)
    play(62, release=0.5, port="drums")
    midi_cc(7, 99, port=OTHER)
    midi_cc(8, 1, port="nowhere")
    midi_cc(9, 1, port=MAIN)
    sleep(1)
"""


@pytest.mark.jack
def test_port_sends_to_the_output_named_or_mapped(tmp_path, open_receiver):
    main, other = open_receiver(), open_receiver()
    piece = tmp_path / "piece.py"
    # fragments of the outputs' names; the main output's is the main output itself, in order
    piece.write_text(PORTS.replace("OTHER", repr(other.client)).replace("MAIN", repr(main.client)))
    process = composer("play", piece, "--bars", 0.25, "--port", main.port, "--port", f"drums={other.port}")
    _, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert main.wait_for(lambda: (0x80, 60, 0) in main.data(), timeout=2)
    assert other.wait_for(lambda: (0x80, 62, 0) in other.data(), timeout=2)
    assert main.channel_data() == [(0x90, 60, 100), (0xB0, 9, 1), (0x80, 60, 0)]
    assert other.channel_data() == [(0x90, 62, 100), (0xB0, 7, 99), (0x80, 62, 0)]
    assert err.count("port 'nowhere'") == 1 and "dropped" in err  # said once; the rest played


@pytest.mark.jack
def test_perform_sends_a_pieces_port_to_the_mapped_output(tmp_path, open_receiver, controller):
    import io
    import threading

    from composer.perform.session import Performance, PerformOptions

    main, drums = open_receiver(), open_receiver()
    piece = tmp_path / "piece.py"
    piece.write_text('use_bpm(240)\n@live_loop\ndef a():\n    play(60, release=0.25)\n'
                     '    play(38, release=0.25, channel=10, port="kit")\n    sleep(1)\n')
    patch = tmp_path / "patch.toml"
    patch.write_text('name = "test"\n')
    err = io.StringIO()
    performance = Performance(PerformOptions(patch=patch, piece=piece, port_in=controller.port_name, port_out=main.port,
                                             port_map={"kit": drums.port}), err=err).open()
    thread = threading.Thread(target=performance.run, daemon=True)
    try:
        thread.start()
        assert drums.wait_for(lambda: (0x89, 38, 0) in drums.data(), timeout=5), err.getvalue()
        assert main.wait_for(lambda: (0x80, 60, 0) in main.data(), timeout=2)
        assert (0x99, 38, 100) not in main.data() and (0x90, 60, 100) not in drums.data()
    finally:
        performance.stop()
        thread.join(timeout=5)
        performance.close()


@pytest.mark.jack
def test_a_synth_that_comes_back_gets_its_program_again(tmp_path, receiver):
    import io
    import threading

    from composer.live.session import PlayOptions, Session
    from ports import wait_until

    piece = tmp_path / "piece.py"
    piece.write_text('use_bpm(600)\n@live_loop\ndef p():\n    use_synth("pluck")\n    play(60, duration=0.5)\n'
                     '    sleep(1)\n')
    err = io.StringIO()
    session = Session(PlayOptions(piece=piece, port=receiver.port), out=io.StringIO(), err=err).open()
    thread = threading.Thread(target=session.run, daemon=True)
    thread.start()
    try:
        assert receiver.wait_for(lambda: (0xC0, 24) in receiver.data() and (0x90, 60, 100) in receiver.data())
        assert receiver.data().count((0xC0, 24)) == 1  # once, however many notes
        receiver.close()
        assert wait_until(lambda: "went away" in err.getvalue(), 3), err.getvalue()
        receiver.reopen()  # a restarted synth: back on its default program
        # from the first note computed after the return (one may be within the look-ahead already)
        assert receiver.wait_for(lambda: receiver.data().count((0x90, 60, 100)) >= 3, timeout=3), err.getvalue()
        data = receiver.data()
        assert data.count((0xC0, 24)) == 1 and data.index((0xC0, 24)) < len(data) - data[::-1].index((0x90, 60, 100))
    finally:
        session.stop()
        thread.join(timeout=5)
        session.close()
