"""Music theory with Sonic Pi's names and numbers: notes, scales, chords, degrees, arpeggios.

Pure functions only (no clocks, no I/O), so pieces, patterns and the CLI can share them.
"""

from composer.theory.arp import ARP_MODES, arp
from composer.theory.chords import CHORDS, chord, chord_degree, chord_invert, chord_names
from composer.theory.notes import (
    NoteInfo, hz_to_midi, midi_notes, midi_to_hz, note, note_info, note_name, note_range, octs,
)
from composer.theory.scales import SCALES, degree, scale, scale_names

__all__ = [
    "ARP_MODES",
    "CHORDS",
    "SCALES",
    "arp",
    "chord",
    "chord_degree",
    "chord_invert",
    "chord_names",
    "degree",
    "NoteInfo",
    "hz_to_midi",
    "midi_notes",
    "midi_to_hz",
    "note",
    "note_info",
    "note_name",
    "note_range",
    "octs",
    "scale",
    "scale_names",
]
