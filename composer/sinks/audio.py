"""Audio files through FluidSynth, the standard open General MIDI synth.

The render's own MIDI bytes go through `fluidsynth -F` (its fast, offline file renderer), so
the audio holds exactly the notes, program changes and drum channel of the MIDI file, faster
than real time. The audio lasts the whole render (rests at the end too), then FluidSynth lets
the last notes ring out. FluidSynth is a separate program (Debian: `fluidsynth`), run as one; nothing
is imported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from composer.atomic import atomic_path
from composer.errors import ComposerError
from composer.filekinds import check_kind

#: suffix -> FluidSynth's file type (libsndfile's names)
AUDIO_TYPES = {".wav": "wav", ".flac": "flac", ".ogg": "oga"}
SAMPLE_RATE = 44100
#: A WAV file's sizes are 32-bit: 4 GiB of 16-bit stereo at 44.1 kHz is 6.7 hours.
MAX_AUDIO_HOURS = 6

#: Where Debian's GM SoundFont packages put their files; the first that exists is the default.
SOUNDFONT_PLACES = (
    "/usr/share/sounds/sf2/default-GM.sf2",
    "/usr/share/sounds/sf2/FluidR3_GM.sf2",
    "/usr/share/sounds/sf2/TimGM6mb.sf2",
    "/usr/share/soundfonts/default.sf2",
    "/usr/share/soundfonts/FluidR3_GM.sf2",
)
SOUNDFONT_HINT = "install a General MIDI SoundFont (Debian: timgm6mb-soundfont or fluid-soundfont-gm) or give --soundfont FILE"


def find_soundfont(explicit: str | os.PathLike | None = None) -> Path:
    """The SoundFont to use: --soundfont, else $COMPOSER_SOUNDFONT, else the system's GM default."""
    chosen = explicit or os.environ.get("COMPOSER_SOUNDFONT")
    if chosen:
        path = Path(chosen)
        if not path.is_file():
            raise ComposerError(f"{path}: no such SoundFont")
        return check_kind(path, "SoundFont")
    for place in SOUNDFONT_PLACES:
        if Path(place).is_file():
            return Path(place)
    raise ComposerError(f"no SoundFont found: {SOUNDFONT_HINT}")


def fluidsynth_program() -> str:
    program = shutil.which("fluidsynth")
    if program is None:
        raise ComposerError("audio needs FluidSynth: install it (Debian package fluidsynth)")
    return program


def check_audio_length(out: Path, seconds: float) -> None:
    """Refuse, before FluidSynth runs, audio longer than a WAV file holds (or a disk, often)."""
    if seconds > MAX_AUDIO_HOURS * 3600:
        raise ComposerError(f"{out}: audio lasts at most {MAX_AUDIO_HOURS} hours (this render is "
                            f"{seconds / 3600:.1f}); render fewer with --bars")


def write_audio(midi: bytes, out: Path, soundfont: Path, sample_rate: int = SAMPLE_RATE) -> None:
    """Synthesise a MIDI file's bytes into `out` (.wav, .flac or .ogg), atomically."""
    file_type = AUDIO_TYPES[out.suffix.lower()]
    program = fluidsynth_program()
    with tempfile.TemporaryDirectory(prefix="composer-audio-") as scratch:
        source = Path(scratch) / "render.mid"
        source.write_bytes(midi)
        with atomic_path(out, suffix=out.suffix) as temp_name:
            command = [program, "-n", "-i", "-q", "-F", temp_name, "-T", file_type, "-r", str(sample_rate),
                       "-o", "synth.reverb.active=1", str(soundfont), str(source)]
            result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
            if result.returncode != 0 or not Path(temp_name).stat().st_size:
                detail = (result.stderr or result.stdout).strip().splitlines()
                reason = detail[-1] if detail else f"exit code {result.returncode}"
                raise ComposerError(f"{out}: FluidSynth could not render: {reason}")
