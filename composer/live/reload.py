"""Load an edited piece beside the music, with a deadline, so no edit can stall what plays.

A piece's top level is code: an edit with `time.sleep(3)` or `while True: pass` there would
hold the scheduler for as long as it runs. Each save is therefore loaded by a worker thread;
the scheduler's hook looks in on it (`poll`) and adopts the result, on its own thread, once it
is ready. A load still running after `LOAD_SECONDS` is abandoned: one line names the line it
is stuck at, the old code plays on, an `Overrun` is raised in the worker to end it (at its next
bytecode) and the next save is loaded afresh.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from composer.errors import ComposerError
from composer.runtime import fibers, loading
from composer.runtime.budget import Overrun, interrupt

LOAD_SECONDS = 1.0


class Reloader:
    """`request()` after a save; `poll()` often, from the thread that owns the runtime."""

    def __init__(self, path: Path, runtime, adopt: Callable[[Callable], None], fail: Callable[[str], None],
                 seconds: float = LOAD_SECONDS):
        self.path = path
        self.runtime = runtime
        self.adopt = adopt  # gets loading.prepare's `adopt(now)`, on the runtime's thread
        self.fail = fail  # gets a one-line error; the last good version plays on
        self.seconds = seconds
        self._worker: _Load | None = None
        self._again = False  # a save came while a load was running

    def request(self) -> None:
        if self._worker is None:
            self._worker = _Load(self.path, self.runtime)
        else:
            self._again = True

    def poll(self) -> None:
        worker = self._worker
        if worker is None:
            return
        if worker.done.is_set():
            self._worker = None
            if worker.error is not None:
                self.fail(str(worker.error))
            else:
                self.adopt(worker.result)
        elif time.monotonic() - worker.started > self.seconds:
            self._worker = None
            self.fail(f"{self.path}:{worker.line() or 1}: the piece's top level took more than {self.seconds:g} s; "
                      "edit abandoned")
            worker.abandon()
        else:
            return
        if self._again:
            self._again = False
            self.request()


class _Load:
    """One load of the piece on a thread of its own."""

    def __init__(self, path: Path, runtime):
        self.path = path
        self.runtime = runtime
        self.result = None
        self.error: ComposerError | None = None
        self.done = threading.Event()
        self._lock = threading.Lock()
        self.started = time.monotonic()
        self.thread = threading.Thread(target=self._run, name="composer-reload", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            try:
                self.result = loading.prepare(self.path, self.runtime)
            except ComposerError as error:
                self.error = error
            with self._lock:  # after this, `abandon` raises nothing here
                self.done.set()
        except Overrun:
            pass  # abandoned: nobody waits for it any more
        finally:
            fibers.release_idle()  # this thread ends: so do the fibers it ran the top level in

    def line(self) -> int | None:
        """The piece's line the load is running now."""
        frame = sys._current_frames().get(self.thread.ident)
        while frame is not None:
            if frame.f_code.co_filename == str(self.path):
                return frame.f_lineno
            frame = frame.f_back
        return None

    def abandon(self) -> None:
        with self._lock:
            if not self.done.is_set():
                interrupt(self.thread.ident)
