"""Render benchmark: composer against hand-written mido, pretty_midi and isobar peers.

    python benchmarks/render/run.py            print the results as Markdown
    python benchmarks/render/run.py --write    ... and write them to benchmarks/render/RESULTS.md

Every render is its own process, started from here; the runs of all tools are interleaved
(one round runs each tool once, in a rotating order) and repeated. Wall-clock time is measured
around the child with time.perf_counter, and its CPU time (user + system) and peak memory (its
own RSS high-water mark) by a small parent process (see `measure`). Children may write bytecode
caches (the warm-up does), as an installed package has them: otherwise composer's modules would
be compiled again on every run while the peers' libraries are not. The last file of each tool
is then checked against composer's for the same notes.
Run it with the project's Python (the one that has composer and the peers' libraries installed).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESULTS = ROOT / "benchmarks" / "render" / "RESULTS.md"
sys.path.insert(0, str(HERE))

from check_same_notes import compare  # noqa: E402

TOOLS = ("composer", "mido", "pretty_midi", "isobar")
LIMITS = {"mido": 1.5, "isobar": 30.0, "memory": 1.5, "startup": 1.5}


def composer_executable() -> list[str]:
    script = shutil.which("composer", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "composer"]


def render_command(tool: str, bars: int, out: Path) -> list[str]:
    if tool == "composer":
        return composer_executable() + ["render", str(HERE / "workload.py"), "-o", str(out), "--bars", str(bars)]
    return [sys.executable, str(HERE / f"peer_{tool}.py"), str(bars), str(out)]


# A child's RSS high-water mark survives exec, so a child forked straight from this process
# would report at least this process's own size. Each child is therefore started by a small
# process that reports the peak of its own child: `time -f %M` where the GNU one is installed,
# else the bare-Python wrapper below (which adds its own few MB as a floor).
WRAPPER = """import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
kb = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
open(sys.argv[1], "w").write(f"{kb} {usage.ru_utime} {usage.ru_stime}")
sys.exit(os.waitstatus_to_exitcode(status))
"""
#: The children's environment: bytecode caches allowed (see the docstring).
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _peak_wrapper() -> list[str]:
    time_ = shutil.which("time")
    if time_:
        with tempfile.TemporaryDirectory() as tmp:
            probe = Path(tmp) / "probe"
            done = subprocess.run([time_, "-f", "%M %U %S", "-o", str(probe), sys.executable, "-c", "pass"],
                                  capture_output=True)
            if done.returncode == 0 and probe.read_text().split()[-3:][0].isdigit():
                return [time_, "-f", "%M %U %S", "-o"]
    return [sys.executable, "-c", WRAPPER]


PEAK = _peak_wrapper()


def measure(command: list[str]) -> tuple[float, float, float]:
    """(wall-clock seconds, peak RSS in MB, CPU seconds) of one child process; raises if it fails."""
    with tempfile.TemporaryDirectory() as tmp:
        peak, errors = Path(tmp) / "peak", Path(tmp) / "errors"
        with open(errors, "wb") as stderr:
            start = time.perf_counter()
            code = subprocess.call(PEAK + [str(peak)] + command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr,
                                   env=CHILD_ENV)
            seconds = time.perf_counter() - start
        if code != 0:
            raise RuntimeError(f"{shlex.join(command)} failed ({code}):\n{errors.read_text(errors='replace')}")
        kilobytes, user, system = map(float, peak.read_text().split()[-3:])
    return seconds, kilobytes / 1024, user + system


def interleaved(jobs: dict, rounds: int, describe) -> dict:
    """Run each job (key -> (command, repetitions)) round-robin; key -> [(seconds, MB), ...]."""
    samples = {key: [] for key in jobs}
    keys = list(jobs)
    for round_ in range(rounds):
        shift = round_ % len(keys)
        for key in keys[shift:] + keys[:shift]:
            command, repetitions = jobs[key]
            if round_ < repetitions:
                samples[key].append(measure(command))
                describe(key, round_, samples[key][-1])
    return samples


def summary(samples) -> dict:
    times = [s for s, _, _ in samples]
    memory = [m for _, m, _ in samples]
    cpu = [c for _, _, c in samples]
    return {"runs": len(times), "median": statistics.median(times), "min": min(times),
            "rss": statistics.median(memory), "rss_max": max(memory), "cpu": statistics.median(cpu)}


def isobar_fit(stats: dict, bars_list: list[int]):
    """(seconds per bar, fixed seconds) from isobar's median times at its smallest and largest run."""
    low, high = min(bars_list), max(bars_list)
    if low == high:
        return stats[("isobar", high)]["median"] / high, 0.0
    per_bar = (stats[("isobar", high)]["median"] - stats[("isobar", low)]["median"]) / (high - low)
    return per_bar, stats[("isobar", high)]["median"] - per_bar * high


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write benchmarks/render/RESULTS.md")
    parser.add_argument("--bars", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--isobar-bars", type=int, nargs="+", default=[100, 1000],
                        help="isobar renders about 40 bars a second, so it runs shorter pieces")
    parser.add_argument("--reps", type=int, default=5, help="runs of each render")
    parser.add_argument("--isobar-reps", type=int, default=3)
    parser.add_argument("--startup-runs", type=int, default=15)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    load_before = os.getloadavg()
    log = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out = lambda tool, bars: tmp / f"{tool}-{bars}.mid"  # noqa: E731
        log("warm-up: one short render each")
        for tool in TOOLS:
            measure(render_command(tool, 10, out(tool, 10)))

        jobs = {}
        for bars in args.bars:
            for tool in TOOLS[:3]:
                jobs[(tool, bars)] = (render_command(tool, bars, out(tool, bars)), args.reps)
        for bars in args.isobar_bars:
            jobs[("isobar", bars)] = (render_command("isobar", bars, out("isobar", bars)), args.isobar_reps)
        samples = interleaved(jobs, max(args.reps, args.isobar_reps),
                              lambda key, r, s: log(f"round {r + 1}: {key[0]:<11} {key[1]:>6} bars "
                                                    f"{s[0]:7.3f} s {s[1]:7.1f} MB"))
        stats = {key: summary(value) for key, value in samples.items()}

        startup_commands = {"composer --help": composer_executable() + ["--help"],
                            'python -c "import click, mido"': [sys.executable, "-c", "import click, mido"]}
        for command in startup_commands.values():
            measure(command)
        startup = interleaved({k: (c, args.startup_runs) for k, c in startup_commands.items()},
                              args.startup_runs, lambda *_: None)
        startup = {key: summary(value) for key, value in startup.items()}

        log("checking the notes")
        checks = []
        for tool, bars in sorted(jobs, key=lambda k: (k[1], TOOLS.index(k[0]))):
            if tool == "composer":
                continue
            reference = out("composer", bars)
            if not reference.exists():
                measure(render_command("composer", bars, reference))
            differences, remarks = compare(reference, out(tool, bars))
            identical = reference.read_bytes() == out(tool, bars).read_bytes()
            checks.append((tool, bars, differences, remarks, identical))

    load = (load_before, os.getloadavg())
    text = report(args, stats, startup, checks, time.perf_counter() - started, load)
    print(text)
    if args.write:
        RESULTS.write_text(text)
        log(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


def verdict(ok: bool) -> str:
    return "**PASS**" if ok else "**FAIL**"


def report(args, stats, startup, checks, elapsed, load) -> str:
    ms = lambda seconds: f"{seconds * 1000:,.0f}"  # noqa: E731
    lines = [
        "# Render benchmark results",
        "",
        f"- Date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- Machine: {os.cpu_count()} cores, {platform.system()} {platform.machine()}",
        f"- Python {platform.python_version()}; "
        + ", ".join(f"{name} {_version(name)}" for name in ("composer", "mido", "pretty_midi", "isobar")),
        f"- Command: `{_command()}` (took {elapsed:.0f} s)",
        f"- Load average (1, 5, 15 min) at the start {', '.join(f'{x:.2f}' for x in load[0])}, "
        f"at the end {', '.join(f'{x:.2f}' for x in load[1])}",
        f"- Workload: `benchmarks/render/workload.py`, E minor pentatonic 16th-note up-down arpeggio + "
        f"8th-note drum loop at 120 BPM, 24 notes a bar; each render is a fresh process, "
        f"{args.reps} runs each ({args.isobar_reps} for isobar), interleaved.",
        "",
        "## Renders",
        "",
        "| tool | bars | runs | median ms | min ms | ms per 1,000 bars | × mido (median) | CPU median ms "
        "| × mido (CPU) | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for (tool, bars), s in sorted(stats.items(), key=lambda kv: (kv[0][1], TOOLS.index(kv[0][0]))):
        mido = stats.get(("mido", bars))
        ratio = f"{s['median'] / mido['median']:.2f}" if mido else "–"
        cpu_ratio = f"{s['cpu'] / mido['cpu']:.2f}" if mido else "–"
        lines.append(f"| {tool} | {bars:,} | {s['runs']} | {ms(s['median'])} | {ms(s['min'])} | "
                     f"{ms(s['median'] / bars * 1000)} | {ratio} | {ms(s['cpu'])} | {cpu_ratio} | {s['rss']:.1f} |")
    per_bar, fixed = isobar_fit(stats, args.isobar_bars)
    for bars in args.bars:
        if ("isobar", bars) not in stats:
            lines.append(f"| isobar (extrapolated) | {bars:,} | – | ~{ms(fixed + per_bar * bars)} | – | "
                         f"~{ms(per_bar * 1000)} | – | – | – | – |")
    lines += [
        "",
        f"isobar was timed at {', '.join(f'{b:,}' for b in args.isobar_bars)} bars; its time grows by "
        f"{per_bar * 1000:.1f} ms a bar, from which the extrapolated row comes (not measured).",
        "",
        "## Startup",
        "",
        "| command | runs | median ms | min ms | CPU median ms | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for command, s in startup.items():
        lines.append(f"| `{command}` | {s['runs']} | {ms(s['median'])} | {ms(s['min'])} | {ms(s['cpu'])} "
                     f"| {s['rss']:.1f} |")

    lines += ["", "## Targets", "", "| target | measured | result |", "|---|---|---|"]
    ratios = {b: stats[("composer", b)]["median"] / stats[("mido", b)]["median"] for b in args.bars}
    lines.append(f"| composer ≤ {LIMITS['mido']}× hand-written mido time | "
                 + ", ".join(f"{r:.2f}× at {b:,} bars" for b, r in ratios.items())
                 + f" | {verdict(all(r <= LIMITS['mido'] for r in ratios.values()))} |")
    common = [b for b in args.isobar_bars if ("composer", b) in stats]
    if common:
        speedups = {b: stats[("isobar", b)]["median"] / stats[("composer", b)]["median"] for b in common}
        lines.append(f"| composer ≥ {LIMITS['isobar']:g}× faster than isobar | "
                     + ", ".join(f"{s:.0f}× at {b:,} bars" for b, s in speedups.items())
                     + f" | {verdict(all(s >= LIMITS['isobar'] for s in speedups.values()))} |")
    else:
        lines.append("| composer ≥ 30× faster than isobar | no bar count measured for both | – |")
    low, high = min(args.bars), max(args.bars)
    memory = stats[("composer", high)]["rss"] / stats[("composer", low)]["rss"]
    lines.append(f"| composer peak memory at {high:,} bars ≤ {LIMITS['memory']}× that at {low:,} | "
                 f"{stats[('composer', high)]['rss']:.1f} / {stats[('composer', low)]['rss']:.1f} MB = "
                 f"{memory:.2f}× | {verdict(memory <= LIMITS['memory'])} |")
    help_, imports = startup.values()
    ratio = help_["median"] / imports["median"]
    lines.append(f"| `composer --help` ≤ {LIMITS['startup']}× `python -c \"import click, mido\"` | "
                 f"{ms(help_['median'])} / {ms(imports['median'])} ms = {ratio:.2f}× | "
                 f"{verdict(ratio <= LIMITS['startup'])} |")

    lines += ["", "## Same notes?", "",
              "Each tool's last file against composer's at the same length "
              "(onset tick, note, velocity, channel, duration; `check_same_notes.py`).", ""]
    for tool, bars, differences, remarks, identical in checks:
        verdict_ = "same notes" if not differences else "**notes differ**"
        lines.append(f"- {tool}, {bars:,} bars: {verdict_}{' (byte-identical file)' if identical else ''}")
        lines += [f"  - {line.strip()}" for line in differences]
        lines += [f"  - other than notes: {line}" for line in remarks]
    lines += [
        "",
        "## Notes",
        "",
        "- Times are wall-clock for the whole process (interpreter start-up, imports, render, write);",
        "  CPU time (user + system) and peak RSS are the child's own, taken by a small parent process",
        "  (see `measure`). On a shared machine CPU time is the steadier of the two; the target is",
        "  judged on wall-clock time.",
        "- Children may write bytecode caches, and the warm-up does, as an installed package has them.",
        "  Runs before 2026-11-29 08:00 UTC were made with PYTHONDONTWRITEBYTECODE set, so each",
        "  composer run compiled its ~100 modules again (60-90 ms) while the peers' libraries did not.",
        "- The mido peer is the floor: it appends pre-computed messages and lets mido save them.",
        "  pretty_midi also writes a program change per instrument; isobar's two tracks use one",
        "  MidiFileOutputDevice each on a clock that never waits (`DummyClock`), at 480 ticks a beat,",
        "  and are saved in composer's track layout.",
        "- isobar steps its clock one tick (1/480 beat) at a time and accumulates time as floats; in",
        "  long renders some notes start or end a tick late. Its note count and order are the same,",
        "  so the work it does is the same and its time stands.",
    ]
    unmeasured = [b for b in args.bars if ("isobar", b) not in stats]
    if unmeasured:
        lines.append(f"- isobar is not run at {', '.join(f'{b:,}' for b in unmeasured)} bars (about "
                     f"{(fixed + per_bar * max(unmeasured)) / 60:.1f} minutes a run); the extrapolated "
                     "row uses its measured time per bar.")
    return "\n".join(lines) + "\n"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


def _command() -> str:
    script = Path(sys.argv[0]).resolve()
    try:
        script = script.relative_to(ROOT)
    except ValueError:
        script = Path(script.name)
    return shlex.join(["python", str(script), *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
