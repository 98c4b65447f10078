"""Keep a whole performance for a MIDI file: what the piece played, what the player played, and
what came in from the controller, each on its own track, in beats of the piece's clock.

The piece's messages are caught where they are made (a tee on the scheduler's Expander), so the
file holds exactly what the port heard, loops by name. Played notes and incoming messages carry
wall-clock times, turned into beats through the same tempo map the scheduler uses. At the end,
anything computed ahead but never sent is dropped and notes still sounding are ended, so the
file never holds a hanging note. Appends are atomic under the GIL: safe from the MIDI thread.
"""

from __future__ import annotations

from fractions import Fraction

from composer.errors import ComposerError
from composer.midi.bytes import NOTE_OFF, channel_of, ends_note, is_channel_status, is_note_on
from composer.outputs import rescue
from composer.runtime.messages import Message
from composer.sinks.smf import TICKS_PER_BEAT, MidiFileWriter

INPUT_TRACK = "controller in"


def to_tick_beat(beat: float) -> Fraction:
    """A float beat on the file's tick grid (never before beat 0)."""
    return Fraction(max(0, round(beat * TICKS_PER_BEAT)), TICKS_PER_BEAT)


class RecordingExpander:
    """Wraps the scheduler's Expander: same answers, and every message is also kept."""

    def __init__(self, inner, keep):
        self._inner = inner
        self._keep = keep

    def feed(self, event):
        return self._kept(self._inner.feed(event))

    def flush_until(self, beat):
        return self._kept(self._inner.flush_until(beat))

    def flush_all(self, end=None):
        return self._kept(self._inner.flush_all(end))

    def _kept(self, messages):
        for message in messages:
            self._keep(message)
        return messages

    def __getattr__(self, name):  # sounding, offs, sounding_notes: the inner expander's
        return getattr(self._inner, name)


class Recorder:
    """Collects messages; `write(path)` sorts, trims at the stop and writes the file atomically."""

    def __init__(self, title: str = "performance"):
        self.title = title
        self.messages: list[Message] = []
        self.loop_tracks: list[str] = []

    def keep(self, message: Message) -> None:
        self.messages.append(message)

    def tee(self, expander) -> RecordingExpander:
        return RecordingExpander(expander, self.keep)

    def played(self, beat: float, track: str, data: tuple) -> None:
        """A channel message sent to the output now (a played key, a pad, a knob's CC).

        System messages passed through (sysex, clock) are not kept: clock has no place in a file.
        """
        if data and is_channel_status(data[0]):
            self.messages.append(Message(to_tick_beat(beat), track, tuple(data)))

    def incoming(self, beat: float, data: tuple) -> None:
        """A channel message as it came from the controller (system messages are not kept)."""
        if data and is_channel_status(data[0]):
            self.messages.append(Message(to_tick_beat(beat), INPUT_TRACK, tuple(data)))

    def finished(self, stop_beat: float) -> list[Message]:
        """Everything up to `stop_beat`, in time order, with every note ended by then."""
        stop = to_tick_beat(stop_beat)
        kept = sorted((m for m in list(self.messages) if m.beat <= stop), key=lambda m: m.beat)
        sounding: dict[tuple[str, int, int], bool] = {}
        for message in kept:
            data = message.data
            if type(data) is tuple and is_channel_status(data[0]):
                if is_note_on(data):
                    sounding[(message.track, channel_of(data[0]), data[1])] = True
                elif ends_note(data):
                    sounding.pop((message.track, channel_of(data[0]), data[1]), None)
        ends = [Message(stop, track, (NOTE_OFF | channel, note, 0)) for track, channel, note in sounding]
        return kept + ends

    def write(self, path, stop_beat: float, track_order=()) -> int:
        """Write the file; returns how many notes it holds."""
        writer = MidiFileWriter(title=self.title)
        writer.consume(self.finished(stop_beat))
        order = [*track_order, "arpeggiator", "keys", "pads", "controls", "thru", INPUT_TRACK]
        tracks = [name for name in dict.fromkeys(order) if name in writer.tracks]
        try:
            writer.write(path, tracks)
        except ComposerError as error:  # the folder went away, the disk is full: keep the take
            raise rescue(lambda place: writer.write(place, tracks), "take", error) from None
        return writer.notes

