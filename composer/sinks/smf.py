"""A Standard MIDI File (type 1) writer, fed by the message stream as it is produced.

Each track is encoded into a compact bytearray as messages arrive; past `SPILL_BYTES` a track
moves its bytes to an anonymous temporary file, and `write` copies the tracks out in pieces, so a
render of any length holds a few megabytes. Output is byte-identical for the same stream: no
timestamps, no dict ordering, no floating point in tick positions.

Channel messages are written as they are; a program change is preceded by an instrument name
(meta 0x04, the GM name) so a DAW shows each track's instrument; a sysex is an F0 event. System
common and real-time messages (clock, start, stop, song position) are left out: a file has no
transport, and the F7 escapes that could hold them are unreadable to common MIDI libraries.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterable
from fractions import Fraction

from composer.atomic import atomic_open
from composer.errors import ComposerError
from composer.instruments import program_name
from composer.midi.bytes import NOTE_ON, PROGRAM_CHANGE, SYSEX
from composer.runtime.events import Tempo, TimeSignature
from composer.runtime.messages import Message

TICKS_PER_BEAT = 480
#: A track holds this many bytes in memory before it spools them to a temporary file.
SPILL_BYTES = 1 << 22
#: The largest varlen number and track count a standard MIDI file can hold.
MAX_DELTA = 0x0FFFFFFF
MAX_TRACKS = 0xFFFF
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

    __slots__ = ("data", "last_tick", "spool", "spooled")

    def __init__(self, name: str):
        self.data = bytearray()
        self.last_tick = 0
        self.spool = None  # an anonymous temporary file, once the track grows large
        self.spooled = 0
        if name:
            self.data += b"\x00" + _meta(0x03, name.encode("utf-8"))

    def add(self, tick: int, payload: bytes | tuple) -> None:
        delta = tick - self.last_tick
        self.last_tick = tick
        data = self.data
        if delta < 0x80:
            data.append(delta)
        else:
            if delta > MAX_DELTA:
                raise ComposerError(f"a silence of {delta / TICKS_PER_BEAT:,.0f} beats is longer than a MIDI file "
                                    f"can hold ({MAX_DELTA // TICKS_PER_BEAT:,} beats)")
            data += _varlen(delta)
        data += bytes(payload)
        if len(data) > SPILL_BYTES:
            self._spill()

    def _spill(self) -> None:
        if self.spool is None:
            import tempfile  # only long renders spill

            self.spool = tempfile.TemporaryFile(prefix="composer-track-")
        self.spool.write(self.data)
        self.spooled += len(self.data)
        self.data = bytearray()

    def _end(self, end_tick: int = 0) -> bytes:
        """End of track, at `end_tick` if that is after the last event (a player runs on to it)."""
        return _varlen(max(0, end_tick - self.last_tick)) + _meta(0x2F, b"")

    def header(self, end_tick: int = 0) -> bytes:
        return b"MTrk" + struct.pack(">I", self.spooled + len(self.data) + len(self._end(end_tick)))

    def write_to(self, handle) -> None:
        """Write the chunk to a file without gathering it in memory."""
        handle.write(self.header())
        if self.spool is not None:
            self.spool.seek(0)
            import shutil  # only spilled tracks need it

            shutil.copyfileobj(self.spool, handle, 1 << 20)
            self.spool.seek(0, os.SEEK_END)
        handle.write(self.data)
        handle.write(self._end())

    def chunk(self, end_tick: int = 0) -> bytes:
        spooled = b""
        if self.spool is not None:
            self.spool.seek(0)
            spooled = self.spool.read()
            self.spool.seek(0, os.SEEK_END)
        return self.header(end_tick) + spooled + bytes(self.data) + self._end(end_tick)


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

    def consume(self, messages: Iterable[Message]) -> None:
        tracks = self.tracks
        notes = 0
        for beat, track, data in messages:
            denominator = beat.denominator
            tick = (2 * beat.numerator * TICKS_PER_BEAT + denominator) // (2 * denominator)  # beat_to_tick, inline
            encoder = tracks.get(track)
            if encoder is None:
                encoder = tracks[track] = TrackEncoder(track)
            if type(data) is tuple:
                status = data[0]
                if status & 0xF0 == NOTE_ON:
                    notes += 1
                elif status & 0xF0 == PROGRAM_CHANGE:
                    encoder.add(tick, _meta(0x04, program_name(data[1]).encode("ascii")))
                elif status >= SYSEX:
                    if status == SYSEX:
                        encoder.add(tick, bytes((SYSEX,)) + _varlen(len(data) - 1) + bytes(data[1:]))
                    continue
                encoder.add(tick, data)
            else:
                encoder.add(tick, meta_bytes(data))
        self.notes += notes

    def _ordered(self, track_order: Iterable[str]) -> list[str]:
        """The conductor track first, then `track_order`, then any other tracks."""
        names = list(dict.fromkeys([CONDUCTOR, *track_order, *self.tracks]))
        if len(names) > MAX_TRACKS:
            raise ComposerError(f"{len(names) - 1:,} loops: a MIDI file holds at most {MAX_TRACKS - 1:,} tracks "
                                "besides the conductor")
        for name in names:
            if name not in self.tracks:
                self.tracks[name] = TrackEncoder(name)
        return names

    def _header(self, names: list[str]) -> bytes:
        return b"MThd" + struct.pack(">IHHH", 6, 1, len(names), TICKS_PER_BEAT)

    def to_bytes(self, track_order: Iterable[str] = (), end_tick: int = 0) -> bytes:
        """The whole file in memory (small files, audio, tests; `write` streams). `end_tick`
        lengthens the conductor track, so a player runs on to it (the render's full length)."""
        names = self._ordered(track_order)
        conductor = self.tracks[CONDUCTOR].chunk(end_tick)
        return self._header(names) + conductor + b"".join(self.tracks[n].chunk() for n in names[1:])

    def write(self, path: str | os.PathLike, track_order: Iterable[str] = ()) -> None:
        names = self._ordered(track_order)
        with atomic_open(path, "wb") as handle:
            handle.write(self._header(names))
            for name in names:
                self.tracks[name].write_to(handle)
