"""`composer doctor` judges the MIDI API the other commands would use, and hints at a synth."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


pytestmark = pytest.mark.jack


def doctor(*args):
    return subprocess.run([sys.executable, "-m", "composer", "doctor", *args], capture_output=True, text=True,
                          timeout=60)


def test_doctor_hints_at_a_synth_when_there_is_no_output(open_receiver):
    result = doctor("--midi-api", "jack")
    assert result.returncode == 0, result.stderr
    assert "hint: no jack output to play to; start a synth" in result.stdout
    assert result.stdout.splitlines()[-1] == "ok: MIDI works through jack"
    receiver = open_receiver("doctorsynth")
    result = doctor("--midi-api", "jack")
    assert result.returncode == 0 and "hint:" not in result.stdout
    assert receiver.port in result.stdout


@pytest.mark.skipif(os.path.exists("/dev/snd/seq"), reason="this machine has an ALSA sequencer")
def test_doctor_is_not_ok_when_the_api_asked_for_does_not_work(jack):
    result = doctor("--midi-api", "alsa")
    assert result.returncode == 2
    assert result.stdout.splitlines()[-1].startswith("not ok: no working MIDI API (tried alsa)")
