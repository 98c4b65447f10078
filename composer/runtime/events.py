"""Timestamped events: what a piece produces, in beats of exact virtual time.

These are the one currency between the runtime and every sink. A sink turns them into MIDI
messages through `composer.runtime.messages`, so a file and a port receive the same thing.
Channels are 0-based here (MIDI's wire numbering); pieces count them 1-16 as musicians do.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple


class Note(NamedTuple):
    beat: Fraction
    duration: Fraction
    note: int
    velocity: int
    channel: int
    track: str


class Control(NamedTuple):
    beat: Fraction
    control: int
    value: int
    channel: int
    track: str


class Tempo(NamedTuple):
    beat: Fraction
    bpm: Fraction


class TimeSignature(NamedTuple):
    beat: Fraction
    numerator: int
    denominator: int


class Release(NamedTuple):
    """End the notes of `track` still sounding at `beat`: a loop stopped mid-iteration."""

    beat: Fraction
    track: str


Event = Note | Control | Tempo | TimeSignature | Release
