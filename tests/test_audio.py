"""Audio renders through a real FluidSynth and a real GM SoundFont: onsets, formats, errors."""

import os
import subprocess
import sys
import wave
from pathlib import Path

import mido
import numpy
import pytest

from composer.errors import ComposerError
from composer.render import render_file
from pieces import write_piece

ROOT = Path(__file__).resolve().parents[1]

# Short piano and drum notes half a second apart, each followed by silence: every onset is a
# clear rise of the signal's energy.
SPACED_NOTES = """
    use_bpm(120)

    @live_loop
    def melody():
        play(ring(60, 67, 64, 72).tick(), duration=0.2, velocity=110)
        sleep(2)

    @live_loop(delay=1)
    def drums():
        sample("sn", velocity=120)
        sleep(2)
"""


def onsets(path: Path, floor_ratio: float = 0.05, min_gap: float = 0.25) -> list[float]:
    """Seconds where the 5 ms energy envelope jumps (to twice what it was 20 ms before) above a
    floor; a jump within `min_gap` of the previous onset is the same note's attack."""
    with wave.open(str(path)) as audio:
        rate, channels = audio.getframerate(), audio.getnchannels()
        samples = numpy.frombuffer(audio.readframes(audio.getnframes()), dtype=numpy.int16)
    mono = samples.reshape(-1, channels).astype(float).mean(axis=1)
    window = rate // 200
    frames = mono[: len(mono) // window * window].reshape(-1, window)
    energy = numpy.sqrt((frames ** 2).mean(axis=1))
    floor = energy.max() * floor_ratio
    found: list[float] = []
    for index in range(4, len(energy)):
        if energy[index] > floor and energy[index] > 2 * energy[index - 4]:
            seconds = float((index - 1) * window / rate)
            if not found or seconds - found[-1] >= min_gap:
                found.append(seconds)
    return found


def midi_onsets(path: Path) -> list[float]:
    seconds, found = 0.0, []
    for message in mido.MidiFile(path):
        seconds += message.time
        if message.type == "note_on" and message.velocity:
            found.append(seconds)
    return sorted(found)


def test_wav_onsets_line_up_with_the_midi_file(tmp_path):
    piece = write_piece(tmp_path, SPACED_NOTES)
    render_file(piece, tmp_path / "out.mid", beats=16)
    summary = render_file(piece, tmp_path / "out.wav", beats=16)
    expected = midi_onsets(tmp_path / "out.mid")
    heard = onsets(tmp_path / "out.wav")
    assert summary.notes == len(expected) == 16
    assert len(heard) == len(expected), (heard, expected)
    assert max(abs(a - b) for a, b in zip(heard, expected)) < 0.03
    with wave.open(str(tmp_path / "out.wav")) as audio:
        length = audio.getnframes() / audio.getframerate()
        assert audio.getframerate() == 44100 and audio.getnchannels() == 2
    assert 8.0 <= length <= 8.0 + 3.0  # 16 beats at 120 bpm, and the notes ringing out


def test_flac_and_ogg_are_real_files_of_their_kind(tmp_path):
    piece = write_piece(tmp_path, SPACED_NOTES)
    render_file(piece, tmp_path / "out.flac", beats=4)
    render_file(piece, tmp_path / "out.ogg", beats=4)
    assert (tmp_path / "out.flac").read_bytes()[:4] == b"fLaC"
    assert (tmp_path / "out.ogg").read_bytes()[:4] == b"OggS"


def test_the_tabla_sample_renders_to_audio_that_is_not_silent(tmp_path):
    out = tmp_path / "tabla.wav"
    render_file(ROOT / "samples" / "pieces" / "tabla_pentatonic.py", out, bars=2)
    assert len(onsets(out)) >= 4
    assert not list(tmp_path.glob(".*"))  # no temporary file left beside it


def test_a_missing_soundfont_is_one_line_and_no_file(tmp_path, monkeypatch):
    piece = write_piece(tmp_path, SPACED_NOTES)
    monkeypatch.setenv("COMPOSER_SOUNDFONT", str(tmp_path / "none.sf2"))
    with pytest.raises(ComposerError, match="none.sf2: no such SoundFont"):
        render_file(piece, tmp_path / "out.wav", beats=4)
    assert not (tmp_path / "out.wav").exists()


def test_a_missing_fluidsynth_says_what_to_install(tmp_path):
    piece = write_piece(tmp_path, SPACED_NOTES)
    result = subprocess.run(
        [sys.executable, "-m", "composer", "render", str(piece), "-o", str(tmp_path / "out.wav"), "--beats", "4"],
        capture_output=True, text=True, env={"PATH": str(tmp_path), "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "composer: audio needs FluidSynth: install it (Debian package fluidsynth)"
    assert not (tmp_path / "out.wav").exists()


def test_soundfont_option_is_used(tmp_path):
    from composer.sinks.audio import find_soundfont

    font = find_soundfont()
    piece = write_piece(tmp_path, SPACED_NOTES)
    result = subprocess.run(
        [sys.executable, "-m", "composer", "render", str(piece), "-o", str(tmp_path / "a.wav"), "--beats", "4",
         "--soundfont", str(font)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "composer", "render", str(piece), "-o", str(tmp_path / "b.wav"), "--beats", "4",
         "--soundfont", str(tmp_path / "missing.sf2")],
        capture_output=True, text=True,
    )
    assert bad.returncode == 1 and "missing.sf2: no such SoundFont" in bad.stderr


def test_doctor_says_which_soundfont_audio_uses(tmp_path):
    from composer.sinks.audio import find_soundfont

    result = subprocess.run([sys.executable, "-m", "composer", "doctor"], capture_output=True, text=True)
    assert f"SoundFont: {find_soundfont()}" in result.stdout.splitlines()
    missing = subprocess.run([sys.executable, "-m", "composer", "doctor"], capture_output=True, text=True,
                             env={**os.environ, "COMPOSER_SOUNDFONT": str(tmp_path / "x.sf2")})
    assert f"SoundFont: {tmp_path / 'x.sf2'}: no such SoundFont" in missing.stdout.splitlines()


def test_audio_longer_than_a_wav_file_holds_is_refused_before_fluidsynth_runs(tmp_path, monkeypatch):
    """--bars 100000 asked FluidSynth for 111 hours (70 GB); a WAV file ends at 4 GiB, 6.7 hours."""
    import composer.sinks.audio as audio

    ran = []
    monkeypatch.setattr(audio.subprocess, "run", lambda *args, **kwargs: ran.append(args))
    piece = write_piece(tmp_path, """
        use_bpm(10)
        @live_loop
        def tune():
            play(60)
            sleep(1)
    """)
    with pytest.raises(ComposerError, match=r"audio lasts at most 6 hours \(this render is 6.7\)"):
        render_file(piece, tmp_path / "new" / "long.wav", bars=1000)
    assert ran == [] and not (tmp_path / "new").exists()  # nor a folder made for it
