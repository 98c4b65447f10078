"""Does render time grow linearly with a piece's length? CPU time per note at several lengths.

    python benchmarks/render/scaling.py                          the many-loops workload
    python benchmarks/render/scaling.py --workload workload.py --bars 1000 2000 4000

Each render is a fresh process (`python -m composer render WORKLOAD --bars N`), its CPU time
(user + system, from getrusage) taken, the runs of all lengths interleaved. A start-up render
of one bar is subtracted, so what is left is the cost of the notes: linear growth shows as the
same microseconds per note at every length. Children may write bytecode caches (as an installed
package has them), after one warm-up run.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import mido

HERE = Path(__file__).resolve().parent


def cpu_of(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", default="workload_many.py", help="a piece in benchmarks/render")
    parser.add_argument("--bars", type=int, nargs="+", default=[50, 100, 200, 400])
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    piece = HERE / args.workload
    with tempfile.TemporaryDirectory() as scratch:
        def render(bars: int) -> list[str]:
            return [sys.executable, "-m", "composer", "render", str(piece), "-o", f"{scratch}/{bars}.mid",
                    "--bars", str(bars), "-q"]

        cpu_of(render(1))  # warm-up: bytecode caches
        lengths = [1, *args.bars]
        times: dict[int, list[float]] = {bars: [] for bars in lengths}
        for _ in range(args.reps):
            for bars in lengths:
                times[bars].append(cpu_of(render(bars)))
        notes = {bars: sum(1 for track in mido.MidiFile(f"{scratch}/{bars}.mid").tracks for message in track
                           if message.type == "note_on" and message.velocity) for bars in lengths}
    start_up = statistics.median(times[1])
    print(f"Workload `{args.workload}`, {args.reps} runs each, interleaved; "
          f"start-up (1 bar): {start_up * 1000:,.0f} ms CPU\n")
    print("| bars | notes | CPU median ms | CPU min ms | µs per note (median − start-up) |")
    print("|---:|---:|---:|---:|---:|")
    for bars in args.bars:
        median = statistics.median(times[bars])
        print(f"| {bars:,} | {notes[bars]:,} | {median * 1000:,.0f} | {min(times[bars]) * 1000:,.0f} "
              f"| {(median - start_up) / notes[bars] * 1e6:.1f} |")


if __name__ == "__main__":
    main()
