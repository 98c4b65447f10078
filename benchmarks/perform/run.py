"""Key-to-output latency of `composer perform` (default patch), against a bare rtmidi thru.

Both run as their own process between the same two ports of this script: a MidiOut playing the
controller and a MidiIn in place of the synth, each message timed with time.perf_counter (before
the send, and in the receiving callback). Messages keep their order through both paths, so the
k-th note-on received is the k-th sent. Then a burst: 10,000 messages a second for 10 seconds
through perform, checking that none is lost and that latency does not grow (no backlog).

    python benchmarks/perform/run.py [--notes 1000] [--rounds 2] [--burst-seconds 10] [--rate 10000]

Needs a JACK server (e.g. `jackd --no-realtime -d dummy`); it starts one if none runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import rtmidi

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
API = rtmidi.API_UNIX_JACK


class Probe:
    """The sending and the receiving end, timing every note-on."""

    def __init__(self):
        self.out = rtmidi.MidiOut(API, name="bench-src")
        self.out.open_virtual_port("out")
        self.inp = rtmidi.MidiIn(API, name="bench-sink")
        self.inp.open_virtual_port("in")
        self.received: list[float] = []
        self.other = 0
        clock = time.perf_counter

        def callback(event, data=None, received=self.received):
            if event[0][0] & 0xF0 == 0x90:
                received.append(clock())
            else:
                self.other += 1

        self.inp.set_callback(callback)

    def reset(self) -> None:
        self.received.clear()
        self.other = 0

    def close(self) -> None:
        self.inp.cancel_callback()
        self.inp.delete()
        self.out.delete()


def start_target(kind: str) -> subprocess.Popen:
    if kind == "thru":
        command = [sys.executable, str(ROOT / "benchmarks" / "perform" / "thru.py"), "bench-src:out", "bench-sink:in"]
    else:
        command = [sys.executable, "-m", "composer", "perform", "--patch", str(ROOT / "patches" / "default.toml"),
                   "--in", "bench-src:out", "--out", "bench-sink:in", "--midi-api", "jack"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)


def wait_ready(probe: Probe, timeout: float = 15.0) -> None:
    """Send a note until it comes back: the target is connected."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        probe.out.send_message([0x90, 1, 1])
        probe.out.send_message([0x80, 1, 0])
        time.sleep(0.1)
        if probe.received:
            time.sleep(0.3)
            probe.reset()
            return
    raise RuntimeError("the target never passed a note through")


def latency_run(probe: Probe, notes: int, interval: float) -> list[float]:
    """`notes` note-on/note-off pairs at `interval` seconds plus a jitter (no phase lock with
    JACK's period); returns each note-on's latency in milliseconds."""
    sent: list[float] = []
    clock = time.perf_counter
    start = clock()
    for index in range(notes):
        due = start + index * interval + (index * 0.000731) % 0.003
        while (wait := due - clock()) > 0:
            time.sleep(wait)
        note, velocity = 36 + index % 60, 1 + index % 126
        sent.append(clock())
        probe.out.send_message([0x90, note, velocity])
        probe.out.send_message([0x80, note, 0])
    deadline = time.monotonic() + 2
    while len(probe.received) < notes and time.monotonic() < deadline:
        time.sleep(0.01)
    if len(probe.received) != notes:
        raise RuntimeError(f"sent {notes} note-ons, received {len(probe.received)}")
    return [(r - s) * 1000 for s, r in zip(sent, probe.received)]


def burst_run(probe: Probe, seconds: float, rate: int) -> dict:
    """`rate` messages a second (note-on/note-off pairs) for `seconds`, sent every millisecond."""
    per_ms = rate // 1000
    sent: list[float] = []
    clock = time.perf_counter
    start = clock()
    total = 0
    for tick in range(int(seconds * 1000)):
        due = start + tick / 1000
        while (wait := due - clock()) > 0:
            time.sleep(wait)
        for index in range(0, per_ms, 2):
            note, velocity = 36 + (total // 2) % 60, 1 + (total // 2) % 126
            sent.append(clock())
            probe.out.send_message([0x90, note, velocity])
            probe.out.send_message([0x80, note, 0])
            total += 2
    elapsed = clock() - start
    deadline = time.monotonic() + 5
    while len(probe.received) < len(sent) and time.monotonic() < deadline:
        time.sleep(0.01)
    received_ons = len(probe.received)
    latencies = [(r - s) * 1000 for s, r in zip(sent, probe.received)]
    per_second = len(sent) / seconds
    first = latencies[: int(per_second)]
    last = latencies[-int(per_second):]
    return {
        "sent": total, "received": received_ons + probe.other, "send_rate": total / elapsed,
        "first_second_p50": statistics.median(first), "last_second_p50": statistics.median(last),
        "p99": percentile(latencies, 99), "max": max(latencies),
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(values: list[float]) -> str:
    return (f"p50 {percentile(values, 50):.2f} ms, p95 {percentile(values, 95):.2f} ms, "
            f"p99 {percentile(values, 99):.2f} ms (n={len(values)})")


def measure(kind: str, probe: Probe, notes: int, interval: float) -> list[float]:
    process = start_target(kind)
    try:
        wait_ready(probe)
        return latency_run(probe, notes, interval)
    finally:
        process.terminate()
        process.wait(timeout=10)
        probe.reset()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000, help="note-ons per latency round")
    parser.add_argument("--rounds", type=int, default=2, help="rounds per target, interleaved")
    parser.add_argument("--interval", type=float, default=0.005, help="seconds between latency notes")
    parser.add_argument("--burst-seconds", type=float, default=10)
    parser.add_argument("--rate", type=int, default=10_000, help="messages a second in the burst")
    args = parser.parse_args()

    from jack import start_jack, stop_jack

    jackd = start_jack()
    os.environ["COMPOSER_MIDI_API"] = "jack"
    probe = Probe()
    try:
        results: dict[str, list[float]] = {"thru": [], "perform": []}
        for _ in range(args.rounds):
            for kind in ("thru", "perform"):
                results[kind] += measure(kind, probe, args.notes, args.interval)
        for kind, values in results.items():
            print(f"{kind:8} {summary(values)}")
        ratio = percentile(results["perform"], 95) / percentile(results["thru"], 95)
        print(f"p95 ratio perform/thru: {ratio:.2f} (target <= 1.5)")

        process = start_target("perform")
        try:
            wait_ready(probe)
            burst = burst_run(probe, args.burst_seconds, args.rate)
        finally:
            process.terminate()
            process.wait(timeout=10)
        lost = burst["sent"] - burst["received"]
        print(f"burst: sent {burst['sent']} messages at {burst['send_rate']:.0f}/s, received {burst['received']} "
              f"(lost {lost}); p50 latency first second {burst['first_second_p50']:.2f} ms, "
              f"last second {burst['last_second_p50']:.2f} ms; p99 {burst['p99']:.2f} ms, max {burst['max']:.2f} ms")
        ok = ratio <= 1.5 and lost == 0 and burst["last_second_p50"] <= burst["first_second_p50"] * 1.5 + 1
        print("targets met" if ok else "targets NOT met")
        return 0 if ok else 1
    finally:
        probe.close()
        stop_jack(jackd)


if __name__ == "__main__":
    sys.exit(main())
