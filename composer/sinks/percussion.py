"""General MIDI percussion as musicians read it: a name per key, and where it sits on a drum staff.

Pictures label drum rows with these names; the score sink writes each drum as an unpitched note
at its usual place on a five-line percussion staff (kick in the bottom space, snare on the third
space, cymbals above the staff with x noteheads), after the Percussive Arts Society's common key.
"""

from __future__ import annotations

#: GM key -> (short name, display step and octave on the staff, notehead)
GM_PERCUSSION: dict[int, tuple[str, str, str]] = {
    35: ("kick 2", "E4", "normal"),
    36: ("kick", "F4", "normal"),
    37: ("side stick", "C5", "x"),
    38: ("snare", "C5", "normal"),
    39: ("clap", "C5", "x"),
    40: ("snare 2", "C5", "normal"),
    41: ("floor tom 2", "F4", "normal"),
    42: ("hi-hat", "G5", "x"),
    43: ("floor tom", "A4", "normal"),
    44: ("pedal hi-hat", "D4", "x"),
    45: ("low tom", "B4", "normal"),
    46: ("open hi-hat", "G5", "circle-x"),
    47: ("low-mid tom", "B4", "normal"),
    48: ("hi-mid tom", "D5", "normal"),
    49: ("crash", "A5", "x"),
    50: ("high tom", "E5", "normal"),
    51: ("ride", "F5", "x"),
    52: ("china", "B5", "x"),
    53: ("ride bell", "F5", "diamond"),
    54: ("tambourine", "E5", "x"),
    55: ("splash", "B5", "x"),
    56: ("cowbell", "E5", "triangle"),
    57: ("crash 2", "B5", "x"),
    58: ("vibraslap", "D5", "x"),
    59: ("ride 2", "F5", "x"),
    60: ("hi bongo", "E5", "normal"),
    61: ("low bongo", "D5", "normal"),
    62: ("mute hi conga", "E5", "x"),
    63: ("open hi conga", "D5", "normal"),
    64: ("low conga", "C5", "normal"),
    65: ("high timbale", "E5", "normal"),
    66: ("low timbale", "D5", "normal"),
    67: ("high agogo", "F5", "triangle"),
    68: ("low agogo", "E5", "triangle"),
    69: ("cabasa", "G5", "x"),
    70: ("maracas", "G5", "x"),
    71: ("short whistle", "A5", "normal"),
    72: ("long whistle", "A5", "normal"),
    73: ("short guiro", "G5", "x"),
    74: ("long guiro", "G5", "x"),
    75: ("claves", "E5", "x"),
    76: ("hi wood block", "E5", "triangle"),
    77: ("low wood block", "D5", "triangle"),
    78: ("mute cuica", "E5", "x"),
    79: ("open cuica", "D5", "x"),
    80: ("mute triangle", "A5", "triangle"),
    81: ("open triangle", "A5", "triangle"),
}


def drum_name(key: int) -> str:
    """The drum's short name, or its key number for one outside General MIDI's map."""
    entry = GM_PERCUSSION.get(key)
    return entry[0] if entry else f"drum {key}"


def staff_place(key: int) -> tuple[str, str]:
    """(display step+octave, notehead) of a drum on a percussion staff; unknown keys sit mid-staff."""
    entry = GM_PERCUSSION.get(key)
    return (entry[1], entry[2]) if entry else ("B4", "normal")
