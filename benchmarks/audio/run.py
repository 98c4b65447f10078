"""Audio and picture benchmark: `composer render -o .wav` against FluidSynth alone, and a 64-bar PNG.

    python benchmarks/audio/run.py [--bars 64] [--reps 5] [--soundfont FILE]

Peer: `fluidsynth -F` rendering the same MIDI file (made once by `composer render -o .mid`)
through the same SoundFont, so the ratio is what composer adds around the synth: start-up,
the piece's render and the atomic write. Runs are interleaved (composer, peer, composer, ...)
and each is a fresh process timed with time.perf_counter; medians are reported. The
real-time factor is the audio's length over composer's wall time. The picture is the same
workload drawn to a 64-bar PNG. Prints a Markdown table; run it with the project's Python.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORKLOAD = ROOT / "benchmarks" / "render" / "workload.py"
TARGET = 1.2


def composer(*args) -> list[str]:
    script = shutil.which("composer", path=str(Path(sys.executable).parent))
    return ([script] if script else [sys.executable, "-m", "composer"]) + [str(a) for a in args]


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bars", type=int, default=64)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--soundfont", help="SoundFont for both (default: the one composer finds)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from composer.sinks.audio import find_soundfont

    font = str(find_soundfont(args.soundfont))
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        midi, ours, theirs, png = (scratch / name for name in ("w.mid", "ours.wav", "theirs.wav", "roll.png"))
        subprocess.run(composer("render", WORKLOAD, "-o", midi, "--bars", args.bars), check=True,
                       stdout=subprocess.DEVNULL)
        commands = {
            "composer": composer("render", WORKLOAD, "-o", ours, "--bars", args.bars, "--soundfont", font),
            "fluidsynth": ["fluidsynth", "-n", "-i", "-q", "-F", str(theirs), "-r", "44100", font, str(midi)],
            "png": composer("render", WORKLOAD, "-o", png, "--bars", args.bars),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for name, command in commands.items():
            timed(command)  # warm the page cache and the font cache
        for _ in range(args.reps):
            for name, command in commands.items():
                times[name].append(timed(command))
        with wave.open(str(ours)) as audio:
            seconds = audio.getnframes() / audio.getframerate()
    median = {name: statistics.median(values) for name, values in times.items()}
    ratio = median["composer"] / median["fluidsynth"]
    print(f"{args.bars} bars of benchmarks/render/workload.py, {seconds:.1f} s of audio, "
          f"SoundFont {Path(font).name}, median of {args.reps} interleaved runs\n")
    print("| measure | composer | peer | result |")
    print("|---|---|---|---|")
    print(f"| WAV render ≤ {TARGET}× `fluidsynth -F` on the same MIDI file | {median['composer']:.2f} s | "
          f"{median['fluidsynth']:.2f} s | {ratio:.2f}× {'PASS' if ratio <= TARGET else 'FAIL'} |")
    print(f"| real-time factor (audio seconds per second of rendering) | {seconds / median['composer']:.0f}× | "
          f"{seconds / median['fluidsynth']:.0f}× | |")
    print(f"| PNG piano roll of {args.bars} bars | {median['png']:.2f} s | | |")


if __name__ == "__main__":
    main()
