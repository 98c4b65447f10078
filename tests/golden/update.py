"""Re-record the golden hashes of the sample pieces (8 bars, seed 0) after an intended change.

    .venv/bin/python tests/golden/update.py
"""

import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from composer.render import render_file  # noqa: E402


def main() -> None:
    lines = []
    with tempfile.TemporaryDirectory() as temp:
        for piece in sorted((ROOT / "samples" / "pieces").glob("*.py")):
            out = Path(temp) / "out.mid"
            render_file(piece, out, bars=8, seed=0)
            lines.append(f"{hashlib.sha256(out.read_bytes()).hexdigest()}  {piece.name}")
    (ROOT / "tests" / "golden" / "samples.sha256").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
