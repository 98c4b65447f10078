"""A Standard MIDI File (type 1) writer, fed by the message stream as it is produced.

Each track is encoded into a compact bytearray as messages arrive, so memory grows with the
file's size in bytes, not with Python objects per note. Output is byte-identical for the same
stream: no timestamps, no dict ordering, no floating point in tick positions.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterable
from fractions import Fraction

from composer.atomic import atomic_open
from composer.runtime.events import Tempo, TimeSignature
from composer.runtime.messages import Message

TICKS_PER_BEAT = 480
CONDUCTOR = ""  # the track name messages without a loop (tempo, time signature) carry


def _varlen(value: int) -> bytes:
    if value < 0x80:
        return bytes((value,))
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))


def _meta(kind: int, payload: bytes) -> bytes:
    return bytes((0xFF, kind)) + _varlen(len(payload)) + payload


class TrackEncoder:
    """One MTrk chunk under construction: absolute ticks in, delta-time bytes out."""

    __slots__ = ("data", "last_tick")

    def __init__(self, name: str):
        self.data = bytearray()
        self.last_tick = 0
        if name:
            self.data += b"\x00" + _meta(0x03, name.encode("utf-8"))

    def add(self, tick: int, payload: bytes | tuple) -> None:
        delta = tick - self.last_tick
        self.last_tick = tick
        data = self.data
        if delta < 0x80:
            data.append(delta)
        else:
            data += _varlen(delta)
        data += bytes(payload)

    def chunk(self, end_tick: int = 0) -> bytes:
        """The MTrk chunk; its end-of-track comes at `end_tick` if that is after its last event."""
        body = bytes(self.data) + _varlen(max(0, end_tick - self.last_tick)) + _meta(0x2F, b"")
        return b"MTrk" + struct.pack(">I", len(body)) + body


def beat_to_tick(beat: Fraction) -> int:
    """The nearest tick (half up), exact for any beat; notes at 1/3 or 1/5 beats land exactly."""
    return (2 * beat.numerator * TICKS_PER_BEAT + beat.denominator) // (2 * beat.denominator)


def meta_bytes(event) -> bytes:
    if isinstance(event, Tempo):
        micros = round(Fraction(60_000_000) / event.bpm)
        return _meta(0x51, micros.to_bytes(3, "big"))
    if isinstance(event, TimeSignature):
        power = event.denominator.bit_length() - 1
        return _meta(0x58, bytes((event.numerator, power, 24, 8)))
    raise TypeError(f"not a meta event: {event!r}")


class MidiFileWriter:
    """Collects a message stream into tracks and writes the file atomically."""

    def __init__(self, title: str = ""):
        self.tracks: dict[str, TrackEncoder] = {CONDUCTOR: TrackEncoder(title)}
        self.notes = 0
        self.last_tick = 0

    def consume(self, messages: Iterable[Message]) -> None:
        tracks = self.tracks
        notes = 0
        tick = 0
        for beat, track, data in messages:
            tick = beat_to_tick(beat)
            encoder = tracks.get(track)
            if encoder is None:
                encoder = tracks[track] = TrackEncoder(track)
            if type(data) is tuple:
                if data[0] & 0xF0 == 0x90:
                    notes += 1
                encoder.add(tick, data)
            else:
                encoder.add(tick, meta_bytes(data))
        self.notes += notes
        self.last_tick = max(self.last_tick, tick)

    def to_bytes(self, track_order: Iterable[str] = (), end_tick: int = 0) -> bytes:
        """The file: the conductor track first, then `track_order`, then any other tracks.

        `end_tick` lengthens the conductor track, so a player runs on to it (an audio tail)."""
        names = [CONDUCTOR] + [n for n in track_order if n != CONDUCTOR]
        for name in list(names[1:]):
            if name not in self.tracks:
                self.tracks[name] = TrackEncoder(name)
        names += [n for n in self.tracks if n not in names]
        header = b"MThd" + struct.pack(">IHHH", 6, 1, len(names), TICKS_PER_BEAT)
        conductor = self.tracks[CONDUCTOR].chunk(end_tick)
        return header + conductor + b"".join(self.tracks[n].chunk() for n in names[1:])

    def write(self, path: str | os.PathLike, track_order: Iterable[str] = ()) -> None:
        data = self.to_bytes(track_order)
        with atomic_open(path, "wb") as handle:
            handle.write(data)
