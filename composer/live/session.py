"""Play a piece to a MIDI port in real time, and (for `live`) reload it whenever it is saved.

A session wires the one pipeline together: runtime -> Expander -> scheduler -> note guard ->
port. A save is loaded beside the music (composer.live.reload, abandoned if its top level hangs)
and adopted at the scheduler's horizon (the first beat not yet computed), so a kept loop keeps
its phase and runs its new body from its next iteration, a new loop starts on the next whole
beat, and a removed loop finishes the iteration it is in. A broken edit changes nothing that
plays; it prints one line naming the file and line. An iteration that runs away is undone and
played with the loop's previous body (composer.runtime.budget).
"""

from __future__ import annotations

import queue
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from composer.errors import ComposerError
from composer.live.clock import ClockFollower, ClockOut, open_clock_in
from composer.live.link import JOIN_WAIT
from composer.live.reload import Reloader
from composer.live.scheduler import LOOKAHEAD, Scheduler
from composer.live.stage import Stage, run_to_exit
from composer.live.tempo import TempoMap
from composer.live.watcher import POLL_SECONDS, FileWatcher
from composer.runtime import loading

STATUS_SECONDS = 0.2
CUE_SECONDS = 0.005  # how often input cues reach the runtime
LOAD_POLL_SECONDS = 0.05  # how often a load running beside the music is looked in on


@dataclass
class PlayOptions:
    piece: Path
    port: str | None = None
    virtual: str | None = None
    midi_api: str | None = None
    bars: float | None = None
    bpm: float | None = None
    seed: int = 0
    latency_ms: float = LOOKAHEAD * 1000
    clock_out: bool = False
    clock_in: str | None = None
    midi_in: str | None = None  # an input whose messages the piece hears as cues (`--in`)
    link: bool = False
    link_wait: float = JOIN_WAIT  # seconds --link looks for peers before starting alone
    watch: bool = False  # `composer live`: reload the piece on every save
    port_map: dict[str, str] = field(default_factory=dict)  # a piece's port= name -> an output


class Session(Stage):
    """One performance of one piece on one output port. `run()` blocks until the end or a stop."""

    def __init__(self, options: PlayOptions, out: TextIO | None = None, err: TextIO | None = None):
        super().__init__(err)
        self.options = options
        self.out = out or sys.stdout
        self.path = Path(options.piece)
        self.show_status = _is_tty(self.out)
        self.clock_out: ClockOut | None = None
        self.follower: ClockFollower | None = None
        self.link = None
        self.reloads = 0
        self.errors: list[str] = []
        self._dropped_reported = 0
        self._clock_in_port = None
        self._cue_input = None
        self._cues: queue.SimpleQueue = queue.SimpleQueue()

    # ----- set-up -----------------------------------------------------------------------------

    def open(self) -> Session:
        """Load the piece and open the ports; errors here leave nothing open."""
        from composer.beats import to_beats
        from composer.midi.ports import resolve_api

        options = self.options
        if options.clock_in is not None and options.link:
            raise ComposerError("choose one of --clock-in and --link to follow")
        if options.latency_ms <= 0:
            raise ComposerError("--latency must be positive")
        if options.link:
            from composer.live.link import load_aalink

            load_aalink()  # fail before opening anything
        bars = None if options.bars is None else to_beats(options.bars, "bars")
        if bars is not None and bars <= 0:
            raise ComposerError("--bars must be positive")
        runtime = loading.load(self.path, seed=options.seed, bpm=options.bpm)
        self.runtime = runtime
        api = resolve_api(options.midi_api)
        tempo_map = TempoMap(runtime.bpm)
        follows_piece = options.clock_in is None and not options.link
        try:
            self._open_output(api)
            if options.clock_in is not None:
                self.follower = ClockFollower(tempo_map)
                self._clock_in_port = open_clock_in(options.clock_in, api, self.follower)
            if options.midi_in is not None:
                self._open_cue_input(options.midi_in, api)
            if options.link:
                from composer.live.link import LinkFollower

                self.link = LinkFollower(tempo_map, float(runtime.bpm), join_wait=options.link_wait)
        except BaseException:
            self.close()
            raise
        self.scheduler = Scheduler(
            runtime,
            self.guard.send,
            lookahead=options.latency_ms / 1000,
            tempo_map=tempo_map,
            follow_piece_tempo=follows_piece,
            on_error=self._loop_failed if options.watch else None,
            route=self.named.route,
            bars=bars,  # the end moves with the piece's changes of meter, as a render's does
        )
        if options.clock_out:
            self.clock_out = ClockOut()
            self.scheduler.add_source(self.clock_out)
        runtime.budget.live(self._error)  # an iteration that runs away is abandoned, not waited for
        if options.watch:
            self._watcher = FileWatcher(self.path)
            self._reloader = Reloader(self.path, runtime, self._adopt, self._reload_failed)
            self.scheduler.every(POLL_SECONDS, self._check_for_edits)
            self.scheduler.every(LOAD_POLL_SECONDS, self._reloader.poll)
        if self.link is not None:
            self.scheduler.every(0.05, self.link.update)
        if self.follower is not None:
            self.scheduler.every(0.02, self._check_external_stop)
        if self.show_status:
            self.scheduler.every(STATUS_SECONDS, self._print_status)
        if self._cue_input is not None:
            self.scheduler.every(CUE_SECONDS, self._apply_cues)
        self.watch_for_stop()
        self.scheduler.every(1.0, self._report_dropped)
        return self

    def _open_cue_input(self, wanted: str, api: int) -> None:
        """Listen to `wanted`: each message becomes a cue of Sonic Pi's (composer.midi.cue_paths),
        queued by the input's thread and handed to the runtime by the scheduler's."""
        from composer.midi.cue_paths import cue_of
        from composer.midi.listener import describe_fragment, open_listener
        from composer.midi.ports import find_port, list_ports

        names = [p.name for p in list_ports(api) if p.direction == "input"]
        device = names[find_port(names, wanted, "input")]

        def heard(data, arrival):
            cue = cue_of(device, data)
            if cue is not None:
                self._cues.put(cue)

        def broken(fragment):
            self._warn(f"input {device!r} sent a sysex it never ended ({describe_fragment(fragment)}); dropped "
                       "it, and passed on what came after")

        self._cue_input = open_listener(device, api, heard, name="composer-cue-in", on_broken=broken)

    def _apply_cues(self) -> None:
        """Queued input cues, at the first beat not yet computed (what is heard cannot change)."""
        while True:
            try:
                path, values = self._cues.get_nowait()
            except queue.Empty:
                return
            self.runtime.external_cue(path, values, self.scheduler.computed_until)

    def _open_output(self, api: int) -> None:
        from composer.midi.ports import find_port, list_ports

        options = self.options
        names = [] if options.virtual else [p.name for p in list_ports(api) if p.direction == "output"]
        # no --port: the first output, or a one-line error when there is none
        index = None if options.virtual or options.port is None else find_port(names, options.port, "output")
        self.open_output(api, virtual=options.virtual, names=names, index=index, port_map=options.port_map)

    # ----- running ----------------------------------------------------------------------------

    def run(self) -> None:
        """Play until the end (--bars), an external Stop, or `stop()`; every way out ends the
        notes (see Stage.run_scheduler), and an error or a signal is re-raised after."""
        try:
            self.run_scheduler(self._start)
        finally:
            if self.show_status:
                self.out.write("\n")
                self.out.flush()

    def _start(self) -> None:
        if self.follower is not None:
            self._wait_for_clock()
        elif self.link is not None:
            self.link.update()
        else:
            self.scheduler.start()

    def release(self) -> None:
        super().release()
        self._end_transport()

    def settle(self) -> None:
        super().settle()
        self._end_transport()

    def _end_transport(self) -> None:
        if self.clock_out is not None and self.clock_out.started:
            self.guard.send(ClockOut.stop_message())

    def _wait_for_clock(self) -> None:
        if self.show_status:
            self.out.write(f"waiting for MIDI clock on {self.options.clock_in!r}...")
            self.out.flush()
        while not self.follower.started.wait(0.1):
            if self._stop_requested.is_set():
                return

    def _check_external_stop(self) -> None:
        if self.follower.stopped.is_set():
            self.scheduler.stop()

    # ----- hot reload -------------------------------------------------------------------------

    def _check_for_edits(self) -> None:
        if self._watcher.changed():
            self._reloader.request()  # loaded beside the music, adopted by a later poll

    def _reload_failed(self, message: str) -> None:
        self._error(f"{message} (still playing the last good version)")

    def _adopt(self, adopt) -> bool:
        """Take a loaded edit (see composer.live.reload); a broken one changes nothing that plays."""
        runtime = self.runtime
        before = set(runtime.loops)
        try:
            adopt(self.scheduler.computed_until)
        except ComposerError as error:
            self._reload_failed(str(error))
            return False
        self.reloads += 1
        after = set(runtime.loops)  # a removed loop's notes end with its last iteration (the runtime sees to it)
        changes = [f"+{n}" for n in sorted(after - before)] + [f"-{n}" for n in sorted(before - after)]
        self._warn(f"reloaded {self.path.name}" + (f" ({' '.join(changes)})" if changes else ""))
        return True

    def _loop_failed(self, error: Exception) -> bool:
        """A loop body raised while live: that loop stops; the others play on."""
        self.drop_dead_loops()
        self._error(f"{error} (that loop stopped; fix it and save to restart it)")
        return True

    # ----- output -----------------------------------------------------------------------------

    def _print_status(self) -> None:
        scheduler = self.scheduler
        beat = scheduler.beat_now()
        bar, in_bar = scheduler.meters.bar_and_beat(beat)
        bpm = self.follower.bpm if self.follower else self.link.bpm if self.link else scheduler.tempo_map.bpm(max(beat, 0))
        loops = ", ".join(self.runtime.loops) or "none"
        self.out.write(f"\r{bpm:6.1f} bpm  bar {bar:>4} beat {int(in_bar)}  loops: {loops}\x1b[K")
        self.out.flush()

    def _report_dropped(self) -> None:
        """After a stall, say how many notes were too late to play (rather than a burst of them)."""
        dropped = self.scheduler.dropped
        if dropped > self._dropped_reported:
            self._warn(f"the machine stalled: {dropped - self._dropped_reported} late notes skipped")
            self._dropped_reported = dropped

    def _warn(self, message: str) -> None:
        if self.show_status:
            self.out.write("\r\x1b[K")
        self.err.write(f"composer: {message}\n")
        self.err.flush()

    def _error(self, message: str) -> None:
        self.errors.append(message)
        self._warn(message)

    def close(self) -> None:
        super().close()
        if self._clock_in_port is not None:
            self._clock_in_port.close()
            self._clock_in_port = None
        if self._cue_input is not None:
            self._cue_input.close()
            self._cue_input = None
        if self.link is not None:
            self.link.close()
            self.link = None


def _is_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def play(options: PlayOptions) -> int:
    """The `play`/`live` commands: 0 at the end; Ctrl-C re-raised (130), a stop signal exits
    with 128 + its number (SIGTERM 143, SIGHUP 129, SIGQUIT 131)."""
    session = Session(options).open()
    return run_to_exit(session, session.run)
