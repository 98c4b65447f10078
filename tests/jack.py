"""Start a JACK server with the dummy driver for tests that cross real MIDI ports.

Tests use real rtmidi ports: with no ALSA sequencer on CI, JACK's dummy driver gives real ports
without a sound card. Each test session gets its own named server (JACK_DEFAULT_SERVER, which
subprocesses inherit), so a stuck client of another run can never stall this one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time


def jack_running() -> bool:
    import rtmidi

    from composer.midi.ports import quiet_stderr

    with quiet_stderr():
        try:
            probe = rtmidi.MidiOut(rtmidi.API_UNIX_JACK, name="composer-test-probe")
        except Exception:
            return False
    try:
        probe.open_virtual_port("probe")
        probe.close_port()
        return True
    except Exception:
        return False
    finally:
        probe.delete()


def start_jack(name: str | None = None, timeout: float = 10.0) -> subprocess.Popen:
    """Start `jackd -n NAME -d dummy` and point this process (and its children) at it."""
    jackd = shutil.which("jackd")
    if jackd is None:
        raise RuntimeError("jackd is not installed (Debian package jackd2); run `make test`, which installs it")
    name = name or f"composer-test-{os.getpid()}"
    os.environ["JACK_DEFAULT_SERVER"] = name
    os.environ["JACK_NO_START_SERVER"] = "1"
    env = dict(os.environ, JACK_NO_AUDIO_RESERVATION="1")
    # -t: a loaded CI machine can keep a client busy past the 500 ms default, and JACK then drops it.
    process = subprocess.Popen(
        [jackd, "-n", name, "--no-realtime", "-t", "3000", "-d", "dummy", "-r", "48000", "-p", "256"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"jackd exited with code {process.returncode}")
        if jack_running():
            return process
        time.sleep(0.1)
    stop_jack(process)
    raise RuntimeError("jackd did not come up within %.0f s" % timeout)


def stop_jack(process: subprocess.Popen | None) -> None:
    if process is None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
