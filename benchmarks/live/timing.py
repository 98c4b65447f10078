"""Onset timing of `composer play` against a minimal hand-written rtmidi loop, through JACK.

Both play 16th notes at 120 BPM (one every 125 ms) into a receiving port that stamps each
message with its arrival time on time.monotonic() (rtmidi's own stamps, taken in JACK's thread;
see Receiver). For each run: onset-interval error (p50/p95/p99/max),
lost or duplicated notes (each note carries a counter in its pitch), and drift (the fitted
slope of each onset's offset from its ideal time, first onset = 0, over the whole run). Optionally with CPU-hogging
processes beside it.

    python benchmarks/live/timing.py --seconds 60 [--hogs 1] [--only composer|reference]

Starts `jackd -d dummy` (period from --period) unless a JACK server already runs; with
--server NAME it uses (or starts) a named server, so a finer period can be measured beside
another server.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INTERVAL = 0.125  # 16th notes at 120 BPM
PITCHES = 48  # note = 36 + counter % 48: a lost or doubled note breaks the sequence

PIECE = """use_bpm(120)

@live_loop
def sixteenths():
    play(36 + tick() % 48, duration=0.125)
    sleep(0.25)
"""

REFERENCE = r"""
import sys, time, rtmidi
count = int(sys.argv[2])
out = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, name="reference")
names = out.get_ports()
out.open_port(names.index(sys.argv[1]))
start = time.monotonic() + 0.2
for k in range(count):
    for at, message in ((start + k * 0.125, [0x90, 36 + k % 48, 100]),
                        (start + k * 0.125 + 0.0625, [0x80, 36 + k % 48, 0])):
        delay = at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        out.send_message(message)
time.sleep(0.1)
out.close_port()
"""

HOG = "while True:\n    pass\n"


def jack_running() -> bool:
    import rtmidi

    try:
        probe = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, name="bench-probe")
        probe.open_virtual_port("p")
        probe.close_port()
        probe.delete()
        return True
    except Exception:
        return False


def start_jack(period: int, server: str | None):
    os.environ.setdefault("JACK_NO_START_SERVER", "1")
    named = []
    if server:  # a server of its own, beside any other; every client here inherits the name
        os.environ["JACK_DEFAULT_SERVER"] = server
        named = ["-n", server]
    if jack_running():
        return None
    process = subprocess.Popen([shutil.which("jackd") or "jackd", *named, "--no-realtime", "-d", "dummy",
                                "-r", "48000", "-p", str(period)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=dict(os.environ, JACK_NO_AUDIO_RESERVATION="1"))
    for _ in range(100):
        time.sleep(0.1)
        if jack_running():
            return process
    raise SystemExit("jackd did not start")


class Receiver:
    """The receiving port. It reads as composer does (composer.midi.listener): rtmidi queues the
    messages in JACK's thread and a Python thread takes them out, stamped with rtmidi's own
    arrival times; a Python callback inside JACK's cycle can, on a busy machine, still be
    reading when the next cycle rewrites the buffer, and lose or double a message."""

    def __init__(self):
        import rtmidi

        from composer.midi.listener import InputListener
        from composer.midi.ports import INPUT_QUEUE_LIMIT

        midi_in = rtmidi.MidiIn(rtmidi.API_UNIX_JACK, name="bench", queue_size_limit=INPUT_QUEUE_LIMIT)
        midi_in.open_virtual_port("in")
        self.onsets: list[tuple[float, int]] = []
        self.listener = InputListener(midi_in, self._on_message)

    def _on_message(self, message, arrival):
        if message[0] & 0xF0 == 0x90 and message[2] > 0:
            self.onsets.append((arrival, message[1]))

    def take(self):
        onsets, self.onsets = self.onsets, []
        return onsets

    def close(self):
        self.listener.close()


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def analyse(onsets, expected):
    times = [t for t, _ in onsets]
    notes = [n for _, n in onsets]
    errors = [abs(b - a - INTERVAL) * 1000 for a, b in zip(times, times[1:])]
    wrong = sum(1 for k, n in enumerate(notes) if n != 36 + k % PITCHES)
    offsets = [(t - times[0] - k * INTERVAL) * 1000 for k, t in enumerate(times)]
    ks = range(len(offsets))
    slope = statistics.linear_regression(ks, offsets).slope  # ms per note: immune to the JACK period's jitter
    return {
        "notes": len(notes),
        "expected": expected,
        "out_of_sequence": wrong,
        "p50_ms": round(percentile(errors, 50), 3),
        "p95_ms": round(percentile(errors, 95), 3),
        "p99_ms": round(percentile(errors, 99), 3),
        "max_ms": round(max(errors), 3),
        "drift_ms": round(slope * (len(offsets) - 1), 3),
        "worst_offset_ms": round(max(offsets, key=abs), 3),
    }


def run_composer(receiver, seconds, workdir):
    piece = Path(workdir) / "sixteenths.py"
    piece.write_text(PIECE)
    bars = seconds / 2  # a 4/4 bar lasts 2 s at 120 BPM
    subprocess.run([sys.executable, "-m", "composer", "play", str(piece), "--bars", f"{bars:g}",
                    "--port", "bench:in", "--midi-api", "jack"], check=True)
    time.sleep(0.3)
    return analyse(receiver.take(), int(seconds / INTERVAL))


def run_reference(receiver, seconds, workdir):
    script = Path(workdir) / "reference.py"
    script.write_text(REFERENCE)
    count = int(seconds / INTERVAL)
    subprocess.run([sys.executable, str(script), "bench:in", str(count)], check=True)
    time.sleep(0.3)
    return analyse(receiver.take(), count)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--hogs", type=int, default=0, help="CPU-hogging processes to run beside")
    parser.add_argument("--only", choices=("composer", "reference"))
    parser.add_argument("--period", type=int, default=256, help="JACK period, if this script starts jackd")
    parser.add_argument("--server", help="run on a JACK server of this name (started with --period if absent)")
    args = parser.parse_args()

    jack = start_jack(args.period, args.server)
    receiver = Receiver()
    hogs = [subprocess.Popen([sys.executable, "-c", HOG]) for _ in range(args.hogs)]
    results = {"seconds": args.seconds, "hogs": args.hogs, "cpus": os.cpu_count(),
               "jack_server": args.server or "default", "period_frames": args.period if jack else "existing server"}
    try:
        with tempfile.TemporaryDirectory() as workdir:
            if args.only != "reference":
                results["composer"] = run_composer(receiver, args.seconds, workdir)
            if args.only != "composer":
                results["reference"] = run_reference(receiver, args.seconds, workdir)
    finally:
        for hog in hogs:
            hog.terminate()
            hog.wait()
        receiver.close()
        if jack is not None:
            jack.terminate()
            jack.wait()
    if "composer" in results and "reference" in results:
        results["p95_ratio"] = round(results["composer"]["p95_ms"] / max(results["reference"]["p95_ms"], 1e-9), 3)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
