"""From events to MIDI messages: the one place where notes become note-on/note-off pairs.

Both sinks (the file writer and the live scheduler) consume this stream, so a file and a port
get the same messages in the same order. Rules:
- a note-off comes exactly `duration` beats after its note-on;
- at equal times, note-offs come before anything else, so a note can end and start again;
- a note struck again while still sounding is ended just before the new strike, and the
  earlier note's own note-off is dropped, so it can never cut the new note short; struck again
  at the very beat it began (two loops hitting one drum together), it is one hit, lasting as
  long as the longer of the two, never a note-on and note-off on one tick;
- a Release ends the notes its track has sounding then (their own later note-offs are dropped),
  on the loop's own track and on its tracks to other ports;
- a note-on sent raw (midi_note_on) is the piece's to end, as in Sonic Pi; one still sounding
  when the stream ends gets its note-off then, so no file or port is left with a hanging note;
  a raw note-off ends a played note too (`control` changing a note), whose own note-off is dropped;
- a Setting (program, or a controller such as pan) is sent only when it changes the value last
  sent on its port and channel; a Control is always sent and remembered likewise.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import NamedTuple

from composer.midi.bytes import CONTROL_CHANGE, NOTE_OFF, NOTE_ON, PROGRAM_CHANGE, channel_of, kind_of
from composer.runtime.events import PORT_MARK, PROGRAM, Control, Event, Midi, Note, Release, Setting, port_of


class Message(NamedTuple):
    beat: Fraction
    track: str
    data: tuple[int, ...] | Event  # a whole MIDI message's bytes, or a Tempo/TimeSignature event


class Expander:
    """Stateful event-to-message conversion, for streams that arrive a window at a time.

    `feed` an event to get the messages up to and including it; `flush_until(beat)` releases the
    note-offs due by then (a live scheduler calls it at each look-ahead horizon); `flush_all`
    ends every sounding note (the end of a render, or a stop).
    """

    __slots__ = ("offs", "sounding", "strike", "settings", "held")

    def __init__(self):
        # (float key, beat, strike id, note key, track): the float orders like the exact beat but
        # compares much faster; equal floats fall through to the Fraction. A note key is
        # (channel, note) on the main output, (channel, note, port) on another port.
        self.offs: list[tuple[float, Fraction, int, tuple, str]] = []
        # note key -> (strike id, track, begin, end)
        self.sounding: dict[tuple, tuple[int, str, Fraction, Fraction]] = {}
        self.strike = 0
        self.settings: dict[tuple[str | None, int, int], int] = {}  # (port, channel, control) -> value
        # raw note-ons not yet ended: (port, channel, note) -> (beat, track)
        self.held: dict[tuple[str, int, int], tuple[Fraction, str]] = {}

    def feed(self, event: Event) -> list[Message]:
        """The messages due up to and including `event`: earlier note-offs, then the event's own."""
        beat = event.beat
        offs = self.offs
        out = self.flush_until(beat) if offs and offs[0][0] <= beat.numerator / beat.denominator else []
        kind = type(event)
        if kind is Note:
            track = event.track
            key = (event.channel, event.note) if PORT_MARK not in track else (event.channel, event.note, port_of(track))
            earlier = self.sounding.get(key)
            end = beat + event.duration if event.duration else beat
            self.strike += 1
            if earlier is not None and earlier[2] == beat:  # the same hit twice: one note, the longer
                end = max(end, earlier[3])
                self.sounding[key] = (self.strike, earlier[1], beat, end)
                heapq.heappush(offs, (end.numerator / end.denominator, end, self.strike, key, earlier[1]))
                return out
            if earlier is not None:
                out.append(Message(beat, earlier[1], (NOTE_OFF | event.channel, event.note, 0)))
            self.sounding[key] = (self.strike, track, beat, end)
            heapq.heappush(offs, (end.numerator / end.denominator, end, self.strike, key, track))
            out.append(Message(beat, event.track, (NOTE_ON | event.channel, event.note, event.velocity)))
        elif kind is Control:
            self.settings[(port_of(event.track), event.channel, event.control)] = event.value
            out.append(Message(beat, event.track, (CONTROL_CHANGE | event.channel, event.control, event.value)))
        elif kind is Setting:
            key = (port_of(event.track), event.channel, event.control)
            if self.settings.get(key) != event.value:
                self.settings[key] = event.value
                if event.control == PROGRAM:
                    out.append(Message(beat, event.track, (PROGRAM_CHANGE | event.channel, event.value)))
                else:
                    out.append(Message(beat, event.track, (CONTROL_CHANGE | event.channel, event.control, event.value)))
        elif kind is Midi:
            data = event.data
            message_kind = kind_of(data[0])
            if message_kind == CONTROL_CHANGE or message_kind == PROGRAM_CHANGE:  # later Settings compare with it
                control = data[1] if message_kind == CONTROL_CHANGE else PROGRAM
                self.settings[(port_of(event.track), channel_of(data[0]), control)] = data[-1]
            elif message_kind == NOTE_ON or message_kind == NOTE_OFF:
                key = (port_of(event.track) or "", channel_of(data[0]), data[1])
                if message_kind == NOTE_ON and data[2]:
                    self.held[key] = (beat, event.track)
                else:  # it ends the note, whoever struck it: that note's own note-off is dropped
                    self.held.pop(key, None)
                    self.sounding.pop(key[1:] if not key[0] else key[1:] + key[:1], None)
            out.append(Message(beat, event.track, data))
        elif kind is Release:
            prefix = event.track + PORT_MARK
            for key, (_, owner, _, _) in sorted(self.sounding.items()):
                if owner == event.track or owner.startswith(prefix):
                    del self.sounding[key]
                    out.append(Message(beat, owner, (NOTE_OFF | key[0], key[1], 0)))
        else:
            out.append(Message(beat, "", event))
        return out

    def flush_until(self, beat: Fraction) -> list[Message]:
        """Note-offs due at or before `beat`, in time order."""
        offs, sounding = self.offs, self.sounding
        out = []
        while offs and offs[0][1] <= beat:
            _, end, strike_id, key, track = heapq.heappop(offs)
            if sounding.get(key, (None,))[0] == strike_id:
                del sounding[key]
                out.append(Message(end, track, (NOTE_OFF | key[0], key[1], 0)))
        return out

    def flush_all(self, end: Fraction | None = None) -> list[Message]:
        """Every remaining note-off at its own time; raw note-ons still held end at the latest of
        `end` (the end of a render), their own beats and the other note-offs."""
        out = self.flush_until(max(off[1] for off in self.offs)) if self.offs else []
        if self.held:
            last = max([beat for beat, _ in self.held.values()] + [m.beat for m in out[-1:]] +
                       ([] if end is None else [end]))
            for (_, channel, note), (_, track) in sorted(self.held.items()):
                out.append(Message(last, track, (NOTE_OFF | channel, note, 0)))
            self.held.clear()
        return out

    def forget_settings(self) -> None:
        """The receiving synth lost its state (it went away and came back): each program and
        controller setting is sent again the next time a note asks for it."""
        self.settings.clear()

    def sounding_notes(self) -> list[tuple[int, int]]:
        """(channel, note) pairs sounding now, on any port: what a stop must silence at once."""
        return sorted({key[:2] for key in self.sounding})


def expand(events: Iterable[Event], end: Fraction | None = None) -> Iterator[Message]:
    """Turn an ordered event stream into an ordered message stream, ending every note (by `end`,
    the stream's length, for notes only a raw note-off would have ended)."""
    expander = Expander()
    feed = expander.feed
    for event in events:
        yield from feed(event)
    yield from expander.flush_all(end)
