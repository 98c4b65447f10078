"""What every live session shares: one output, one note guard, one stop path.

`composer play`/`live` (live/session.py) and `composer perform` (perform/session.py) differ in
what they feed the scheduler; how they open the output, ask to stop, drop a loop whose body
failed, end the notes and close are the same, and live here, so every stop path (the end,
`stop()`, Ctrl-C, SIGTERM/SIGHUP/SIGQUIT, an error) releases notes the same way.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from composer.live import safety
from composer.live.named_outputs import NamedOutputs
from composer.live.output import PortOutput

DRAIN_SECONDS = 0.05  # lets the last messages leave the port before it closes
STOP_CHECK_SECONDS = 0.05


class Stage:
    """A session's skeleton. Subclasses set `self.runtime` and `self.scheduler`, and extend
    `release`/`settle` with what else a stop ends (a clock's Stop, a closed controller)."""

    def __init__(self, err: TextIO | None = None):
        self.err = err or sys.stderr
        self.runtime = None
        self.scheduler = None
        self.port: PortOutput | None = None
        self.guard: safety.NoteGuard | None = None
        self.named: NamedOutputs | None = None  # the other outputs a piece names (port=)
        self._stop_requested = threading.Event()

    # ----- set-up -----------------------------------------------------------------------------

    def open_output(self, api: int, *, virtual: str | None, names: list[str], index: int | None,
                    port_map: dict[str, str] | None = None) -> None:
        """Open the output (a virtual port, output `index` of `names`, or the first one) and
        put the note guard in front of it; a port that returns gets its channels reset. The
        outputs `port_map` maps a piece's port names to are opened too (NamedOutputs)."""
        from composer.live.output import open_followed_output
        from composer.midi.ports import open_output

        if virtual:
            port = PortOutput(open_output(virtual=virtual, api=api), None, api, self._warn)
        elif index is None and not names:
            port = PortOutput(open_output(api=api), None, api, self._warn)  # a one-line error: no outputs
        else:
            port = open_followed_output(names[index or 0], api, self._warn)
        self.port = port
        self.guard = safety.NoteGuard(port.send)
        port.on_lost = self.guard.forget
        port.on_return = self._after_port_return
        main = None if port.port_name is None else (port.port_name, self.guard.send)
        self.named = NamedOutputs(api, port_map or {}, self._warn, main)
        self.named.open(names)

    def watch_for_stop(self) -> None:
        """Let `stop()` reach the scheduler (call once the scheduler exists)."""
        self.scheduler.every(STOP_CHECK_SECONDS, self._check_stop_request)

    # ----- running ----------------------------------------------------------------------------

    def run_scheduler(self, start) -> None:
        """Run the scheduler after `start()` until it ends or is stopped; on every way out (the
        end, a stop, Ctrl-C, a stop signal, an error) end the notes, then re-raise any error."""
        with safety.signals_stop():
            try:
                self.port.watch()
                start()
                self.scheduler.run()
            except BaseException:
                with safety.shielded():
                    self.release()
                raise
            with safety.shielded():
                if self.stopped_early():
                    self.release()
                else:
                    self.settle()

    def stop(self) -> None:
        """Stop cleanly from another thread (tests, a controller)."""
        self._stop_requested.set()

    def stopped_early(self) -> bool:
        """True unless the scheduler reached the end by itself."""
        return self._stop_requested.is_set() or not self.scheduler.finished

    def _check_stop_request(self) -> None:
        if self._stop_requested.is_set():
            self.scheduler.stop()

    def release(self) -> None:
        """The stop: a note-off for everything sounding, then every channel used is reset."""
        self.guard.release()
        self.named.release()

    def settle(self) -> None:
        """The natural end: every note has ended; only channels whose pedal, modulation or pitch
        bend moved are reset, so a piece that never touches them plays exactly its render."""
        self.guard.settle()
        self.named.settle()

    # ----- loops ------------------------------------------------------------------------------

    def drop_dead_loops(self) -> None:
        """Loops whose body raised are not queued again: stop them, so a fixed edit (or a pad)
        starts them afresh as new loops."""
        queued = self.runtime.queued_loops()
        for name in [n for n in self.runtime.loops if n not in queued]:
            self.runtime.stop_loop(name)

    # ----- output -----------------------------------------------------------------------------

    def _after_port_return(self) -> None:
        for channel in sorted(self.guard.channels):
            safety.reset_channel(self.port.send, channel)
        if self.scheduler is not None:
            self.scheduler.expander.forget_settings()  # a restarted synth plays its default program

    def _warn(self, message: str) -> None:
        self.err.write(f"composer: {message}\n")
        self.err.flush()

    def close(self) -> None:
        if self.named is not None:
            self.named.close()
            self.named = None
        if self.port is not None:
            time.sleep(DRAIN_SECONDS)
            self.port.close()
            self.port = None


def run_to_exit(stage: Stage, run) -> int:
    """A command's life: `run()`, then `close()` whatever happens; 0 after a clean end, Ctrl-C
    re-raised (130), a stop signal exits with 128 + its number (143 for SIGTERM)."""
    try:
        run()
    except safety.Terminated as stop:
        raise SystemExit(stop.exit_code) from None
    finally:
        stage.close()
    return 0
