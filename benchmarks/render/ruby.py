"""Render benchmark for Sonic Pi buffers: workload.rb against workload.py, the same piece.

    python benchmarks/render/ruby.py            print the results as Markdown
    python benchmarks/render/ruby.py --write    ... and write benchmarks/render/RESULTS_RUBY.md

Both renders are fresh `composer render` processes, interleaved round by round in one run.
Each is timed by wall clock and by CPU time (user + system of the child, from rusage), since
a shared machine's load moves wall-clock times far more than it moves CPU time. The target:
the buffer renders in at most 1.5x the Python piece's time (medians). The files must be
byte-identical.
"""

from __future__ import annotations

import argparse
import datetime
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESULTS = HERE / "RESULTS_RUBY.md"
LIMIT = 1.5


def measure(command: list[str]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one child process; raises if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{command} failed ({done.returncode}):\n{done.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write benchmarks/render/RESULTS_RUBY.md")
    parser.add_argument("--bars", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    samples: dict[tuple[str, int], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.reps):
            for bars in args.bars:
                for suffix in (("py", "rb") if round_ % 2 == 0 else ("rb", "py")):
                    out = Path(tmp) / f"{suffix}-{bars}.mid"
                    command = [sys.executable, "-m", "composer", "render", str(HERE / f"workload.{suffix}"),
                               "-o", str(out), "--bars", str(bars)]
                    samples.setdefault((suffix, bars), []).append(measure(command))
                    wall, cpu = samples[(suffix, bars)][-1]
                    print(f"{suffix} {bars} bars, run {round_ + 1}: {wall:.3f} s wall, {cpu:.3f} s CPU", file=sys.stderr)
        identical = all((Path(tmp) / f"py-{b}.mid").read_bytes() == (Path(tmp) / f"rb-{b}.mid").read_bytes()
                        for b in args.bars)
    lines = [
        "# Render benchmark: a Sonic Pi buffer against the same piece in Python",
        "",
        f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {platform.machine()}, Python {platform.python_version()}",
        f"- Command: `python benchmarks/render/ruby.py --write` (took {time.perf_counter() - started:.0f} s)",
        "- Workload: `benchmarks/render/workload.py` and its twin `benchmarks/render/workload.rb` (the same notes); "
        f"each render a fresh process, {args.reps} runs each, interleaved, alternating which goes first.",
        f"- Rendered files byte-identical: {'yes' if identical else 'NO'}",
        "",
        "| bars | Python wall ms | buffer wall ms | wall ratio | Python CPU ms | buffer CPU ms | CPU ratio | result (≤ 1.5x) |",
        "|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    passed = identical
    for bars in args.bars:
        py, rb = samples[("py", bars)], samples[("rb", bars)]
        walls = [statistics.median(w for w, _ in runs) for runs in (py, rb)]
        cpus = [statistics.median(c for _, c in runs) for runs in (py, rb)]
        wall_ratio, cpu_ratio = walls[1] / walls[0], cpus[1] / cpus[0]
        ok = wall_ratio <= LIMIT and cpu_ratio <= LIMIT
        passed &= ok
        lines.append(f"| {bars:,} | {walls[0] * 1000:,.0f} | {walls[1] * 1000:,.0f} | {wall_ratio:.2f}x "
                     f"| {cpus[0] * 1000:,.0f} | {cpus[1] * 1000:,.0f} | {cpu_ratio:.2f}x | {'PASS' if ok else 'FAIL'} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        RESULTS.write_text(text, encoding="utf-8")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
