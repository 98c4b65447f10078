"""A running thread (a live_loop, an `in_thread` body, or the piece's top level), and the
signals that end or suspend one of its iterations."""

from __future__ import annotations

from fractions import Fraction

from composer.context import LoopState
from composer.runtime.kits import Kit
from composer.runtime.piece import LoopDefinition
from composer.runtime.timestate import event_path


class StopLoop(BaseException):
    """Raised by `stop()` in a loop body: the loop ends after this iteration."""


class PastHorizon(BaseException):
    """The cursor passed the end of a render, or the loop's cut: the rest cannot be heard."""


class Parked(BaseException):
    """A sync that no thread answers (yet): its thread waits for the cue, outside the queue."""


class RunningLoop:
    __slots__ = ("definition", "state", "order", "name", "track", "one_shot", "started", "removed", "stopped",
                 "iteration_start", "sleep_limit", "sleep_key", "kit", "cut_at", "bpm", "beat", "last_sync", "waited",
                 "waiting", "warps", "value", "cue_path", "rewound",
                 "sleeps", "body_start", "needs_fiber", "in_fiber", "last_node")

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
        self.body_start = Fraction(0)  # where its body began (after a negative delay): it must sleep past it
        self.sleeps = 0  # sleeps and syncs in this run of its body (it waits every SLEEPS_PER_RUN)
        self.needs_fiber = True  # its next iteration runs in a fiber: the first, after a long one, or all (played)
        self.in_fiber = False  # the iteration running now has a fiber of its own (it can wait)
        self.last_node = None  # what it struck last (a SynthNode; None after a sample): `control`'s default
        self.sleep_limit = Fraction(0)  # past this, sleep checks the render end and runaway bodies
        self.sleep_key = 0.0  # sleep_limit as a float: sleep's quick test
        self.kit: Kit | None = None  # set by use_kit inside the thread; else the piece's kit
        self.cut_at: Fraction | None = None  # the loop ends here, mid-iteration if need be
        self.bpm: Fraction | None = None  # its own tempo; None follows the piece's tempo map
        self.beat = Fraction(0)  # its own beat count, kept while it has a tempo of its own
        self.last_sync: tuple | None = None  # position (time, order, sequence) of its last sync, until it sleeps
        self.waited = False  # this iteration synced (so it need not sleep)
        self.waiting: tuple[str, ...] | None = None  # parked in a sync no thread answers yet
        self.warps = 0  # how deep in time_warp blocks it is
        self.rewound = False  # a negative sleep took it before its iteration's start (see Runtime._rewind)
        self.value = definition.init  # live_loop(init=): what the body returned last
        self.cue_path = event_path(definition.name, "live_loop") if definition.auto_cue else None

    def set_bpm(self, bpm: Fraction | None) -> None:
        """Its own tempo (None: the piece's); its own beat count starts where its time is."""
        if self.bpm is None and bpm is not None:
            self.beat = self.state.time
        self.bpm = bpm

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
        self.last_node = parent.last_node
