"""Port diagnostics that must not mislead (JACK, dummy driver): doctor follows COMPOSER_MIDI_API
as every other command does, and an unknown --clock-in never offers composer's own output."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ports import composer_process as composer

PIECE = "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n"


def doctor(api: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, COMPOSER_MIDI_API=api)
    return subprocess.run([sys.executable, "-m", "composer", "doctor"], capture_output=True, text=True,
                          env=env, timeout=30)


@pytest.mark.jack
def test_doctor_is_not_ok_when_the_chosen_api_does_not_work(jack):
    assert doctor("jack").stdout.splitlines()[-1] == "ok: MIDI works through jack"
    bogus = doctor("bogus")
    assert bogus.returncode == 2
    assert bogus.stdout.splitlines()[-1].startswith("not ok: unknown MIDI API 'bogus'")
    if not os.path.exists("/dev/snd/seq"):
        alsa = doctor("alsa")
        assert alsa.returncode == 2 and alsa.stdout.splitlines()[-1].startswith("not ok: no working MIDI API")


@pytest.mark.jack
def test_an_unknown_clock_in_does_not_offer_composers_own_output(tmp_path, jack):
    piece = tmp_path / "piece.py"
    piece.write_text(PIECE)
    process = composer("play", piece, "--virtual", "mine", "--clock-in", "nosuch", "--bars", "1")
    _, err = process.communicate(timeout=20)
    assert process.returncode == 2, err
    assert err.startswith("composer: no MIDI input matches 'nosuch'; available:")
    assert "mine" not in err and len(err.strip().splitlines()) == 1
