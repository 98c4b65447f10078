"""A running thread (a live_loop, an `in_thread` body, or the piece's top level) and the piece's
tempo map, which turns a thread's own beats into the file's beats.

Time is kept in the file's beats, whose tempo map follows the top level (and `use_piece_bpm`).
A thread that never set a tempo of its own follows that map: `sleep(1)` is one file beat. A
thread with its own bpm (`use_bpm` inside it, as in Sonic Pi) converts: one of its beats lasts
60/bpm seconds, which is `piece tempo / own bpm` file beats at the tempo where the sleep starts.
"""

from __future__ import annotations

import bisect
from fractions import Fraction

from composer.context import LoopState
from composer.runtime.kits import Kit
from composer.runtime.piece import LoopDefinition
from composer.runtime.timestate import event_path


class RunningLoop:
    __slots__ = ("definition", "state", "order", "name", "track", "one_shot", "started", "removed", "stopped",
                 "iteration_start", "sleep_limit", "kit", "cut_at", "bpm", "beat", "last_sync", "waited",
                 "waiting", "warps", "value", "cue_path")

    def __init__(self, definition: LoopDefinition, state: LoopState, order: int, track: str | None = None,
                 one_shot: bool = False):
        self.definition = definition
        self.state = state
        self.order = order
        self.name = definition.name
        self.track = track or definition.name  # the MIDI track its notes go to
        self.one_shot = one_shot  # runs its body once (in_thread, at, the top level)
        self.started = False
        self.removed = False
        self.stopped = False
        self.iteration_start = Fraction(0)
        self.sleep_limit = Fraction(0)  # past this, sleep checks the render end and runaway bodies
        self.kit: Kit | None = None  # set by use_kit inside the thread; else the piece's kit
        self.cut_at: Fraction | None = None  # the loop ends here, mid-iteration if need be
        self.bpm: Fraction | None = None  # its own tempo; None follows the piece's tempo map
        self.beat = Fraction(0)  # its own beat count, kept while it has a tempo of its own
        self.last_sync: tuple | None = None  # position (time, order, sequence) of its last sync, until it sleeps
        self.waited = False  # this iteration synced (so it need not sleep)
        self.waiting: tuple[str, ...] | None = None  # parked in a sync no thread answers yet
        self.warps = 0  # how deep in time_warp blocks it is
        self.value = definition.init  # live_loop(init=): what the body returned last
        self.cue_path = event_path(definition.name, "live_loop") if definition.auto_cue else None

    def redefine(self, definition: LoopDefinition) -> None:
        """A new body (a reload, or the live_loop defined again) from the next iteration on."""
        self.definition = definition
        self.cue_path = event_path(definition.name, "live_loop") if definition.auto_cue else None

    def inherit(self, parent: RunningLoop) -> None:
        """What a new thread takes from the thread that starts it, as Sonic Pi's in_thread
        (its LoopState has the parent's settings and a random stream of its own already)."""
        self.kit = parent.kit
        self.bpm = parent.bpm
        self.beat = parent.beat


class TempoMap:
    """The piece's tempo from each beat on; changes may arrive out of order (threads run ahead)."""

    __slots__ = ("beats", "bpms")

    def __init__(self, bpm: Fraction):
        self.beats: list[Fraction] = [Fraction(0)]
        self.bpms: list[Fraction] = [bpm]

    def at(self, beat: Fraction) -> Fraction:
        if len(self.beats) == 1:
            return self.bpms[0]
        return self.bpms[bisect.bisect_right(self.beats, beat) - 1]

    def change(self, beat: Fraction, bpm: Fraction) -> bool:
        """Set the tempo from `beat` on; False when it is already `bpm` there (no event needed)."""
        index = bisect.bisect_right(self.beats, beat)
        if self.bpms[index - 1] == bpm:
            return False
        if self.beats[index - 1] == beat:
            self.bpms[index - 1] = bpm
        else:
            self.beats.insert(index, beat)
            self.bpms.insert(index, bpm)
        return True

    def seconds(self, beat: Fraction) -> Fraction:
        """Seconds from beat 0 to `beat`."""
        total, index = Fraction(0), 0
        while index + 1 < len(self.beats) and self.beats[index + 1] < beat:
            total += (self.beats[index + 1] - self.beats[index]) * 60 / self.bpms[index]
            index += 1
        return total + (beat - self.beats[index]) * 60 / self.bpms[index]
