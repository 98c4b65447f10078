"""Bodies that can wait mid-iteration, so code that loops for ever plays for ever.

In Sonic Pi a thread is a thread: `loop do ... sleep ... end` at the top level, inside a
live_loop or an `in_thread` never returns, and plays until stopped. Here every iteration runs in
a fiber (a greenlet): a body that keeps sleeping is suspended at a sleep (`suspend`), queued at
its time, and resumed (`iterate`) when the stream gets there, so its events are made lazily, in
time order, in flat memory. A body that spins without sleeping is still the watchdog's
(composer.runtime.budget): it computes in one stretch.

A fiber runs one iteration after another, of whichever thread it is handed; one that finishes
waits, idle, for the next. Greenlets never cross OS threads: the idle ones are kept per thread,
and a runtime's threads run in the OS thread that started them. A suspended body whose thread
is stopped is ended (`abandon`) with `GreenletExit`: its `finally` and `with` blocks run then.
"""

from __future__ import annotations

import threading

from greenlet import error as GreenletError, getcurrent, greenlet

from composer import context
from composer.errors import ComposerError

#: What a fiber hands back when its body waits (else None, or the exception the body raised).
SUSPENDED = object()


class _Idle(threading.local):
    def __init__(self):
        self.fibers: list[greenlet] = []


_idle = _Idle()


def iterate(runtime, loop) -> bool:
    """Run `runtime._run_body(loop)` in a fiber, or resume the one it waits in: True if it is
    waiting again (suspended), False if it finished; what it raised is raised here."""
    fiber = runtime._suspended.pop(loop, None)
    if fiber is None:
        idle = _idle.fibers
        fiber = idle.pop() if idle else greenlet(_serve)
    try:
        fiber.parent = getcurrent()
    except ValueError:  # it waits in another OS thread's fiber
        raise ComposerError(f"{loop.name}: a body that loops for ever plays on in the thread that started it, "
                            "not in another (load and play a piece in one thread)") from None
    outcome = fiber.switch(runtime, loop)
    if outcome is SUSPENDED:
        runtime._suspended[loop] = fiber
        return True
    _idle.fibers.append(fiber)
    if outcome is not None:
        raise outcome
    return False


def suspend() -> None:
    """Called by the running body: wait here until `iterate` resumes it."""
    getcurrent().parent.switch(SUSPENDED)


def abandon(runtime, loop) -> None:
    """End `loop`'s suspended body, if it has one, now (it was stopped or removed): its
    `finally` blocks run as its thread; what they raise is dropped with it."""
    fiber = runtime._suspended.pop(loop, None)
    if fiber is None:
        return
    runtime._active.append(loop)
    context.current = loop.state
    try:
        fiber.parent = getcurrent()
        if fiber.throw() is not SUSPENDED:  # GreenletExit, at the sleep it waits in
            _idle.fibers.append(fiber)  # (a `finally` that sleeps again is left waiting: dropped)
    except GreenletError:  # a fiber of another OS thread: it cannot be reached, only dropped
        pass
    finally:
        runtime._active.pop()
        context.current = runtime._active[-1].state if runtime._active else context.top_level


def release_idle() -> None:
    """End this OS thread's idle fibers (a thread about to end: a reload's worker)."""
    fibers, _idle.fibers = _idle.fibers, []
    for fiber in fibers:
        fiber.throw()


def _serve(runtime, loop) -> None:
    """A fiber's life: run the body it is handed, hand back how it ended, wait for the next."""
    me = getcurrent()
    while True:
        try:
            runtime._run_body(loop)
            outcome = None
        except BaseException as error:  # the body's own, GreenletExit (abandoned), or Overrun
            outcome = error
        runtime = loop = None  # an idle fiber holds no runtime
        runtime, loop = me.parent.switch(outcome)
