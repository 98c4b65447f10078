"""Pieces that would leave a note sounding, end composer or run away: each is a one-line error
naming the file and line (live behaviour on real ports is in test_live_safety_jack.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def render(tmp_path, source: str, *args) -> subprocess.CompletedProcess:
    piece = tmp_path / "piece.py"
    piece.write_text(source)
    return subprocess.run([sys.executable, "-m", "composer", "render", str(piece), "-o", str(tmp_path / "out.mid"),
                           "--bars", "2", *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("source, line, message", [
    ("@live_loop\ndef a():\n    play(60, duration=-1)\n    sleep(1)\n", 3, "duration cannot be negative, got -1"),
    ("@live_loop\ndef a():\n    sample('bd', duration=-0.5)\n    sleep(1)\n", 3, "duration cannot be negative"),
    ("@live_loop\ndef a():\n    play_cycle('a4 b4', duration=-1)\n", 3, "duration cannot be negative"),
    ("@live_loop\ndef a():\n    play_cycle('a4 b4', beats=-4)\n", 3, "play_cycle beats cannot be negative"),
    ("@live_loop(delay=-4)\ndef a():\n    play(60)\n    sleep(1)\n", 1, "live_loop 'a': delay cannot be negative"),
    ("@live_loop\ndef a():\n    play(60)\n    sleep(1)\n    raise SystemExit(0)\n", 5, "a piece cannot end composer"),
    ("import sys\nsys.exit(3)\n", 2, "a piece cannot end composer"),
])
def test_render_refuses_with_one_line_naming_the_line(tmp_path, source, line, message):
    result = render(tmp_path, source)
    assert result.returncode == 1, result
    error = result.stderr.strip()
    assert len(error.splitlines()) == 1 and "Traceback" not in error, error
    assert error.startswith(f"composer: {tmp_path / 'piece.py'}:{line}: ") and message in error, error
    assert not (tmp_path / "out.mid").exists()
