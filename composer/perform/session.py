"""`composer perform`: a controller, a patch and (optionally) a piece, played live to one port.

Two paths share one output and one note guard:
- the fast path: a played key or pad goes from rtmidi's input thread straight to the output,
  through the router, with no queue and no scheduler in between;
- the clocked path: the piece's loops and the arpeggiator (a loop added to the same runtime, so
  it keeps the piece's time) go through the live scheduler. Everything that changes the runtime
  (arpeggiator keys, loop launches, tempo, params) is queued by the input thread and applied by
  a scheduler hook, so the runtime is only ever touched by the scheduler's thread.
On any stop (Ctrl-C, a stop signal, an error) every sounding note is ended, then the
recording (if asked for) is written atomically.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from composer.errors import ComposerError
from composer.live import safety
from composer.live.scheduler import LOOKAHEAD, Scheduler
from composer.live.stage import Stage, run_to_exit
from composer.live.tempo import TempoMap
from composer.midi.cue_paths import cue_of
from composer.outputs import check_output
from composer.patch.loader import piece_path
from composer.perform.arpeggiator import Arpeggiator
from composer.perform.band import BAND_ACTIONS, BandSteering
from composer.perform.loops import LoopLauncher
from composer.perform.record import Recorder
from composer.perform.router import (
    ArpLatch,
    ArpPedal,
    ArpPress,
    ArpRelease,
    LoopAction,
    Panic,
    Router,
    Send,
    SetParam,
    SetTempo,
    TapTempo,
    TapTempoMeter,
)
from composer.runtime.piece import LoopDefinition, PieceDefinition

ACTION_SECONDS = 0.005  # how often queued actions reach the runtime
ARP_LOOP = "arpeggiator"


@dataclass
class PerformOptions:
    patch: Path
    piece: Path | None = None
    port_in: str | None = None
    port_out: str | None = None
    virtual: str | None = None
    midi_api: str | None = None
    record: Path | None = None
    bpm: float | None = None
    seed: int = 0
    thru_other: bool = False
    latency_ms: float = LOOKAHEAD * 1000
    port_map: dict[str, str] = field(default_factory=dict)  # a piece's port= name -> an output


class Performance(Stage):
    """One performance: `open()`, then `run()` until `stop()`, Ctrl-C or a stop signal, then `close()`."""

    def __init__(self, options: PerformOptions, err: TextIO | None = None):
        super().__init__(err)
        self.options = options
        self.patch = None
        self.router: Router | None = None
        self.arp: Arpeggiator | None = None
        self.arp_channel = 0
        self.launcher: LoopLauncher | None = None
        self.band: BandSteering | None = None
        self.controller = None
        self.recorder: Recorder | None = None
        self.taps = TapTempoMeter()
        self.actions: queue.SimpleQueue = queue.SimpleQueue()
        self.received = 0
        self._send_lock = threading.Lock()
        self._stop_beat: float | None = None  # where the performance stopped, for the recording
        self.started = threading.Event()  # set once beat 0 is placed in time

    # ----- set-up -----------------------------------------------------------------------------

    def open(self) -> "Performance":
        """Load the patch and piece, open the output and the controller; errors leave nothing open."""
        from composer.midi.ports import resolve_api
        from composer.patch import load_patch

        options = self.options
        if options.latency_ms <= 0:
            raise ComposerError("--latency must be positive")
        self.patch = patch = load_patch(str(options.patch))
        self.runtime = runtime = self._load_runtime()
        self.router = Router(patch, thru_other=options.thru_other)
        self.band = BandSteering(runtime.piece.band, patch.band.latch, self._warn)
        self.band.check(patch)
        self._add_arpeggiator()
        if options.record is not None:
            check_output(options.record, [options.patch, options.piece, piece_path(patch)], kinds=["midi"],
                         option="--record", create=False)  # before playing, not when the take is lost
            self.recorder = Recorder(title=(options.piece or Path(patch.name)).stem)
        from composer.midi.ports import list_ports

        api = resolve_api(options.midi_api)
        ports = list_ports(api)  # listed once: each JACK client costs time to open
        outputs = [p.name for p in ports if p.direction == "output"]
        inputs = [p.name for p in ports if p.direction == "input"]
        try:
            self._open_output(api, outputs)
            self.scheduler = Scheduler(runtime, self._send_clocked, lookahead=options.latency_ms / 1000,
                                       tempo_map=TempoMap(runtime.bpm), on_error=self._loop_failed,
                                       route=self.named.route)
            self.launcher = LoopLauncher.on(self.scheduler)
            if self.recorder is not None:
                self.scheduler.expander = self.recorder.tee(self.scheduler.expander)
            runtime.budget.live(self._warn)  # a body that runs away is abandoned, the performance goes on
            self.scheduler.every(ACTION_SECONDS, self._apply_actions)
            self.watch_for_stop()
            from composer.perform.controller_input import ControllerInput

            own = f":{options.virtual}" if options.virtual else None
            self.controller = ControllerInput(api, options.port_in, patch.controller.port, self._on_message,
                                              self._warn, on_lost=self._controller_lost,
                                              exclude=tuple(n for n in inputs if own and n.endswith(own)),
                                              names=inputs)
        except BaseException:
            self.close()
            raise
        return self

    def _load_runtime(self):
        from composer.runtime import loading
        from composer.runtime.engine import Runtime

        options, patch = self.options, self.patch
        piece = options.piece or piece_path(patch)
        if piece is not None:
            runtime = loading.load(Path(piece), seed=options.seed, bpm=options.bpm)
            if options.bpm is None and runtime.piece.bpm is None and patch.bpm is not None:
                runtime.change_tempo(patch.bpm, 0)  # the patch's tempo, until the piece sets one
            return runtime
        bpm = options.bpm or patch.bpm
        return Runtime(PieceDefinition(path=Path(options.patch)), seed=options.seed, bpm=bpm)

    def _add_arpeggiator(self) -> None:
        patch = self.patch
        if patch.arpeggiator is None:
            return
        self.arp = Arpeggiator.from_settings(patch.arpeggiator, seed=self.options.seed)
        keys = patch.keys
        zone = next((z for z in (keys.lower, keys.upper) if z is not None and z.role == "arpeggiator"), None)
        self.arp_channel = (zone.channel if zone is not None else keys.channel) - 1
        runtime, arp = self.runtime, self.arp

        def arpeggiator():
            for played in arp.step(runtime.current_loop("play").state.time):
                runtime.note(played.note, played.velocity, played.duration, self.arp_channel)
            runtime.sleep(arp.rate)

        runtime.add_loop(LoopDefinition(name=ARP_LOOP, body=arpeggiator, line=0), at=0)

    def _open_output(self, api: int, names: list[str]) -> None:
        from composer.midi.ports import find_port

        options = self.options
        if options.virtual:
            self.open_output(api, virtual=options.virtual, names=names, index=None, port_map=options.port_map)
            return
        if options.port_out is not None:
            index = find_port(names, options.port_out, "output")
        else:  # the first output that is not the controller itself
            match = self.patch.controller.port.lower()
            candidates = [i for i, n in enumerate(names) if match not in n.lower()]
            if not candidates:
                from composer.midi.ports import PortError

                raise PortError("no MIDI output to play to; use --out PORT or --virtual NAME")
            index = candidates[0]
        self.open_output(api, virtual=None, names=names, index=index, port_map=options.port_map)

    # ----- the fast path (rtmidi's thread) ----------------------------------------------------

    def beat_now(self) -> float:
        """The beat heard now; 0 until the performance starts."""
        return self.scheduler.beat_now() if self.started.is_set() else 0.0

    def beat_at(self, seconds: float) -> float:
        """The beat heard at `seconds` on time.monotonic(); 0 until the performance starts."""
        return max(0.0, self.scheduler.tempo_map.beat(seconds)) if self.started.is_set() else 0.0

    def _on_message(self, data, arrival: float) -> None:
        """A message from the controller, placed at the beat it arrived (not when it was read)."""
        self.received += 1
        beat = self.beat_at(arrival)
        recorder = self.recorder
        if recorder is not None:
            recorder.incoming(beat, data)
        for action in self.router.route(data):
            if type(action) is Send:
                self._send_now(action, beat)
            else:
                self.actions.put((action, beat))
        cue = cue_of(getattr(self.controller, "port_name", None) or "midi", data)
        if cue is not None:  # the piece hears its input as Sonic Pi's cues: sync("/midi:*/note_on")
            self.actions.put((_MidiCue(*cue), beat))

    def _send_now(self, action: Send, beat: float) -> None:
        with self._send_lock:
            self.guard.send(action.data)
        if self.recorder is not None:
            self.recorder.played(beat, action.track, action.data)

    def _send_clocked(self, data) -> None:
        with self._send_lock:
            self.guard.send(data)

    def _controller_lost(self) -> None:
        beat = self.beat_now()
        for action in self.router.release_all():
            if type(action) is Send:
                self._send_now(action, beat)
            else:  # an arpeggiator's or the chord zone's key: the scheduler's thread lets go of it
                self.actions.put((action, beat))
        self.actions.put((_ClearArp(), beat))

    # ----- the clocked path (the scheduler's thread) ------------------------------------------

    def _apply_actions(self) -> None:
        while True:
            try:
                action, beat = self.actions.get_nowait()
            except queue.Empty:
                break
            try:
                self._apply(action, beat)
            except ComposerError as error:
                self._warn(str(error))

    def _apply(self, action, beat: float) -> None:
        """Apply a queued action that the controller asked for at `beat`."""
        kind = type(action)
        arp = self.arp
        if kind is ArpPress and arp is not None:
            arp.press(action.note, action.velocity)
        elif kind is ArpRelease and arp is not None:
            arp.release(action.note)
        elif kind is ArpPedal and arp is not None:
            arp.set_pedal(action.down)
        elif kind is ArpLatch and arp is not None:
            arp.set_latch(action.on)
        elif kind is _ClearArp and arp is not None:
            arp.clear()
        elif kind is _MidiCue:
            self.runtime.external_cue(action.path, action.values, max(beat, self.scheduler.computed_until))
        elif kind in BAND_ACTIONS:
            self.band.apply(action)
        elif kind is LoopAction:
            if not self.runtime.piece.loops:
                raise ComposerError(f"a {action.kind} for loop {action.loop!r}, but no piece is playing")
            self.launcher.act(action.kind, action.loop, beat)
        elif kind is SetTempo:
            self.set_tempo(action.bpm)
        elif kind is SetParam:
            self.runtime.params[action.name] = action.value
        elif kind is TapTempo:
            bpm = self.taps.tap(time.monotonic())
            if bpm is not None:
                self.set_tempo(bpm)
        elif kind is Panic:
            if arp is not None:
                arp.clear()
            with self._send_lock:
                self.guard.release()
                for channel in range(16):
                    self.port.send((safety.CONTROL_CHANGE | channel, safety.ALL_SOUND_OFF, 0))

    def set_tempo(self, bpm: float) -> None:
        """From the scheduler's horizon on: what is already computed keeps its time."""
        self.runtime.change_tempo(bpm, self.scheduler.computed_until)

    def _loop_failed(self, error: Exception) -> bool:
        """A loop body raised: that loop stops, the performance goes on."""
        self.drop_dead_loops()
        self._warn(f"{error} (that loop stopped)")
        return True

    # ----- running ----------------------------------------------------------------------------

    def run(self) -> None:
        """Perform until `stop()`, Ctrl-C or a stop signal; every way out ends every sounding
        note (see Stage.run_scheduler), then writes the recording."""
        try:
            self.run_scheduler(self._start)
        finally:
            with safety.shielded():
                self._save_recording()

    def _start(self) -> None:
        self.controller.watch()
        self.scheduler.start()  # beat 0 one look-ahead from now, however long opening took
        self.started.set()

    def release(self) -> None:
        """The controller is closed first, so no key can start a note after the note-offs."""
        self._stop_beat = self.beat_now()
        if self.controller is not None:
            self.controller.close()
            self.controller = None
        with self._send_lock:
            super().release()

    def settle(self) -> None:
        self.release()  # a performance has no natural end: every end is a stop

    def _save_recording(self) -> None:
        stop_beat = self.beat_now() if self._stop_beat is None else self._stop_beat
        if self.recorder is not None and self.options.record is not None:
            notes = self.recorder.write(self.options.record, stop_beat, self.runtime.track_order)
            self._warn(f"recorded {notes} notes to {self.options.record}")

    def close(self) -> None:
        if self.controller is not None:
            self.controller.close()
            self.controller = None
        super().close()


class _ClearArp:
    """Queued when the controller goes away: its held keys will never send note-offs."""


@dataclass(frozen=True)
class _MidiCue:
    """A controller message as the piece's cue (composer.midi.cue_paths)."""

    path: str
    values: list


def perform(options: PerformOptions) -> int:
    """The `perform` command: 0 after a clean stop; Ctrl-C re-raised (130), a stop signal exits
    with 128 + its number (SIGTERM 143)."""
    performance = Performance(options).open()
    performance._warn(_banner(performance))
    return run_to_exit(performance, performance.run)


def _banner(performance: Performance) -> str:
    loops = ", ".join(performance.runtime.loops) or "none"
    return (f"performing with patch {performance.patch.name!r} from {performance.controller.description}; "
            f"loops: {loops}; Ctrl-C to stop")
