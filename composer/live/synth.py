"""The built-in synth of `play|live --synth`: FluidSynth as a child process with a MIDI input.

A newcomer with no MIDI gear hears a piece through the sound card: composer starts FluidSynth
with a General MIDI SoundFont on the MIDI API it uses itself (JACK: MIDI and audio as JACK
ports, audio connected to the system's playback; ALSA: a sequencer port, audio to the default
device), waits for its input port, plays to it like to any synth, and ends it after the last
note-off. No audio device is a one-line error.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator

from composer.errors import ComposerError
from composer.midi.ports import api_name, list_ports, resolve_api
from composer.sinks.audio import find_soundfont, fluidsynth_program

START_SECONDS = 10.0
SETTLE_SECONDS = 1.0


def _drivers(api: int, name: str) -> list[str]:
    kind = api_name(api)
    if kind == "jack":
        return ["-a", "jack", "-m", "jack", "-o", "audio.jack.autoconnect=1",
                "-o", f"audio.jack.id={name}", "-o", f"midi.jack.id={name}"]
    if kind == "alsa":
        return ["-m", "alsa_seq", "-o", f"midi.alsa_seq.id={name}"]
    return []  # macOS and Windows: FluidSynth's defaults are the system's own


@contextlib.contextmanager
def running_synth(midi_api: str | None = None, soundfont=None) -> Iterator[str]:
    """Start FluidSynth and yield the name of its MIDI input port; stop it on the way out."""
    program = fluidsynth_program()
    font = find_soundfont(soundfont)
    api = resolve_api(midi_api)
    name = f"composer-synth-{os.getpid()}"
    # stdin stays open: FluidSynth's shell reads it, and runs for as long as it is open
    process = subprocess.Popen([program, "-q", *_drivers(api, name), str(font)], stdin=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        yield _wait_for_port(process, api, name)
    finally:
        _stop(process)


@contextlib.contextmanager
def synth_if(wanted: bool, midi_api: str | None = None, soundfont=None) -> Iterator[str | None]:
    """`running_synth` when `wanted` (saying so on stderr), else nothing: the output option of
    play, live and perform."""
    if not wanted:
        yield None
        return
    with running_synth(midi_api, soundfont) as port:
        print(f"playing through FluidSynth on {port}", file=sys.stderr)
        yield port


def _wait_for_port(process: subprocess.Popen, api: int, name: str) -> str:
    """FluidSynth's MIDI port, once it has stayed up for SETTLE_SECONDS: it opens its MIDI input
    before its audio output, and gives up (exits) when there is no sound card."""
    deadline = time.monotonic() + START_SECONDS
    found = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ComposerError(_failure(process.stderr.read()))
        if found is None:
            found = next((p.name for p in list_ports(api) if name in p.name and p.direction == "output"), None)
            settled = time.monotonic() + SETTLE_SECONDS
        elif time.monotonic() >= settled:
            return found
        time.sleep(0.1)
    raise ComposerError(f"FluidSynth did not open its MIDI port within {START_SECONDS:g} s")


def _failure(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    if any("audio device" in line or "audio driver" in line for line in lines):
        return "no audio device: FluidSynth cannot play to a sound card here (render to .wav instead)"
    return f"FluidSynth stopped: {lines[-1] if lines else 'no reason given'}"


def _stop(process: subprocess.Popen) -> None:
    with contextlib.suppress(BrokenPipeError, OSError):
        process.stdin.close()
    process.terminate()
    try:
        process.wait(timeout=3)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
