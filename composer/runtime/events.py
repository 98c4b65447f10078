"""Timestamped events: what a piece produces, in beats of exact virtual time.

These are the one currency between the runtime and every sink. A sink turns them into MIDI
messages through `composer.runtime.messages`, so a file and a port receive the same thing.
Channels are 0-based here (MIDI's wire numbering); pieces count them 1-16 as musicians do.
A message meant for a named port (`port=` in a piece) is on a track named `"LOOP @ PORT"`: a
file keeps each port's messages on tracks of their own, and a live sink sends them there.
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


class Setting(NamedTuple):
    """A value that persists on a channel: a program (`control` is PROGRAM) or a controller.

    Sent only when it changes, so `use_synth` on every note, or an effect around a loop's body,
    costs one message per change, not one per note.
    """

    beat: Fraction
    control: int
    value: int
    channel: int
    track: str


PROGRAM = -1  # Setting.control for a program change


class Midi(NamedTuple):
    """Any other whole MIDI message from a piece, as bytes: pitch bend, sysex, clock, note-on..."""

    beat: Fraction
    data: tuple[int, ...]
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


Event = Note | Control | Setting | Midi | Tempo | TimeSignature | Release

PORT_MARK = " @ "


def port_track(track: str, port: str | None) -> str:
    """The track for a loop's messages to `port` (None: the main output)."""
    return track if port is None else f"{track}{PORT_MARK}{port}"


def port_of(track: str) -> str | None:
    """The port a track's messages go to (None: the main output)."""
    return track.rpartition(PORT_MARK)[2] if PORT_MARK in track else None
