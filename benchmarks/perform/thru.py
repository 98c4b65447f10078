"""The reference: the least a Python MIDI thru can do, an rtmidi input callback that sends each
message straight to an output. `composer perform` is measured against this.

    python benchmarks/perform/thru.py IN_PORT OUT_PORT     (runs until SIGTERM or Ctrl-C)
"""

import signal
import sys
import threading

import rtmidi


def main() -> None:
    source, sink = sys.argv[1], sys.argv[2]
    midi_in = rtmidi.MidiIn(rtmidi.API_UNIX_JACK, name="thru-in")
    midi_out = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, name="thru-out")
    midi_in.open_port(midi_in.get_ports().index(source))
    midi_out.open_port(midi_out.get_ports().index(sink))
    send = midi_out.send_message
    midi_in.set_callback(lambda event, data=None: send(event[0]))
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    print("ready", flush=True)
    try:
        done.wait()
    except KeyboardInterrupt:
        pass
    midi_in.cancel_callback()
    midi_in.delete()
    midi_out.delete()


if __name__ == "__main__":
    main()
