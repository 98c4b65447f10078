"""Sonic Pi names composer deliberately lacks: they work on audio, and composer plays MIDI.

A musician typing them by habit gets one line saying so and what to use instead, not a
NameError. (Sonic Pi's drum samples are no such name: `sample("bd")` plays the kit's drum.)
"""

from __future__ import annotations

from composer.errors import ComposerError

_SAMPLES = "samples are sound files; composer plays drums by name with sample('bd') from a kit (composer/data/kits/*.toml, or your own)"
_MIXER = "there is no audio mixer; set a channel's volume with midi_cc(7, value)"
_RECORD = "composer records MIDI: `composer render -o take.mid`, or `--record` when performing"
_INPUT = "use `composer perform` (or `play --in PORT`) to take MIDI input from a controller"
_TUNING = "pitches are MIDI notes; bend them with midi_pitch_bend"
_NODES = "a MIDI note cannot be changed once struck; send controllers with midi_cc or midi_pitch_bend"
_SYNTHDEFS = "synths are General MIDI programs here: use_synth('piano'), a GM name or 0-127"

#: name -> why it has no MIDI meaning, and what to use instead.
AUDIO_ONLY = {
    "sample_buffer": _SAMPLES,
    "sample_info": _SAMPLES,
    "sample_paths": _SAMPLES,
    "sample_groups": _SAMPLES,
    "sample_names": _SAMPLES,
    "all_sample_names": _SAMPLES,
    "sample_loaded": _SAMPLES,
    "sample_free": _SAMPLES,
    "sample_free_all": _SAMPLES,
    "load_sample": _SAMPLES,
    "load_samples": _SAMPLES,
    "use_sample_bpm": _SAMPLES,
    "use_sample_defaults": _SAMPLES,
    "use_merged_sample_defaults": _SAMPLES,
    "with_sample_defaults": _SAMPLES,
    "with_merged_sample_defaults": _SAMPLES,
    "buffer": "buffers hold audio; keep notes in rings and lists",
    "live_audio": _INPUT,
    "sound_in": _INPUT,
    "sound_in_stereo": _INPUT,
    "kill": _NODES,
    "set_volume": _MIXER,
    "set_mixer_control": _MIXER,
    "reset_mixer": _MIXER,
    "recording_start": _RECORD,
    "recording_stop": _RECORD,
    "recording_save": _RECORD,
    "recording_delete": _RECORD,
    "set_recording_bit_depth": _RECORD,
    "use_cent_tuning": _TUNING,
    "with_cent_tuning": _TUNING,
    "use_tuning": _TUNING,
    "with_tuning": _TUNING,
    "load_synthdefs": _SYNTHDEFS,
    "use_external_synths": _SYNTHDEFS,
    "scsynth_info": "there is no SuperCollider server; `composer doctor` checks MIDI",
    "set_audio_latency": "set how far ahead composer plays with `play --latency MS`",
}

#: Sonic Pi synths that play audio rather than notes: `use_synth` names them with the same hint.
AUDIO_SYNTHS = {
    "sound_in": _INPUT, "sound_in_stereo": _INPUT, "mono_player": _SAMPLES, "stereo_player": _SAMPLES,
    "basic_mono_player": _SAMPLES, "basic_stereo_player": _SAMPLES, "basic_mixer": _MIXER, "main_mixer": _MIXER,
}


def refuse(name: str, why: str):
    def audio_only(*args, **options):
        raise ComposerError(f"{name}() is audio-only in Sonic Pi and composer plays MIDI: {why}")

    audio_only.__name__ = name
    return audio_only


def names() -> dict:
    return {name: refuse(name, why) for name, why in AUDIO_ONLY.items()}
