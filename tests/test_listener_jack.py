"""Inputs are read from a thread of ours, so closing one mid-stream can never lock the interpreter."""

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.jack

CHURN = textwrap.dedent("""
    import threading, time
    import rtmidi
    from composer.midi.listener import InputListener
    from composer.midi.ports import open_input

    out = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, name="churn-sender")
    out.open_virtual_port("stream")
    done = threading.Event()

    def stream():
        while not done.is_set():
            out.send_message([0x90, 60, 100])
            out.send_message([0x80, 60, 0])
            time.sleep(0.0002)

    threading.Thread(target=stream, daemon=True).start()
    heard = 0
    for _ in range({rounds}):
        got = threading.Event()
        listener = InputListener(open_input("churn-sender:stream", api=rtmidi.API_UNIX_JACK),
                                 lambda data, arrival: got.set())
        assert got.wait(5), "nothing arrived"
        heard += 1
        listener.close()  # mid-stream: messages are arriving as the port closes
    done.set()
    out.close_port()
    print(heard)
""")


def test_closing_inputs_mid_stream_never_hangs(jack):
    rounds = 15
    process = subprocess.run([sys.executable, "-c", CHURN.format(rounds=rounds)],
                             capture_output=True, text=True, timeout=60)
    assert process.returncode == 0, process.stderr
    assert process.stdout.split() == [str(rounds)]
