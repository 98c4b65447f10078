"""Play a piece to a MIDI port in real time, and (for `live`) reload it whenever it is saved.

A session wires the one pipeline together: runtime -> Expander -> scheduler -> note guard ->
port. Hot reload goes through `dsl.reload` at the scheduler's horizon (the first beat not yet
computed), so a kept loop keeps its phase and runs its new body from its next iteration, a new
loop starts on the next whole beat, and a removed loop finishes the iteration it is in. A
broken edit changes nothing that plays; it prints one line naming the file and line.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from composer.errors import ComposerError
from composer.live import safety
from composer.live.clock import ClockFollower, ClockOut, open_clock_in
from composer.live.link import JOIN_WAIT
from composer.live.named_outputs import NamedOutputs
from composer.live.output import PortOutput
from composer.live.scheduler import LOOKAHEAD, Scheduler
from composer.live.tempo import TempoMap
from composer.live.watcher import POLL_SECONDS, FileWatcher
from composer.runtime import dsl

STATUS_SECONDS = 0.2
DRAIN_SECONDS = 0.05  # lets the last messages leave the port before it closes


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
    link: bool = False
    link_wait: float = JOIN_WAIT  # seconds --link looks for peers before starting alone
    watch: bool = False  # `composer live`: reload the piece on every save
    port_map: dict[str, str] = field(default_factory=dict)  # a piece's port= name -> an output


class Session:
    """One performance of one piece on one output port. `run()` blocks until the end or a stop."""

    def __init__(self, options: PlayOptions, out: TextIO | None = None, err: TextIO | None = None):
        self.options = options
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.path = Path(options.piece)
        self.show_status = _is_tty(self.out)
        self.runtime = None
        self.scheduler: Scheduler | None = None
        self.port: PortOutput | None = None
        self.guard: safety.NoteGuard | None = None
        self.named: NamedOutputs | None = None  # the outputs a piece names with port=
        self.clock_out: ClockOut | None = None
        self.follower: ClockFollower | None = None
        self.link = None
        self.reloads = 0
        self.errors: list[str] = []
        self._dropped_reported = 0
        self._clock_in_port = None
        self._external_stop = False
        self._stop_requested = threading.Event()

    # ----- set-up -----------------------------------------------------------------------------

    def open(self) -> Session:
        """Load the piece and open the ports; errors here leave nothing open."""
        from composer.midi.ports import resolve_api
        from composer.render import render_length

        options = self.options
        if options.clock_in is not None and options.link:
            raise ComposerError("choose one of --clock-in and --link to follow")
        if options.latency_ms <= 0:
            raise ComposerError("--latency must be positive")
        if options.link:
            from composer.live.link import load_aalink

            load_aalink()  # fail before opening anything
        runtime = dsl.load(self.path, seed=options.seed, bpm=options.bpm)
        if options.bars is not None:
            runtime.until = render_length(runtime, bars=options.bars)
        self.runtime = runtime
        api = resolve_api(options.midi_api)
        tempo_map = TempoMap(runtime.bpm)
        follows_piece = options.clock_in is None and not options.link
        try:
            self.port = self._open_output(api)
            self.guard = safety.NoteGuard(self.port.send)
            self.port.on_lost = self.guard.forget
            self.port.on_return = self._after_port_return
            self.named = NamedOutputs(api, options.port_map, self._warn)
            self.named.open()
            if options.clock_in is not None:
                self.follower = ClockFollower(tempo_map)
                self._clock_in_port = open_clock_in(options.clock_in, api, self.follower)
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
        )
        if options.clock_out:
            self.clock_out = ClockOut()
            self.scheduler.add_source(self.clock_out)
        if options.watch:
            self._watcher = FileWatcher(self.path)
            self.scheduler.every(POLL_SECONDS, self._check_for_edits)
        if self.link is not None:
            self.scheduler.every(0.05, self.link.update)
        if self.follower is not None:
            self.scheduler.every(0.02, self._check_external_stop)
        if self.show_status:
            self.scheduler.every(STATUS_SECONDS, self._print_status)
        self.scheduler.every(0.05, self._check_stop_request)
        self.scheduler.every(1.0, self._report_dropped)
        return self

    def _open_output(self, api: int) -> PortOutput:
        from composer.midi.ports import find_port, list_ports, open_output

        options = self.options
        if options.virtual:
            return PortOutput(open_output(virtual=options.virtual, api=api), None, api, self._warn)
        names = [p.name for p in list_ports(api) if p.direction == "output"]
        if options.port is None:
            midi_out = open_output(api=api)  # the first output, or a one-line error when none
            return PortOutput(midi_out, names[0] if names else None, api, self._warn)
        index = find_port(names, options.port, "output")
        output = PortOutput(open_output(port=str(index), api=api), names[index], api, self._warn)
        return output

    # ----- running ----------------------------------------------------------------------------

    def run(self) -> None:
        """Play until the end (--bars), an external Stop, or `stop()`; on Ctrl-C, SIGTERM or an
        error, silence every sounding note first and then re-raise."""
        scheduler = self.scheduler
        with safety.sigterm_stops():
            try:
                self.port.watch()
                if self.follower is not None:
                    self._wait_for_clock()
                elif self.link is not None:
                    self.link.update()
                else:
                    scheduler.start()
                scheduler.run()
                if self._external_stop or self._stop_requested.is_set():
                    self._silence()
                else:
                    self._end_transport()
            except BaseException:
                with safety.shielded():
                    self._silence()
                raise
            finally:
                if self.show_status:
                    self.out.write("\n")
                    self.out.flush()

    def stop(self) -> None:
        """Stop cleanly from another thread (tests, a controller)."""
        self._stop_requested.set()

    def _check_stop_request(self) -> None:
        if self._stop_requested.is_set():
            self.scheduler.stop()

    def _silence(self) -> None:
        """The clean stop: note-offs for what sounds, CC 123 on the channels used, clock Stop."""
        if self.guard is not None:
            self.guard.release()
        if self.named is not None:
            self.named.release()
        self._end_transport()

    def _end_transport(self) -> None:
        if self.clock_out is not None and self.clock_out.started:
            self.guard.send(ClockOut.stop_message())

    def _after_port_return(self) -> None:
        for channel in sorted(self.guard.channels):
            self.port.send((safety.CONTROL_CHANGE | channel, safety.ALL_NOTES_OFF, 0))

    def _wait_for_clock(self) -> None:
        if self.show_status:
            self.out.write(f"waiting for MIDI clock on {self.options.clock_in!r}...")
            self.out.flush()
        while not self.follower.started.wait(0.1):
            if self._stop_requested.is_set():
                return

    def _check_external_stop(self) -> None:
        if self.follower.stopped.is_set():
            self._external_stop = True
            self.scheduler.stop()

    # ----- hot reload -------------------------------------------------------------------------

    def _check_for_edits(self) -> None:
        if self._watcher.changed():
            self.reload()

    def reload(self) -> bool:
        """Adopt the piece as saved now; on a broken edit keep playing the last good version."""
        runtime = self.runtime
        before = set(runtime.loops)
        try:
            dsl.reload(runtime, self.path, now=self.scheduler.computed_until)
        except ComposerError as error:
            self._error(f"{error} (still playing the last good version)")
            return False
        self.reloads += 1
        after = set(runtime.loops)  # a removed loop's notes end with its last iteration (the runtime sees to it)
        changes = [f"+{n}" for n in sorted(after - before)] + [f"-{n}" for n in sorted(before - after)]
        self._warn(f"reloaded {self.path.name}" + (f" ({' '.join(changes)})" if changes else ""))
        return True

    def _loop_failed(self, error: Exception) -> bool:
        """A loop body raised while live: that loop stops; the others play on."""
        for name in _dead_loops(self.runtime):
            self.runtime.stop_loop(name)  # so a fixed edit starts it again as a new loop
        self._error(f"{error} (that loop stopped; fix it and save to restart it)")
        return True

    # ----- output -----------------------------------------------------------------------------

    def _print_status(self) -> None:
        scheduler = self.scheduler
        beat = scheduler.beat_now()
        bar, in_bar = scheduler.bar_and_beat(beat)
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
        if self.named is not None:
            self.named.close()
            self.named = None
        if self.port is not None:
            time.sleep(DRAIN_SECONDS)
            self.port.close()
            self.port = None
        if self._clock_in_port is not None:
            self._clock_in_port.close()
            self._clock_in_port = None
        if self.link is not None:
            self.link.close()
            self.link = None


def _dead_loops(runtime) -> list[str]:
    """Loops the runtime still lists but will never run again (their body raised)."""
    queued = runtime.queued_loops()
    return [name for name in runtime.loops if name not in queued]


def _is_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def play(options: PlayOptions) -> int:
    """The `play`/`live` commands: 0 at the end; Ctrl-C re-raised (130), SIGTERM exits 143."""
    session = Session(options).open()
    try:
        session.run()
    except safety.Terminated:
        raise SystemExit(143) from None
    finally:
        session.close()
    return 0
