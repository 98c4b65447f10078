"""Render speed of two (or more) revisions of composer, measured in CPU time, interleaved.

    python benchmarks/render/compare_revisions.py 8e7a07d HEAD --bars 2000 --reps 9

Each revision's `composer/` and `samples/` are exported with `git archive` into a temporary folder and run from it with
PYTHONPATH pointing at it, on the same workload (`workload.py` of the working tree). The child's
CPU time (user + system, from getrusage) is what is compared: on a machine shared with other
work, wall-clock times swing by half while CPU time moves by a few per cent. The files of all
revisions are compared byte for byte at the end. Each revision renders once untimed first, so
that its bytecode caches are written (the children may write them, as an installed package has
them: otherwise each run would compile the revision's modules again).
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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def export(revision: str, into: Path) -> Path:
    folder = into / revision.replace("/", "_")
    folder.mkdir()
    # samples too: older revisions find their kits there, newer ones link their sample pieces to it
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "composer", "samples"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="+", help="git revisions to compare, e.g. main HEAD")
    parser.add_argument("--bars", type=int, default=2000)
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--workload", default="workload.py", help="a piece in benchmarks/render")
    args = parser.parse_args()
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        roots = {revision: export(revision, scratch) for revision in args.revisions}

        def render(root: Path, bars: int) -> float:
            started = children_cpu()
            subprocess.run([sys.executable, "-m", "composer", "render", str(HERE / args.workload), "-o",
                            str(scratch / f"{root.name}.mid"), "--bars", str(bars), "-q"],
                           env=dict(environment, PYTHONPATH=str(root)),
                           cwd=root, check=True)  # `-m` puts the working folder first on the path
            return children_cpu() - started

        for root in roots.values():
            render(root, 1)  # the warm-up: bytecode caches
        times: dict[str, list[float]] = {revision: [] for revision in roots}
        for rep in range(args.reps):
            order = list(roots.items())
            order = order[rep % len(order):] + order[:rep % len(order)]
            for revision, root in order:
                times[revision].append(render(root, args.bars))
        print(f"Load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
        print(f"| revision | bars | runs | CPU median ms | CPU min ms |\n|---|---:|---:|---:|---:|")
        for revision, spent in times.items():
            print(f"| {revision} | {args.bars:,} | {len(spent)} | {statistics.median(spent) * 1000:,.0f} "
                  f"| {min(spent) * 1000:,.0f} |")
        files = {(scratch / f"{root.name}.mid").read_bytes() for root in roots.values()}
        print(f"\nsame bytes: {'yes' if len(files) == 1 else 'NO'}")


if __name__ == "__main__":
    main()
