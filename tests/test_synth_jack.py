"""`play --synth`: a real FluidSynth started by composer on the JACK server, played, then ended."""

import pytest

from composer.errors import ComposerError
from composer.live import synth
from composer.midi.ports import list_ports
from pieces import write_piece
from ports import composer_process, reap, wait_until

PIECE = """
    use_bpm(240)

    @live_loop
    def tune():
        play(ring(60, 64, 67).tick(), duration=0.5)
        sleep(0.5)
"""


def synth_ports():
    return [p.name for p in list_ports() if "composer-synth" in p.name]


@pytest.mark.jack
def test_play_synth_starts_fluidsynth_plays_to_it_and_ends_it(tmp_path, jack):
    piece = write_piece(tmp_path, PIECE)
    process = composer_process("play", piece, "--synth", "--bars", "2")
    try:
        assert wait_until(lambda: synth_ports(), timeout=15), "FluidSynth's MIDI port never appeared"
        out, err = process.communicate(timeout=30)
    finally:
        reap(process)
    assert process.returncode == 0, err
    assert "composer-synth" in out + err  # it says where it plays
    assert wait_until(lambda: not synth_ports(), timeout=5), "FluidSynth was left running"


@pytest.mark.jack
def test_synth_with_no_sound_card_is_one_line(jack, monkeypatch):
    # FluidSynth's ALSA audio output on a machine with no sound card: the real failure
    monkeypatch.setattr(synth, "_drivers", lambda api, name: ["-a", "alsa", "-m", "jack", "-o", f"midi.jack.id={name}"])
    with pytest.raises(ComposerError, match=r"^no audio device: FluidSynth cannot play to a sound card here"):
        with synth.running_synth("jack"):
            pass


@pytest.mark.jack
def test_perform_synth_starts_fluidsynth_and_ends_it_when_perform_fails(jack):
    process = composer_process("perform", "--patch", "default", "--in", "nothing-like-this", "--synth")
    try:
        out, err = process.communicate(timeout=30)
    finally:
        reap(process)
    assert process.returncode == 2, err
    assert "playing through FluidSynth on composer-synth" in err
    assert "no MIDI input matches 'nothing-like-this'" in err
    assert wait_until(lambda: not synth_ports(), timeout=5), "FluidSynth was left running"


@pytest.mark.jack
def test_synth_excludes_port_and_virtual(tmp_path, jack):
    piece = write_piece(tmp_path, PIECE)
    process = composer_process("play", piece, "--synth", "--virtual", "x", "--bars", "1")
    out, err = process.communicate(timeout=20)
    assert process.returncode == 2 and "give one of --port, --virtual and --synth, not --virtual and --synth" in err
