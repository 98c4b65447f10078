"""The band's instruments: track names, MIDI channels and General MIDI programs.

Programs go out as the runtime's own `Setting` events (sent when they change), so a file,
a port and a piece's loop all get the same program changes.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from composer.instruments import GM_BY_NAME
from composer.runtime.events import PROGRAM, Setting


class Instrument(NamedTuple):
    track: str
    channel: int  # 0-based, as on the wire
    program: int | None  # General MIDI, 0-based; None for the drum channel


INSTRUMENTS = {
    "guitar": Instrument("guitar", 0, GM_BY_NAME["acoustic_guitar_steel"]),
    "bass": Instrument("bass", 1, GM_BY_NAME["electric_bass_finger"]),
    "keys": Instrument("keys", 2, GM_BY_NAME["pad_2_warm"]),
    "drums": Instrument("drums", 9, None),  # GM percussion on channel 10
}


def program_event(part: str, beat: Fraction = Fraction(0), channel: int | None = None, track: str | None = None):
    """The part's program change (None for the drums), on its own channel and track unless given."""
    instrument = INSTRUMENTS[part]
    if instrument.program is None:
        return None
    return Setting(beat, PROGRAM, instrument.program,
                   instrument.channel if channel is None else channel, track or instrument.track)
