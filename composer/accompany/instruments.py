"""The band's instruments: track names, MIDI channels and General MIDI programs.

Program changes are written here as raw channel messages at the top of each track, the one
place to switch to the runtime's own program-change event once it has one.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from composer.runtime.messages import Message

PROGRAM_CHANGE = 0xC0


class Instrument(NamedTuple):
    track: str
    channel: int  # 0-based, as on the wire
    program: int | None  # General MIDI, 0-based; None for the drum channel


INSTRUMENTS = {
    "guitar": Instrument("guitar", 0, 25),  # Acoustic Guitar (steel)
    "bass": Instrument("bass", 1, 33),  # Electric Bass (finger)
    "keys": Instrument("keys", 2, 89),  # Pad 2 (warm)
    "drums": Instrument("drums", 9, None),  # GM percussion on channel 10
}


def program_messages(parts) -> list[Message]:
    """A program change at beat 0 on each part's track (the drum channel needs none)."""
    return [
        Message(Fraction(0), INSTRUMENTS[p].track, (PROGRAM_CHANGE | INSTRUMENTS[p].channel, INSTRUMENTS[p].program))
        for p in parts
        if INSTRUMENTS[p].program is not None
    ]
