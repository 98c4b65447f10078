"""Instruments: General MIDI's 128 programs, and the GM program each Sonic Pi synth becomes.

`use_synth("pluck")` in a piece sends a program change, so a rendered file plays a guitar in
any GM synth or DAW rather than a piano for every part. Pure data and lookups.
"""

from __future__ import annotations

from composer.errors import ComposerError, did_you_mean
from composer.runtime.audio_only import AUDIO_SYNTHS

#: General MIDI level 1 program names, program 0 first (musicians count them 1-128).
GM_PROGRAMS = (
    "Acoustic Grand Piano", "Bright Acoustic Piano", "Electric Grand Piano", "Honky-tonk Piano",
    "Electric Piano 1", "Electric Piano 2", "Harpsichord", "Clavinet",
    "Celesta", "Glockenspiel", "Music Box", "Vibraphone", "Marimba", "Xylophone", "Tubular Bells", "Dulcimer",
    "Drawbar Organ", "Percussive Organ", "Rock Organ", "Church Organ", "Reed Organ", "Accordion", "Harmonica",
    "Tango Accordion",
    "Acoustic Guitar (nylon)", "Acoustic Guitar (steel)", "Electric Guitar (jazz)", "Electric Guitar (clean)",
    "Electric Guitar (muted)", "Overdriven Guitar", "Distortion Guitar", "Guitar Harmonics",
    "Acoustic Bass", "Electric Bass (finger)", "Electric Bass (pick)", "Fretless Bass", "Slap Bass 1",
    "Slap Bass 2", "Synth Bass 1", "Synth Bass 2",
    "Violin", "Viola", "Cello", "Contrabass", "Tremolo Strings", "Pizzicato Strings", "Orchestral Harp", "Timpani",
    "String Ensemble 1", "String Ensemble 2", "Synth Strings 1", "Synth Strings 2", "Choir Aahs", "Voice Oohs",
    "Synth Voice", "Orchestra Hit",
    "Trumpet", "Trombone", "Tuba", "Muted Trumpet", "French Horn", "Brass Section", "Synth Brass 1", "Synth Brass 2",
    "Soprano Sax", "Alto Sax", "Tenor Sax", "Baritone Sax", "Oboe", "English Horn", "Bassoon", "Clarinet",
    "Piccolo", "Flute", "Recorder", "Pan Flute", "Blown Bottle", "Shakuhachi", "Whistle", "Ocarina",
    "Lead 1 (square)", "Lead 2 (sawtooth)", "Lead 3 (calliope)", "Lead 4 (chiff)", "Lead 5 (charang)",
    "Lead 6 (voice)", "Lead 7 (fifths)", "Lead 8 (bass + lead)",
    "Pad 1 (new age)", "Pad 2 (warm)", "Pad 3 (polysynth)", "Pad 4 (choir)", "Pad 5 (bowed)", "Pad 6 (metallic)",
    "Pad 7 (halo)", "Pad 8 (sweep)",
    "FX 1 (rain)", "FX 2 (soundtrack)", "FX 3 (crystal)", "FX 4 (atmosphere)", "FX 5 (brightness)",
    "FX 6 (goblins)", "FX 7 (echoes)", "FX 8 (sci-fi)",
    "Sitar", "Banjo", "Shamisen", "Koto", "Kalimba", "Bagpipe", "Fiddle", "Shanai",
    "Tinkle Bell", "Agogo", "Steel Drums", "Woodblock", "Taiko Drum", "Melodic Tom", "Synth Drum", "Reverse Cymbal",
    "Guitar Fret Noise", "Breath Noise", "Seashore", "Bird Tweet", "Telephone Ring", "Helicopter", "Applause",
    "Gunshot",
)


def _key(name: str) -> str:
    """"Acoustic Guitar (nylon)" -> "acoustic_guitar_nylon": how a piece spells a GM name."""
    out = "".join(c.lower() if c.isalnum() else "_" for c in name.replace("+", " "))
    return "_".join(part for part in out.split("_") if part)


GM_BY_NAME = {_key(name): number for number, name in enumerate(GM_PROGRAMS)}

#: Each Sonic Pi synth (app/server/ruby/lib/sonicpi/synths/synthinfo.rb) as the GM program
#: closest in character; the audio-only players are not here (see AUDIO_SYNTHS).
SYNTH_PROGRAMS = {
    "piano": "acoustic_grand_piano",
    "pluck": "acoustic_guitar_nylon",
    "fm": "electric_piano_2",  # the DX7 sound GM's "Electric Piano 2" names
    "mod_fm": "electric_piano_2",
    "rhodey": "electric_piano_1",
    "rodeo": "electric_piano_1",
    "organ_tonewheel": "drawbar_organ",
    "kalimba": "kalimba",
    "dull_bell": "tubular_bells",
    "pretty_bell": "glockenspiel",
    "beep": "ocarina",  # a pure tone
    "sine": "ocarina",
    "mod_beep": "ocarina",
    "mod_sine": "ocarina",
    "tri": "lead_3_calliope",
    "dtri": "lead_3_calliope",
    "mod_tri": "lead_3_calliope",
    "saw": "lead_2_sawtooth",
    "mod_saw": "lead_2_sawtooth",
    "supersaw": "lead_2_sawtooth",
    "winwood_lead": "lead_2_sawtooth",
    "square": "lead_1_square",
    "pulse": "lead_1_square",
    "subpulse": "lead_1_square",
    "dpulse": "lead_1_square",
    "mod_pulse": "lead_1_square",
    "chiplead": "lead_1_square",
    "hoover": "lead_5_charang",
    "growl": "lead_8_bass_lead",
    "dsaw": "pad_3_polysynth",
    "mod_dsaw": "pad_3_polysynth",
    "prophet": "pad_3_polysynth",
    "tech_saws": "synth_strings_2",
    "blade": "synth_strings_1",
    "hollow": "pad_7_halo",
    "zawa": "pad_8_sweep",
    "dark_ambience": "fx_4_atmosphere",
    "tb303": "synth_bass_1",
    "bass_foundation": "synth_bass_1",
    "bass_highend": "synth_bass_2",
    "chipbass": "synth_bass_2",
    "noise": "seashore",
    "pnoise": "seashore",
    "bnoise": "seashore",
    "gnoise": "seashore",
    "cnoise": "seashore",
    "chipnoise": "synth_drum",
    "gabberkick": "synth_drum",
    **{f"sc808_{drum}": "synth_drum" for drum in (
        "bassdrum", "snare", "clap", "tomlo", "tommid", "tomhi", "congalo", "congamid", "congahi", "rimshot",
        "claves", "maracas", "cowbell", "closed_hihat", "open_hihat", "cymbal")},
}


def program(instrument) -> int:
    """The GM program (0-127) for a Sonic Pi synth name, a GM name or a program number."""
    if isinstance(instrument, bool) or not isinstance(instrument, (int, str)):
        raise ComposerError(f"use_synth takes a synth name, a General MIDI name or a program 0-127, not {instrument!r}")
    if isinstance(instrument, int):
        if not 0 <= instrument <= 127:
            raise ComposerError(f"program {instrument} is outside General MIDI's 0-127")
        return instrument
    name = instrument.lstrip(":").strip().lower()
    if name in AUDIO_SYNTHS:
        raise ComposerError(f"synth {name!r} is audio-only in Sonic Pi and composer plays MIDI: {AUDIO_SYNTHS[name]}")
    if name in SYNTH_PROGRAMS:
        return GM_BY_NAME[SYNTH_PROGRAMS[name]]
    if name in GM_BY_NAME:
        return GM_BY_NAME[name]
    if _key(name) in GM_BY_NAME:
        return GM_BY_NAME[_key(name)]
    hint = did_you_mean(name, [*SYNTH_PROGRAMS, *GM_BY_NAME])
    raise ComposerError(f"unknown synth {instrument!r}" + (f"; did you mean {hint}?" if hint else
                        " (a Sonic Pi synth, a General MIDI name such as 'acoustic_guitar_nylon', or 0-127)"))


def program_name(number: int) -> str:
    """The GM name of a program, as a file's instrument name shows it."""
    return GM_PROGRAMS[number]
